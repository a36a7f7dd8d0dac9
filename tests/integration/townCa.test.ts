// The town's certificates (issue 20): a CA, the server's certificate for the names seats use, seat
// certificates that pass a real mutual-TLS handshake, a foreign or missing one that does not, and
// revocation by serial as the server will see it.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { X509Certificate } from 'node:crypto'
import { join } from 'node:path'
import { connect, createServer, type TLSSocket } from 'node:tls'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../electron/core/paths'
import { createTownCa, isRevoked, issueSeat, readRevoked, revokeSeat } from '../../electron/server/townCa'
import { tempDir } from '../support/core'

const file = (dir: string, name: string) => readFileSync(join(dir, name))

/** A TLS server asking for a seat certificate signed by the town's CA; resolves with the seat's name, or the failure. */
async function handshake(dir: string, client: { key?: Buffer; cert?: Buffer }): Promise<{ seat?: string; serial?: string; error?: string }> {
  const server = createServer({
    key: file(dir, 'server.key'),
    cert: file(dir, 'server.crt'),
    ca: file(dir, 'ca.crt'),
    requestCert: true,
    rejectUnauthorized: true
  })
  const seen = new Promise<{ seat: string; serial: string }>((resolve) =>
    server.on('secureConnection', (s: TLSSocket) => {
      const peer = s.getPeerCertificate()
      resolve({ seat: peer.subject.CN as string, serial: peer.serialNumber })
      s.end('ok')
    })
  )
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  try {
    return await new Promise((resolve) => {
      let answered = false
      const socket = connect({ host: '127.0.0.1', port, ca: file(dir, 'ca.crt'), ...client }, () => {
        socket.once('data', () => {
          answered = true
          void seen.then(resolve)
        })
      })
      socket.on('error', (e) => resolve({ error: e.message }))
      socket.on('close', () => answered || resolve({ error: 'closed' }))
    })
  } finally {
    server.close()
  }
}

describe('the town CA', () => {
  it('signs a server certificate for the given names and addresses, and seat certificates that pass mutual TLS', async () => {
    const dir = tempDir()
    createTownCa(dir, ['127.0.0.1', 'shishan-server'])
    const ca = new X509Certificate(file(dir, 'ca.crt'))
    const server = new X509Certificate(file(dir, 'server.crt'))
    expect(ca.ca).toBe(true)
    expect(server.verify(ca.publicKey)).toBe(true)
    expect(server.subjectAltName).toContain('IP Address:127.0.0.1')
    expect(server.subjectAltName).toContain('DNS:shishan-server')
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1')

    const seat = issueSeat(dir, '汀圃社区-01')
    expect(new X509Certificate(readFileSync(seat.certFile)).verify(ca.publicKey)).toBe(true)
    const ok = await handshake(dir, { key: readFileSync(seat.keyFile), cert: readFileSync(seat.certFile) })
    expect(ok.error).toBeUndefined()
    expect(ok.seat).toBe('汀圃社区-01')

    // No certificate, or one from another CA: the handshake fails.
    expect((await handshake(dir, {})).error).toBeTruthy()
    const foreign = tempDir()
    createTownCa(foreign, ['127.0.0.1'])
    const stranger = issueSeat(foreign, '外来席位')
    expect((await handshake(dir, { key: readFileSync(stranger.keyFile), cert: readFileSync(stranger.certFile) })).error).toBeTruthy()

    // Revoked: listed by the serial the server sees on the connection.
    expect(isRevoked(readRevoked(dir), ok.serial!)).toBe(false)
    revokeSeat(dir, '汀圃社区-01')
    revokeSeat(dir, '汀圃社区-01')
    expect(readRevoked(dir)).toHaveLength(1)
    expect(isRevoked(readRevoked(dir), ok.serial!)).toBe(true)
  }, 60_000)

  it('refuses what would break the town: a second CA in the same folder, a bad name or host, a seat before the CA, a seat twice', () => {
    const dir = tempDir()
    expect(() => issueSeat(dir, '席位-01')).toThrow('请先运行 npm run town:ca')
    expect(() => createTownCa(dir, [])).toThrow('至少给出一个')
    expect(() => createTownCa(dir, ['bad host!'])).toThrow('不是有效的主机名')
    createTownCa(dir, ['10.20.30.40'])
    expect(() => createTownCa(dir, ['10.20.30.40'])).toThrow('已拒绝')
    expect(() => issueSeat(dir, '../etc/passwd')).toThrow('席位名称')
    expect(() => issueSeat(dir, '')).toThrow('席位名称')
    issueSeat(dir, '罗村管理处-02')
    expect(() => issueSeat(dir, '罗村管理处-02')).toThrow('已有证书')
    expect(() => revokeSeat(dir, '没有的席位')).toThrow('没有名为')
  }, 60_000)

  it('runs from the command line, saying what it did or what is missing, in Chinese', () => {
    const dir = tempDir()
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron', 'server', 'townCli.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' })
    const made = cli('ca', '--dir', dir, '--host', '127.0.0.1')
    expect(made.status).toBe(0)
    expect(made.stdout).toContain('已在')
    const seat = cli('seat', '大岗村-01', '--dir', dir)
    expect(seat.status).toBe(0)
    expect(seat.stdout).toContain('大岗村-01')
    const missing = cli('seat', '--dir', dir)
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('请给出席位名称')
    const again = cli('ca', '--dir', dir, '--host', '127.0.0.1')
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('已拒绝')
  }, 60_000)
})
