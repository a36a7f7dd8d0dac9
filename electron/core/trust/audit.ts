// The audit trail: append (hash-chained), search, verify and export. Rows are never changed or
// removed (the migration's triggers refuse it); they are kept for good, which is more than the
// 180 days 等保 asks.
import { newWorkbook, addTableSheet, workbookFile } from '../kernel/workbook'
import { contract, type MethodName } from '../../shared/contract'
import type { AuditQuery, AuditRow } from '../../shared/accounts'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { toWellFormed } from '../kernel/wellFormedText'
import { auditHash, firstBrokenLink, GENESIS, type AuditFields, type ChainedRow } from './domain/auditChain'
import { chinaDate, dayEnd, dayStart } from '../../shared/chinaTime'
import { actionsNamed, describeAudit, type AuditLookup } from './domain/auditWords'
import { sqlOn } from '../db/sql'

/** `seat` and `address`: where the call came from (absent at the server's own console). */
export type AuditEntry = Omit<AuditFields, 'at' | 'detail' | 'before' | 'after' | 'seat' | 'address'> & {
  detail?: unknown
  before?: unknown
  after?: unknown
  seat?: string | null
  address?: string | null
}

const eventNames: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.setup': '首次设置管理员密码',
  'auth.lock': '锁屏',
  'auth.unlock': '解除锁屏',
  'auth.changePassword': '修改密码',
  print: '打印'
}
/** 黄*晓 / 李*: a person's name as the trail shows it to the auditor, who has no business reading it whole. */
const maskName = (name: string) => (name.length <= 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name[name.length - 1]}`)

/** A method's name in words: the first clause of its contract doc. */
export function actionName(action: string): string {
  if (Object.hasOwn(eventNames, action)) return eventNames[action]
  const doc = Object.hasOwn(contract, action) ? contract[action as MethodName].doc : undefined
  return doc ? doc.split(/[：（；，,(]/)[0] : action
}

/** Every action the trail may hold: the contract's methods and the events written outside them. */
const methodNamesWithEvents = [...Object.keys(contract), ...Object.keys(eventNames)]

const json = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v))
/** Text as SQLite will hand it back: the hash is taken over exactly what is stored. */
const stored = (v: string | null) => (v === null ? null : toWellFormed(v))

export function createAuditService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const insert = sql.statement(
    `insert into audit_events (at, account_id, username, role, action, outcome, target, detail, before, after, seat, address, prev_hash, hash)
     values (@at, @accountId, @username, @role, @action, @outcome, @target, @detail, @before, @after, @seat, @address, @prevHash, @hash)`
  )
  /** One row, chained to the last; inside the caller's transaction when there is one. */
  const append = sql.sqlite.transaction((entry: AuditEntry): number => {
    const fields: AuditFields = {
      at: clock.now().toISOString(),
      accountId: entry.accountId,
      username: toWellFormed(entry.username),
      role: stored(entry.role),
      action: toWellFormed(entry.action),
      outcome: entry.outcome,
      target: stored(entry.target),
      detail: stored(json(entry.detail)),
      before: stored(json(entry.before)),
      after: stored(json(entry.after)),
      seat: stored(entry.seat ?? null),
      address: stored(entry.address ?? null)
    }
    const prevHash = sql.value<string>('select hash from audit_events order by id desc limit 1') ?? GENESIS
    return Number(insert.run({ ...fields, prevHash, hash: auditHash(prevHash, fields) }).lastInsertRowid)
  })

  function where(q: AuditQuery): { sql: string; params: Record<string, unknown> } {
    const parts: string[] = []
    const params: Record<string, unknown> = {}
    // Dates are China days; stored times are UTC.
    const where = (condition: string, values: Record<string, unknown>) => (parts.push(condition), Object.assign(params, values))
    if (q.from) where('at >= @from', { from: dayStart(q.from) })
    if (q.to) where('at < @to', { to: dayEnd(q.to) })
    if (q.username) where('username = @username', { username: q.username })
    if (q.action) {
      // A method name (persons.unmask, persons) or words of the operation (查看完整号码, 事件交办).
      const named = /[\u3400-\u9fff]/.test(q.action) ? actionsNamed(q.action, methodNamesWithEvents, actionName) : null
      if (named) {
        const alternatives = ['action in (select value from json_each(@methods))']
        if (named.issueActions.length)
          alternatives.push("(action = 'issues.act' and json_extract(detail, '$.input.action.type') in (select value from json_each(@issueActions)))")
        parts.push(`(${alternatives.join(' or ')})`)
        params.methods = JSON.stringify(named.methods)
        params.issueActions = JSON.stringify(named.issueActions)
      } else where('(action = @action or action like @actionPrefix)', { action: q.action, actionPrefix: `${q.action}.%` })
    }
    if (q.outcome) where('outcome = @outcome', { outcome: q.outcome })
    if (q.q)
      where("(target like @q escape '\\' or detail like @q escape '\\' or seat like @q escape '\\' or address like @q escape '\\')", {
        q: `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      })
    return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params }
  }

  type Raw = Omit<AuditRow, 'actionName' | 'operation' | 'object' | 'details'>
  // Names for the trail's words, each looked up once per read.
  const nameStatements = {
    unit: 'select name from units where id = ?',
    issueCode: 'select code from issues where id = ?',
    grid: 'select name from grids where id = ?',
    person: 'select name from persons where id = ?',
    briefing: 'select title from briefings where id = ?',
    account: "select display_name || '（' || username || '）' from accounts where id = ?"
  }
  function lookup(): AuditLookup {
    const once = (text: string, shape: (v: unknown) => string | undefined = (v) => (v == null ? undefined : String(v))) => {
      const seen = new Map<number, string | undefined>()
      return (id: number) => {
        if (!seen.has(id)) seen.set(id, shape(sql.value(text, id)))
        return seen.get(id)
      }
    }
    const n = nameStatements
    return {
      unit: once(n.unit),
      issueCode: once(n.issueCode),
      grid: once(n.grid),
      person: once(n.person, (v) => (typeof v === 'string' ? maskName(v) : undefined)),
      briefing: once(n.briefing),
      account: once(n.account)
    }
  }
  function search(q: AuditQuery & { offset: number; limit: number }): { total: number; rows: AuditRow[] } {
    const w = where(q)
    const total = sql.value<number>(`select count(*) from audit_events ${w.sql}`, w.params)!
    const rows = sql.rows<Raw>(
      `select id, at, username, role, action, outcome, target, detail, before, after, seat, address, hash from audit_events ${w.sql} order by id desc limit @limit offset @offset`,
      { ...w.params, limit: q.limit, offset: q.offset }
    )
    const look = lookup()
    return { total, rows: rows.map((r) => ({ ...r, actionName: actionName(r.action), ...describeAudit(r, actionName, look) })) }
  }

  /** Walks the whole chain in id order (streamed, so a million rows need no memory). */
  function verify() {
    const rows = sql.iterate<ChainedRow>(
      'select id, at, account_id accountId, username, role, action, outcome, target, detail, before, after, seat, address, prev_hash prevHash, hash from audit_events order by id'
    )
    let checked = 0
    const counted = (function* () {
      for (const r of rows) {
        checked++
        yield r
      }
    })()
    const firstBroken = firstBrokenLink(counted)
    if (firstBroken) rows.return?.()
    const oldest = sql.value<string | null>('select min(at) from audit_events')! ?? null
    return { ok: firstBroken === null, checked, firstBroken, oldest }
  }

  async function exportFile(q: AuditQuery & { offset: number; limit: number }) {
    const { rows } = search({ ...q, offset: 0, limit: 100_000 })
    const book = newWorkbook(clock.now())
    const columns = [
      { header: '序号', key: 'id', width: 8 },
      { header: '时间', key: 'at', width: 22 },
      { header: '账号', key: 'username', width: 14 },
      { header: '角色', key: 'role', width: 12 },
      { header: '操作', key: 'operation', width: 24 },
      { header: '对象', key: 'object', width: 36 },
      { header: '席位', key: 'seat', width: 14 },
      { header: '地址', key: 'address', width: 16 },
      { header: '结果', key: 'outcome', width: 8 },
      { header: '详情', key: 'detailText', width: 60 },
      { header: '接口', key: 'action', width: 22 },
      { header: '原始详情', key: 'detail', width: 40 },
      { header: '修改前', key: 'before', width: 40 },
      { header: '修改后', key: 'after', width: 40 },
      { header: '哈希', key: 'hash', width: 20 }
    ]
    const outcome = { ok: '成功', denied: '拒绝', failed: '失败' }
    addTableSheet(
      book,
      '审计记录',
      columns,
      rows.map((r) => ({
        ...r,
        detailText: r.details.map((d) => `${d.label}：${d.value}`).join('\n'),
        at: new Date(r.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
        outcome: outcome[r.outcome]
      }))
    )
    return workbookFile(book, `审计记录_${chinaDate(clock.now())}.xlsx`, rows.length)
  }

  return { append, search, verify, exportFile }
}
export type AuditService = ReturnType<typeof createAuditService>
