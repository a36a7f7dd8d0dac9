// Issues through the four-level linkage on the store: create (the grid of all three tiers found
// from the point), act (the domain decides; the issue row and one log event are written in one
// transaction, version-checked), read with the log and the actions open to a unit.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { readPhoto } from '../kernel/photoKind'
import { createGridLocator } from '../grids/gridsAt'
import {
  actionName,
  availableActions,
  clockColour,
  decide,
  defaultHolder,
  initialState,
  levelOf,
  verifierOf,
  type IssueAction,
  type IssueState,
  type RoutingRule,
  type RoutingUnit
} from './domain/issueRouting'
import { chinaYear } from '../../shared/chinaTime'
import { levelExpr } from './issueFigures'
import { sqlOn } from '../db/sql'
import { issues } from './schema'
import type { Output } from '../../shared/contract'

export const defaultRule: RoutingRule = { defaultLevel: 1, skipAllowed: false, acceptHours: 24, handleHours: 120, verifyHours: 48, warnPercent: 75 }

/** An issue's row as the schema types it. */
type IssueRow = typeof issues.$inferSelect

export type CreateIssueInput = {
  title: string
  description: string
  category: string
  urgency: '一般' | '较急' | '紧急'
  source: '网格巡查' | '驻点团队' | '党员户联系' | '报到党员' | '12345热线' | '信访' | '来访'
  reporterName?: string
  reporterPhone?: string
  lon?: number
  lat?: number
  address?: string
  villageUnitId?: number
  reportingUnitId?: number
  photos?: { fileName: string; mimeType: string; contentBase64: string }[]
  /** An open issue this report repeats: it is registered and merged into it in one step. */
  duplicateOf?: number
}

export function createIssueService(db: Db, clock: Clock) {
  const sql = sqlOn(db)

  function routingUnits(): Map<number, RoutingUnit> {
    const rows = sql.rows<RoutingUnit>('select id, name, kind, parent_id as parentId from units')
    return new Map(rows.map((u) => [u.id, u]))
  }

  function ruleFor(category: string, urgency: string): RoutingRule {
    const r = sql.row<Omit<RoutingRule, 'skipAllowed' | 'defaultLevel'> & { skipAllowed: number; defaultLevel: number }>(
      'select default_level as defaultLevel, skip_allowed as skipAllowed, accept_hours as acceptHours, handle_hours as handleHours, verify_hours as verifyHours, warn_percent as warnPercent from routing_rules where category = ? and urgency = ?',
      category,
      urgency
    )
    return r ? { ...r, skipAllowed: r.skipAllowed === 1, defaultLevel: r.defaultLevel as RoutingRule['defaultLevel'] } : defaultRule
  }

  /** The grids of all three tiers holding a point (tier 3 first, then its parents). */
  const { gridsAt } = createGridLocator(db)

  const stateOf = (r: IssueRow): IssueState => ({
    status: r.status,
    holderUnitId: r.holderUnitId,
    senderUnitId: r.senderUnitId,
    dispatcherUnitId: r.dispatcherUnitId,
    stage: r.stage,
    dueAt: r.dueAt,
    warnAt: r.warnAt,
    suspendedAt: r.suspendedAt,
    suspendedFrom: r.suspendedFrom as IssueState['suspendedFrom'],
    supervised: r.supervised,
    escalations: r.escalations,
    extensionRequest: r.extensionRequest ? JSON.parse(r.extensionRequest) : null,
    coHandlers: JSON.parse(r.coHandlers),
    mergedInto: r.mergedInto
  })

  const writeState = (id: number, s: IssueState, extra: Record<string, unknown> = {}) =>
    sql.run(
      `update issues set status = @status, holder_unit_id = @holderUnitId, sender_unit_id = @senderUnitId, dispatcher_unit_id = @dispatcherUnitId, stage = @stage, due_at = @dueAt, warn_at = @warnAt,
         suspended_at = @suspendedAt, suspended_from = @suspendedFrom, supervised = @supervised, escalations = @escalations, extension_request = @extensionRequest, co_handlers = @coHandlers,
         merged_into = @mergedInto, closed_at = case when @status = 'closed' then coalesce(@closedAt, closed_at) end,
         peak_level = max(peak_level, (select ${levelExpr('u')} from units u where u.id = @holderUnitId)),
         closed_level = case when @status = 'closed' then coalesce(@closedLevel, closed_level) end,
         closed_on_time = case when @status in ('resolved', 'closed') then coalesce(@closedOnTime, closed_on_time) end, version = version + 1 where id = @id`,
      {
        id,
        ...s,
        extensionRequest: s.extensionRequest ? JSON.stringify(s.extensionRequest) : null,
        coHandlers: JSON.stringify(s.coHandlers),
        closedAt: null,
        closedLevel: null,
        closedOnTime: null,
        ...extra
      }
    )

  const insertEvent = (
    issueId: number,
    at: string,
    e: {
      action: string
      fromUnitId: number | null
      toUnitId: number | null
      note: string | null
      dueAt: string | null
      statusBefore: string | null
      statusAfter: string
    },
    actor: string
  ) =>
    sql.run(
      'insert into issue_events (issue_id, at, action, from_unit_id, to_unit_id, actor, note, due_at, status_before, status_after) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      issueId,
      at,
      e.action,
      e.fromUnitId,
      e.toUnitId,
      actor,
      e.note,
      e.dueAt,
      e.statusBefore,
      e.statusAfter
    )

  /** An issue a duplicate may be merged into: another one, still open. */
  function mergeTarget(intoId: number, sourceId: number) {
    const target = sql.row<{ id: number; status: string; code: string }>('select id, status, code from issues where id = ?', intoId)
    if (!target || target.id === sourceId) throw new AppError('BAD_INPUT', '请选择另一个事件作为合并目标')
    if (!['reported', 'accepted', 'resolved', 'suspended'].includes(target.status)) throw new AppError('BAD_INPUT', `事件 ${target.code} 已结束，不能合并到它`)
    return target
  }

  /** The target's log tells its holder that another report of the same problem came in. */
  const absorb = (
    target: { id: number; status: string },
    source: { id: number; code: string; title: string; reporterName?: string | null },
    at: string,
    actor: string
  ) =>
    insertEvent(
      target.id,
      at,
      {
        action: 'absorb',
        fromUnitId: null,
        toUnitId: null,
        note: `${source.code}：${source.title}${source.reporterName ? `（反映人 ${source.reporterName}）` : ''}`,
        dueAt: null,
        statusBefore: target.status,
        statusAfter: target.status
      },
      actor
    )

  /** Where a point falls, said in names, before anything is registered there (null: outside every party group). */
  function place(lon: number, lat: number, scopeVillageIds: number[] | null) {
    const at = gridsAt(lon, lat)
    if (!at) return null
    const name = (text: string, id: number | null) => (id === null ? null : (sql.value<string>(text, id) ?? null))
    return {
      villageUnitId: at.villageUnitId,
      village: name('select name from units where id = ?', at.villageUnitId)!,
      tier1: name('select name from grids where id = ?', at.tier1),
      tier2: name('select name from grids where id = ?', at.tier2),
      tier3: name('select name from grids where id = ?', at.tier3)!,
      inReach: !scopeVillageIds || scopeVillageIds.includes(at.villageUnitId)
    }
  }

  /** `scopeVillageIds`: a clerk's villages; a report placed outside them is refused before anything is written (it would go where the clerk cannot see it). */
  function create(input: CreateIssueInput, actor: string, scopeVillageIds: number[] | null = null) {
    const now = clock.now().toISOString()
    return sql.transaction(() => {
      if (!sql.row('select 1 from issue_categories where name = ? and active', input.category))
        throw new AppError('BAD_INPUT', `事件类别“${input.category}”不在类别表中`)
      const at = input.lon !== undefined && input.lat !== undefined ? gridsAt(input.lon, input.lat) : null
      if (input.lon !== undefined && !at && !input.villageUnitId) throw new AppError('BAD_INPUT', '所选位置不在任何三级网格内，请在镇内选点或选择村居')
      const villageUnitId = at?.villageUnitId ?? input.villageUnitId
      if (!villageUnitId) throw new AppError('BAD_INPUT', '请在地图上选点，或选择事件所在村居')
      const units = routingUnits()
      if (units.get(villageUnitId)?.kind !== 'village') throw notFound('村居', villageUnitId)
      if (scopeVillageIds && !scopeVillageIds.includes(villageUnitId))
        throw new AppError(
          'BAD_INPUT',
          `所选位置在${units.get(villageUnitId)!.name}，不在本账号管辖的村（社区）内，未登记。请在本村（社区）范围内选点；其他村居的问题请转告该村居或指挥中心登记。`,
          { field: at ? 'lon' : 'villageUnitId' }
        )
      if (input.reportingUnitId && !units.has(input.reportingUnitId)) throw notFound('上报单位', input.reportingUnitId)
      const rule = ruleFor(input.category, input.urgency)
      const holder = defaultHolder(units, villageUnitId, rule.defaultLevel)
      const state = initialState(holder, input.reportingUnitId ?? null, { units, rule, now })
      const year = chinaYear(clock.now())
      const { n } = sql.row<{ n: number }>('select count(*) + 1 as n from issues where code like ?', `SS-${year}-%`)!
      const code = `SS-${year}-${String(n).padStart(6, '0')}`
      const id = sql.run(
        `insert into issues (code, title, description, category, urgency, source, reporter_name, reporter_phone, lon, lat, address, village_unit_id, tier1_grid_id, tier2_grid_id, tier3_grid_id,
             status, holder_unit_id, sender_unit_id, stage, due_at, warn_at, created_at, created_by_unit_id, peak_level)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        code,
        input.title.trim(),
        input.description.trim(),
        input.category,
        input.urgency,
        input.source,
        input.reporterName?.trim() || null,
        input.reporterPhone?.trim() || null,
        input.lon ?? null,
        input.lat ?? null,
        input.address?.trim() || null,
        villageUnitId,
        at?.tier1 ?? null,
        at?.tier2 ?? null,
        at?.tier3 ?? null,
        state.status,
        state.holderUnitId,
        state.senderUnitId,
        state.stage,
        state.dueAt,
        state.warnAt,
        now,
        input.reportingUnitId ?? null,
        levelOf[units.get(holder)!.kind]
      ).lastInsertRowid as number
      insertEvent(
        id,
        now,
        {
          action: 'create',
          fromUnitId: input.reportingUnitId ?? null,
          toUnitId: holder,
          note: `${input.source}：${input.title.trim()}`,
          dueAt: state.dueAt,
          statusBefore: null,
          statusAfter: state.status
        },
        actor
      )
      for (const p of input.photos ?? []) {
        const { bytes, mime, sha256 } = readPhoto(p)
        sql.run(
          'insert or ignore into issue_photos (issue_id, sha256, mime_type, file_name, bytes, created_at) values (?, ?, ?, ?, ?, ?)',
          id,
          sha256,
          mime,
          p.fileName,
          bytes,
          now
        )
      }
      // Confirmed as a duplicate while registering: kept (the report and its reporter count) but merged at once.
      if (input.duplicateOf !== undefined) {
        const target = mergeTarget(input.duplicateOf, id)
        const merged = decide(state, { type: 'merge', intoId: target.id, note: `登记时确认与 ${target.code} 重复` }, holder, { units, rule, now })
        if (!merged.ok) throw new AppError('CONFLICT', merged.problem)
        writeState(id, merged.next)
        insertEvent(id, now, merged.event, actor)
        absorb(target, { id, code, title: input.title.trim(), reporterName: input.reporterName?.trim() }, now, actor)
      }
      return { id, code, holderUnitId: holder }
    })
  }

  /** One action by one unit, if the linkage allows it now; stale versions are refused, not merged. */
  function act(input: { id: number; version: number; actingUnitId: number; action: IssueAction }, actor: string) {
    const now = clock.now().toISOString()
    return sql.transaction(() => {
      const row = sql.find(issues, input.id)
      if (!row) throw notFound('事件', input.id)
      if (row.version !== input.version)
        throw new AppError('CONFLICT', `事件 ${row.code} 已被他人处理（现在是第 ${row.version} 版），请刷新后再操作。你的操作未执行。`)
      const units = routingUnits()
      const state = stateOf(row)
      const target = input.action.type === 'merge' ? mergeTarget(input.action.intoId, row.id) : null
      const d = decide(state, input.action, input.actingUnitId, { units, rule: ruleFor(row.category, row.urgency), now })
      if (!d.ok) throw new AppError('CONFLICT', d.problem)
      if (target) absorb(target, row, now, actor)
      // On time = resolved before the handling deadline; the level is the holder's when it closes.
      const extra =
        d.next.status === 'resolved'
          ? { closedOnTime: !state.dueAt || now <= state.dueAt ? 1 : 0 }
          : d.next.status === 'closed'
            ? { closedAt: now, closedLevel: levelOf[units.get(d.next.holderUnitId)!.kind] }
            : {}
      writeState(row.id, d.next, extra)
      insertEvent(row.id, now, d.event, actor)
      return { version: row.version + 1, status: d.next.status, holderUnitId: d.next.holderUnitId }
    })
  }

  function get(id: number, actingUnitId?: number): Output<'issues.get'> {
    const row = sql.find(issues, id)
    if (!row) throw notFound('事件', id)
    const names = sql.row<{ holder: string; village: string; tier1: string | null; tier2: string | null; tier3: string | null }>(
      `select h.name holder, v.name village, g1.name tier1, g2.name tier2, g3.name tier3 from issues i join units h on h.id = i.holder_unit_id
         join units v on v.id = i.village_unit_id left join grids g3 on g3.id = i.tier3_grid_id left join grids g2 on g2.id = i.tier2_grid_id left join grids g1 on g1.id = i.tier1_grid_id where i.id = ?`,
      id
    )!
    const events = sql.rows<Omit<Output<'issues.get'>['events'][number], 'actionName'>>(
      `select e.id, e.at, e.action, e.from_unit_id as fromUnitId, f.name as fromUnit, e.to_unit_id as toUnitId, t.name as toUnit, e.actor, e.note, e.due_at as dueAt, e.status_before as statusBefore, e.status_after as statusAfter
         from issue_events e left join units f on f.id = e.from_unit_id left join units t on t.id = e.to_unit_id where e.issue_id = ? order by e.id`,
      id
    )
    const units = routingUnits()
    const state = stateOf(row)
    const now = clock.now().toISOString()
    const rule = ruleFor(row.category, row.urgency)
    const verifier = state.status === 'resolved' || state.extensionRequest ? verifierOf(state, { units, rule, now }) : null
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      description: row.description,
      category: row.category,
      urgency: row.urgency,
      source: row.source,
      reporterName: row.reporterName,
      lonLat: row.lon !== null && row.lat !== null ? ([row.lon, row.lat] as [number, number]) : null,
      address: row.address,
      village: names.village,
      grids: { tier1: names.tier1, tier2: names.tier2, tier3: names.tier3 },
      status: state.status,
      holderUnitId: state.holderUnitId,
      holder: names.holder,
      waitingOn:
        verifier === null
          ? null
          : { unitId: verifier, unit: units.get(verifier)!.name, for: state.status === 'resolved' ? ('核查' as const) : ('审批延期' as const) },
      stage: state.stage,
      dueAt: state.dueAt,
      clock: clockColour(state, now),
      supervised: state.supervised,
      escalations: state.escalations,
      extensionRequest: state.extensionRequest,
      createdAt: row.createdAt,
      closedAt: row.closedAt,
      mergedInto: row.mergedInto ? sql.row<{ id: number; code: string }>('select id, code from issues where id = ?', row.mergedInto)! : null,
      version: row.version,
      photos: sql.rows<{
        id: number
        fileName: string
        mimeType: string
        sha256: string
      }>('select id, file_name as fileName, mime_type as mimeType, sha256 from issue_photos where issue_id = ?', id),
      events: events.map((e) => ({ ...e, actionName: actionName[e.action as keyof typeof actionName] ?? e.action })),
      actions: actingUnitId ? availableActions(state, actingUnitId, { units, rule, now }) : []
    }
  }

  /** One stored photo, for the issue page and the printed 流转单. */
  function photo(id: number) {
    const p = sql.row<{ fileName: string; mimeType: string; bytes: Buffer }>(
      'select file_name as fileName, mime_type as mimeType, bytes from issue_photos where id = ?',
      id
    )
    if (!p) throw notFound('照片', id)
    return { fileName: p.fileName, mimeType: p.mimeType, contentBase64: p.bytes.toString('base64') }
  }

  return { place, create, act, get, photo, gridsAt, ruleFor }
}
