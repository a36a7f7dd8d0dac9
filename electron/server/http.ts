// Browser mode and the town server: the same contract over HTTP — plain on loopback, HTTPS with the
// town's certificates on the network — and the built renderer as static files.
//   GET  /api                → the list of methods
//   POST /api/<method>       → {"ok":true,"value":…} | {"ok":false,"error":{code,message}}
//   POST /api/events/ticket  → a one-time ticket for the event stream (Bearer session)
//   GET  /api/events         → server-sent events: `change` {version} whenever a call changed the store
//                              (credential: `?ticket=` or the Bearer header — never the token in the URL)
//   GET  /ca, /town-ca.crt   → (town server) how to install the town's CA in a browser, and the CA itself
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { randomBytes } from 'node:crypto'
import type { TLSSocket } from 'node:tls'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { bodyLimitOf, contract, methodNames, type ApiError, type MethodName } from '../shared/contract'
import { contentSecurityPolicy } from '../shared/csp'
import type { Dispatch } from '../core/api/dispatch'
import { needsSession } from '../core/api/guard'
import type { ChangeFeed } from '../core/api/changeFeed'
import { concerns } from '../shared/storeChanges'
import { consoleAddresses, originOf, refuseForeignSeat, type TownTls } from './seats'
import { caPage } from './caPage'
import { contractHash } from '../core/api/contractHash'
import { appVersion } from '../core/paths'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon'
}
const statusOf: Record<ApiError['code'], number> = {
  BAD_INPUT: 400,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  INTERNAL: 500,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  LOCKED: 423,
  PASSWORD_EXPIRED: 403,
  UNAVAILABLE: 503
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  // A failure after the answer began (a stream cut short) can only end the connection.
  if (res.headersSent) return void res.destroy()
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}
const sendError = (res: ServerResponse, status: number, code: ApiError['code'], message: string) =>
  sendJson(res, status, { ok: false, error: { code, message } })

/**
 * Answer before (or instead of) reading the body: what the client still sends is read and dropped,
 * so it sees this answer rather than a reset connection; a sender that never stops is cut off.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, code: ApiError['code'], message: string) {
  sendError(res, status, code, message)
  if (req.complete) return
  req.removeAllListeners('data')
  req.resume()
  const cutOff = setTimeout(() => req.socket.destroy(), 30_000)
  cutOff.unref()
  req.once('end', () => clearTimeout(cutOff))
  req.once('close', () => clearTimeout(cutOff))
}

const tooLarge = (limit: number) => `请求体过大（此接口上限 ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`}）。`

/** The body as text, or null once it passed `limit` bytes (the caller answers 413). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (c: Buffer) => {
      size += c.length
      if (size <= limit) return void chunks.push(c)
      req.off('data', onData)
      chunks.length = 0
      resolve(null)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** A percent-encoded path as text, or null when its encoding is broken (`/%ff`, `/%E0%A4%A`). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}
const isMethod = (m: string): m is MethodName => Object.prototype.hasOwnProperty.call(contract, m)

/**
 * One event stream per open page or seat: `hello` on opening (a page that reconnects refreshes what it
 * shows), then each change that concerns the session's reach (its villages; all for town-wide roles).
 * The stream ends when the session does. A comment every 20 s keeps proxies and sleep from closing it.
 */
function streamChanges(req: IncomingMessage, res: ServerResponse, changes: ChangeFeed, token: string, reachOf: ServerOptions['reachOf']) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
  res.write(`retry: 1000\nevent: hello\ndata: ${JSON.stringify({ version: changes.version(), feed: changes.feed })}\n\n`)
  const unsubscribe = changes.subscribe((c) => {
    const reach = reachOf ? reachOf(token) : null
    if (reach === undefined) return void res.end()
    if (concerns(reach, c)) res.write(`event: change\ndata: ${JSON.stringify(c)}\n\n`)
  })
  const keepAlive = setInterval(() => res.write(': 心跳\n\n'), 20_000)
  req.on('close', () => {
    unsubscribe()
    clearInterval(keepAlive)
  })
}

/** The session token a request carries: `Authorization: Bearer <token>`. */
function bearerOf(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '')
  return m?.[1]
}
/** A write's idempotency key (`Idempotency-Key`), as a seat sends it: 16–100 letters, digits, - and _. */
function idempotencyKeyOf(req: IncomingMessage): string | undefined | null {
  const key = req.headers['idempotency-key']
  if (key === undefined) return undefined
  return typeof key === 'string' && /^[A-Za-z0-9_-]{16,100}$/.test(key) ? key : null
}

/**
 * One-time tickets for the event stream: an EventSource cannot send headers, and a session token in
 * a URL ends up in logs and histories. A ticket is good for one stream, within 30 seconds.
 */
function createTickets() {
  const tickets = new Map<string, { token: string; until: number }>()
  return {
    issue(token: string) {
      const now = Date.now()
      for (const [k, t] of tickets) if (t.until < now) tickets.delete(k)
      const ticket = randomBytes(24).toString('base64url')
      tickets.set(ticket, { token, until: now + 30_000 })
      return ticket
    },
    take(ticket: string | null): string | undefined {
      if (!ticket) return undefined
      const t = tickets.get(ticket)
      tickets.delete(ticket)
      return t && t.until >= Date.now() ? t.token : undefined
    }
  }
}

/**
 * In order, each before the body is read: the method exists, the verb is POST, the caller has a
 * session (unless the method is public), the declared length is within the method's limit.
 */
async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, opts: ServerOptions) {
  if (path === '/api' || path === '/api/') {
    if (req.method !== 'GET') return refuseBody(req, res, 405, 'BAD_INPUT', '请用 GET 获取接口列表。')
    return sendJson(res, 200, {
      ok: true,
      value: { version: appVersion(), contractHash: contractHash(), methods: methodNames.map((name) => ({ name, doc: contract[name].doc })) }
    })
  }
  // A seat says which contract it was built from; another one's calls would be read differently.
  const seatContract = req.headers['x-shishan-contract']
  if (seatContract !== undefined && seatContract !== contractHash())
    return refuseBody(
      req,
      res,
      409,
      'CONFLICT',
      `本席位程序（版本 ${String(req.headers['x-shishan-version'] ?? '未知').slice(0, 20)}，接口 ${String(seatContract).slice(0, 20)}）与镇服务器（版本 ${appVersion()}，接口 ${contractHash()}）不一致：请安装与镇服务器相同版本的席位程序。`
    )
  const method = decodePath(path.slice('/api/'.length))
  if (method === null || !isMethod(method))
    return refuseBody(req, res, 404, 'UNKNOWN_METHOD', method === null ? '接口名称的编码无效。' : `没有名为“${method.slice(0, 60)}”的接口方法。`)
  if (req.method !== 'POST') return refuseBody(req, res, 405, 'BAD_INPUT', `接口“${method}”只接受 POST 请求（JSON 请求体）。`)
  const token = bearerOf(req)
  if (needsSession(method) && !opts.isValidToken(token)) return refuseBody(req, res, 401, 'UNAUTHENTICATED', '未登录或登录已失效，请重新登录。')
  const limit = bodyLimitOf(method)
  if (Number(req.headers['content-length'] ?? 0) > limit) return refuseBody(req, res, 413, 'BAD_INPUT', tooLarge(limit))
  const text = await readBody(req, limit)
  if (text === null) return refuseBody(req, res, 413, 'BAD_INPUT', tooLarge(limit))
  let input: unknown = undefined
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text)
    } catch {
      return sendError(res, 400, 'BAD_INPUT', '请求体不是有效的 JSON。')
    }
  }
  const idempotencyKey = idempotencyKeyOf(req)
  if (idempotencyKey === null) return sendError(res, 400, 'BAD_INPUT', '请求头 Idempotency-Key 无效：应为 16–100 位字母、数字、- 或 _。')
  // The store's change version as the call began: a page reads again what it read before its change stream opened (shared/readVersions.ts).
  const stamp = opts.changes ? { 'x-store-version': `${opts.changes.feed}.${opts.changes.version()}` } : undefined
  // The core decides what the token allows (auth.login and auth.status need none), and where the call came from.
  const result = await opts.dispatch(method, input, { token, origin: originOf(req.socket, opts.consoleAddresses), idempotencyKey })
  sendJson(res, result.ok ? 200 : statusOf[result.error.code], result, stamp)
}

function serveStatic(res: ServerResponse, path: string, staticDir: string) {
  const decoded = decodePath(path)
  if (decoded === null || decoded.includes('\0')) return sendError(res, 400, 'BAD_INPUT', '地址的编码无效。')
  const rel = normalize(decoded).replace(/^([/\\])+/, '')
  let file = join(staticDir, rel)
  if (!file.startsWith(staticDir + sep) && file !== staticDir) return sendError(res, 403, 'BAD_INPUT', '禁止访问。')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, 'index.html')
  if (!existsSync(file)) return sendError(res, 503, 'INTERNAL', '界面文件缺失：请先运行 npm run build。')
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600'
  })
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}

export type RunningServer = { server: Server; url: string; port: number; close: () => Promise<void> }
type ServerOptions = {
  dispatch: Dispatch
  staticDir: string
  port: number
  /** Where to listen: 127.0.0.1 unless given; any other address needs `tls`. */
  host?: string
  /** The town's certificates: HTTPS, seats named by their certificates (electron/server/seats.ts). */
  tls?: TownTls
  /** Host names requests may name besides loopback's and the certificate's. */
  extraHosts?: string[]
  /** The addresses that are the server's own console (127.0.0.1 and ::1 unless given; a test of browser seats on one machine gives none). */
  consoleAddresses?: readonly string[]
  changes?: ChangeFeed
  /** Whether a token names a live session: asked before a body is read, and for the change stream. */
  isValidToken: (token: string | undefined) => boolean
  /** A session's reach (Core.reachOf): its change stream carries only what concerns it; without this, everything. */
  reachOf?: (token: string | undefined) => number[] | null | undefined
}

const isLoopback = (host: string) => consoleAddresses.includes(host) || host === 'localhost' || host.startsWith('127.')
/** The host name a Host header or an origin names, without port or IPv6 brackets. */
const hostName = (hostHeader: string) =>
  hostHeader
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase()

/**
 * Listen on 127.0.0.1 (plain HTTP, the server's own console) or, with the town's certificates, on the
 * network over HTTPS. Refused: requests naming a host not in the allow-list (DNS rebinding), API calls
 * from a page of another origin, the change stream without a live session, and a seat certificate the
 * town did not sign or has revoked (the connection is closed before any request). Whatever a request
 * holds, it gets an answer below 500 and the server goes on: a failure inside is answered (and logged
 * by the core), never thrown out of here.
 */
export function startHttpServer(opts: ServerOptions): Promise<RunningServer> {
  const listenHost = opts.host ?? '127.0.0.1'
  if (!opts.tls && !isLoopback(listenHost))
    return Promise.reject(new Error(`在 ${listenHost} 上监听必须使用 HTTPS：请给出镇证书目录（--tls），或只在 127.0.0.1 上监听。`))
  const scheme = opts.tls ? 'https' : 'http'
  const allowedHosts = new Set(['127.0.0.1', 'localhost', '::1', ...(opts.tls?.hosts ?? []), ...(opts.extraHosts ?? [])].map((h) => h.toLowerCase()))
  const tickets = createTickets()
  let ownPort = 0
  const ownOrigin = (origin: string) => {
    try {
      const u = new URL(origin)
      return u.protocol === `${scheme}:` && allowedHosts.has(hostName(u.host)) && Number(u.port || (scheme === 'https' ? 443 : 80)) === ownPort
    } catch {
      return false
    }
  }
  function route(req: IncomingMessage, res: ServerResponse) {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1')
    } catch {
      return refuseBody(req, res, 400, 'BAD_INPUT', '请求地址无效。')
    }
    const host = hostName(req.headers.host ?? '')
    if (!allowedHosts.has(host))
      return refuseBody(
        req,
        res,
        403,
        'BAD_INPUT',
        opts.tls ? `请用镇服务器的名称或地址访问（${[...(opts.tls.hosts ?? [])].join('、')}）。` : '只接受本机访问（127.0.0.1）。'
      )
    const origin = req.headers.origin
    if (url.pathname.startsWith('/api') && origin !== undefined && !ownOrigin(origin))
      return refuseBody(req, res, 403, 'FORBIDDEN', `拒绝来自其他网页（${origin.slice(0, 100)}）的请求。`)
    if (url.pathname === '/api/events/ticket') {
      if (req.method !== 'POST') return refuseBody(req, res, 405, 'BAD_INPUT', '请用 POST 领取事件流凭据。')
      const token = bearerOf(req)
      if (!token || !opts.isValidToken(token)) return refuseBody(req, res, 401, 'UNAUTHENTICATED', '未登录或登录已失效，请重新登录。')
      req.resume()
      return sendJson(res, 200, { ok: true, value: { ticket: tickets.issue(token) } })
    }
    if (url.pathname === '/api/events' && req.method === 'GET' && opts.changes) {
      const token = tickets.take(url.searchParams.get('ticket')) ?? bearerOf(req)
      if (!token || !opts.isValidToken(token)) return sendError(res, 401, 'UNAUTHENTICATED', '未登录或登录已失效，请重新登录。')
      return streamChanges(req, res, opts.changes, token, opts.reachOf)
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname, opts).catch(() => sendError(res, 400, 'BAD_INPUT', '请求未能读取完整，请重试。'))
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuseBody(req, res, 405, 'BAD_INPUT', '不支持的请求方法。')
    if (opts.tls && (url.pathname === '/ca' || url.pathname === '/town-ca.crt')) return caPage(res, url.pathname, opts.tls, ownPort)
    serveStatic(res, url.pathname, opts.staticDir)
  }
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    try {
      route(req, res)
    } catch {
      sendError(res, 400, 'BAD_INPUT', '无法处理此请求。')
    }
  }
  const server: Server = opts.tls
    ? createTlsServer({ key: opts.tls.key, cert: opts.tls.cert, ca: opts.tls.ca, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' }, handler)
    : createServer(handler)
  if (opts.tls) {
    const tls = opts.tls
    server.on('secureConnection', (socket: TLSSocket) => void refuseForeignSeat(socket, tls))
    // A client that never finishes its handshake (plain HTTP, a port scan) is dropped quietly.
    server.on('tlsClientError', (_e, socket) => socket.destroy())
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, listenHost, () => {
      const port = (server.address() as AddressInfo).port
      ownPort = port
      const shownHost = opts.tls ? (opts.tls.hosts[0] ?? listenHost) : '127.0.0.1'
      resolve({
        server,
        port,
        url: `${scheme}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections()
            server.close(() => r())
          })
      })
    })
  })
}
