// Browser mode as an attacker meets it, in a process of its own: malformed paths and request lines
// never end the process or answer 500; the session token is checked before a body is read; each
// method reads at most its own body limit and says 413 (readably) past it.
import { connect } from 'node:net'
import { request } from 'node:http'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyLimitOf, contract } from '../../electron/shared/contract'
import { tempDbFile, tempDir } from '../support/core'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'

let server: ServerProcess
let port: number
let token: string

beforeAll(async () => {
  const staticDir = tempDir()
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>狮山</title>')
  server = await startServerProcess(tempDbFile(), staticDir)
  port = Number(new URL(server.url).port)
  const r = await fetch(`${server.url}api/auth.login`, { method: 'POST', body: JSON.stringify({ username: 'operator', password: 'Shishan#2026' }) })
  token = ((await r.json()) as { value: { token: string } }).value.token
}, 90_000)
afterAll(() => server?.stop())

/** Send bytes as they are (fetch would normalise the request line) and read the status line back. */
function raw(text: string | Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let got = ''
    socket.on('data', (d) => (got += d.toString('latin1')))
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0), body: got }))
    socket.on('error', reject)
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${String(text).slice(0, 60)}`)))
    socket.write(text)
  })
}
const get = (target: string, method = 'GET') => raw(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)

describe('malformed requests', () => {
  const targets = [
    '/%ff',
    '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '/%E0%A4%A',
    '/%',
    '//',
    '///etc/passwd',
    '//127.0.0.2/x',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%00',
    '/a%00.js',
    '/?x=%ff',
    '/api/%ff',
    '/api/%',
    '/api/events?token=%ff',
    '/api/__proto__',
    '/api/constructor',
    `/${'长'.repeat(3000)}`,
    '/\\..\\..\\etc\\passwd',
    'http://127.0.0.1/%ff',
    '*'
  ]
  const named = targets.map((t) => [t.length > 60 ? `${t.slice(0, 12)}…（${t.length} 字符）` : t, t])
  it.each(named)('%s answers below 500 to every verb and the server keeps answering', async (_, target) => {
    for (const method of ['GET', 'HEAD', 'POST', 'OPTIONS']) {
      const r = await get(target, method)
      expect(r.status, `${method} ${target}`).toBeGreaterThanOrEqual(200)
      expect(r.status, `${method} ${target}: ${r.body.slice(0, 300)}`).toBeLessThan(500)
      expect(r.body).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/)
    }
    expect(await server.answering(), `the server ended on ${target}: ${server.stderr().slice(-500)}`).toBe(true)
  })

  it('answers an API path that is not a method with 404 and a message, not 500', async () => {
    for (const path of ['/api/%ff', '/api/%E0%A4%A', '/api/a%00b', '/api/__proto__', '/api/toString']) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' })
      expect(res.status, path).toBe(404)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('survives a torrent of garbage bytes and half-sent requests', async () => {
    await raw(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0xff, 0xfe]))
    await raw('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n')
    await raw('POST /api/auth.login HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')
    expect(await server.answering()).toBe(true)
  })
})

/**
 * Post `declared` bytes of body but send only `sent` of them, then wait for an answer: a server that
 * reads the body before deciding never answers, one that decides first answers at once.
 */
function postPartly(method: string, opts: { declared?: number; sent: number; token?: string; chunked?: boolean }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    if (!opts.chunked) headers['content-length'] = opts.declared ?? opts.sent
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`, headers }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body })
        req.destroy()
      })
    })
    req.on('error', reject)
    req.setTimeout(8_000, () => req.destroy(new Error(`no answer from ${method} before the body was complete`)))
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    let written = 0
    const pump = () => {
      while (written < opts.sent) {
        const n = Math.min(chunk.length, opts.sent - written)
        written += n
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump)
      }
      if (opts.chunked) req.end()
    }
    pump()
  })
}

describe('bodies', () => {
  it('refuses a call without a session before reading its body (401, not a schema message)', async () => {
    const t0 = Date.now()
    const r = await postPartly('persons.list', { declared: 150 * 1024 * 1024, sent: 64 * 1024 })
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(Date.now() - t0).toBeLessThan(5_000)
    // A malformed body without a token is a sign-in problem first.
    const bad = await fetch(`${server.url}api/persons.list`, { method: 'POST', body: '{"limit":"很多","sort":{"field":1}}' })
    expect(bad.status).toBe(401)
    expect(JSON.stringify(await bad.json())).not.toContain('limit')
    expect(await server.answering()).toBe(true)
  })

  it('gives each method its own body limit: large only for files, 413 readable past it', async () => {
    expect(bodyLimitOf('persons.list')).toBeLessThanOrEqual(4 * 1024 * 1024)
    expect(bodyLimitOf('auth.login')).toBeLessThanOrEqual(64 * 1024)
    expect(bodyLimitOf('grids.import')).toBeGreaterThanOrEqual(150 * 1024 * 1024)
    expect(bodyLimitOf('people.import')).toBeGreaterThanOrEqual(
      Number((contract['people.import'].input.shape.contentBase64 as { maxLength: number }).maxLength)
    )
    expect(bodyLimitOf('issues.create')).toBeGreaterThanOrEqual(9 * 14_000_000)
    // Declared too large: refused before a byte of it is read.
    const declared = await postPartly('persons.list', { declared: 50 * 1024 * 1024, sent: 64 * 1024, token })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body).error.message).toMatch(/请求体过大/)
    // Sent without a length and too long: the answer is still read, the connection is not reset.
    const streamed = await postPartly('persons.list', { sent: bodyLimitOf('persons.list') + 256 * 1024, token, chunked: true })
    expect(streamed.status).toBe(413)
    const login = await postPartly('auth.login', { declared: 1024 * 1024, sent: 1024 })
    expect(login.status).toBe(413)
    // A file import of a few megabytes is still taken (and judged by the import, not the transport).
    const file = Buffer.alloc(3 * 1024 * 1024, 0x61).toString('base64')
    const big = await fetch(`${server.url}api/grids.import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ fileName: 'a.geojson', contentBase64: file, options: { tier: 3, parentMatch: 'location' }, dryRun: true })
    })
    expect(big.status).toBeLessThan(500)
    expect(big.status).not.toBe(413)
    expect(await server.answering()).toBe(true)
  })
})
