// Issue lists and the figures leaders ask for (stats.kpis), computed in SQL so every screen, the
// wall and the briefings show the same numbers. Also the routing rules and the category list.
import type { Output } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { runList, prefix, boolFilter, inScope, type ListInput, type ListSpec } from '../db/sqlList'
import { dayEnd, dayStart, isCalendarDay } from '../../shared/chinaTime'
import { clockColour } from './domain/issueRouting'
import { sqlOn } from '../db/sql'

const OPEN = "('reported', 'accepted', 'resolved', 'suspended')"
/** Statuses whose deadline clock runs (a suspended issue's is stopped): as `clockColour` has it. */
const CLOCK_RUNS = "('reported', 'accepted', 'resolved')"
/** A unit's level in the linkage (1 村居, 2 管理处, 3 镇与部门, 4 区), in SQL; the same as issueRouting's levelOf. */
export const levelExpr = (alias: string) => `(case ${alias}.kind when 'village' then 1 when 'office' then 2 when 'district' then 4 else 3 end)`

export const defaultCategories = [
  '治安隐患',
  '矛盾纠纷',
  '消防安全',
  '出租屋消防隐患',
  '环境卫生',
  '城市管理',
  '违法建设',
  '安全生产',
  '交通安全',
  '民生服务',
  '困难救助',
  '信访维稳'
]
const categoryLevel: Record<string, [number, number, number]> = {
  // 一般, 较急, 紧急 → default handling level (小事不出村：most start in the village).
  治安隐患: [1, 1, 3],
  矛盾纠纷: [1, 1, 2],
  消防安全: [1, 2, 3],
  出租屋消防隐患: [1, 2, 2],
  环境卫生: [1, 1, 1],
  城市管理: [2, 2, 2],
  违法建设: [2, 2, 3],
  安全生产: [2, 3, 3],
  交通安全: [1, 2, 3],
  民生服务: [1, 1, 1],
  困难救助: [1, 1, 2],
  信访维稳: [2, 3, 3]
}
const hours = { 一般: [24, 120, 48], 较急: [8, 72, 24], 紧急: [2, 24, 12] } as const

/** A new store's category list and routing rules (the town edits both afterwards). */
export function ensureIssueDefaults(db: Db) {
  const sql = sqlOn(db)
  // (A store opened with older migrations, as the upgrade test does, has no such table yet.)
  if (!sql.row("select 1 from sqlite_master where type = 'table' and name = 'issue_categories'")) return
  if (sql.row<{ n: number }>('select count(*) n from issue_categories')!.n > 0) return
  sql.transaction(() => {
    defaultCategories.forEach((name, i) => sql.run('insert into issue_categories (name, sort_order) values (?, ?)', name, i))
    defaultCategories.forEach((c) => insertMissingRules(db, c))
  })
}

/** Rules for a category that has none yet (a new one starts at the village, with the usual limits). */
function insertMissingRules(db: Db, category: string) {
  const insert = sqlOn(db).statement(
    'insert or ignore into routing_rules (category, urgency, default_level, skip_allowed, accept_hours, handle_hours, verify_hours, warn_percent) values (?, ?, ?, ?, ?, ?, ?, 75)'
  )
  ;(['一般', '较急', '紧急'] as const).forEach((u, i) =>
    insert.run(category, u, categoryLevel[category]?.[i] ?? 1, u === '紧急' && /安全|消防|治安|信访/.test(category) ? 1 : 0, ...hours[u])
  )
}

/** A date filter's value: a China day written 2026-05-19. */
function chinaDay(v: unknown, label: string): string {
  const s = String(v)
  if (!isCalendarDay(s)) throw new AppError('BAD_INPUT', `${label}应写成 2026-05-19`, { field: label === '起始日期' ? 'filters.from' : 'filters.to' })
  return s
}

export function createIssueFigureService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const now = () => clock.now().toISOString()

  const spec = (): ListSpec => ({
    key: 'i.id',
    from: 'issues i join units h on h.id = i.holder_unit_id join units v on v.id = i.village_unit_id',
    countFrom: 'issues i join units h on h.id = i.holder_unit_id',
    select: `i.id, i.code, i.title, i.category, i.urgency, i.source, i.status, i.holder_unit_id as holderUnitId, h.name as holder, ${levelExpr('h')} as level, v.name as village,
      i.created_at as createdAt, i.due_at as dueAt, i.warn_at as warnAt, i.supervised, i.escalations, i.closed_at as closedAt, i.version, i.lon, i.lat`,
    // Time left: the deadline of an issue whose clock runs (as clockColour says); the others last.
    sortable: {
      createdAt: 'i.created_at',
      dueAt: 'i.due_at',
      timeLeft: `(case when i.status in ${CLOCK_RUNS} then i.due_at end)`,
      code: 'i.code',
      category: 'i.category',
      status: 'i.status',
      holder: 'h.name'
    },
    nullsLast: ['timeLeft'],
    defaultOrder: 'i.created_at desc, i.id desc',
    villageColumn: 'i.village_unit_id',
    filters: {
      status: { label: '状态', clause: (v) => (v === 'open' ? { sql: `i.status in ${OPEN}`, params: [] } : { sql: 'i.status = ?', params: [v] }) },
      level: { label: '层级', clause: (v) => ({ sql: `${levelExpr('h')} = ?`, params: [Number(v)] }) },
      holderUnitId: { label: '承办单位', clause: (v) => ({ sql: 'i.holder_unit_id = ?', params: [v] }) },
      category: { label: '类别', clause: (v) => ({ sql: 'i.category = ?', params: [v] }) },
      source: { label: '来源', clause: (v) => ({ sql: 'i.source = ?', params: [v] }) },
      overdue: {
        label: '超期',
        clause: (v) =>
          boolFilter(v)
            ? { sql: `i.status in ${CLOCK_RUNS} and i.due_at < ?`, params: [now()] }
            : { sql: `not (i.status in ${CLOCK_RUNS} and i.due_at < ?)`, params: [now()] }
      },
      supervised: { label: '督办', clause: (v) => ({ sql: boolFilter(v) ? 'i.supervised > 0' : 'i.supervised = 0', params: [] }) },
      from: { label: '起始日期', clause: (v) => ({ sql: 'i.created_at >= ?', params: [dayStart(chinaDay(v, '起始日期'))] }) },
      to: { label: '截止日期', clause: (v) => ({ sql: 'i.created_at < ?', params: [dayEnd(chinaDay(v, '截止日期'))] }) }
    },
    search: (q) => (/^SS-/i.test(q) ? prefix('i.code')(q.toUpperCase()) : prefix('i.title')(q))
  })

  /** Each row with its clock (red overdue, yellow past the warning point), by the same rule as the panel and the map. */
  const list = (input: ListInput): Output<'issues.list'> => {
    const at = now()
    const page = runList<Omit<Output<'issues.list'>['rows'][number], 'clock'>>(sql, spec(), input)
    return { total: page.total, rows: page.rows.map((r) => ({ ...r, clock: clockColour(r, at) })) }
  }

  /** Villages under a unit (itself if a village; all for the town or the district). */
  function villagesUnder(unitId: number | undefined): number[] | null {
    if (!unitId) return null
    const u = sql.row<{ id: number; kind: string }>('select id, kind from units where id = ?', unitId)
    if (!u) throw notFound('单位', unitId)
    if (u.kind === 'village') return [u.id]
    if (u.kind === 'office') return sql.rows<{ id: number }>("select id from units where parent_id = ? and kind = 'village'", u.id).map((r) => r.id)
    return null
  }

  /**
   * Issues open and past their deadline at `at`, wherever they were registered: the state each was in
   * then is its last hand-off before `at` (status and deadline after it; a suspended one's clock stands
   * still). Only issues not closed by then can be, so the index on closed_at keeps this small.
   */
  function overdueAt(at: string, villages: number[] | null) {
    return sql.rows<{ villageUnitId: number; officeId: number; category: string }>(
      `select i.village_unit_id as villageUnitId, v.parent_id as officeId, i.category from issues i join units v on v.id = i.village_unit_id
         where i.created_at < @at and (i.closed_at is null or i.closed_at >= @at) ${villages ? `and i.village_unit_id in (${villages.join(',') || 'null'})` : ''}
           and (select e.status_after in ('reported', 'accepted', 'resolved') and e.due_at < @at from issue_events e
                where e.issue_id = i.id and e.at < @at and e.action <> 'absorb' order by e.id desc limit 1)`,
      { at }
    )
  }

  /**
   * The linkage's figures for a period of China days (README glossary): what was registered in it,
   * resolved, where; overdue and supervised as they stood at its end (or now, if it has not ended).
   */
  function kpis(input: { from: string; to: string; scopeUnitId?: number }) {
    if (input.from > input.to) throw new AppError('BAD_INPUT', '起始日期不能晚于截止日期')
    const villages = villagesUnder(input.scopeUnitId)
    const scope = villages ? `and i.village_unit_id in (${villages.join(',') || 'null'})` : ''
    // China days: the period runs from the start of its first day to the start of the day after its last.
    const period = { from: dayStart(input.from), to: dayEnd(input.to) }
    const asOf = period.to < now() ? period.to : now()
    const where = `i.created_at >= @from and i.created_at < @to and i.status <> 'merged' ${scope}`
    const t = sql.row<Record<string, number | null>>(
      `select count(*) collected, sum(i.status = 'closed' and i.closed_at < @to) resolved, sum(i.status = 'closed' and i.closed_at < @to and i.closed_on_time) onTime,
           sum(i.status = 'closed' and i.closed_at < @to and i.peak_level = 1) atVillage, sum(i.status = 'closed' and i.closed_at < @to and i.peak_level <= 3) atOrBelowTown,
           sum(i.escalations) escalations
         from issues i where ${where}`,
      period
    )!
    const overdue = overdueAt(asOf, villages)
    const tally = <K extends string | number>(key: (o: (typeof overdue)[number]) => K) =>
      overdue.reduce((m, o) => m.set(key(o), (m.get(key(o)) ?? 0) + 1), new Map<K, number>())
    const overdueByVillage = tally((o) => o.villageUnitId)
    const overdueByOffice = tally((o) => o.officeId)
    const overdueByCategory = tally((o) => o.category)
    const supervised = sql.row<{ n: number }>(
      `select count(distinct e.issue_id) n from issue_events e join issues i on i.id = e.issue_id where e.action = 'supervise' and e.at >= @from and e.at < @to ${scope}`,
      period
    )!.n
    const n = (k: string) => Number(t[k] ?? 0)
    const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : 0)
    const durations = sql.rows<{ level: number; hours: number }>(
      `select i.closed_level as level, (julianday(i.closed_at) - julianday(i.created_at)) * 24 as hours from issues i where ${where} and i.status = 'closed' and i.closed_at < @to order by level, hours`,
      period
    )
    const medianByLevel = [1, 2, 3, 4].map((level) => {
      const xs = durations.filter((d) => d.level === level).map((d) => d.hours)
      return { level, resolved: xs.length, medianHours: xs.length ? Math.round(xs[Math.floor((xs.length - 1) / 2)] * 10) / 10 : null }
    })
    const escalationsByLevel = sql.rows<{ level: number; n: number }>(
      `select ${levelExpr('f')} as level, count(*) n from issue_events e join issues i on i.id = e.issue_id join units f on f.id = e.from_unit_id where e.action = 'escalate' and ${where} group by 1 order by 1`,
      period
    )
    const byCategory = sql.rows<{ category: string; collected: number; resolved: number | null }>(
      `select i.category, count(*) collected, sum(i.status = 'closed' and i.closed_at < @to) resolved from issues i where ${where} group by 1 order by 2 desc`,
      period
    )
    const byUnit = sql.rows<{ unitId: number; unit: string; collected: number; resolved: number | null }>(
      `select v.id as unitId, v.name as unit, count(*) collected, sum(i.status = 'closed' and i.closed_at < @to) resolved from issues i join units v on v.id = i.village_unit_id where ${where} group by v.id order by collected desc`,
      period
    )
    const byOffice = sql.rows<{ unitId: number; unit: string; collected: number; resolved: number | null }>(
      `select o.id as unitId, o.name as unit, count(*) collected, sum(i.status = 'closed' and i.closed_at < @to) resolved
         from issues i join units v on v.id = i.village_unit_id join units o on o.id = v.parent_id where ${where} group by o.id order by collected desc`,
      period
    )
    // A unit or category with overdue issues and nothing new in the period still has its row.
    const nameOf = (id: number) => sql.value<string>('select name from units where id = ?', id) ?? String(id)
    for (const [unitId] of overdueByVillage)
      if (!byUnit.some((u) => u.unitId === unitId)) byUnit.push({ unitId, unit: nameOf(unitId), collected: 0, resolved: 0 })
    for (const [unitId] of overdueByOffice)
      if (!byOffice.some((u) => u.unitId === unitId)) byOffice.push({ unitId, unit: nameOf(unitId), collected: 0, resolved: 0 })
    for (const [category] of overdueByCategory) if (!byCategory.some((c) => c.category === category)) byCategory.push({ category, collected: 0, resolved: 0 })
    const resolved = n('resolved')
    return {
      from: input.from,
      to: input.to,
      collected: n('collected'),
      resolved,
      resolutionRate: ratio(resolved, n('collected')),
      onTimeRate: ratio(n('onTime'), resolved),
      villageShare: ratio(n('atVillage'), resolved),
      townShare: ratio(n('atOrBelowTown'), resolved),
      overdue: overdue.length,
      supervised,
      escalations: n('escalations'),
      medianByLevel,
      escalationsByLevel: [1, 2, 3].map((level) => ({ level, escalations: escalationsByLevel.find((e) => e.level === level)?.n ?? 0 })),
      byCategory: byCategory.map((c) => ({ ...c, resolved: c.resolved ?? 0, overdue: overdueByCategory.get(c.category) ?? 0 })),
      byUnit: byUnit.map((u) => ({ ...u, resolved: u.resolved ?? 0, overdue: overdueByVillage.get(u.unitId) ?? 0 })),
      byOffice: byOffice.map((u) => ({ ...u, resolved: u.resolved ?? 0, overdue: overdueByOffice.get(u.unitId) ?? 0 }))
    }
  }

  function rules(): Output<'routing.rules.get'> {
    return {
      categories: sql
        .rows<{ id: number; name: string; active: number }>('select id, name, active from issue_categories order by sort_order, id')
        .map((c) => ({ ...c, active: c.active === 1 })),
      rules: sql
        .rows<Omit<Output<'routing.rules.get'>['rules'][number], 'skipAllowed'> & { skipAllowed: number }>(
          `select r.category, r.urgency, r.default_level as defaultLevel, r.skip_allowed as skipAllowed, r.accept_hours as acceptHours, r.handle_hours as handleHours, r.verify_hours as verifyHours, r.warn_percent as warnPercent
             from routing_rules r left join issue_categories c on c.name = r.category order by c.sort_order, r.category, case r.urgency when '一般' then 1 when '较急' then 2 else 3 end`
        )
        .map((r) => ({ ...r, skipAllowed: r.skipAllowed === 1 }))
    }
  }

  function setRules(input: {
    categories?: string[]
    rules?: {
      category: string
      urgency: string
      defaultLevel: number
      skipAllowed: boolean
      acceptHours: number
      handleHours: number
      verifyHours: number
      warnPercent: number
    }[]
  }) {
    sql.transaction(() => {
      if (input.categories) {
        const names = input.categories.map((c) => c.trim())
        if (new Set(names).size !== names.length) throw new AppError('BAD_INPUT', '事件类别有重复')
        sql.run('update issue_categories set active = 0')
        names.forEach((name, i) =>
          sql.run(
            'insert into issue_categories (name, sort_order, active) values (?, ?, 1) on conflict(name) do update set sort_order = excluded.sort_order, active = 1',
            name,
            i
          )
        )
        names.forEach((name) => insertMissingRules(db, name))
      }
      for (const r of input.rules ?? []) {
        if (!sql.row('select 1 from issue_categories where name = ?', r.category)) throw new AppError('BAD_INPUT', `规则中的类别“${r.category}”不在类别表中`)
        if (!(r.acceptHours <= r.handleHours)) throw new AppError('BAD_INPUT', `“${r.category}·${r.urgency}”的受理时限不应长于办理时限`)
        sql.run(
          `insert into routing_rules (category, urgency, default_level, skip_allowed, accept_hours, handle_hours, verify_hours, warn_percent) values (?, ?, ?, ?, ?, ?, ?, ?)
             on conflict(category, urgency) do update set default_level = excluded.default_level, skip_allowed = excluded.skip_allowed, accept_hours = excluded.accept_hours,
               handle_hours = excluded.handle_hours, verify_hours = excluded.verify_hours, warn_percent = excluded.warn_percent`,
          r.category,
          r.urgency,
          r.defaultLevel,
          r.skipAllowed ? 1 : 0,
          r.acceptHours,
          r.handleHours,
          r.verifyHours,
          r.warnPercent
        )
      }
    })
    return rules()
  }

  /** Likely duplicates of a new issue: same category, within `radiusM` and `days`. */
  function similar(input: { category: string; lon: number; lat: number; radiusM?: number; days?: number }, scopeVillageIds: number[] | null = null) {
    const scope = inScope('village_unit_id', scopeVillageIds)
    const r = (input.radiusM ?? 300) / 111_320
    const since = new Date(clock.now().getTime() - (input.days ?? 7) * 86_400_000).toISOString()
    const cos = Math.cos((input.lat * Math.PI) / 180)
    return sql
      .rows<{
        id: number
        code: string
        title: string
        status: string
        createdAt: string
        lon: number
        lat: number
      }>(
        `select id, code, title, status, created_at as createdAt, lon, lat from issues where category = ? and created_at >= ? and status <> 'merged'
           and lat between ? and ? and lon between ? and ? and ${scope.sql} order by created_at desc limit 20`,
        input.category,
        since,
        input.lat - r,
        input.lat + r,
        input.lon - r / cos,
        input.lon + r / cos,
        ...scope.params
      )
      .map((i) => ({ ...i, distanceM: Math.round(Math.hypot((i.lon - input.lon) * cos, i.lat - input.lat) * 111_320) }))
  }

  /** Open issues (and those closed in the last `closedDays`) as map points, coloured by status and clock. */
  function points(input: { closedDays?: number }, scopeVillageIds: number[] | null = null) {
    const t = now()
    const since = new Date(clock.now().getTime() - (input.closedDays ?? 0) * 86_400_000).toISOString()
    const rows = sql.rows<{
      id: number
      code: string
      title: string
      status: string
      lon: number
      lat: number
      dueAt: string | null
      warnAt: string | null
    }>(
      `select id, code, title, status, lon, lat, due_at as dueAt, warn_at as warnAt from issues where lon is not null and (status in ${OPEN} or (@closedDays > 0 and status = 'closed' and closed_at >= @since))
           and (@scope is null or village_unit_id in (select value from json_each(@scope)))`,
      { since, closedDays: input.closedDays ?? 0, scope: scopeVillageIds ? JSON.stringify(scopeVillageIds) : null }
    )
    return {
      type: 'FeatureCollection' as const,
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        geometry: { type: 'Point' as const, coordinates: [r.lon, r.lat] as [number, number] },
        properties: {
          id: r.id,
          code: r.code,
          title: r.title,
          status: r.status,
          // red overdue, yellow past the warning point, green in time, grey when no clock runs.
          clock: (r.status === 'closed' || r.status === 'suspended' || !r.dueAt
            ? 'none'
            : t > r.dueAt
              ? 'red'
              : r.warnAt && t > r.warnAt
                ? 'yellow'
                : 'green') as 'none' | 'red' | 'yellow' | 'green'
        }
      }))
    }
  }

  /** Units holding overdue issues, most first (the list accountability starts from). */
  function overdueUnits() {
    return sql.rows<{ unitId: number; unit: string; overdue: number; oldestDueAt: string; records: number }>(
      `select h.id as unitId, h.name as unit, count(*) as overdue, min(i.due_at) as oldestDueAt,
           (select count(*) from accountability_records a where a.unit_id = h.id) as records
         from issues i join units h on h.id = i.holder_unit_id where i.status in ('reported', 'accepted', 'resolved') and i.due_at < ? group by h.id order by overdue desc, oldestDueAt`,
      now()
    )
  }

  /** 约谈问责: a record against a unit (optionally about one issue). Kept, never edited. */
  function recordAccountability(input: { unitId: number; issueId?: number; kind: '约谈' | '问责' | '通报'; note: string }, actor: string) {
    if (!sql.row('select 1 from units where id = ?', input.unitId)) throw notFound('单位', input.unitId)
    if (input.issueId && !sql.row('select 1 from issues where id = ?', input.issueId)) throw notFound('事件', input.issueId)
    const id = sql.run(
      'insert into accountability_records (unit_id, issue_id, kind, note, at, by) values (?, ?, ?, ?, ?, ?)',
      input.unitId,
      input.issueId ?? null,
      input.kind,
      input.note.trim(),
      now(),
      actor
    ).lastInsertRowid as number
    return { id }
  }

  function accountability(unitId?: number) {
    return sql.rows<{
      id: number
      unitId: number
      unit: string
      issueId: number | null
      issueCode: string | null
      kind: string
      note: string
      at: string
      by: string
    }>(
      `select a.id, a.unit_id as unitId, u.name as unit, a.issue_id as issueId, i.code as issueCode, a.kind, a.note, a.at, a.by from accountability_records a join units u on u.id = a.unit_id
         left join issues i on i.id = a.issue_id ${unitId ? 'where a.unit_id = ?' : ''} order by a.at desc, a.id desc limit 200`,
      ...(unitId ? [unitId] : [])
    )
  }

  return { list, kpis, rules, setRules, similar, points, overdueUnits, recordAccountability, accountability }
}
