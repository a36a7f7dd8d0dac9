// The town server on the network (issue 20): HTTPS with the town's certificates, desktop seats named by
// theirs, browser seats kept from the roles the town keeps to desktops, foreign and revoked seats
// refused at the handshake, the Host and Origin checked, sign-in throttled per address, the backup
// folder chosen only at the console, writes done exactly once by their keys — all over real TLS on
// 127.0.0.0/8 (127.0.0.1 is the server's console; other addresses are desks on the network).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createTownCa, issueSeat, revokeSeat } from '../../electron/server/townCa'
import { loadTownTls } from '../../electron/server/seats'
import { startHttpServer, type RunningServer } from '../../electron/server/http'
import { contractHash } from '../../electron/core/api/contractHash'
import { appVersion } from '../../electron/core/paths'
import { SIGN_IN_FAILURES_PER_ADDRESS } from '../../electron/core/trust/accounts'
import { demoPassword, tempDir, testCore } from '../support/core'
import { browserFiles, httpsRequest, remoteCall, seatFiles, type TlsClient } from '../support/seatClient'

let core: ReturnType<typeof testCore>
let server: RunningServer
let base: string
const dir = tempDir()
const foreign = tempDir()
let tingpuSeat: TlsClient
let centreSeat: TlsClient

const login = async (client: TlsClient, username: string, password = demoPassword) => remoteCall(base, client, 'auth.login', { username, password })
const tokenOf = (r: { ok: boolean; value?: unknown }) => (r.value as { token: string }).token
const lastAudit = (action: string) =>
  core.store.sqlite.prepare('select username, outcome, seat, address, detail from audit_events where action = ? order by id desc limit 1').get(action) as {
    username: string
    outcome: string
    seat: string | null
    address: string | null
    detail: string | null
  }
function newIssue(title = '席位测试：路灯不亮') {
  const village = core.store.sqlite.prepare("select id from units where name = '汀圃社区'").pluck().get() as number
  const spot = core.store.sqlite.prepare('select label_lon lon, label_lat lat from grids where tier = 3 and village_unit_id = ? limit 1').get(village) as {
    lon: number
    lat: number
  }
  return { title, description: '席位测试登记', category: '环境卫生', urgency: '一般', source: '网格巡查', ...spot, reportingUnitId: village }
}

beforeAll(async () => {
  createTownCa(dir, ['127.0.0.1', 'localhost', 'shishan-server'])
  issueSeat(dir, '汀圃社区-01')
  issueSeat(dir, '指挥中心-01')
  issueSeat(dir, '待吊销-01')
  createTownCa(foreign, ['127.0.0.1'])
  issueSeat(foreign, '冒充席位')
  tingpuSeat = seatFiles(dir, '汀圃社区-01')
  centreSeat = seatFiles(dir, '指挥中心-01')
  core = testCore()
  await core.seedDemoAccounts(demoPassword)
  server = await startHttpServer({
    dispatch: core.dispatch,
    staticDir: tempDir(),
    port: 0,
    host: '127.0.0.1',
    tls: loadTownTls(dir),
    changes: core.changes,
    isValidToken: (t) => core.accounts.sessionOf(t) !== null
  })
  base = `https://127.0.0.1:${server.port}/`
}, 60_000)
afterAll(async () => {
  await server?.close()
  core?.close()
})

describe('seats', () => {
  it('a desktop seat of the town passes mutual TLS, and the audit names the seat and its address', async () => {
    const signedIn = await login(tingpuSeat, 'tingpu')
    expect(signedIn.ok).toBe(true)
    expect(lastAudit('auth.login')).toMatchObject({ username: 'tingpu', outcome: 'ok', seat: '汀圃社区-01', address: '127.0.0.1' })
    const created = await remoteCall(base, tingpuSeat, 'issues.create', newIssue(), tokenOf(signedIn))
    expect(created.error).toBeUndefined()
    expect(lastAudit('issues.create')).toMatchObject({ username: 'tingpu', outcome: 'ok', seat: '汀圃社区-01', address: '127.0.0.1' })
    // And the auditor reads it so.
    const auditor = tokenOf(await login(centreSeat, 'auditor'))
    const trail = await remoteCall(base, centreSeat, 'audit.search', { action: 'issues.create', limit: 1 }, auditor)
    expect((trail.value as { rows: { seat: string; address: string }[] }).rows[0]).toMatchObject({ seat: '汀圃社区-01', address: '127.0.0.1' })
  })

  it('a certificate of another CA fails the handshake: no request gets through', async () => {
    const impostor = { ...seatFiles(foreign, '冒充席位'), ca: tingpuSeat.ca }
    await expect(login(impostor, 'tingpu')).rejects.toThrow(/ECONNRESET|socket hang up|alert|closed|EPIPE/i)
    expect(lastAudit('auth.login').seat).not.toBe('冒充席位')
  })

  it('a revoked seat is refused from its next connection on', async () => {
    const seat = seatFiles(dir, '待吊销-01')
    expect((await login(seat, 'operator')).ok).toBe(true)
    revokeSeat(dir, '待吊销-01')
    await expect(login(seat, 'operator')).rejects.toThrow(/ECONNRESET|socket hang up|alert|closed|EPIPE/i)
    // The other seats are untouched.
    expect((await login(centreSeat, 'operator')).ok).toBe(true)
  })

  it('without a certificate the desk is a browser seat: refused for a role the town keeps to desktops, and the setting holds mid-session', async () => {
    const browser = browserFiles(dir, '127.0.0.2')
    const admin = await login(browser, 'admin')
    expect(admin).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } })
    expect(admin.error!.message).toContain('系统管理员的账号不能在浏览器中使用')
    expect(lastAudit('auth.login')).toMatchObject({ username: 'admin', outcome: 'denied', seat: '浏览器', address: '127.0.0.2' })
    const clerk = await login(browser, 'tingpu')
    expect(clerk.ok).toBe(true)
    expect(lastAudit('auth.login')).toMatchObject({ username: 'tingpu', outcome: 'ok', seat: '浏览器', address: '127.0.0.2' })
    expect((await remoteCall(base, browser, 'issues.list', {}, tokenOf(clerk))).ok).toBe(true)
    // The administrator, at a desktop seat, keeps village clerks to desktops too: the open browser session stops.
    const adminAtDesk = tokenOf(await login(centreSeat, 'admin'))
    const roles = ['operator', 'organiser', 'leader', 'officeClerk', 'districtClerk']
    expect((await remoteCall(base, centreSeat, 'security.setSettings', { browserSeatRoles: roles }, adminAtDesk)).ok).toBe(true)
    const refused = await remoteCall(base, browser, 'issues.list', {}, tokenOf(clerk))
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(refused.error!.message).toContain('村居专干的账号不能在浏览器中使用')
    // At a desktop seat the same clerk works.
    expect((await login(tingpuSeat, 'tingpu')).ok).toBe(true)
    // The server's own console (loopback, no certificate) is no browser seat.
    expect((await login(browserFiles(dir), 'admin')).ok).toBe(true)
    await remoteCall(base, centreSeat, 'security.setSettings', { browserSeatRoles: [...roles, 'villageClerk'] }, adminAtDesk)
  })

  it('the backup folder is chosen only at the server’s console; other settings from any desk', async () => {
    const atDesk = tokenOf(await login(centreSeat, 'admin'))
    const refused = await remoteCall(base, centreSeat, 'security.setSettings', { backupFolder: '/tmp/elsewhere' }, atDesk)
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(refused.error!.message).toContain('只能在服务器本机上设置')
    expect((await remoteCall(base, centreSeat, 'security.setSettings', { idleLockMinutes: 20 }, atDesk)).ok).toBe(true)
    const console = browserFiles(dir)
    const atConsole = tokenOf(await login(console, 'admin'))
    const folder = tempDir()
    expect((await remoteCall(base, console, 'security.setSettings', { backupFolder: folder }, atConsole)).value).toMatchObject({ backupFolder: folder })
    // Preview and restore read only that folder's backups, from anywhere.
    const outside = await remoteCall(base, centreSeat, 'backups.preview', { file: join(dir, 'ca.key') }, atDesk)
    expect(outside).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(outside.error!.message).toContain('只能预览或恢复备份目录')
  })
})

describe('the server on the network', () => {
  it('refuses plain HTTP, a foreign Host and another origin; serves its own', async () => {
    await expect(fetch(`http://127.0.0.1:${server.port}/api`)).rejects.toThrow()
    const client = browserFiles(dir, '127.0.0.2')
    const rebinding = await httpsRequest(`${base}api`, client, { headers: { host: `evil.example:${server.port}` } })
    expect(rebinding.status).toBe(403)
    expect(rebinding.body?.error?.message).toContain('请用镇服务器的名称或地址访问')
    const named = await httpsRequest(`${base}api`, client, { headers: { host: `shishan-server:${server.port}` } })
    expect(named.status).toBe(200)
    const otherPage = await httpsRequest(`${base}api/auth.status`, client, { body: {}, headers: { origin: 'https://evil.example' } })
    expect(otherPage.status).toBe(403)
    const plainOrigin = await httpsRequest(`${base}api/auth.status`, client, { body: {}, headers: { origin: `http://127.0.0.1:${server.port}` } })
    expect(plainOrigin.status).toBe(403)
    const own = await httpsRequest(`${base}api/auth.status`, client, { body: {}, headers: { origin: `https://shishan-server:${server.port}` } })
    expect(own.status).toBe(200)
  })

  it('will not listen beyond loopback without the town’s certificates', async () => {
    await expect(startHttpServer({ dispatch: core.dispatch, staticDir: tempDir(), port: 0, host: '0.0.0.0', isValidToken: () => false })).rejects.toThrow(
      /必须使用 HTTPS/
    )
  })

  it('offers browser seats the CA and a page on installing it, with its fingerprint', async () => {
    const client = browserFiles(dir, '127.0.0.2')
    const page = await httpsRequest(`${base}ca`, client)
    expect(page.status).toBe(200)
    expect(page.text).toContain('受信任的根证书颁发机构')
    expect(page.text).toContain(loadTownTls(dir).caFingerprint)
    const crt = await httpsRequest(`${base}town-ca.crt`, client)
    expect(crt.text).toBe(readFileSync(join(dir, 'ca.crt'), 'utf8'))
  })

  it('refuses a seat built from another contract, naming both versions', async () => {
    const r = await remoteCall(base, centreSeat, 'auth.status', {}, undefined, { 'x-shishan-contract': 'ffffffffffff', 'x-shishan-version': '0.0.9' })
    expect(r).toMatchObject({ status: 409, ok: false, error: { code: 'CONFLICT' } })
    expect(r.error!.message).toContain(`版本 0.0.9，接口 ffffffffffff`)
    expect(r.error!.message).toContain(`版本 ${appVersion()}，接口 ${contractHash()}`)
    expect((await remoteCall(base, centreSeat, 'auth.status', {}, undefined, { 'x-shishan-contract': contractHash() })).ok).toBe(true)
  })
})

describe('exactly once', () => {
  it('a write sent again with its key is done once and answered the same; the key with another body is refused', async () => {
    const token = tokenOf(await login(tingpuSeat, 'tingpu'))
    const count = () => core.store.sqlite.prepare('select count(*) from issues').pluck().get() as number
    const before = count()
    const key = { 'idempotency-key': 'seat-write-0000000000000001' }
    const first = await remoteCall(base, tingpuSeat, 'issues.create', newIssue('只登记一次'), token, key)
    const again = await remoteCall(base, tingpuSeat, 'issues.create', newIssue('只登记一次'), token, key)
    expect(first.ok).toBe(true)
    expect(again.value).toEqual(first.value)
    expect(count()).toBe(before + 1)
    const other = await remoteCall(base, tingpuSeat, 'issues.create', newIssue('另一件事'), token, key)
    expect(other).toMatchObject({ status: 409, ok: false, error: { code: 'CONFLICT' } })
    expect(other.error!.message).toContain('已用于另一项操作')
    expect(count()).toBe(before + 1)
    // A seat that never got the answer asks; another account cannot read this account's receipts.
    expect((await remoteCall(base, tingpuSeat, 'writes.receipt', { key: key['idempotency-key'] }, token)).value).toMatchObject({
      made: true,
      method: 'issues.create'
    })
    expect((await remoteCall(base, tingpuSeat, 'writes.receipt', { key: 'seat-write-never-sent-00001' }, token)).value).toMatchObject({ made: false })
    const operator = tokenOf(await login(centreSeat, 'operator'))
    expect((await remoteCall(base, centreSeat, 'writes.receipt', { key: key['idempotency-key'] }, operator)).value).toMatchObject({ made: false })
    const malformed = await remoteCall(base, tingpuSeat, 'issues.create', newIssue(), token, { 'idempotency-key': 'short' })
    expect(malformed).toMatchObject({ status: 400, error: { code: 'BAD_INPUT' } })
  })

  it('a write refused on its merits leaves no receipt: sent again, it is tried again', async () => {
    const token = tokenOf(await login(tingpuSeat, 'tingpu'))
    const key = { 'idempotency-key': 'seat-write-0000000000000002' }
    const refused = await remoteCall(base, tingpuSeat, 'issues.act', { id: 999_999, version: 1, action: { type: 'accept' } }, token, key)
    expect(refused.ok).toBe(false)
    expect((await remoteCall(base, tingpuSeat, 'writes.receipt', { key: key['idempotency-key'] }, token)).value).toMatchObject({ made: false })
  })
})

describe('sign-in from the network', () => {
  it(`${SIGN_IN_FAILURES_PER_ADDRESS.limit} wrong passwords from one address throttle that address, while operator still signs in from another`, async () => {
    const guesser = browserFiles(dir, '127.0.0.5')
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS.limit; i++) {
      const r = await login(guesser, 'operator', `Wrong#guess${i}`)
      expect(r.error?.code).toBe('UNAUTHENTICATED')
    }
    // The address is throttled, whatever it types now.
    const throttled = await login(guesser, 'operator')
    expect(throttled).toMatchObject({ status: 429, ok: false, error: { code: 'RATE_LIMITED' } })
    expect(throttled.error!.message).toContain('127.0.0.5')
    expect((await login(guesser, 'leader')).error?.code).toBe('RATE_LIMITED')
    // The operator, at their own desk, is not locked out by it.
    expect((await login(browserFiles(dir, '127.0.0.6'), 'operator')).ok).toBe(true)
    expect((await login(centreSeat, 'operator')).ok).toBe(true)
    expect(core.accounts.list().find((a) => a.username === 'operator')!.lockedUntil).toBeNull()
  }, 60_000)

  it('a burst of sign-ins (the morning’s desks) does not hold the writes up while passwords are hashed', async () => {
    const finished: string[] = []
    const logins = Array.from({ length: 12 }, () =>
      core.dispatch('auth.login', { username: 'leader', password: demoPassword }).then(() => finished.push('login'))
    )
    const grid = core.store.sqlite.prepare('select id, version from grids where tier = 1 limit 1').get() as { id: number; version: number }
    const write = await core.dispatch('grids.update', { id: grid.id, version: grid.version, patch: { inspector: '早高峰' } })
    finished.push(write.ok ? 'write' : 'write failed')
    await Promise.all(logins)
    // Twelve hashes take a while; the write did not wait for them.
    expect(finished.indexOf('write')).toBeLessThan(6)
    expect(finished.filter((f) => f === 'login')).toHaveLength(12)
  })

  it('five wrong passwords lock the account for the address they came from, not for every desk', async () => {
    const guesser = browserFiles(dir, '127.0.0.7')
    for (let i = 0; i < 5; i++) await login(guesser, 'leader', `Wrong#guess${i}`)
    const locked = await login(guesser, 'leader')
    expect(locked.error?.message).toContain('账号已锁定')
    expect((await login(browserFiles(dir, '127.0.0.8'), 'leader')).ok).toBe(true)
  }, 60_000)
})
