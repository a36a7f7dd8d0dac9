// A desktop seat's connection to the town server (issue 20). In seat mode the Electron main process
// opens no store: each call of the contract goes here and on to the server over mutual TLS (this
// seat's certificate), so the renderer and preload stay exactly as on a single PC. Node only — no
// `electron` import — so it is tested under Node against a real server process.
//
// What a desk sees when the network fails: the connection's state (the banner 与镇服务器的连接已断开，
// 正在重连), writes refused while it is down, and a write whose answer never came said so — then,
// once the server is back, checked by its idempotency key and the outcome reported. Nothing is dropped
// silently and nothing is done twice: every write carries a key the server keeps.
import { randomBytes } from 'node:crypto'
import { Agent, request, type RequestOptions } from 'node:https'
import { isIP } from 'node:net'
import type { IncomingMessage } from 'node:http'
import type { ApiError, Result } from '../shared/contract'
import { methodRules } from '../core/api/methodRules'
import { contract } from '../shared/contract'
import { changeKinds } from '../shared/storeChanges'
import type { CheckedOutcome, SeatState, UnknownOutcome } from '../shared/seat'
export type { CheckedOutcome, SeatState, UnknownOutcome }

const wholeStore = { kinds: [...changeKinds], villageIds: null }

export type SeatSettings = {
  /** https://镇服务器:5443/ */
  serverUrl: string
  /** The town's CA (PEM): the only CA this seat trusts for the server. */
  ca: string | Buffer
  /** This seat's certificate and key (PEM), from `npm run town:seat`. */
  cert: string | Buffer
  key: string | Buffer
  /** Bind to this local address (tests make several client addresses on 127.0.0.0/8). */
  localAddress?: string
}

type Options = {
  appVersion: string
  contractHash: string
  onState?: (state: SeatState) => void
  /** A write of unknown outcome, checked: made (the server had done it) or not (nothing was written). */
  onChecked?: (outcome: CheckedOutcome) => void
  /** How long one call may take (an export of the town's ledger is the longest). */
  callTimeoutMs?: number
  /** How often a down connection is tried again (doubling up to 10 s). */
  retryMs?: number
  /** Attempts of one write before its outcome is called unknown. */
  writeAttempts?: number
  /** Each answer of a call, with the store's change version the server stamped it with (x-store-version). */
  onAnswer?: (method: string, token: string | undefined, stamp: string | null) => void
}

const isWrite = (method: string) => Object.hasOwn(methodRules, method) && (methodRules as Record<string, { write?: boolean }>)[method].write === true
const methodName = (method: string) =>
  Object.hasOwn(contract, method) ? (contract as Record<string, { doc: string }>)[method].doc.split(/[：（；，,(]/)[0] : method
const newKey = () => randomBytes(18).toString('base64url')
const unavailable = (message: string, details?: unknown): Result<never> => ({ ok: false, error: { code: 'UNAVAILABLE', message, details } })

/** A network failure (no answer at all), as opposed to an answer the server gave. */
class NoAnswer extends Error {}

export function connectSeat(settings: SeatSettings, opts: Options) {
  const base = new URL(settings.serverUrl)
  if (base.protocol !== 'https:') throw new Error(`镇服务器地址须以 https:// 开头（${settings.serverUrl}）。`)
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 8,
    ca: settings.ca,
    cert: settings.cert,
    key: settings.key,
    localAddress: settings.localAddress
  })
  const timeoutMs = opts.callTimeoutMs ?? 120_000
  const hostname = base.hostname.replace(/^\[(.*)\]$/, '$1')
  // SNI carries names only; the certificate is still checked against the address.
  const servername = isIP(hostname) ? undefined : hostname
  let state: SeatState = { kind: 'connecting' }
  const setState = (next: SeatState) => {
    state = next
    opts.onState?.(next)
  }
  const unknown = new Map<string, UnknownOutcome>()
  // Which account each session token signed in (from auth.login's answer): a receipt is asked under
  // a session of the account that sent the write, even a new one after the server restarted.
  const accountOf = new Map<string, number>()
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryDelay = opts.retryMs ?? 1000
  let closed = false

  /** A request to the server on this seat's connection, saying which contract and version it speaks. */
  const requestTo = (path: string, method: 'GET' | 'POST', headers: Record<string, string>): RequestOptions => ({
    agent,
    method,
    hostname,
    port: base.port || 443,
    path,
    servername,
    headers: { 'x-shishan-contract': opts.contractHash, 'x-shishan-version': opts.appVersion, ...headers }
  })

  function send(
    path: string,
    init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string>; timeoutMs?: number }
  ): Promise<{ status: number; text: string; stamp: string | null }> {
    return new Promise((resolve, reject) => {
      const options = requestTo(path, init.method, {
        ...(init.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(init.body)) } : {}),
        ...init.headers
      })
      const req = request(options, (res: IncomingMessage) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        const stamp = res.headers['x-store-version']
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), stamp: typeof stamp === 'string' ? stamp : null })
        )
        res.on('error', (e) => reject(new NoAnswer(e.message)))
      })
      req.setTimeout(init.timeoutMs ?? timeoutMs, () => req.destroy(new Error('等待应答超时')))
      req.on('error', (e) => reject(new NoAnswer(e.message)))
      req.end(init.body)
    })
  }

  /** Ask the server who it is: the connection is up (or refused as another version). */
  async function hello(): Promise<SeatState> {
    try {
      const r = await send('/api', { method: 'GET', timeoutMs: 10_000 })
      const body = JSON.parse(r.text) as { ok: boolean; value?: { version: string; contractHash: string } }
      const server = body.value
      if (!server) throw new NoAnswer(`镇服务器应答异常（HTTP ${r.status}）`)
      if (server.contractHash !== opts.contractHash)
        return {
          kind: 'incompatible',
          message: `本席位程序（版本 ${opts.appVersion}，接口 ${opts.contractHash}）与镇服务器（版本 ${server.version}，接口 ${server.contractHash}）不一致：请安装与镇服务器相同版本的席位程序。`
        }
      return { kind: 'connected', serverVersion: server.version }
    } catch (e) {
      return { kind: 'down', since: new Date().toISOString(), message: connectionMessage(e) }
    }
  }

  function connectionMessage(e: unknown): string {
    const text = (e as Error).message ?? String(e)
    if (/ECONNREFUSED/.test(text)) return `镇服务器（${base.host}）没有应答：服务可能未启动或正在重启。`
    if (/certificate|self.signed|unable to verify|SSL|alert/i.test(text))
      return `与镇服务器的加密连接未能建立（${text}）：请检查本席位的证书是否有效、未被吊销。`
    if (/disconnected before secure TLS/i.test(text)) return `与镇服务器（${base.host}）的连接在加密握手时中断：网络可能不通，或本席位证书已被吊销。`
    if (/ECONNRESET|socket hang up/i.test(text)) return `镇服务器断开了连接（${text}）：本席位证书可能已被吊销，或服务器正在重启。`
    return `无法连接镇服务器（${base.host}）：${text}`
  }

  /** While down: try again, then check the writes whose answers were lost. */
  function scheduleRetry() {
    if (retryTimer || closed) return
    retryTimer = setTimeout(async () => {
      retryTimer = undefined
      const next = await hello()
      if (closed) return
      if (next.kind === 'connected') becameConnected(next)
      else {
        if (next.kind === 'incompatible') return setState(next)
        retryDelay = Math.min(retryDelay * 2, 10_000)
        setState(state.kind === 'down' ? { ...state, message: next.kind === 'down' ? next.message : state.message } : next)
        scheduleRetry()
      }
    }, retryDelay)
    retryTimer.unref?.()
  }

  function becameConnected(next: SeatState) {
    retryDelay = opts.retryMs ?? 1000
    setState(next)
    void checkUnknown()
  }

  /** `reason`: what the failed call was told (connectionMessage's words already). */
  function wentDown(reason: string) {
    if (state.kind !== 'down') setState({ kind: 'down', since: new Date().toISOString(), message: reason })
    scheduleRetry()
  }

  /**
   * Each write of unknown outcome, asked of the server by its key under a live session of the account
   * that sent it. When none is live (the server restarted and signed everyone out) it waits until that
   * account signs in again on this seat.
   */
  let checking = false
  async function checkUnknown() {
    if (checking || state.kind !== 'connected') return
    checking = true
    try {
      for (const w of [...unknown.values()]) {
        for (const [token, accountId] of accountOf) {
          if (accountId !== w.accountId) continue
          const r = await post('writes.receipt', { key: w.key }, token, undefined)
          if (!r.ok) {
            if (r.error.code === 'UNAVAILABLE') return
            // That session ended: forget it, and try another of the account's.
            accountOf.delete(token)
            continue
          }
          unknown.delete(w.key)
          opts.onChecked?.({ ...w, made: (r.value as { made: boolean }).made })
          break
        }
      }
    } finally {
      checking = false
    }
  }
  /** Note whom a sign-in's session belongs to, and check what that account left unknown. */
  function noteSession(method: string, result: Result<unknown>, sentWith: string | undefined) {
    if (result.ok && method === 'auth.logout' && sentWith) accountOf.delete(sentWith)
    if (!result.ok || (method !== 'auth.login' && method !== 'auth.setup')) return
    const { token, me } = result.value as { token: string; me: { account: { id: number } } }
    accountOf.set(token, me.account.id)
    if ([...unknown.values()].some((w) => w.accountId === me.account.id)) void checkUnknown()
  }

  async function post(method: string, input: unknown, token: string | undefined, key: string | undefined): Promise<Result<unknown>> {
    let answer
    try {
      answer = await send(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        body: JSON.stringify(input ?? {}),
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) }
      })
    } catch (e) {
      return unavailable(connectionMessage(e), { noAnswer: true })
    }
    opts.onAnswer?.(method, token, answer.stamp)
    try {
      return JSON.parse(answer.text) as Result<unknown>
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `镇服务器返回了无法识别的应答（HTTP ${answer.status}）。` } }
    }
  }

  /**
   * One call of the contract, as the IPC handler receives it. A write carries a key; when no answer
   * comes it is sent again with the same key (the server does it at most once); when none of the
   * attempts is answered, the outcome is unknown — said so, and checked once the server is back.
   */
  async function dispatch(method: string, input: unknown, credentials: { token?: string } = {}): Promise<Result<unknown>> {
    if (state.kind === 'incompatible') return { ok: false, error: { code: 'CONFLICT', message: state.message } }
    const writes = isWrite(method)
    if (state.kind === 'down' && writes) return unavailable(`与镇服务器的连接已断开，正在重连：此时不能保存（${methodName(method)}）。连接恢复后请再提交。`)
    const key = writes ? newKey() : undefined
    const attempts = writes ? (opts.writeAttempts ?? 3) : 1
    let last: Result<unknown> | undefined
    for (let attempt = 0; attempt < attempts; attempt++) {
      last = await post(method, input, credentials.token, key)
      const noAnswer = !last.ok && last.error.code === 'UNAVAILABLE' && (last.error.details as { noAnswer?: boolean } | undefined)?.noAnswer
      if (!noAnswer) {
        if (state.kind !== 'connected') void hello().then((s) => s.kind === 'connected' && state.kind !== 'connected' && becameConnected(s))
        noteSession(method, last, credentials.token)
        return last
      }
      if (attempt + 1 < attempts) await new Promise((r) => setTimeout(r, 300 * (attempt + 1)))
    }
    wentDown((last as { error: ApiError }).error.message)
    if (!writes) return last!
    const accountId = credentials.token ? (accountOf.get(credentials.token) ?? null) : null
    unknown.set(key!, { key: key!, method, methodName: methodName(method), sentAt: new Date().toISOString(), accountId })
    return unavailable(
      `与镇服务器的连接中断：“${methodName(method)}”已发出，但没有收到应答，不知是否已保存。连接恢复后本席位会自动核对并提示结果，请勿重复提交。`,
      { unknownOutcome: true, key }
    )
  }

  /**
   * The server's change stream for one session (the seat keeps one and passes changes to its windows).
   * Reopened after a drop; every reopening also counts as a change of everything, since some may have been missed.
   */
  function watch(token: string, onChange: (change: unknown) => void, onHello?: (hello: unknown) => void): () => void {
    let stopped = false
    let opened = 0
    let current: ReturnType<typeof request> | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const open = () => {
      if (stopped) return
      current = request(requestTo('/api/events', 'GET', { authorization: `Bearer ${token}`, accept: 'text/event-stream' }), (res) => {
        if (res.statusCode !== 200) {
          res.resume()
          return again()
        }
        let buffer = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buffer += chunk
          let end
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const data = /^data: (.*)$/m.exec(block)
            if (/^event: change$/m.test(block) && data) onChange(JSON.parse(data[1]) as unknown)
            else if (/^event: hello$/m.test(block)) {
              const hello = data ? (JSON.parse(data[1]) as object) : {}
              onHello?.(hello)
              // Opened again after a drop: what changed meanwhile is not known, so everything may have.
              if (opened++ > 0) onChange({ ...hello, ...wholeStore })
            }
          }
        })
        res.on('end', again)
        res.on('error', again)
      })
      current.on('error', again)
      current.end()
    }
    const again = () => {
      if (stopped || timer) return
      timer = setTimeout(() => {
        timer = undefined
        open()
      }, 1000)
      timer.unref?.()
    }
    open()
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
      current?.destroy()
    }
  }

  return {
    /** Ask the server once (first start, 系统设置 → 测试连接): connected, down, or another version. */
    async start(): Promise<SeatState> {
      const s = await hello()
      setState(s)
      if (s.kind === 'down') scheduleRetry()
      return s
    },
    dispatch,
    watch,
    state: () => state,
    /** Writes sent whose outcome is not yet known. */
    unknownOutcomes: () => [...unknown.values()],
    close() {
      closed = true
      if (retryTimer) clearTimeout(retryTimer)
      agent.destroy()
    }
  }
}
export type SeatConnection = ReturnType<typeof connectSeat>
