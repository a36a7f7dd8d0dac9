// Accounts and sessions: first-start setup, sign-in with lock-out, the idle screen lock, password
// change and expiry, and the administrators' account work. Sessions live in memory: a restart signs
// everyone out, which is what a town office expects of a restarted system.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { fixedActingRoles, roleNames, unitKindNames, roleUnitKind, type Account, type Me, type Role, type SecuritySettings } from '../../shared/accounts'
import { consoleOrigin, type CallOrigin } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { roleCapabilities } from '../api/access'
import {
  afterFailure,
  describePasswordProblems,
  LOCK_MINUTES,
  MAX_FAILURES,
  minutesLocked,
  mustChangePassword,
  passwordExpiresAt,
  passwordProblems
} from './domain/passwordPolicy'
import type { AccessScope, Scope } from './accessScope'
import type { AuditService } from './audit'
import { sqlOn } from '../db/sql'

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  opts: { N: number; r: number; p: number; maxmem: number }
) => Promise<Buffer>
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
/** A session ends after this long whatever happens (a new working day means a new sign-in). */
const SESSION_HOURS = 12

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, 32, SCRYPT)
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`
}
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt') return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem })
  return timingSafeEqual(actual, expected)
}
/** Unknown usernames cost a hash too, so timing does not tell which names exist. */
const decoy = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

export const defaultSecuritySettings: SecuritySettings = {
  passwordMaxAgeDays: 90,
  idleLockMinutes: 15,
  backupFolder: null,
  backupKeep: 14,
  backupEveryHours: 24,
  // The three administrators work at desktop seats or the server's console; the town may change this.
  browserSeatRoles: ['operator', 'organiser', 'leader', 'officeClerk', 'villageClerk', 'districtClerk']
}

/** Wrong passwords one client address may type in a window, whatever the names, before it must wait. */
export const SIGN_IN_FAILURES_PER_ADDRESS = { limit: 20, minutes: 15 }

type AccountRow = {
  id: number
  username: string
  displayName: string
  role: Role | null
  unitId: number | null
  unitName: string | null
  unitKind: string | null
  passwordHash: string
  passwordChangedAt: string | null
  failedLogins: number
  lockedUntil: string | null
  enabled: number
  lastLoginAt: string | null
  createdAt: string
}
type Counter = { failures: number; lockedUntil: string | null }
export type Session = { tokenHash: string; accountId: number; createdAt: number; lastSeen: number; locked: boolean }

const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * `serialise`: runs the service's own writes (failure counts, sign-in audit rows) in turn with the
 * calls that write, never inside another call's open savepoint — without holding those calls up while
 * a password is hashed (90 desks signing in at 8:30 must not stall every write in town).
 */
export function createAccountService(db: Db, clock: Clock, deps: { audit: AuditService; scope: AccessScope; serialise?: <T>(work: () => T) => Promise<T> }) {
  const sql = sqlOn(db)
  const serialise = deps.serialise ?? (async <T>(work: () => T) => work())
  const sessions = new Map<string, Session>()
  const selectAccount = `select a.id, a.username, a.display_name displayName, a.role, a.unit_id unitId, u.name unitName, u.kind unitKind,
      a.password_hash passwordHash, a.password_changed_at passwordChangedAt, a.failed_logins failedLogins, a.locked_until lockedUntil,
      a.enabled, a.last_login_at lastLoginAt, a.created_at createdAt
    from accounts a left join units u on u.id = a.unit_id`
  const byId = (id: number) => sql.row<AccountRow>(`${selectAccount} where a.id = ?`, id)
  const byName = (name: string) => sql.row<AccountRow>(`${selectAccount} where a.username = ?`, name)
  const now = () => clock.now()

  // Read on every call (the idle lock, expiry): kept in memory, written through.
  let cachedSettings: SecuritySettings | null = null
  function settings(): SecuritySettings {
    if (cachedSettings) return cachedSettings
    const raw = sql.value<string>("select value from app_meta where key = 'security'")
    return (cachedSettings = { ...defaultSecuritySettings, ...(raw ? (JSON.parse(raw) as Partial<SecuritySettings>) : {}) })
  }
  function setSettings(patch: Partial<SecuritySettings>, origin: CallOrigin = consoleOrigin): SecuritySettings {
    // The folder is one of the server's own: it is chosen sitting at it, never from across the network.
    if (patch.backupFolder !== undefined && patch.backupFolder !== settings().backupFolder && origin.kind !== 'console')
      throw new AppError('FORBIDDEN', '备份目录是服务器上的文件夹，只能在服务器本机上设置。', { field: 'backupFolder' })
    const next = { ...settings(), ...patch }
    sql.run("insert into app_meta (key, value) values ('security', ?) on conflict(key) do update set value = excluded.value", JSON.stringify(next))
    // Read again from the store next time: a rolled-back call must not leave its value behind.
    cachedSettings = null
    return next
  }

  const view = (a: AccountRow): Account => ({
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    roleName: a.role ? roleNames[a.role] : '未授权',
    unitId: a.unitId,
    unitName: a.unitName,
    enabled: !!a.enabled,
    lockedUntil: minutesLocked(a.lockedUntil, now()) > 0 ? a.lockedUntil : null,
    passwordChangedAt: a.passwordChangedAt,
    lastLoginAt: a.lastLoginAt,
    createdAt: a.createdAt
  })
  const account = (id: number) => {
    const row = byId(id)
    if (!row) throw notFound('账号', id)
    return row
  }

  /**
   * `row`: the account as just read for this call (the guard reads it once per call); `scope`: its
   * scope, when the caller has worked it out already.
   */
  function me(session: Session, row?: AccountRow, scope?: Scope | null): Me {
    const a = row ?? account(session.accountId)
    const s = settings()
    if (scope === undefined) scope = deps.scope.scopeOf(a.role, a.unitId)
    return {
      account: view(a),
      capabilities: a.role ? [...roleCapabilities[a.role]] : [],
      scopeVillageIds: scope?.villageIds ?? null,
      actingUnitId: a.role && fixedActingRoles.includes(a.role) ? a.unitId : null,
      locked: session.locked,
      mustChangePassword: mustChangePassword(a.passwordChangedAt, s.passwordMaxAgeDays, now()),
      passwordExpiresAt: passwordExpiresAt(a.passwordChangedAt, s.passwordMaxAgeDays),
      idleLockMinutes: s.idleLockMinutes
    }
  }

  function startSession(accountId: number) {
    const token = randomBytes(32).toString('base64url')
    const t = now().getTime()
    const session: Session = { tokenHash: tokenHashOf(token), accountId, createdAt: t, lastSeen: t, locked: false }
    sessions.set(session.tokenHash, session)
    return { token, me: me(session) }
  }

  /**
   * The session a token names, or null. Idle past the lock time locks it (the password unlocks);
   * past the session's life, or when the account was disabled, it is gone.
   */
  function sessionOf(token: string | undefined): Session | null {
    return liveSession(token)?.session ?? null
  }
  /**
   * The session of a token and its account as they stand now (one read of the account per call): the
   * caller's view, and the units and villages it may act on (null: the whole town).
   */
  function callerOf(token: string | undefined): { session: Session; me: Me; scope: Scope | null } | null {
    const live = liveSession(token)
    if (!live) return null
    const scope = deps.scope.scopeOf(live.row.role, live.row.unitId)
    return { session: live.session, me: me(live.session, live.row, scope), scope }
  }
  function liveSession(token: string | undefined): { session: Session; row: AccountRow } | null {
    if (!token) return null
    const session = sessions.get(tokenHashOf(token))
    if (!session) return null
    const t = now().getTime()
    const a = byId(session.accountId)
    if (!a || !a.enabled || t - session.createdAt > SESSION_HOURS * 3_600_000) {
      sessions.delete(session.tokenHash)
      return null
    }
    if (!session.locked && t - session.lastSeen > settings().idleLockMinutes * 60_000) session.locked = true
    return { session, row: a }
  }
  const touch = (session: Session) => (session.lastSeen = now().getTime())

  const auditAs = (
    a: Pick<AccountRow, 'id' | 'username' | 'role'> | null,
    username: string,
    action: string,
    outcome: 'ok' | 'denied' | 'failed',
    detail?: unknown,
    origin: CallOrigin = consoleOrigin
  ) =>
    deps.audit.append({
      accountId: a?.id ?? null,
      username: a?.username ?? username,
      role: a?.role ?? null,
      action,
      outcome,
      target: a ? `account:${a.id}` : null,
      detail,
      seat: origin.seat,
      address: origin.address
    })

  function checkNewPassword(password: string, username: string) {
    const problems = passwordProblems(password, username)
    if (problems.length) throw new AppError('BAD_INPUT', describePasswordProblems(problems), { field: 'password' })
  }

  async function insertAccount(a: { username: string; displayName: string; role: Role | null; unitId: number | null; password: string; mustChange: boolean }) {
    checkNewPassword(a.password, a.username)
    const hash = await hashPassword(a.password)
    const at = now().toISOString()
    const id = sql.run(
      'insert into accounts (username, display_name, role, unit_id, password_hash, password_changed_at, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      a.username,
      a.displayName,
      a.role,
      a.unitId,
      hash,
      a.mustChange ? null : at,
      at
    ).lastInsertRowid
    return Number(id)
  }

  const accountCount = () => sql.value<number>('select count(*) from accounts')!

  async function setup(password: string) {
    if (accountCount() > 0) throw new AppError('CONFLICT', '系统已设置管理员，请直接登录。')
    checkNewPassword(password, 'admin')
    const hash = await hashPassword(password)
    // Checked again after the await: two first-start pages must not both create an administrator.
    const id = await serialise(() =>
      sql.transaction(() => {
        if (accountCount() > 0) throw new AppError('CONFLICT', '系统已设置管理员，请直接登录。')
        const at = now().toISOString()
        const id = Number(
          sql.run(
            "insert into accounts (username, display_name, role, password_hash, password_changed_at, created_at) values ('admin', '系统管理员', 'sysadmin', ?, ?, ?)",
            hash,
            at,
            at
          ).lastInsertRowid
        )
        auditAs({ id, username: 'admin', role: 'sysadmin' }, 'admin', 'auth.setup', 'ok')
        return id
      })
    )
    return startSession(id)
  }

  /** Why a password was refused: the account is locked for so many minutes, or so many tries are left. */
  type Refusal = { lockedFor: number } | { left: number }
  const refusalText = (r: Refusal, wrong: string) =>
    'left' in r
      ? r.left > 0
        ? `${wrong}（再错 ${r.left} 次将锁定 ${LOCK_MINUTES} 分钟）。`
        : `${wrong}：密码连续输错 ${MAX_FAILURES} 次，账号已锁定 ${LOCK_MINUTES} 分钟。请稍后再试，或请系统管理员重置密码。`
      : `账号已锁定（密码连续输错 ${MAX_FAILURES} 次），请 ${r.lockedFor} 分钟后再试，或请系统管理员重置密码。`
  /** After a counted failure: 0 left means this one locked the account. */
  const counted = (next: Counter): Refusal => ({ left: next.lockedUntil ? 0 : MAX_FAILURES - next.failures })

  /**
   * Counters of wrong passwords kept in memory (the oldest dropped first): names that are no account
   * (an unknown name and a real one get the same answers, down to the lock), and every name typed on
   * another computer of the network — there the lock holds for the address the guesses came from, so
   * nobody on the LAN can lock the operator out of their own desk. At the server's console the
   * account's own counter (in the store) is used, as on a single PC.
   */
  const memoryCounters = new Map<string, Counter>()
  const COUNTERS_KEPT = 10_000
  function counterOf(a: AccountRow | null, name: string, origin: CallOrigin): { read: () => Counter; write: (next: Counter) => void } {
    if (a && origin.kind === 'console')
      return {
        read: () => ({ failures: a.failedLogins, lockedUntil: a.lockedUntil }),
        write: (next) => sql.run('update accounts set failed_logins = ?, locked_until = ? where id = ?', next.failures, next.lockedUntil, a.id)
      }
    const key = `${a ? `account:${a.id}` : `name:${name}`}@${origin.kind === 'console' ? '' : origin.address}`
    return {
      read: () => memoryCounters.get(key) ?? { failures: 0, lockedUntil: null },
      write: (next) => {
        memoryCounters.delete(key)
        if (next.failures === 0 && next.lockedUntil === null) return
        memoryCounters.set(key, next)
        if (memoryCounters.size > COUNTERS_KEPT) memoryCounters.delete(memoryCounters.keys().next().value!)
      }
    }
  }
  /** An administrator's reset clears the account's counters everywhere. */
  function clearCounters(accountId: number) {
    for (const key of memoryCounters.keys()) if (key.startsWith(`account:${accountId}@`)) memoryCounters.delete(key)
  }

  /**
   * Check a password against the counter of wrong ones (sign-in, unlock and password change share
   * it): refused while locked, a failure counted (the fifth locks for 10 minutes), a success clears
   * it. An unknown name (`a` null) is never right and is counted the same way. Returns why it was
   * refused; null when the password is right.
   */
  function countPassword(a: AccountRow | null, name: string, matches: boolean, action: string, origin: CallOrigin): Refusal | null {
    const t = now()
    const counter = counterOf(a, name, origin)
    const { failures, lockedUntil } = counter.read()
    const lockedFor = minutesLocked(lockedUntil, t)
    const reason = a ? '密码错误' : '用户名不存在'
    if (lockedFor > 0) {
      auditAs(a, name.slice(0, 32), action, 'denied', { reason: a ? '账号锁定中' : reason }, origin)
      return { lockedFor }
    }
    if (a && matches) {
      if (failures > 0 || lockedUntil) counter.write({ failures: 0, lockedUntil: null })
      return null
    }
    const next = afterFailure(failures, t)
    sql.transaction(() => {
      counter.write(next)
      auditAs(a, name.slice(0, 32), action, 'failed', { reason, lockedUntil: next.lockedUntil }, origin)
    })
    return counted(next)
  }

  /**
   * Failed sign-ins per client address in a window, whatever names were typed: past the limit the
   * address may not try again until the window has room, and every other computer is unaffected.
   */
  const addressFailures = new Map<string, number[]>()
  function addressWait(address: string | null): number {
    if (address === null) return 0
    const t = now().getTime()
    const windowMs = SIGN_IN_FAILURES_PER_ADDRESS.minutes * 60_000
    const recent = (addressFailures.get(address) ?? []).filter((at) => t - at < windowMs)
    if (recent.length) addressFailures.set(address, recent)
    else addressFailures.delete(address)
    return recent.length >= SIGN_IN_FAILURES_PER_ADDRESS.limit
      ? Math.ceil((recent[recent.length - SIGN_IN_FAILURES_PER_ADDRESS.limit] + windowMs - t) / 60_000)
      : 0
  }
  function countAddressFailure(address: string | null) {
    if (address === null) return
    const list = addressFailures.get(address) ?? []
    list.push(now().getTime())
    addressFailures.delete(address)
    addressFailures.set(address, list)
    if (addressFailures.size > COUNTERS_KEPT) addressFailures.delete(addressFailures.keys().next().value!)
  }

  async function login(username: string, password: string, origin: CallOrigin = consoleOrigin) {
    const name = username.trim().toLowerCase()
    const wait = addressWait(origin.address)
    if (wait > 0) {
      await serialise(() => auditAs(null, username.slice(0, 32), 'auth.login', 'denied', { reason: '此地址登录失败次数过多' }, origin))
      throw new AppError(
        'RATE_LIMITED',
        `此电脑（${origin.address}）登录失败次数过多：${SIGN_IN_FAILURES_PER_ADDRESS.minutes} 分钟内已错 ${SIGN_IN_FAILURES_PER_ADDRESS.limit} 次，请 ${wait} 分钟后再试。其他电脑不受影响。`
      )
    }
    // The hash is checked outside the queue of writes; the account is read again once in it.
    const hashed = byName(name)?.passwordHash ?? decoy
    const matches = await verifyPassword(password, hashed)
    return serialise(() => signIn(name, username, matches, hashed, origin))
  }

  /** The rest of a sign-in, in turn with the writes: count the password, refuse or start the session. */
  function signIn(name: string, username: string, matches: boolean, hashed: string, origin: CallOrigin) {
    const a = byName(name) ?? null
    const refused = countPassword(a, a ? a.username : name, matches && a?.passwordHash === hashed, 'auth.login', origin)
    if (!a || refused !== null) {
      countAddressFailure(origin.address)
      throw new AppError('UNAUTHENTICATED', refusalText(refused!, '用户名或密码错误'))
    }
    // Said only to whoever knows the password: otherwise a disabled account answers like any other.
    if (!a.enabled) {
      auditAs(a, username, 'auth.login', 'denied', { reason: '账号已停用' }, origin)
      throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系系统管理员。')
    }
    const seatRefusal = browserSeatRefusal(a.role, origin)
    if (seatRefusal) {
      auditAs(a, username, 'auth.login', 'denied', { reason: '角色不允许使用浏览器席位' }, origin)
      throw new AppError('FORBIDDEN', seatRefusal)
    }
    sql.transaction(() => {
      sql.run('update accounts set last_login_at = ? where id = ?', now().toISOString(), a.id)
      auditAs(a, username, 'auth.login', 'ok', undefined, origin)
    })
    return startSession(a.id)
  }

  /** Why this role may not work from where the call came (a browser seat, when the town keeps the role to desktop seats); null when it may. */
  function browserSeatRefusal(role: Role | null, origin: CallOrigin): string | null {
    if (origin.kind !== 'browser' || role === null || settings().browserSeatRoles.includes(role)) return null
    return `${roleNames[role]}的账号不能在浏览器中使用：本镇安全设置规定该角色只能在安装了席位证书的桌面席位（或服务器本机）上登录。`
  }

  async function logout(session: Session, origin: CallOrigin) {
    sessions.delete(session.tokenHash)
    const a = account(session.accountId)
    await serialise(() => auditAs(a, a.username, 'auth.logout', 'ok', undefined, origin))
    return { loggedOut: true }
  }

  async function lock(session: Session, origin: CallOrigin) {
    session.locked = true
    const a = account(session.accountId)
    await serialise(() => auditAs(a, a.username, 'auth.lock', 'ok', undefined, origin))
    return { locked: true }
  }

  /** The lock screen takes the password under the same count as sign-in: five wrong lock the account. */
  async function unlock(session: Session, password: string, origin: CallOrigin) {
    const hashed = account(session.accountId).passwordHash
    const matches = await verifyPassword(password, hashed)
    return serialise(() => {
      const a = account(session.accountId)
      const refused = countPassword(a, a.username, matches && a.passwordHash === hashed, 'auth.unlock', origin)
      if (refused !== null) throw new AppError('UNAUTHENTICATED', refusalText(refused, '密码错误，未能解锁'))
      session.locked = false
      touch(session)
      auditAs(a, a.username, 'auth.unlock', 'ok', undefined, origin)
      return me(session)
    })
  }

  async function changePassword(session: Session, current: string, next: string, origin: CallOrigin) {
    const hashed = account(session.accountId).passwordHash
    const matches = await verifyPassword(current, hashed)
    const a = await serialise(() => {
      const a = account(session.accountId)
      const refused = countPassword(a, a.username, matches && a.passwordHash === hashed, 'auth.changePassword', origin)
      if (refused !== null) throw new AppError('BAD_INPUT', refusalText(refused, '原密码不正确'), { field: 'currentPassword' })
      return a
    })
    if (current === next) throw new AppError('BAD_INPUT', '新密码不能与原密码相同。', { field: 'newPassword' })
    checkNewPassword(next, a.username)
    const hash = await hashPassword(next)
    await serialise(() =>
      sql.transaction(() => {
        sql.run('update accounts set password_hash = ?, password_changed_at = ? where id = ?', hash, now().toISOString(), a.id)
        auditAs(a, a.username, 'auth.changePassword', 'ok', undefined, origin)
      })
    )
    return me(session)
  }

  const list = () => sql.rows<AccountRow>(`${selectAccount} order by a.id`).map(view)

  async function create(input: { username: string; displayName: string; password: string }) {
    if (byName(input.username)) throw new AppError('CONFLICT', `用户名“${input.username}”已被使用。`, { field: 'username' })
    const id = await insertAccount({ ...input, role: null, unitId: null, mustChange: true })
    return view(account(id))
  }

  function setRole(input: { id: number; role: Role | null; unitId: number | null }) {
    const a = account(input.id)
    const needs = input.role ? roleUnitKind[input.role] : undefined
    if (needs) {
      const unit = input.unitId ? sql.row<{ kind: string; name: string }>('select kind, name from units where id = ?', input.unitId) : undefined
      if (!unit || unit.kind !== needs) throw new AppError('BAD_INPUT', `${roleNames[input.role!]}须指定所属${unitKindNames[needs]}。`, { field: 'unitId' })
    }
    // The last security administrator cannot give the role away: nobody could grant it back.
    if (a.role === 'secadmin' && input.role !== 'secadmin' && sql.value<number>("select count(*) from accounts where role = 'secadmin' and enabled = 1")! <= 1)
      throw new AppError('CONFLICT', '这是最后一名安全管理员，不能撤销其角色。')
    sql.run('update accounts set role = ?, unit_id = ? where id = ?', input.role, needs ? input.unitId : null, a.id)
    return view(account(a.id))
  }

  function dropSessions(accountId: number) {
    for (const [k, s] of sessions) if (s.accountId === accountId) sessions.delete(k)
  }

  function setEnabled(input: { id: number; enabled: boolean }, actorId: number | null) {
    const a = account(input.id)
    if (!input.enabled && a.id === actorId) throw new AppError('CONFLICT', '不能停用自己正在使用的账号。')
    sql.run('update accounts set enabled = ? where id = ?', input.enabled ? 1 : 0, a.id)
    if (!input.enabled) dropSessions(a.id)
    return view(account(a.id))
  }

  async function resetPassword(input: { id: number; password: string }) {
    const a = account(input.id)
    checkNewPassword(input.password, a.username)
    const hash = await hashPassword(input.password)
    sql.run('update accounts set password_hash = ?, password_changed_at = null, failed_logins = 0, locked_until = null where id = ?', hash, a.id)
    clearCounters(a.id)
    dropSessions(a.id)
    return view(account(a.id))
  }

  /**
   * `--demo-password`: the administrator and one demo account per role, all with this password and
   * no forced change (for demonstrations and tests). Existing demo accounts get the password again.
   */
  async function seedDemoAccounts(password: string, demo: { username: string; displayName: string; role: Role; unitCode?: string }[]) {
    checkNewPassword(password, 'admin')
    const hash = await hashPassword(password)
    const at = now().toISOString()
    sql.transaction(() => {
      for (const d of [{ username: 'admin', displayName: '系统管理员', role: 'sysadmin' as Role }, ...demo]) {
        const unitId = d.unitCode ? (sql.value<number>('select id from units where code = ?', d.unitCode) ?? null) : null
        sql.run(
          `insert into accounts (username, display_name, role, unit_id, password_hash, password_changed_at, created_at) values (?, ?, ?, ?, ?, ?, ?)
             on conflict(username) do update set password_hash = excluded.password_hash, password_changed_at = excluded.password_changed_at, failed_logins = 0, locked_until = null, enabled = 1`,
          d.username,
          d.displayName,
          d.role,
          unitId,
          hash,
          at,
          at
        )
      }
    })
  }

  return {
    status: () => ({ needsSetup: accountCount() === 0 }),
    setup,
    login,
    logout,
    lock,
    unlock,
    changePassword,
    me,
    browserSeatRefusal,
    sessionOf,
    callerOf,
    touch,
    settings,
    setSettings,
    list,
    create,
    setRole,
    setEnabled,
    resetPassword,
    seedDemoAccounts,
    account: (id: number) => view(account(id))
  }
}
export type AccountService = ReturnType<typeof createAccountService>
