// Plain HTTPS requests to the town server for the tests, each on a connection of its own (so a
// revocation or a refused handshake shows on the very next request): with or without a seat
// certificate, from a chosen client address on 127.0.0.0/8, with any Host or Origin.
import { request } from 'node:https'
import { checkServerIdentity } from 'node:tls'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export type TlsClient = { ca: Buffer; cert?: Buffer; key?: Buffer; localAddress?: string }
export type Answer = { status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } | null; text: string }

/** A seat's files as `npm run town:seat` left them in the CA folder. */
export const seatFiles = (dir: string, seat: string): TlsClient & { cert: Buffer; key: Buffer } => ({
  ca: readFileSync(join(dir, 'ca.crt')),
  cert: readFileSync(join(dir, 'seats', `${seat}.crt`)),
  key: readFileSync(join(dir, 'seats', `${seat}.key`))
})
/** A browser seat: the town's CA trusted, no certificate of its own. */
export const browserFiles = (dir: string, localAddress?: string): TlsClient => ({ ca: readFileSync(join(dir, 'ca.crt')), localAddress })

export function httpsRequest(
  url: string,
  client: TlsClient,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string } = {}
): Promise<Answer> {
  const u = new URL(url)
  const body = init.body === undefined ? undefined : JSON.stringify(init.body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        agent: false,
        ca: client.ca,
        cert: client.cert,
        key: client.key,
        localAddress: client.localAddress,
        // The certificate is checked against the address dialled, whatever Host the request names.
        checkServerIdentity: (_host, cert) => checkServerIdentity(u.hostname, cert),
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...init.headers
        }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: Answer['body'] = null
          try {
            parsed = JSON.parse(text) as Answer['body']
          } catch {
            // Not JSON (a page, a certificate): the text says what it is.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text })
        })
      }
    )
    req.setTimeout(20_000, () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(body)
  })
}

/** Call a contract method over HTTPS: the method's Result (or the transport's refusal). */
export async function remoteCall(baseUrl: string, client: TlsClient, method: string, input: unknown, token?: string, headers?: Record<string, string>) {
  const r = await httpsRequest(`${baseUrl}api/${method}`, client, { body: input ?? {}, token, headers })
  return { status: r.status, ...(r.body as { ok: boolean; value?: unknown; error?: { code: string; message: string } }) }
}
