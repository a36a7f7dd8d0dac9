// Briefings (简报): compose one from the store for a kind, period and scope (the same stats.kpis and
// visit statistics every screen shows), issue it — numbered 第N期 per year and frozen as a snapshot —
// and read or list issued ones. The document itself is written by domain/briefingModel.ts.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { BriefingDocument, sectionKeys, type BriefingSection } from '../../shared/briefing'
import { composeBriefing, type PeopleFigures } from './domain/briefingModel'
import { isCalendarDay, periodOf, previousPeriod, type Period } from './domain/briefingPeriod'
import { briefingMapSvg } from './domain/briefingMap'
import { fromGeoJsonGeometry } from '../kernel/geometry'
import { categoryChartSvg } from './briefingChart'
import { createIssueFigureService } from '../issues/issueFigures'
import { createVisitService } from '../people/visits'
import { chinaDate, chinaDateSql, dayEnd } from '../../shared/chinaTime'
import { asOfSql } from '../changes/changes'
import { sqlOn } from '../db/sql'
import { createRentalService } from '../rentals/rentals'
import { createHeadService } from '../heads/heads'
import { createMemberPostService } from '../people/memberPosts'

export type ComposeInput = { kind: BriefingDocument['kind']; anchor?: string; from?: string; to?: string; scopeUnitId?: number }
/** What the officer changed before issuing: order and choice of sections, edited paragraphs, next steps. */
export type IssueInput = ComposeInput & { sections: { key: (typeof sectionKeys)[number]; paragraphs?: string[] }[] }

const title = '狮山镇网格化管理工作简报'
/** How many of the period's overdue and supervised issues a briefing lists (it states how many there are). */
export const KEY_ISSUES_LISTED = 30
const issuingUnit = '狮山镇网格化指挥中心'

export function createBriefingService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const issueFigures = createIssueFigureService(db, clock)
  const visits = createVisitService(db, clock)
  const rentals = createRentalService(db, clock)
  const heads = createHeadService(db, clock)
  const memberPosts = createMemberPostService(db, clock)
  const today = () => chinaDate(clock.now())

  function scopeOf(unitId?: number) {
    if (!unitId) {
      const town = sql.row<{ id: number; name: string }>("select id, name from units where kind = 'town'")!
      return {
        unitId: null,
        name: town.name,
        villages: sql.rows<{ id: number }>("select id from units where kind = 'village'").map((v) => v.id)
      }
    }
    const u = sql.row<{ id: number; name: string; kind: string }>('select id, name, kind from units where id = ?', unitId)
    if (!u) throw notFound('单位', unitId)
    if (u.kind === 'village') return { unitId: u.id, name: u.name, villages: [u.id] }
    if (u.kind === 'office')
      return {
        unitId: u.id,
        name: u.name,
        villages: sql.rows<{ id: number }>("select id from units where parent_id = ? and kind = 'village'", u.id).map((v) => v.id)
      }
    if (u.kind === 'town') return scopeOf(undefined)
    throw new AppError('BAD_INPUT', `简报范围须为全镇、管理处或村（社区），“${u.name}”不是`)
  }

  function periodFor(input: ComposeInput): Period {
    for (const d of [input.anchor, input.from, input.to]) if (d !== undefined && !isCalendarDay(d)) throw new AppError('BAD_INPUT', `日期“${d}”无效`)
    if (input.kind === '专报') {
      if (!input.from || !input.to) throw new AppError('BAD_INPUT', '专报须填写起止日期')
      if (input.from > input.to) throw new AppError('BAD_INPUT', '起始日期不能晚于截止日期')
    }
    const p = periodOf(input.kind, input.anchor ?? input.from ?? today(), input.kind === '专报' ? { from: input.from!, to: input.to! } : undefined)
    if (p.from > today()) throw new AppError('BAD_INPUT', `${p.label}尚未开始，不能编写简报`)
    return p
  }

  const inList = (ids: number[]) => `(${ids.join(',') || 'null'})`

  /** The end of a period as an instant (exclusive), or just after now if it has not ended: the "截至" of every stock a briefing counts. */
  const asOfEnd = (p: Period) => {
    const justAfterNow = new Date(clock.now().getTime() + 1).toISOString()
    return dayEnd(p.to) < justAfterNow ? dayEnd(p.to) : justAfterNow
  }

  function peopleFigures(villages: number[], stats: ReturnType<typeof visits.stats>, p: Period): PeopleFigures {
    const rows = stats.villages.filter((v) => villages.includes(v.villageUnitId))
    const withHouseholds = rows.filter((r) => r.households > 0)
    const asOf = asOfEnd(p)
    const count = (text: string) => sql.value<number | null>(text, { asOf }) ?? 0
    const contactThen = asOfSql('household', 'h.id', 'contactPersonId', 'h.contact_person_id')
    return {
      teams: count(`select count(*) n from resident_teams where village_unit_id in ${inList(villages)}`),
      personTimes: rows.reduce((s, r) => s + r.teamPersonTimes, 0),
      households: rows.reduce((s, r) => s + r.households, 0),
      visits: rows.reduce((s, r) => s + r.visits, 0),
      rounds: withHouseholds.length ? Math.min(...withHouseholds.map((r) => r.rounds)) : 0,
      partyMembers: count(
        `select count(*) n from persons where is_party_member = 1 and party_registration = '村居' and created_at < :asOf and village_unit_id in ${inList(villages)}`
      ),
      householdsContacted: count(`select count(*) n from households h where ${contactThen} is not null and h.village_unit_id in ${inList(villages)}`),
      nonHukouContacted: count(
        `select sum(h.members) n from households h where h.kind = '非户籍家庭户' and ${contactThen} is not null and h.village_unit_id in ${inList(villages)}`
      )
    }
  }

  function reportingFigures(villages: number[], p: Period) {
    const v = inList(villages)
    const one = (text: string, ...params: unknown[]) => sql.row<Record<string, number | null>>(text, ...params)!
    // Placed as at the period's end: a member placed on 2 December was not placed on 30 November.
    const placedThen = asOfSql('reportingMember', 'r.id', 'groupGridId', 'r.group_grid_id')
    const m = one(
      `select count(*) members, sum(${placedThen} is not null) placed, sum(r.reported_at >= :from) reportedInPeriod from reporting_members r where r.village_unit_id in ${v} and r.reported_at <= :to`,
      { from: p.from, to: p.to, asOf: asOfEnd(p) }
    )
    const s = one(
      `select count(*) services, sum(s.hours) hours from service_records s join reporting_members r on r.id = s.reporting_member_id where r.village_unit_id in ${v} and s.date between ? and ?`,
      p.from,
      p.to
    )
    const n = one(
      `select count(distinct n.id) notices, count(x.id) recipients, sum(x.answer = '愿意参加') willing from reserve_notices n left join reserve_notice_recipients x on x.notice_id = n.id
       where (n.village_unit_id in ${v} or n.village_unit_id is null) and ${chinaDateSql('n.sent_at')} between ? and ?`,
      p.from,
      p.to
    )
    return {
      members: m.members ?? 0,
      placed: m.placed ?? 0,
      reportedInPeriod: m.reportedInPeriod ?? 0,
      services: s.services ?? 0,
      serviceHours: s.hours ?? 0,
      reserveContacts: one(`select count(*) n from reserve_contacts where village_unit_id in ${v}`).n ?? 0,
      notices: n.notices ?? 0,
      recipients: n.recipients ?? 0,
      willing: n.willing ?? 0
    }
  }

  /**
   * Issues open at the end of the period (or now, if sooner) and then overdue or under supervision,
   * each as it stood then: its last hand-off before that instant gives its state and deadline, its
   * holder the last unit it was handed to. All of them are counted; the most overdue are listed.
   */
  function keyIssues(villages: number[], p: Period, listed = KEY_ISSUES_LISTED) {
    const at = asOfEnd(p)
    const rows = sql.rows<{ code: string; title: string; status: string; dueAt: string | null; holder: string; supervised: number }>(
      `with open_then as (
           select i.id, i.code, i.title, (select e.id from issue_events e where e.issue_id = i.id and e.at < @at and e.action <> 'absorb' order by e.id desc limit 1) last_event
           from issues i where i.village_unit_id in ${inList(villages)} and i.created_at < @at and (i.closed_at is null or i.closed_at >= @at))
         select o.code, o.title, e.status_after status, e.due_at dueAt,
           (select u.name from issue_events h join units u on u.id = h.to_unit_id where h.issue_id = o.id and h.at < @at and h.action in ('create', 'escalate', 'dispatch', 'return') order by h.id desc limit 1) holder,
           (select count(*) from issue_events s where s.issue_id = o.id and s.action = 'supervise' and s.at < @at) supervised
         from open_then o join issue_events e on e.id = o.last_event
         where e.status_after in ('reported', 'accepted', 'resolved', 'suspended')`,
      { at }
    )
    const overdueDays = (k: { status: string; dueAt: string | null }) =>
      k.status !== 'suspended' && k.dueAt && k.dueAt < at ? Math.ceil((Date.parse(at) - Date.parse(k.dueAt)) / 86_400_000) : 0
    const key = rows.map((k) => ({ ...k, overdueDays: overdueDays(k) })).filter((k) => k.overdueDays > 0 || k.supervised > 0)
    key.sort((a, b) => b.overdueDays - a.overdueDays || b.supervised - a.supervised || a.code.localeCompare(b.code))
    return { total: key.length, overdue: key.filter((k) => k.overdueDays > 0).length, rows: key.slice(0, listed) }
  }

  /** The campaign table for the period in the scope's villages, as of the period's end (or today while it runs): rentals.campaignTable's own. */
  function rentalFacts(villages: number[], p: Period) {
    const t = rentals.campaignTable({ startsOn: p.from, endsOn: p.to, asOf: p.to < today() ? p.to : today(), villageIds: villages }, null)
    return { total: t.total, villages: t.villages.map((v) => ({ ...v, name: v.village })), kinds: t.kinds.map((k) => ({ ...k, name: k.kind })) }
  }

  /** 三长制 (heads.figures) for the period and scope, and 设岗定责 (posts.figures) held on the period's end (or today). */
  function communityFacts(villages: number[], p: Period) {
    const asOf = p.to < today() ? p.to : today()
    const h = heads.figures({ from: p.from, to: p.to, villageIds: villages }, null)
    const posts = memberPosts.figures({ year: Number(p.to.slice(0, 4)), villageIds: villages, asOf }, null)
    return {
      heads: h.total,
      villages: h.villages.map((v) => ({ ...v, name: v.village })),
      posts: { posts: posts.posts, claimedPosts: posts.claimedPosts, members: posts.members, unclaimed: posts.unclaimed.length }
    }
  }

  function mapSvg(scope: { unitId: number | null; villages: number[] }, collectedByVillage: Map<number, number>) {
    // A village's map shows its party groups; an office's or the town's, the villages.
    const single = scope.villages.length === 1
    const rows = sql.rows<{ id: number; name: string; geometry: string; lon: number | null; lat: number | null; n: number }>(
      single
        ? `select g.id, g.name, g.geometry, g.label_lon lon, g.label_lat lat, (select count(*) from issues i where i.tier3_grid_id = g.id) n from grids g where g.tier = 3 and g.village_unit_id = ${scope.villages[0]} and g.geometry is not null`
        : `select g.village_unit_id id, g.name, g.geometry, g.label_lon lon, g.label_lat lat, 0 n from grids g where g.tier = 1 and g.village_unit_id in ${inList(scope.villages)} and g.geometry is not null`
    )
    return briefingMapSvg(
      rows.map((r) => ({
        name: r.name,
        polygons: fromGeoJsonGeometry(JSON.parse(r.geometry)) as unknown as number[][][][],
        value: single ? r.n : (collectedByVillage.get(r.id) ?? 0),
        label: r.lon !== null && r.lat !== null ? [r.lon, r.lat] : null
      })),
      { width: 640, height: 420, unit: '件', labels: rows.length <= 30 }
    )
  }

  function compose(input: ComposeInput, number: number | null = null, date = today()): BriefingDocument {
    const scope = scopeOf(input.scopeUnitId)
    const period = periodFor(input)
    const previous = previousPeriod(input.kind, period)
    const kpis = issueFigures.kpis({ from: period.from, to: period.to, scopeUnitId: scope.unitId ?? undefined })
    const kpisBefore = issueFigures.kpis({ from: previous.from, to: previous.to, scopeUnitId: scope.unitId ?? undefined })
    // The visit statistics are the costly part (every household's visits in the period): once each.
    const stats = visits.stats({ from: period.from, to: period.to })
    const statsBefore = visits.stats({ from: previous.from, to: previous.to })
    const byVillage = new Map(kpis.byUnit.map((u) => [u.unitId, u]))
    const villages = stats.villages
      .filter((v) => scope.villages.includes(v.villageUnitId))
      .map((v) => ({
        name: v.village,
        collected: byVillage.get(v.villageUnitId)?.collected ?? 0,
        resolved: byVillage.get(v.villageUnitId)?.resolved ?? 0,
        overdue: byVillage.get(v.villageUnitId)?.overdue ?? 0,
        visitRate: v.households ? v.visits / v.households : null
      }))
    return composeBriefing({
      kind: input.kind,
      title,
      number,
      year: Number(date.slice(0, 4)),
      date,
      issuingUnit,
      period,
      previous,
      scope: { unitId: scope.unitId, name: scope.name, villages: scope.villages.length },
      people: peopleFigures(scope.villages, stats, period),
      peoplePrevious: peopleFigures(scope.villages, statsBefore, previous),
      issues: kpis,
      issuesPrevious: kpisBefore,
      reporting: reportingFigures(scope.villages, period),
      keyIssues: keyIssues(scope.villages, period),
      villages,
      categoryChartSvg: categoryChartSvg(kpis.byCategory),
      mapSvg: mapSvg(scope, new Map(kpis.byUnit.map((u) => [u.unitId, u.collected]))),
      rentals: rentalFacts(scope.villages, period),
      community: communityFacts(scope.villages, period)
    })
  }

  /** Issue: compose again from the store (the numbers are the store's, not the screen's), apply the officer's order, choices and words, number it and freeze it. */
  function issue(input: IssueInput, actor: string) {
    if (input.sections.length === 0) throw new AppError('BAD_INPUT', '简报至少要有一个部分')
    const keys = input.sections.map((s) => s.key)
    if (new Set(keys).size !== keys.length) throw new AppError('BAD_INPUT', '简报的部分有重复')
    const nextSteps = input.sections.find((s) => s.key === 'nextSteps')
    if (nextSteps && !(nextSteps.paragraphs ?? []).some((p) => p.trim()))
      throw new AppError('BAD_INPUT', '“下一步工作”还没有填写；不需要时请从简报中去掉这一部分')
    const date = today()
    const year = Number(date.slice(0, 4))
    return sql.transaction(() => {
      const { n } = sql.row<{ n: number }>('select coalesce(max(number), 0) + 1 n from briefings where year = ?', year)!
      const doc = compose(input, n, date)
      const sections: BriefingSection[] = input.sections.map((s) => {
        const composed = doc.sections.find((c) => c.key === s.key)!
        return s.paragraphs ? { ...composed, paragraphs: s.paragraphs.map((p) => p.trim()).filter(Boolean) } : composed
      })
      const frozen = BriefingDocument.parse({ ...doc, sections })
      const id = sql.run(
        'insert into briefings (kind, year, number, title, scope_unit_id, scope_name, period_from, period_to, issued_at, issued_by, snapshot) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        frozen.kind,
        year,
        n,
        frozen.title,
        frozen.scope.unitId,
        frozen.scope.name,
        frozen.period.from,
        frozen.period.to,
        clock.now().toISOString(),
        actor,
        JSON.stringify(frozen)
      ).lastInsertRowid as number
      return { id, number: n, year }
    })
  }

  function get(id: number) {
    const row = sql.row<{ id: number; snapshot: string; issuedAt: string; issuedBy: string }>(
      'select id, snapshot, issued_at as issuedAt, issued_by as issuedBy from briefings where id = ?',
      id
    )
    if (!row) throw notFound('简报', id)
    return { id: row.id, issuedAt: row.issuedAt, issuedBy: row.issuedBy, document: BriefingDocument.parse(JSON.parse(row.snapshot)) }
  }

  /** Issued briefings; a clerk's only those of their own unit and villages (`scopeUnitIds`). */
  function list(input: { q?: string; year?: number }, scopeUnitIds: number[] | null = null) {
    const q = input.q?.trim()
    return sql.rows<{
      id: number
      kind: string
      year: number
      number: number
      title: string
      scopeName: string
      periodFrom: string
      periodTo: string
      issuedAt: string
      issuedBy: string
    }>(
      `select id, kind, year, number, title, scope_name as scopeName, period_from as periodFrom, period_to as periodTo, issued_at as issuedAt, issued_by as issuedBy from briefings
         where (@year is null or year = @year) and (@q is null or scope_name like @like or kind = @q or title like @like or (year || '年第' || number || '期') like @like)
           and (@scope is null or scope_unit_id in (select value from json_each(@scope)))
         order by issued_at desc, id desc limit 200`,
      { year: input.year ?? null, q: q || null, like: `%${q ?? ''}%`, scope: scopeUnitIds ? JSON.stringify(scopeUnitIds) : null }
    )
  }

  return { compose: (input: ComposeInput) => compose(input), issue, get, list }
}
