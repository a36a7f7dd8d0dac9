// What an outsider or a passer-by at an unlocked desk could try against sign-in and the trail:
// text SQLite cannot store faithfully (the audit chain must still verify), telling real usernames
// from unknown ones by the answers, and guessing the password at the lock screen without limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../electron/core/clock'
import type { Result } from '../../electron/shared/contract'
import { createAuditService } from '../../electron/core/trust/audit'
import { demoPassword, ok, signIn, testCore } from '../support/core'

let now = Date.parse('2026-11-22T01:00:00Z')
const clock: Clock = { now: () => new Date(now) }
let core: ReturnType<typeof testCore>
const login = (username: string, password: string) => core.dispatch('auth.login', { username, password }) as Promise<Result<{ token: string }>>
const refusal = (r: Result<unknown>) => (r.ok ? 'OK' : `${r.error.code} ${r.error.message}`)
let auditor: string
const verify = async () => (await core.dispatch('audit.verify', {}, { token: auditor })) as Result<{ ok: boolean; firstBroken: unknown }>

beforeAll(async () => {
  core = testCore({ clock })
  await core.seedDemoAccounts(demoPassword)
  auditor = await signIn(core, 'auditor')
})
afterAll(() => core.close())

describe('text the store cannot hold as it is', () => {
  it('refuses a lone surrogate anywhere in a request, naming the field, and the trail still verifies', async () => {
    const r = await login('\ud800zz', 'Wrong#pass1')
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (!r.ok) expect(r.error.message).toMatch(/字段“username”含有无法识别的字符/)
    const nested = await core.dispatch('persons.list', { filters: { 'a\udc00': 'x' } }, { token: await signIn(core, 'operator') })
    expect(nested).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await verify()).toMatchObject({ ok: true, value: { ok: true } })
  })

  it('hashes exactly what it stores, for every text field of a row', async () => {
    const audit = createAuditService(core.store.db, clock)
    const half = '\ud83d'
    audit.append({
      accountId: null,
      username: `甲${half}`,
      role: null,
      action: `auth.login${half}`,
      outcome: 'failed',
      target: `x${half}`,
      detail: `明细${half}`,
      before: `前${half}`,
      after: { note: `后${half}` }
    })
    // A name cut at 32 code units can split a pair: what is stored is what was hashed.
    audit.append({ accountId: null, username: `${'a'.repeat(31)}😀`.slice(0, 32), role: null, action: 'auth.login', outcome: 'failed', target: null })
    const stored = core.store.sqlite.prepare('select username, hex(username) bytes from audit_events order by id desc limit 2').all() as {
      username: string
      bytes: string
    }[]
    for (const row of stored) expect(row.bytes).not.toMatch(/^(..)*ED[AB]/)
    expect(stored[1].username).toBe('甲\ufffd')
    expect(await verify()).toMatchObject({ ok: true, value: { ok: true } })
  })

  it('still finds a row that was really changed', async () => {
    const last = core.store.sqlite.prepare('select id from audit_events order by id desc limit 1').pluck().get() as number
    core.store.sqlite.exec('drop trigger if exists audit_events_no_update')
    core.store.sqlite.prepare("update audit_events set target = 'forged' where id = ?").run(last)
    const r = await verify()
    expect(r).toMatchObject({ ok: true, value: { ok: false, firstBroken: { id: last } } })
  })
})

describe('sign-in tells nothing of which usernames exist', () => {
  it('answers an unknown name exactly as a real one with a wrong password, down to the lock', async () => {
    for (let i = 1; i <= 7; i++) {
      const real = await login('organiser', `Wrong#pass${i}`)
      const unknown = await login('nosuchuser', `Wrong#pass${i}`)
      expect(refusal(unknown)).toBe(refusal(real))
    }
    expect(refusal(await login('organiser', demoPassword))).toMatch(/账号已锁定/)
    expect(refusal(await login('nosuchuser', demoPassword))).toBe(refusal(await login('organiser', demoPassword)))
    now += 10 * 60_000
    expect(refusal(await login('organiser', demoPassword))).toBe('OK')
  })

  it('says an account is disabled only to whoever gives its password', async () => {
    const admin = await signIn(core, 'admin')
    const leader = core.store.sqlite.prepare("select id from accounts where username = 'leader'").pluck().get() as number
    expect((await core.dispatch('accounts.setEnabled', { id: leader, enabled: false }, { token: admin })).ok).toBe(true)
    expect(refusal(await login('leader', 'Wrong#pass1'))).toBe(refusal(await login('nobody-here', 'Wrong#pass1')))
    expect(refusal(await login('leader', demoPassword))).toMatch(/已停用/)
    await core.dispatch('accounts.setEnabled', { id: leader, enabled: true }, { token: admin })
  })
})

describe('the lock screen', () => {
  it('counts wrong passwords with sign-in: the fifth locks the account, even the right one is refused until the time is up', async () => {
    const token = (await ok(core, 'auth.login', { username: 'tingpu', password: demoPassword })).token
    const as = (method: string, input?: unknown) => core.dispatch(method, input, { token }) as Promise<Result<unknown>>
    await as('auth.lock')
    for (let i = 1; i <= 4; i++) expect(refusal(await as('auth.unlock', { password: `Wrong#pass${i}` }))).toContain(`再错 ${5 - i} 次`)
    expect(refusal(await as('auth.unlock', { password: 'Wrong#pass5' }))).toMatch(/账号已锁定 10 分钟/)
    expect(refusal(await as('auth.unlock', { password: demoPassword }))).toMatch(/账号已锁定/)
    expect(refusal(await login('tingpu', demoPassword))).toMatch(/账号已锁定/)
    // Still locked: nothing of the console opens meanwhile.
    expect(refusal(await as('persons.list', {}))).toMatch(/^LOCKED/)
    now += 10 * 60_000
    expect(refusal(await as('auth.unlock', { password: demoPassword }))).toBe('OK')
    expect(refusal(await as('persons.list', {}))).toBe('OK')
    const rows = core.store.sqlite.prepare("select outcome from audit_events where username = 'tingpu' and action = 'auth.unlock'").pluck().all()
    expect(rows).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'denied', 'ok'])
  })

  it('a right password clears the count, so wrong ones spread over a day do not add up', async () => {
    const token = (await ok(core, 'auth.login', { username: 'guanyao', password: demoPassword })).token
    const as = (method: string, input?: unknown) => core.dispatch(method, input, { token }) as Promise<Result<unknown>>
    for (let round = 0; round < 3; round++) {
      await as('auth.lock')
      for (let i = 0; i < 4; i++) await as('auth.unlock', { password: 'Wrong#pass1' })
      expect(refusal(await as('auth.unlock', { password: demoPassword }))).toBe('OK')
    }
  })

  it('counts a wrong current password when changing it, too', async () => {
    const token = (await ok(core, 'auth.login', { username: 'secadmin', password: demoPassword })).token
    for (let i = 1; i <= 5; i++) await core.dispatch('auth.changePassword', { currentPassword: 'Wrong#pass1', newPassword: 'Another#Pass2026' }, { token })
    const r = await core.dispatch('auth.changePassword', { currentPassword: demoPassword, newPassword: 'Another#Pass2026' }, { token })
    expect(refusal(r)).toMatch(/账号已锁定/)
  })
})
