// Five years of demo issues at the seeds' rate (≈1,300 a year, growing; 1,281 collected and 1,269
// solved in the seed's year), walked through the linkage by the app's own state machine, so every
// log is one the app could have written: escalations through all four levels, dispatches, returns,
// supervision, extensions, suspensions, rejected verifications, and recent ones still open or overdue.
import type { Db } from '../db/open'
import {
  ancestors,
  decide,
  defaultHolder,
  dispatchTargets,
  initialState,
  levelOf,
  type IssueAction,
  type IssueState,
  type RoutingRule,
  type RoutingUnit
} from '../issues/domain/issueRouting'
import { createRng, type Rng } from './prng'
import { sqlOn } from '../db/sql'

const perYear: [number, number][] = [
  [2022, 1150],
  [2023, 1210],
  [2024, 1281],
  [2025, 1330],
  [2026, 1240]
]
const lastDay = Date.parse('2026-11-20T16:00:00Z')
const categories: [string, number][] = [
  ['环境卫生', 22],
  ['矛盾纠纷', 16],
  ['城市管理', 12],
  ['出租屋消防隐患', 10],
  ['治安隐患', 9],
  ['民生服务', 9],
  ['违法建设', 6],
  ['消防安全', 5],
  ['安全生产', 4],
  ['交通安全', 3],
  ['困难救助', 3],
  ['信访维稳', 1]
]
const sources: [string, number][] = [
  ['网格巡查', 38],
  ['驻点团队', 18],
  ['党员户联系', 14],
  ['报到党员', 6],
  ['12345热线', 16],
  ['信访', 3],
  ['来访', 5]
]
const titles: Record<string, string[]> = {
  环境卫生: ['巷道垃圾堆放', '河涌漂浮物', '公厕卫生差', '绿化带杂物'],
  矛盾纠纷: ['邻里噪音纠纷', '租赁押金纠纷', '宅基地边界争议', '工资拖欠纠纷'],
  城市管理: ['占道经营', '乱张贴小广告', '共享单车乱停放', '户外广告牌松动'],
  出租屋消防隐患: ['出租屋楼道电动车充电', '出租屋无消防通道', '群租房私拉电线'],
  治安隐患: ['夜间路灯损坏', '可疑人员出入', '监控盲区'],
  民生服务: ['自来水停供', '老人办理证件不便', '小区充电桩不足'],
  违法建设: ['楼顶加建', '占用绿地搭建'],
  消防安全: ['厂房消防通道堵塞', '灭火器过期'],
  安全生产: ['工厂粉尘作业防护不足', '危化品存放不规范'],
  交通安全: ['路口缺少减速带', '学校门口交通拥堵'],
  困难救助: ['独居老人生活困难', '因病致困家庭求助'],
  信访维稳: ['集体讨薪', '征地补偿诉求']
}
const urgencies: ['一般' | '较急' | '紧急', number][] = [
  ['一般', 70],
  ['较急', 22],
  ['紧急', 8]
]

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rng.next() * total
  for (const [v, w] of items) if ((r -= w) < 0) return v
  return items[items.length - 1][0]
}

export function seedDemoIssues(db: Db, seed = 2025): void {
  const sql = sqlOn(db)
  const rng = createRng(seed)
  const units = new Map(sql.rows<RoutingUnit>('select id, name, kind, parent_id as parentId from units').map((u) => [u.id, u]))
  const town = [...units.values()].find((u) => u.kind === 'town')!
  const groups = sql.rows<{ id: number; t2: number; t1: number; village: number; lon: number; lat: number; households: number }>(
    'select g.id, g.parent_id as t2, p.parent_id as t1, g.village_unit_id as village, g.label_lon as lon, g.label_lat as lat, g.households from grids g join grids p on p.id = g.parent_id where g.tier = 3 and g.label_lon is not null'
  )
  if (groups.length === 0) return
  const rules = new Map(
    sql
      .rows<RoutingRule & { category: string; urgency: string; skipAllowed: unknown }>(
        'select category, urgency, default_level as defaultLevel, skip_allowed as skipAllowed, accept_hours as acceptHours, handle_hours as handleHours, verify_hours as verifyHours, warn_percent as warnPercent from routing_rules'
      )
      .map((r) => [`${r.category}|${r.urgency}`, { ...r, skipAllowed: (r.skipAllowed as unknown) === 1 } as RoutingRule])
  )
  const groupWeights = groups.map((g) => [g, Math.max(1, g.households)] as [typeof g, number])
  const insertIssue = sql.statement(
    `insert into issues (code, title, description, category, urgency, source, lon, lat, village_unit_id, tier1_grid_id, tier2_grid_id, tier3_grid_id, status, holder_unit_id, sender_unit_id, dispatcher_unit_id,
       stage, due_at, warn_at, suspended_at, suspended_from, supervised, escalations, extension_request, co_handlers, created_at, created_by_unit_id, closed_at, closed_level, closed_on_time, peak_level, version)
     values (@code, @title, @description, @category, @urgency, @source, @lon, @lat, @village, @t1, @t2, @t3, @status, @holderUnitId, @senderUnitId, @dispatcherUnitId,
       @stage, @dueAt, @warnAt, @suspendedAt, @suspendedFrom, @supervised, @escalations, @extensionRequest, @coHandlers, @createdAt, @createdBy, @closedAt, @closedLevel, @closedOnTime, @peakLevel, @version)`
  )
  const insertEvent = sql.statement(
    'insert into issue_events (issue_id, at, action, from_unit_id, to_unit_id, actor, note, due_at, status_before, status_after) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )

  sql.transaction(() => {
    for (const [year, count] of perYear) {
      // China's years: the codes SS-<year>-… are numbered per China year, as the app numbers them.
      const start = Date.parse(`${year}-01-01T00:00:00+08:00`)
      const end = Math.min(Date.parse(`${year + 1}-01-01T00:00:00+08:00`), lastDay)
      const times = Array.from({ length: count }, () => start + rng.next() * (end - start)).sort((a, b) => a - b)
      times.forEach((t0, k) => {
        const category = weighted(rng, categories)
        const urgency = weighted(rng, urgencies)
        const source = weighted(rng, sources)
        const g = weighted(rng, groupWeights)
        const rule = rules.get(`${category}|${urgency}`)!
        let t = t0
        const iso = () => new Date(t).toISOString()
        const ctx = () => ({ units, rule, now: iso() })
        const holder = defaultHolder(units, g.village, rule.defaultLevel)
        let state: IssueState = initialState(holder, null, ctx())
        const events: Parameters<typeof insertEvent.run>[] = []
        const title = rng.pick(titles[category])
        events.push([0, iso(), 'create', null, holder, '示例数据', `${source}：${title}`, state.dueAt, null, state.status])
        let onTime: number | null = null
        let closedLevel: number | null = null
        let peakLevel: number = levelOf[units.get(holder)!.kind]
        let closedAt: string | null = null
        const step = (action: IssueAction, actor: number, hours: number) => {
          const next = t + hours * 3_600_000
          if (next > lastDay) return false
          t = next
          const before = state
          const d = decide(state, action, actor, ctx())
          if (!d.ok) return false
          if (d.next.status === 'resolved') onTime = !before.dueAt || iso() <= before.dueAt ? 1 : 0
          if (d.next.status === 'closed') {
            closedAt = iso()
            closedLevel = levelOf[units.get(d.next.holderUnitId)!.kind]
          }
          state = d.next
          peakLevel = Math.max(peakLevel, levelOf[units.get(state.holderUnitId)!.kind])
          events.push([0, iso(), action.type, actor, d.event.toUnitId, '示例数据', d.event.note, d.event.dueAt, d.event.statusBefore, d.event.statusAfter])
          return true
        }
        const h = (limit: number, late = 0.08) => limit * (rng.next() < late ? 1.1 + rng.next() * 0.8 : 0.1 + rng.next() * 0.8)
        step({ type: 'accept' }, state.holderUnitId, h(rule.acceptHours, 0.04))
        // Climb: some issues need a higher level (the seeds' linkage), a few all the way to the district.
        let climbs = rng.next() < 0.12 ? (rng.next() < 0.25 ? (rng.next() < 0.2 ? 3 : 2) : 1) : 0
        while (
          climbs-- > 0 &&
          step(
            { type: 'escalate', reason: rng.pick(['涉及多个部门，需上级协调', '超出本级处置权限', '群众诉求涉及政策']) },
            state.holderUnitId,
            2 + rng.next() * 20
          )
        )
          step({ type: 'accept' }, state.holderUnitId, h(rule.acceptHours, 0.04))
        // Higher levels often dispatch down to the unit that can act, with a deadline.
        if (levelOf[units.get(state.holderUnitId)!.kind] >= 2 && rng.next() < 0.55) {
          const targets = dispatchTargets(units, state.holderUnitId).filter(
            (u) =>
              u.kind === 'department' ||
              u.kind === 'town' ||
              u.kind === 'office' ||
              u.id === g.village ||
              ancestors(units, g.village).some((a) => a.id === u.id)
          )
          if (targets.length) {
            const target = rng.pick(targets)
            if (
              step(
                { type: 'dispatch', toUnitId: target.id, deadline: new Date(t + (1 + rule.handleHours) * 3_600_000).toISOString() },
                state.holderUnitId,
                1 + rng.next() * 6
              )
            ) {
              if (rng.next() < 0.05) {
                step({ type: 'return', reason: '不属于本单位职责范围' }, state.holderUnitId, 2 + rng.next() * 10)
                step({ type: 'accept' }, state.holderUnitId, 1)
              } else step({ type: 'accept' }, state.holderUnitId, h(rule.acceptHours, 0.04))
            }
          }
        }
        const superior = () => (state.holderUnitId === town.id ? town.id : (units.get(state.holderUnitId)!.parentId ?? town.id))
        // A few recent issues are stuck: handled past their deadline, then supervised from above —
        // what the overdue lists, the supervision notices and the wall are for.
        if (t0 > lastDay - 60 * 86_400_000 && rng.next() < 0.1) {
          if (state.dueAt && rng.next() < 0.75)
            step(
              { type: 'supervise', note: rng.pick(['已超期，请加快办理并反馈', '群众多次反映，请限期办结']) },
              superior(),
              Math.max(1, (Date.parse(state.dueAt) - t) / 3_600_000 + 24 + rng.next() * 48)
            )
        } else {
          if (rng.next() < 0.05) step({ type: 'supervise', note: '群众反映强烈，请加快办理' }, superior(), rule.handleHours * 0.5)
          if (rng.next() < 0.03 && step({ type: 'requestExtension', days: 3, reason: '需协调相关部门现场处置' }, state.holderUnitId, rule.handleHours * 0.6))
            step({ type: 'decideExtension', approved: rng.next() < 0.8 }, state.dispatcherUnitId ?? town.id, 4)
          if (rng.next() < 0.02 && step({ type: 'suspend', reason: '等待当事人提供材料' }, state.holderUnitId, 5))
            step({ type: 'resume' }, state.holderUnitId, 24 + rng.next() * 72)
          if (
            step(
              { type: 'resolve', result: rng.pick(['已现场处置完毕', '已调解，双方达成协议', '已清理并落实长效管理', '已整改并复查']) },
              state.holderUnitId,
              h(rule.handleHours)
            )
          ) {
            const verifier = state.dispatcherUnitId ?? town.id
            if (rng.next() < 0.04) {
              step({ type: 'verify', approved: false, note: '现场核查未整改到位' }, verifier, h(rule.verifyHours, 0.02))
              step({ type: 'resolve', result: '已再次整改到位' }, state.holderUnitId, h(rule.handleHours * 0.5))
            }
            step({ type: 'verify', approved: true, note: '现场核查属实' }, state.dispatcherUnitId ?? town.id, h(rule.verifyHours, 0.02))
          }
        }
        const { lastInsertRowid } = insertIssue.run({
          code: `SS-${year}-${String(k + 1).padStart(6, '0')}`,
          title,
          description: `${units.get(g.village)!.name}${title}，${source}发现，请按职责处置。`,
          category,
          urgency,
          source,
          lon: Math.round((g.lon + (rng.next() - 0.5) * 0.002) * 1e6) / 1e6,
          lat: Math.round((g.lat + (rng.next() - 0.5) * 0.002) * 1e6) / 1e6,
          village: g.village,
          t1: g.t1,
          t2: g.t2,
          t3: g.id,
          ...state,
          extensionRequest: state.extensionRequest ? JSON.stringify(state.extensionRequest) : null,
          coHandlers: JSON.stringify(state.coHandlers),
          createdAt: new Date(t0).toISOString(),
          createdBy: null,
          closedAt,
          closedLevel,
          peakLevel,
          closedOnTime: state.status === 'closed' || state.status === 'resolved' ? onTime : null,
          version: events.length
        })
        for (const e of events) insertEvent.run(Number(lastInsertRowid), ...e.slice(1))
      })
    }
  })
}
