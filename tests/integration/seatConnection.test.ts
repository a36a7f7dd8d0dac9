// A desktop seat's connection (electron/seat/seatConnection.ts) against the town server in a process
// of its own, over mutual TLS, through a link the test can cut: calls forwarded as the IPC handler
// would, the seat named in the server's audit, a seat of another contract refused, changes streamed,
// two seats on one issue (one wins, the other loses nothing), the cable pulled (writes refused, a lost
// answer checked: not made), and the server dying right after a write committed (checked: made once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { createServer } from 'node:net'
import { createServer as createHttpsServer } from 'node:https'
import { loadTownTls } from '../../electron/server/seats'
import { connectSeat, type CheckedOutcome, type SeatConnection, type SeatState } from '../../electron/seat/seatConnection'
import { contractHash } from '../../electron/core/api/contractHash'
import { appVersion } from '../../electron/core/paths'
import { createTownCa, issueSeat } from '../../electron/server/townCa'
import { demoPassword, tempDbFile, tempDir } from '../support/core'
import { seatFiles } from '../support/seatClient'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { startLink, type Link } from '../support/cuttableLink'
import type { Result } from '../../electron/shared/contract'

const dir = tempDir()
const dbFile = tempDbFile()
const staticDir = tempDir()
let port: number
let server: ServerProcess
let link: Link
const seats: SeatConnection[] = []
const states: SeatState[] = []
const checked: CheckedOutcome[] = []

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })
const startServer = (env: Record<string, string> = {}) => startServerProcess(dbFile, staticDir, { SHISHAN_TLS_DIR: dir, SHISHAN_PORT: String(port), ...env })
function seat(name: string, hash = contractHash()) {
  const s = connectSeat(
    { serverUrl: `https://127.0.0.1:${link.port}/`, ...seatFiles(dir, name) },
    {
      appVersion: appVersion(),
      contractHash: hash,
      retryMs: 200,
      onState: (st) => states.push(st),
      onChecked: (c) => checked.push(c)
    }
  )
  seats.push(s)
  return s
}
/** The server's store, read beside it (WAL lets a reader in while it runs). */
function store<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(dbFile, { readonly: true })
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as T
  } finally {
    db.close()
  }
}
const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as T
}
async function until(what: () => boolean, ms = 15_000) {
  const end = Date.now() + ms
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}
const signIn = async (s: SeatConnection, username: string) =>
  value<{ token: string }>(await s.dispatch('auth.login', { username, password: demoPassword })).token

let tingpu: SeatConnection
let centre: SeatConnection
let village: number
let spot: { lon: number; lat: number }
const newIssue = (title: string) => ({
  title,
  description: '席位测试登记',
  category: '环境卫生',
  urgency: '一般',
  source: '网格巡查',
  ...spot,
  reportingUnitId: village
})

beforeAll(async () => {
  createTownCa(dir, ['127.0.0.1'])
  issueSeat(dir, '汀圃社区-01')
  issueSeat(dir, '指挥中心-01')
  port = await freePort()
  server = await startServer()
  link = await startLink(port)
  village = store<number>("select id from units where name = '汀圃社区'")
  const db = new Database(dbFile, { readonly: true })
  spot = db.prepare('select label_lon lon, label_lat lat from grids where tier = 3 and village_unit_id = ? limit 1').get(village) as typeof spot
  db.close()
  tingpu = seat('汀圃社区-01')
  centre = seat('指挥中心-01')
}, 120_000)
afterAll(async () => {
  for (const s of seats) s.close()
  await link?.close()
  await server?.stop()
})

describe('a desktop seat', () => {
  it('forwards each call to the server, named by its certificate there; the server’s clock is the only clock', async () => {
    expect(await tingpu.start()).toMatchObject({ kind: 'connected', serverVersion: appVersion() })
    const token = await signIn(tingpu, 'tingpu')
    const list = value<{ total: number }>(await tingpu.dispatch('issues.list', {}, { token }))
    expect(list.total).toBeGreaterThanOrEqual(0)
    const created = value<{ id: number }>(await tingpu.dispatch('issues.create', newIssue('席位转发登记'), { token }))
    // The server runs on the tests' fixed clock (2026-11-22 09:00 China time); this process's clock says otherwise.
    expect(store<string>('select created_at from issues where id = ?', created.id)).toBe('2026-11-22T01:00:00.000Z')
    expect(store<string>("select seat from audit_events where action = 'issues.create' order by id desc limit 1")).toBe('汀圃社区-01')
    // Without a session the server refuses, as over IPC.
    expect(await tingpu.dispatch('issues.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('built from another contract, is refused naming both versions', async () => {
    const old = seat('指挥中心-01', 'ffffffffffff')
    const s = await old.start()
    expect(s.kind).toBe('incompatible')
    expect((s as { message: string }).message).toContain('接口 ffffffffffff')
    expect((s as { message: string }).message).toContain(`版本 ${appVersion()}，接口 ${contractHash()}`)
    expect(await old.dispatch('auth.status', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('hears changes made at another seat within a second', async () => {
    await centre.start()
    const operator = await signIn(centre, 'operator')
    const heard: number[] = []
    const stop = centre.watch(operator, () => heard.push(Date.now()))
    await new Promise((r) => setTimeout(r, 300)) // the stream opens
    const token = await signIn(tingpu, 'tingpu')
    const before = heard.length
    const sent = Date.now()
    value(await tingpu.dispatch('issues.create', newIssue('另一席位听到'), { token }))
    await until(() => heard.length > before, 5000)
    expect(heard[heard.length - 1] - sent).toBeLessThan(1000)
    stop()
  })

  it('two seats acting on one issue at once: one wins, the other is told of the conflict and nothing of it is written', async () => {
    const clerk = await signIn(tingpu, 'tingpu')
    const operator = await signIn(centre, 'operator')
    const { id } = value<{ id: number }>(await tingpu.dispatch('issues.create', newIssue('两席位同时办理'), { token: clerk }))
    const issue = { id, version: store<number>('select version from issues where id = ?', id) }
    const events = () => store<number>("select count(*) from issue_events where issue_id = ? and action = 'note'", issue.id)
    const act = (s: SeatConnection, token: string, note: string) =>
      s.dispatch('issues.act', { id: issue.id, version: issue.version, actingUnitId: village, action: { type: 'note', note } }, { token })
    const [a, b] = await Promise.all([act(tingpu, clerk, '村居专干补充情况'), act(centre, operator, '指挥中心代为补充')])
    const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort()
    expect(outcomes).toEqual(['CONFLICT', 'ok'])
    const lost = [a, b].find((r) => !r.ok) as { error: { message: string } }
    expect(lost.error.message).toMatch(/已被.*修改|刷新/)
    expect(events()).toBe(1)
  })
})

describe('when the network fails', () => {
  it('the cable pulled: the seat says so, refuses writes, and a write whose answer was lost is checked — not made', async () => {
    const token = await signIn(tingpu, 'tingpu')
    const count = () => store<number>("select count(*) from issues where title = '断网时登记'")
    link.cut()
    const lost = await tingpu.dispatch('issues.create', newIssue('断网时登记'), { token })
    expect(lost).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { unknownOutcome: true } } })
    expect((lost as { error: { message: string } }).error.message).toContain('不知是否已保存')
    expect(tingpu.state().kind).toBe('down')
    const refused = await tingpu.dispatch('issues.create', newIssue('断网时登记'), { token })
    expect((refused as { error: { message: string } }).error.message).toContain('与镇服务器的连接已断开，正在重连')
    expect(tingpu.unknownOutcomes()).toHaveLength(1)
    link.mend()
    await until(() => tingpu.state().kind === 'connected')
    await until(() => checked.length === 1)
    expect(checked[0]).toMatchObject({ method: 'issues.create', made: false })
    expect(count()).toBe(0)
    expect(tingpu.unknownOutcomes()).toHaveLength(0)
  }, 60_000)

  it('the server dies right after a write committed: unknown, then — the server back and the clerk signed in again — checked as made, once', async () => {
    await server.stop()
    server = await startServer({ SHISHAN_DIE_AFTER: 'issues.create' })
    await until(() => tingpu.state().kind === 'connected' || states.length > 0)
    const token = await signIn(tingpu, 'tingpu')
    const lost = await tingpu.dispatch('issues.create', newIssue('断电前登记'), { token })
    expect(lost).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { unknownOutcome: true } } })
    expect(tingpu.state().kind).toBe('down')
    server = await startServer()
    await until(() => tingpu.state().kind === 'connected')
    // The restart signed everyone out: the check waits for the clerk's account to sign in again.
    expect(await tingpu.dispatch('issues.list', {}, { token })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const before = checked.length
    await signIn(tingpu, 'tingpu')
    await until(() => checked.length > before)
    expect(checked[checked.length - 1]).toMatchObject({ method: 'issues.create', methodName: '登记新事件', made: true })
    expect(store<number>("select count(*) from issues where title = '断电前登记'")).toBe(1)
  }, 90_000)
})

describe('an answer cut off half way', () => {
  it('is no answer (said at once), not a call that waits for ever', async () => {
    // A server that sends the head of its answer and part of the body, then the cable is pulled.
    const tls = loadTownTls(dir)
    const half = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      if (req.url === '/api') return void res.end(JSON.stringify({ ok: true, value: { version: appVersion(), contractHash: contractHash() } }))
      req.resume()
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' })
      res.write('{"ok":true,"value":[')
      setTimeout(() => res.socket?.destroy(), 100)
    })
    await new Promise<void>((r) => half.listen(0, '127.0.0.1', () => r()))
    issueSeat(dir, '半截-01')
    const cut = connectSeat(
      { serverUrl: `https://127.0.0.1:${(half.address() as { port: number }).port}/`, ...seatFiles(dir, '半截-01') },
      { appVersion: appVersion(), contractHash: contractHash() }
    )
    try {
      const answer = await Promise.race([cut.dispatch('units.all', {}), new Promise((r) => setTimeout(() => r('still waiting'), 5000))])
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
      expect(cut.state().kind).toBe('down')
    } finally {
      cut.close()
      half.close()
    }
  })
})
