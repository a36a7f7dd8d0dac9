// Accounts, sessions and the audit trail on a real store: first-start setup, sign-in with lock-out,
// the idle lock, password expiry, the three administrators, an audit row with every change in the
// same transaction, and a tampered row found by the chain. Then the HTTP bridge's refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../electron/core/clock'
import type { Result } from '../../electron/shared/contract'
import type { Me } from '../../electron/shared/accounts'
import { startHttpServer, type RunningServer } from '../../electron/server/http'
import { demoPassword, ok, signIn, tempDir, testCore } from '../support/core'

let now = Date.parse('2026-11-22T01:00:00Z')
const clock: Clock = { now: () => new Date(now) }
const minutes = (m: number) => (now += m * 60_000)
let core: ReturnType<typeof testCore>
const as = (token: string) => (method: string, input?: unknown) => core.dispatch(method, input, { token }) as Promise<Result<never>>
const codeOf = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code)
const auditRows = (q: Record<string, unknown> = {}) => ok(core, 'audit.search', { limit: 500, ...q })

beforeAll(() => {
  core = testCore({ clock })
})
afterAll(() => core.close())

describe('first start', () => {
  it('has no account and no built-in password: the first call sets the administrator', async () => {
    expect(await ok(core, 'auth.status')).toEqual({ needsSetup: true })
    expect(codeOf(await core.dispatch('auth.login', { username: 'admin', password: 'admin' }))).toBe('UNAUTHENTICATED')
    const weak = await core.dispatch('auth.setup', { password: 'password' })
    expect(weak).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (!weak.ok) expect(weak.error.message).toMatch(/至少三类/)
    const { token, me } = await ok(core, 'auth.setup', { password: 'First#Pass2026' })
    expect(me.account).toMatchObject({ username: 'admin', role: 'sysadmin' })
    expect(me.capabilities).toEqual(['accounts.manage', 'settings.manage', 'backups.manage'])
    expect(codeOf(await core.dispatch('auth.setup', { password: 'Second#Pass2026' }))).toBe('CONFLICT')
    // Stored as scrypt, never in clear.
    const hash = core.store.sqlite.prepare("select password_hash from accounts where username = 'admin'").pluck().get() as string
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(hash).not.toContain('First#Pass2026')
    // The administrator of accounts sees no business data (三员分立).
    expect(codeOf(await as(token)('persons.list', {}))).toBe('FORBIDDEN')
    expect(codeOf(await as(token)('accounts.list'))).toBe('OK')
  })

  it('--demo-password gives admin and one account per role that password', async () => {
    await core.seedDemoAccounts(demoPassword)
    const accounts = await ok(core, 'accounts.list')
    expect(accounts.map((a) => a.role).sort()).toEqual([
      'auditor',
      'districtClerk',
      'leader',
      'officeClerk',
      'operator',
      'organiser',
      'secadmin',
      'sysadmin',
      'villageClerk'
    ])
    expect(accounts.find((a) => a.username === 'tingpu')?.unitName).toBe('汀圃社区')
    expect(accounts.find((a) => a.username === 'nanhai')?.unitName).toBe('南海区')
    expect(codeOf(await core.dispatch('auth.login', { username: 'admin', password: 'First#Pass2026' }))).toBe('UNAUTHENTICATED')
    await signIn(core, 'admin')
  })
})

describe('signing in', () => {
  it('refuses calls without a valid token, and a wrong password counts down to a 10-minute lock', async () => {
    expect(codeOf(await core.dispatch('grids.summary', {}, {}))).toBe('UNAUTHENTICATED')
    expect(codeOf(await core.dispatch('grids.summary', {}, { token: 'x'.repeat(43) }))).toBe('UNAUTHENTICATED')
    for (let i = 1; i <= 4; i++) {
      const r = await core.dispatch('auth.login', { username: 'leader', password: 'Wrong#pass1' })
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      if (!r.ok) expect(r.error.message).toContain(`再错 ${5 - i} 次`)
    }
    const fifth = await core.dispatch('auth.login', { username: 'leader', password: 'Wrong#pass1' })
    if (!fifth.ok) expect(fifth.error.message).toContain('锁定 10 分钟')
    // Locked: even the right password is refused until the time is up.
    const locked = await core.dispatch('auth.login', { username: 'leader', password: demoPassword })
    expect(locked.ok).toBe(false)
    if (!locked.ok) expect(locked.error.message).toMatch(/请 10 分钟后再试/)
    minutes(10)
    expect(codeOf(await core.dispatch('auth.login', { username: 'leader', password: demoPassword }))).toBe('OK')
    const rows = (await auditRows({ username: 'leader', action: 'auth.login' })).rows
    expect(rows.filter((r) => r.outcome === 'failed')).toHaveLength(5)
    expect(rows.filter((r) => r.outcome === 'denied')).toHaveLength(1)
    expect(rows.filter((r) => r.outcome === 'ok')).toHaveLength(1)
  })

  it('locks a session idle for 15 minutes; only the password unlocks it', async () => {
    const call = as(await signIn(core, 'leader'))
    expect(codeOf(await call('grids.summary'))).toBe('OK')
    minutes(14)
    expect(codeOf(await call('grids.summary'))).toBe('OK')
    minutes(16)
    expect(codeOf(await call('grids.summary'))).toBe('LOCKED')
    expect(((await call('auth.me')) as Result<Me>).ok && ((await call('auth.me')) as { value: Me }).value.locked).toBe(true)
    expect(codeOf(await call('auth.unlock', { password: 'Wrong#pass1' }))).toBe('UNAUTHENTICATED')
    expect(codeOf(await call('auth.unlock', { password: demoPassword }))).toBe('OK')
    expect(codeOf(await call('grids.summary'))).toBe('OK')
    expect(codeOf(await call('auth.lock'))).toBe('OK')
    expect(codeOf(await call('grids.summary'))).toBe('LOCKED')
  })

  it('asks for a new password after 90 days, and refuses a weak or unchanged one', async () => {
    now += 91 * 86_400_000
    const call = as(await signIn(core, 'operator'))
    expect(codeOf(await call('grids.summary'))).toBe('PASSWORD_EXPIRED')
    expect(codeOf(await call('auth.changePassword', { currentPassword: demoPassword, newPassword: demoPassword }))).toBe('BAD_INPUT')
    expect(codeOf(await call('auth.changePassword', { currentPassword: demoPassword, newPassword: 'operator#A1' }))).toBe('BAD_INPUT')
    expect(codeOf(await call('auth.changePassword', { currentPassword: 'Wrong#pass1', newPassword: 'Renewed#2027' }))).toBe('BAD_INPUT')
    expect(codeOf(await call('auth.changePassword', { currentPassword: demoPassword, newPassword: 'Renewed#2027' }))).toBe('OK')
    expect(codeOf(await call('grids.summary'))).toBe('OK')
    await core.seedDemoAccounts(demoPassword)
  })
})

describe('the administrators', () => {
  it('a new account can do nothing until the security administrator grants a role, and must change its first password', async () => {
    const admin = as(await signIn(core, 'admin'))
    const secadmin = as(await signIn(core, 'secadmin'))
    const created = (await admin('accounts.create', { username: 'luocun', displayName: '罗村专干', password: 'Initial#2026' })) as Result<{
      id: number
      role: null
    }>
    expect(created).toMatchObject({ ok: true, value: { role: null } })
    const id = (created as { value: { id: number } }).value.id
    // The system administrator cannot grant roles; the security administrator cannot create accounts.
    expect(codeOf(await admin('accounts.setRole', { id, role: 'operator', unitId: null }))).toBe('FORBIDDEN')
    expect(codeOf(await secadmin('accounts.create', { username: 'other', displayName: '某', password: 'Initial#2026' }))).toBe('FORBIDDEN')
    const first = as(await signIn(core, 'luocun', 'Initial#2026'))
    expect(codeOf(await first('grids.summary'))).toBe('PASSWORD_EXPIRED')
    expect(codeOf(await first('auth.changePassword', { currentPassword: 'Initial#2026', newPassword: 'Village#2026' }))).toBe('OK')
    expect(codeOf(await first('grids.summary'))).toBe('FORBIDDEN')
    // A village clerk needs a village.
    const office = core.store.sqlite.prepare("select id from units where kind = 'office' limit 1").pluck().get() as number
    expect(codeOf(await secadmin('accounts.setRole', { id, role: 'villageClerk', unitId: office }))).toBe('BAD_INPUT')
    const luocun = core.store.sqlite.prepare("select id from units where name = '罗村社区'").pluck().get() as number
    expect(codeOf(await secadmin('accounts.setRole', { id, role: 'villageClerk', unitId: luocun }))).toBe('OK')
    expect(codeOf(await first('grids.summary'))).toBe('OK')
    // Disabled: the session ends at once.
    expect(codeOf(await admin('accounts.setEnabled', { id, enabled: false }))).toBe('OK')
    expect(codeOf(await first('grids.summary'))).toBe('UNAUTHENTICATED')
  })
})

describe('the audit trail', () => {
  it('records a change with who, what, which record and before/after — personal data masked', async () => {
    const organiser = as(await signIn(core, 'organiser'))
    const grid = core.store.sqlite.prepare('select id, version from grids where tier = 1 order by id limit 1').get() as { id: number; version: number }
    expect(codeOf(await organiser('grids.update', { id: grid.id, version: grid.version, patch: { inspector: '审计测试员' } }))).toBe('OK')
    const [row] = (await auditRows({ action: 'grids.update' })).rows
    expect(row).toMatchObject({ username: 'organiser', role: 'organiser', outcome: 'ok', target: `id=${grid.id}` })
    expect(JSON.parse(row.after!)[0].row.inspector).toBe('审计测试员')
    expect(JSON.parse(row.before!)[0].row.inspector).not.toBe('审计测试员')
    // Denials are recorded too.
    const leader = as(await signIn(core, 'leader'))
    expect(codeOf(await leader('grids.update', { id: grid.id, version: grid.version + 1, patch: { inspector: '越权' } }))).toBe('FORBIDDEN')
    expect((await auditRows({ username: 'leader', outcome: 'denied' })).rows[0]).toMatchObject({ action: 'grids.update' })
  })

  it('writes nothing, neither the change nor its audit row, when the call fails', async () => {
    const organiser = as(await signIn(core, 'organiser'))
    const before = (await auditRows()).total
    const grid = core.store.sqlite.prepare('select id, version from grids where tier = 1 order by id limit 1').get() as { id: number; version: number }
    expect(codeOf(await organiser('grids.update', { id: grid.id, version: grid.version + 5, patch: { inspector: '过期的修改' } }))).toBe('CONFLICT')
    expect((await auditRows()).total).toBe(before)
  })

  it('refuses UPDATE and DELETE, and the chain finds a row changed behind its back', async () => {
    expect(await ok(core, 'audit.verify')).toMatchObject({ ok: true, firstBroken: null })
    const sqlite = core.store.sqlite
    expect(() => sqlite.prepare("update audit_events set username = 'x' where id = 3").run()).toThrow(/只能追加/)
    expect(() => sqlite.prepare('delete from audit_events where id = 3').run()).toThrow(/只能追加/)
    // Someone with the file drops the trigger and edits a row: the chain breaks at that row.
    sqlite.exec('drop trigger audit_events_no_update')
    sqlite.prepare('update audit_events set detail = \'{"reason":"改写"}\' where id = 5').run()
    const v = await ok(core, 'audit.verify')
    expect(v.ok).toBe(false)
    expect(v.firstBroken?.id).toBe(5)
    expect(v.firstBroken?.reason).toContain('被修改')
  })
})

describe('HTTP bridge', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startHttpServer({ dispatch: core.dispatch, staticDir: tempDir(), port: 0, isValidToken: (t) => core.accounts.sessionOf(t) !== null })
  })
  afterAll(() => server.close())
  const post = (method: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

  it('wants a Bearer token on every method but sign-in', async () => {
    expect((await post('grids.summary', '{}')).status).toBe(401)
    expect((await post('grids.summary', '{}', { authorization: 'Bearer forged-token-forged-token' })).status).toBe(401)
    const login = await (await post('auth.login', JSON.stringify({ username: 'leader', password: demoPassword }))).json()
    expect(login.ok).toBe(true)
    const res = await post('grids.summary', '{}', { authorization: `Bearer ${login.value.token}` })
    expect(res.status).toBe(200)
    expect((await post('grids.update', '{"id":1,"version":1,"patch":{"inspector":"越权"}}', { authorization: `Bearer ${login.value.token}` })).status).toBe(403)
  })

  it('refuses a page of another origin, and oversized bodies', async () => {
    const login = await (await post('auth.login', JSON.stringify({ username: 'leader', password: demoPassword }))).json()
    const foreign = await post('grids.summary', '{}', { authorization: `Bearer ${login.value.token}`, origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).error.message).toContain('evil.example')
    const big = await post('grids.import', 'x'.repeat(161 * 1024 * 1024), { authorization: `Bearer ${login.value.token}` }).catch(() => null)
    // Either the 413 arrives or the server cuts the upload off; it never takes it.
    if (big) expect(big.status).toBe(413)
  })
})
