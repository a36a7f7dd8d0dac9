// The contract: every method is bound, valid input gives output matching its schema, and bad
// input of any kind comes back as an error value — over the dispatcher and over HTTP.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, methodNames, type MethodName } from '../../electron/shared/contract'
import { createCoreServices } from '../../electron/core/app'
import { methodRules } from '../../electron/core/api/methodRules'
import { defaultBackupFolder, listBackups } from '../../electron/core/trust/backups'
import { createDispatcher } from '../../electron/core/api/dispatch'
import { startHttpServer, type RunningServer } from '../../electron/server/http'
import { demoPassword, signIn, tempDir, testClock, testCoreWithPeople } from '../support/core'
import { adminPassword, validInputs } from '../support/validInputs'
import { captureStatements, fullScansOf, type RanStatement } from '../support/queryPlans'

/** Each method's valid input (tests/support/validInputs.ts); the tests run in contract order. */
let validInput: Record<MethodName, unknown>
const statementsOf = new Map<MethodName, RanStatement[]>()
const logTables = ['changes', 'change_batches', 'audit_events', 'issue_events']
/** Methods whose purpose is to read a whole log, and why. */
const mustReadWholeLog: Partial<Record<MethodName, string>> = {
  'audit.verify': 'checks every row of the hash chain',
  'audit.search': 'the auditor pages through matches and is shown their count',
  'audit.export': 'exports the matching rows',
  'backups.run': 'a backup names how many audit rows it holds',
  'backups.preview': 'shows how many audit rows a backup holds',
  'backups.restore': 'records how many audit rows the restored store holds'
}
const latestBackup = () => listBackups(defaultBackupFolder(core.store.file))[0].file
const inputOf = (method: MethodName) => (typeof validInput[method] === 'function' ? (validInput[method] as () => unknown)() : validInput[method])
/** A fresh administrator session for the methods that act on the caller's own session. */
async function sessionFor(method: MethodName) {
  if ((methodRules[method] as { access: unknown }).access !== 'session') return undefined
  const r = await core.dispatch('auth.login', { username: 'admin', password: adminPassword })
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return { token: (r.value as { token: string }).token }
}

/** Inputs no method accepts. */
const garbage: unknown[] = ['text', 42, [1, 2], { unexpected: true }, null]

let core: ReturnType<typeof testCoreWithPeople>
let server: RunningServer
let token: string
beforeAll(async () => {
  core = testCoreWithPeople()
  validInput = validInputs(core.store.sqlite, latestBackup)
  server = await startHttpServer({ dispatch: core.dispatch, staticDir: tempDir(), port: 0, isValidToken: (t) => core.accounts.sessionOf(t) !== null })
})
afterAll(async () => {
  await server.close()
  core.close()
})

const post = (method: string, body: string) =>
  fetch(`${server.url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body })

describe('contract', () => {
  it('binds a handler to every declared method and nothing else', () => {
    expect(validInput).toBeDefined()
    const { handlers } = createCoreServices(core.store.db, testClock)
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort())
    expect(Object.keys(methodRules).sort()).toEqual([...methodNames].sort())
    expect(Object.keys(validInput).sort()).toEqual([...methodNames].sort())
  })

  it.each(methodNames)('%s answers valid input with output that matches its schema', async (method) => {
    const credentials = await sessionFor(method)
    const input = inputOf(method)
    const { value: r, statements } = await captureStatements(core.store.sqlite, () => core.dispatch(method, input, credentials))
    if (r.ok) statementsOf.set(method, statements)
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
    if (r.ok) expect(contract[method].output.safeParse(r.value).success).toBe(true)
  })

  it('reads no log table from end to end, except where a method must (the logs grow without bound)', () => {
    // Reading rows in primary-key order with no condition stops at the limit, whatever SQLite's plan
    // calls it. With a condition it may read to the end to find its rows (as `batch_id > ?` once did).
    const newestFirst = /^select [^()]+ from "?\w+"? order by ("?\w+"?\.)?"?id"?( desc)? limit (\?|\d+)$/i
    const found: string[] = []
    for (const [method, statements] of statementsOf) {
      if (method in mustReadWholeLog) continue
      for (const st of statements) {
        const sql = st.source.replace(/\s+/g, ' ').trim()
        if (newestFirst.test(sql)) continue
        for (const scan of fullScansOf(core.store.sqlite, st, logTables)) found.push(`${method}: ${scan} ← ${sql.slice(0, 160)}`)
      }
    }
    expect(statementsOf.size).toBeGreaterThan(90)
    expect(found).toEqual([])
  })

  it.each(methodNames)('%s rejects malformed input as a BAD_INPUT value with a Chinese message', async (method) => {
    for (const input of garbage) {
      // Methods without parameters accept null/undefined as "no input"; everything else must be refused.
      if (input === null && validInput[method] !== undefined && Object.keys(validInput[method] as object).length === 0) continue
      const r = await core.dispatch(method, input)
      // The caller is checked before the input: a session method without a session says so (the fuzz test sends its garbage with one).
      if (methodRules[method].access === 'session') {
        expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
        continue
      }
      if (input === null && r.ok) continue
      expect(r, `${method} ← ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      if (!r.ok) expect(r.error.message).toMatch(/请求参数有误/)
    }
  })

  it('names the field that is wrong', async () => {
    const r = await core.dispatch('grids.geojson', { tier: 4 })
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (!r.ok) expect(r.error.message).toContain('tier')
    const s = await core.dispatch('grids.search', { q: '   ' })
    expect(s).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('answers an unknown method with UNKNOWN_METHOD, and even prototype names are not methods', async () => {
    for (const m of ['grids.drop', 'toString', '__proto__', 'constructor', '']) {
      expect(await core.dispatch(m, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('turns an unexpected failure inside a handler into an INTERNAL value, never a throw', async () => {
    const { handlers, guard } = createCoreServices(core.store.db, testClock)
    const broken = createDispatcher(
      {
        ...handlers,
        'grids.summary': () => {
          throw new Error('disk on fire')
        }
      },
      guard
    )
    const r = await broken('grids.summary', {}, { internal: '测试' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    if (!r.ok) expect(r.error.message).toContain('数据未被修改')
  })
})

describe('HTTP bridge', () => {
  beforeAll(async () => {
    await core.seedDemoAccounts(demoPassword)
    token = await signIn(core, 'operator')
  })

  it('lists every method at GET /api', async () => {
    const res = await fetch(`${server.url}api`)
    const body = await res.json()
    expect(body.ok).toBe(true)
    expect(body.value.methods.map((m: { name: string }) => m.name).sort()).toEqual([...methodNames].sort())
  })

  it('answers POST /api/<method> with the same values as the dispatcher', async () => {
    const res = await post('grids.summary', '{}')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(await core.dispatch('grids.summary', {}))
    const empty = await post('grids.summary', '')
    expect((await empty.json()).ok).toBe(true)
  })

  it('turns malformed bodies, wrong verbs, unknown methods and unknown ids into error values', async () => {
    const cases: [Promise<Response>, number, string][] = [
      [post('grids.get', '{not json'), 400, 'BAD_INPUT'],
      [post('grids.get', '{"id":"七"}'), 400, 'BAD_INPUT'],
      [post('grids.get', '{"id":424242}'), 404, 'NOT_FOUND'],
      [post('no.such', '{}'), 404, 'UNKNOWN_METHOD'],
      [fetch(`${server.url}api/grids.summary`), 405, 'BAD_INPUT']
    ]
    for (const [request, status, code] of cases) {
      const res = await request
      expect(res.status).toBe(status)
      const body = await res.json()
      expect(body).toMatchObject({ ok: false, error: { code } })
      expect(typeof body.error.message).toBe('string')
    }
  })

  it('listens on loopback only and refuses requests naming another host', async () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' })
    // fetch() will not send a forged Host header, so use node:http directly (as a rebinding page would).
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api', headers: { host: 'evil.example' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
  })

  it('serves no file outside the renderer folder', async () => {
    const res = await fetch(`${server.url}..%2F..%2Fetc%2Fpasswd`)
    expect(await res.text()).not.toContain('root:')
  })
})
