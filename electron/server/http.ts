// Browser mode: the same contract over HTTP on loopback, and the built renderer as static files.
//   GET  /api            → the list of methods
//   POST /api/<method>   → {"ok":true,"value":…} | {"ok":false,"error":{code,message}}
//   GET  /api/events     → server-sent events: `change` {version} whenever a call changed the store
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { contract, methodNames, type ApiError } from '../shared/contract'
import { contentSecurityPolicy } from '../shared/csp'
import type { Dispatch } from '../core/api/dispatch'
import type { ChangeFeed } from '../core/api/changeFeed'

// Imports carry files as base64: a 100 MB file is about 134 MB of JSON.
const MAX_BODY = 160 * 1024 * 1024
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
const statusOf: Record<ApiError['code'], number> = { BAD_INPUT: 400, NOT_FOUND: 404, UNKNOWN_METHOD: 404, CONFLICT: 409, INTERNAL: 500, UNAUTHENTICATED: 401, FORBIDDEN: 403, LOCKED: 423, PASSWORD_EXPIRED: 403 }

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
const sendError = (res: ServerResponse, status: number, code: ApiError['code'], message: string) => sendJson(res, status, { ok: false, error: { code, message } })

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** One event stream per open page (the wall); a comment every 20 s keeps proxies and sleep from closing it. */
function streamChanges(req: IncomingMessage, res: ServerResponse, changes: ChangeFeed) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
  res.write(`retry: 1000\nevent: change\ndata: ${JSON.stringify({ version: changes.version() })}\n\n`)
  const unsubscribe = changes.subscribe((c) => res.write(`event: change\ndata: ${JSON.stringify(c)}\n\n`))
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

async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, dispatch: Dispatch) {
  if (path === '/api' || path === '/api/') {
    if (req.method !== 'GET') return sendError(res, 405, 'BAD_INPUT', '请用 GET 获取接口列表。')
    return sendJson(res, 200, { ok: true, value: { methods: methodNames.map((name) => ({ name, doc: contract[name].doc })) } })
  }
  const method = decodeURIComponent(path.slice('/api/'.length))
  if (req.method !== 'POST') return sendError(res, 405, 'BAD_INPUT', `接口“${method}”只接受 POST 请求（JSON 请求体）。`)
  let text: string
  try {
    text = await readBody(req)
  } catch {
    return sendError(res, 413, 'BAD_INPUT', `请求体过大（上限 ${MAX_BODY / 1024 / 1024} MB）。`)
  }
  let input: unknown = undefined
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text)
    } catch {
      return sendError(res, 400, 'BAD_INPUT', '请求体不是有效的 JSON。')
    }
  }
  // The core decides what the token allows (auth.login and auth.status need none).
  const result = await dispatch(method, input, { token: bearerOf(req) })
  sendJson(res, result.ok ? 200 : statusOf[result.error.code], result)
}

function serveStatic(res: ServerResponse, path: string, staticDir: string) {
  const rel = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '')
  let file = join(staticDir, rel)
  if (!file.startsWith(staticDir + sep) && file !== staticDir) return sendError(res, 403, 'BAD_INPUT', '禁止访问。')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, 'index.html')
  if (!existsSync(file)) return sendError(res, 500, 'INTERNAL', '界面文件缺失：请先运行 npm run build。')
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600'
  })
  createReadStream(file).pipe(res)
}

export type RunningServer = { server: Server; url: string; port: number; close: () => Promise<void> }

/**
 * Listen on 127.0.0.1 only. Refused: requests naming another host (DNS rebinding), API calls from a
 * page of another origin, and the change stream without a valid session (`?token=`, since an
 * EventSource cannot send headers).
 */
export function startHttpServer(opts: { dispatch: Dispatch; staticDir: string; port: number; changes?: ChangeFeed; isValidToken?: (token: string | undefined) => boolean }): Promise<RunningServer> {
  let ownPort = 0
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const host = (req.headers.host ?? '').replace(/:\d+$/, '')
    if (host !== '127.0.0.1' && host !== 'localhost') return sendError(res, 403, 'BAD_INPUT', '只接受本机访问（127.0.0.1）。')
    const origin = req.headers.origin
    if (url.pathname.startsWith('/api') && origin !== undefined && origin !== `http://127.0.0.1:${ownPort}` && origin !== `http://localhost:${ownPort}`)
      return sendError(res, 403, 'FORBIDDEN', `拒绝来自其他网页（${origin}）的请求。`)
    if (url.pathname === '/api/events' && req.method === 'GET' && opts.changes) {
      if (!(opts.isValidToken ?? (() => false))(url.searchParams.get('token') ?? undefined)) return sendError(res, 401, 'UNAUTHENTICATED', '未登录或登录已失效，请重新登录。')
      return streamChanges(req, res, opts.changes)
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname, opts.dispatch).catch((e) => sendError(res, 500, 'INTERNAL', `内部错误：${(e as Error).message}`))
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'BAD_INPUT', '不支持的请求方法。')
    serveStatic(res, url.pathname, opts.staticDir)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port
      ownPort = port
      resolve({
        server,
        port,
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((r) => {
          server.closeAllConnections()
          server.close(() => r())
        })
      })
    })
  })
}
