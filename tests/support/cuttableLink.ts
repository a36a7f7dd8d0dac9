// A network link between a seat and the server that a test can cut: it passes TCP through (TLS stays
// end to end), and when cut it drops every open connection and refuses new ones — a cable pulled.
import { createServer, connect, type Socket } from 'node:net'

export type Link = { port: number; cut: () => void; mend: () => void; close: () => Promise<void> }

export function startLink(targetPort: number, host = '127.0.0.1'): Promise<Link> {
  const open = new Set<Socket>()
  let cut = false
  const server = createServer((client) => {
    if (cut) return void client.destroy()
    const upstream = connect(targetPort, host)
    open.add(client).add(upstream)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
    client.pipe(upstream)
    upstream.pipe(client)
  })
  return new Promise((resolve) =>
    server.listen(0, host, () =>
      resolve({
        port: (server.address() as { port: number }).port,
        cut: () => {
          cut = true
          for (const s of open) s.destroy()
          open.clear()
        },
        mend: () => void (cut = false),
        close: () =>
          new Promise((r) => {
            for (const s of open) s.destroy()
            server.close(() => r())
          })
      })
    )
  )
}
