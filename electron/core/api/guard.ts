// The gate every call passes, from every transport: who is calling (the session token), whether
// their role may call this method, whether the records it names lie in their reach, and — for
// calls that change the store — the change and its audit row committed together or not at all.
import { consoleOrigin, type CallContext, type CallOrigin, type Credentials, type MethodName } from '../../shared/contract'
import { roleNames } from '../../shared/accounts'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { isWholeNumber, personQuery, type PersonQuery } from '../../shared/personQuery'
import { AppError } from '../errors'
import { actingRefusal, capabilityNames, hasCapability, type MethodRule, type ScopeCheck } from './access'
import { methodRules } from './methodRules'
import { redactForAudit } from '../trust/domain/auditChain'
import type { AccountService } from '../trust/accounts'
import type { AuditService } from '../trust/audit'
import type { AccessScope, Scope } from '../trust/accessScope'
import type { WriteReceipts } from '../trust/writeReceipts'
import { sqlOn } from '../db/sql'

/** In-process callers (tests, benchmarks, scripts) name themselves; no transport can send this. */
export type Internal = { internal: string }
export type CallerCredentials = Credentials | Internal

/** Whether a method needs a signed-in session (all but sign-in, first start and the setup check). */
export const needsSession = (method: MethodName) => methodRules[method].access !== 'public'

/** The quick search over people a call carries, if any. */
function searchOf(rule: MethodRule<unknown>, input: unknown): PersonQuery | null {
  const q = rule.access !== 'public' && rule.access !== 'session' ? rule.personSearch?.(input)?.trim() : undefined
  return q ? personQuery(q) : null
}

type Caller = NonNullable<ReturnType<AccountService['callerOf']>>
/** A caller as the credentials name them; `caller` is absent for public methods and in-process callers. */
export type Identified = { ctx: CallContext; caller?: Caller }

const nobody = (origin: CallOrigin): CallContext => ({
  actor: '未登录',
  username: null,
  accountId: null,
  role: null,
  unitId: null,
  scopeVillageIds: null,
  origin
})
const idKeys = [
  'id',
  'batchId',
  'householdId',
  'memberId',
  'reportingMemberId',
  'teamId',
  'personId',
  'eventId',
  'noticeId',
  'recipientId',
  'postId',
  'gridId',
  'villageUnitId',
  'unitId',
  'scopeUnitId'
]
/** Which record a call is about, for the audit row: the first id the input names, else the one created. */
function targetOf(input: unknown, value: unknown): string | null {
  const pick = (o: unknown) => {
    if (!o || typeof o !== 'object') return null
    for (const k of idKeys) if (typeof (o as Record<string, unknown>)[k] === 'number') return `${k}=${(o as Record<string, unknown>)[k]}`
    return null
  }
  return pick(input) ?? pick(value)
}

/** Who an audit row names: the account, its user name (or the in-process caller's name) and role, and the seat and address it called from. */
export const auditedCaller = (ctx: CallContext) => ({
  accountId: ctx.accountId,
  username: ctx.username ?? ctx.actor,
  role: ctx.role,
  seat: ctx.origin.seat,
  address: ctx.origin.address
})

/** Whole ID numbers or phones one account may look up in this many minutes: a clerk's day, not a guessing run. */
export const WHOLE_NUMBER_SEARCHES = { limit: 30, minutes: 10 }

export function createGuard(deps: { db: Db; clock: Clock; accounts: AccountService; audit: AuditService; scope: AccessScope; receipts: WriteReceipts }) {
  const sql = sqlOn(deps.db)
  // Where the change log stands before a write: both ends in one read (each max is a rowid lookup).
  const logEnds = () =>
    sql.row<{ batch: number; change: number }>(
      'select (select coalesce(max(id), 0) from change_batches) batch, (select coalesce(max(id), 0) from changes) change'
    )!
  // By change id, not batch id: a rowid range, where `batch_id > ?` with this order would scan the whole log.
  const changesSince = (changeId: number) =>
    sql.rows<{ entity: string; entityId: number; action: string; before: string | null; after: string | null }>(
      'select entity, entity_id entityId, action, before, after from changes where id > ? order by id limit 21',
      changeId
    )
  const batchesSince = (batchId: number) => sql.values<number>('select id from change_batches where id > ? order by id', batchId)
  // When each account last looked up a whole number (in memory: a restart forgets, as it signs everyone out).
  const wholeNumberSearches = new Map<number, number[]>()
  // Calls that may write run one at a time, so one call's savepoint never holds another's writes.
  let writing: Promise<unknown> = Promise.resolve()

  function deny(ctx: CallContext, method: string, input: unknown, message: string): never {
    deps.audit.append({
      ...auditedCaller(ctx),
      action: method,
      outcome: 'denied',
      target: targetOf(input, null),
      detail: { reason: message, input: redactForAudit(input) }
    })
    throw new AppError('FORBIDDEN', message)
  }

  function checkScope(ctx: CallContext, method: string, input: unknown, scope: Scope, check: ScopeCheck<unknown>) {
    const outside = (what: string) => deny(ctx, method, input, `${what}不在本账号的管辖范围内（${roleNames[ctx.role!]}只能处理本单位及下辖村居的数据）。`)
    switch (check.kind) {
      case 'town':
      case 'list':
        return
      case 'none':
        return deny(ctx, method, input, `此项为全镇工作，${roleNames[ctx.role!]}无权使用。`)
      case 'unit': {
        const unitId = check.unitOf(input)
        if (!unitId) return deny(ctx, method, input, '请指定本单位或下辖村居。')
        if (!scope.unitIds.includes(unitId)) outside('所指定的单位')
        return
      }
      case 'acting':
        return checkActing(ctx, method, input, check)
      case 'record': {
        const id = check.idOf(input)
        if (!id) return
        const unitId = deps.scope.unitOfRecord(check.record, id)
        // A record that does not exist is left to the service, which says so in its own words.
        if (unitId === undefined) return
        if (unitId === null || !scope.unitIds.includes(unitId)) outside('该记录')
      }
    }
  }

  /** Who acts in the linkage, for every role (not only the scoped clerks): see `actingRefusal`. */
  function checkActing(ctx: CallContext, method: string, input: unknown, check: Extract<ScopeCheck<unknown>, { kind: 'acting' }>) {
    const unitId = check.unitOf(input)
    if (!unitId && check.optional) return
    const refusal = actingRefusal(ctx.role, ctx.unitId, unitId, deps.scope.unitKind)
    if (refusal) deny(ctx, method, input, `${refusal}（${roleNames[ctx.role!]}）。`)
  }

  /**
   * Who is calling, from the credentials alone: asked before the input is read or checked, so a
   * call without a session is refused as such (not with a lesson on the input's shape).
   */
  function identify(method: MethodName, credentials: CallerCredentials = {}): Identified {
    const rule = methodRules[method] as MethodRule<unknown>
    if ('internal' in credentials) {
      if (rule.access === 'session') throw new AppError('UNAUTHENTICATED', '此操作针对登录会话，须登录后进行。')
      return { ctx: { ...nobody(consoleOrigin), actor: credentials.internal } }
    }
    const origin = credentials.origin ?? consoleOrigin
    if (rule.access === 'public') return { ctx: nobody(origin) }
    const caller = deps.accounts.callerOf(credentials.token)
    if (!caller) throw new AppError('UNAUTHENTICATED', '未登录或登录已失效，请重新登录。')
    const a = caller.me.account
    return {
      ctx: {
        actor: `${a.displayName}（${a.username}）`,
        username: a.username,
        accountId: a.id,
        role: a.role,
        unitId: a.unitId,
        scopeVillageIds: caller.me.scopeVillageIds,
        token: credentials.token,
        origin,
        idempotencyKey: credentials.idempotencyKey
      },
      caller
    }
  }

  /** Whether the caller may make this call with this input: the handler's context, or an AppError refusing it. */
  function admit(method: MethodName, input: unknown, { ctx, caller }: Identified): CallContext {
    const rule = methodRules[method] as MethodRule<unknown>
    if (!caller || rule.access === 'public' || rule.access === 'session') return ctx
    const { session, me, scope } = caller
    if (session.locked) throw new AppError('LOCKED', '屏幕已锁定，请输入密码解锁。')
    if (me.mustChangePassword) throw new AppError('PASSWORD_EXPIRED', '密码已过期或为初始密码，请先修改密码。')
    deps.accounts.touch(session)
    // The town's setting may have changed since this browser seat signed in.
    const seatRefusal = deps.accounts.browserSeatRefusal(me.account.role, ctx.origin)
    if (seatRefusal) deny(ctx, method, input, seatRefusal)
    if (!hasCapability(me.account.role, rule.access))
      deny(ctx, method, input, `当前账号（${me.account.roleName}）没有“${rule.access.map((c) => capabilityNames[c]).join('或')}”的权限。`)
    // The clerk's reach, worked out with the session's account: their own unit and its villages.
    if (scope) for (const check of rule.scope) checkScope(ctx, method, input, scope, check)
    else for (const check of rule.scope) if (check.kind === 'acting') checkActing(ctx, method, input, check)
    const searched = searchOf(rule, input)
    if (searched && isWholeNumber(searched)) countWholeNumberSearch(ctx, method, input)
    return ctx
  }

  /**
   * A whole number searched is a guess at one person's: each account has so many in a window, so a
   * number cannot be found by trying its hidden digits faster than a person would look people up.
   */
  function countWholeNumberSearch(ctx: CallContext, method: MethodName, input: unknown) {
    if (ctx.accountId === null) return
    const t = deps.clock.now().getTime()
    const windowMs = WHOLE_NUMBER_SEARCHES.minutes * 60_000
    const recent = (wholeNumberSearches.get(ctx.accountId) ?? []).filter((at) => t - at < windowMs)
    if (recent.length >= WHOLE_NUMBER_SEARCHES.limit) {
      const waitMinutes = Math.ceil((recent[0] + windowMs - t) / 60_000)
      deps.audit.append({
        ...auditedCaller(ctx),
        action: method,
        outcome: 'denied',
        target: null,
        detail: { reason: '按完整号码查找过于频繁', input: redactForAudit(input) }
      })
      throw new AppError(
        'RATE_LIMITED',
        `按完整证件号或电话查找过于频繁：每个账号 ${WHOLE_NUMBER_SEARCHES.minutes} 分钟内至多 ${WHOLE_NUMBER_SEARCHES.limit} 次，请 ${waitMinutes} 分钟后再试；按姓名或号码末 4 位查找不受此限。`
      )
    }
    recent.push(t)
    wholeNumberSearches.set(ctx.accountId, recent)
  }

  /** Run the handler; a write with its audit row in one savepoint, an audited read followed by its row. */
  async function run(method: MethodName, input: unknown, ctx: CallContext, handler: () => unknown): Promise<unknown> {
    const rule = methodRules[method] as MethodRule<unknown>
    // Sign-in and session calls write their own rows (failure counts, their audit rows) and must keep
    // them when they refuse: the account service queues those writes itself (after the password hash,
    // which must not hold everyone's writes up), and nothing of theirs is rolled back.
    const ownRecords = rule.access === 'public' || rule.access === 'session'
    const writes = !ownRecords && rule.write === true
    const searched = searchOf(rule, input)
    const audited = !ownRecords && (rule.write || rule.audited || (searched !== null && isWholeNumber(searched)))
    if (ownRecords || (!writes && !audited)) return handler()
    if (!writes) {
      // An audited read (an export, an unmask) reads first — on the server's pool, perhaps, for
      // seconds — and waits for the writes only to append its row, never inside another call's savepoint.
      const value = await handler()
      await exclusive(async () =>
        deps.audit.append({
          ...auditedCaller(ctx),
          action: method,
          outcome: 'ok',
          target: targetOf(input, value),
          detail: { input: redactForAudit(input) }
        })
      )
      return value
    }
    const previous = writing
    let release!: () => void
    writing = new Promise<void>((r) => (release = r))
    await previous
    try {
      // A write sent again with its key (the seat never got the answer): the first answer, nothing done twice.
      const keyed = ctx.idempotencyKey && ctx.accountId !== null ? { accountId: ctx.accountId, key: ctx.idempotencyKey, method, input } : null
      const earlier = keyed ? deps.receipts.earlier(keyed) : null
      if (earlier) return earlier.value
      sql.sqlite.exec('savepoint api_call')
      try {
        const { batch: batchBefore, change: changeBefore } = logEnds()
        const value = await handler()
        if (keyed) deps.receipts.record(keyed, value)
        if (audited) {
          const changed = changesSince(changeBefore)
          const parse = (s: string | null) => (s ? redactForAudit(JSON.parse(s)) : null)
          const some = changed.length <= 20
          deps.audit.append({
            ...auditedCaller(ctx),
            action: method,
            outcome: 'ok',
            target: targetOf(input, value),
            detail: { input: redactForAudit(input), batches: batchesSince(batchBefore), changedRows: some ? changed.length : '20 行以上（见修改记录）' },
            before: some && changed.length ? changed.map((c) => ({ entity: c.entity, id: c.entityId, row: parse(c.before) })) : null,
            after: some && changed.length ? changed.map((c) => ({ entity: c.entity, id: c.entityId, row: parse(c.after) })) : redactForAudit(value)
          })
        }
        sql.sqlite.exec('release api_call')
        return value
      } catch (e) {
        // SQLite may already have rolled the whole transaction back (a full disk does): then there is no savepoint left.
        if (sql.sqlite.inTransaction) sql.sqlite.exec('rollback to api_call; release api_call')
        throw e
      }
    } finally {
      release()
    }
  }

  /** Run work that must have the store to itself (a restore closes and reopens it). */
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const previous = writing
    let release!: () => void
    writing = new Promise<void>((r) => (release = r))
    await previous
    try {
      return await work()
    } finally {
      release()
    }
  }

  return { identify, admit, run, exclusive }
}
export type Guard = ReturnType<typeof createGuard>
