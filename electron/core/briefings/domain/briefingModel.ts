// The briefing (简报) written from the store's figures: the sections, their paragraphs in the
// register of a town's official briefing, the tables and the change against the period before.
// Pure: the service gathers the facts; this decides what the document says. Missing data reads 无,
// never NaN or 0/0; a section whose data does not exist is left out.
import type { BriefingDocument, BriefingSection } from '../../../shared/briefing'
import { levelName } from '../../issues/words'
import type { Period } from './briefingPeriod'
import { chinaDate } from '../../../shared/chinaTime'
import { rentalSection, type RentalFacts } from './rentalSection'
import { communitySection, type CommunityFacts } from './communitySection'
import { percentText } from '../../../shared/percent'

export type IssueFigures = {
  collected: number
  resolved: number
  resolutionRate: number
  onTimeRate: number
  villageShare: number
  townShare: number
  overdue: number
  supervised: number
  escalations: number
  medianByLevel: { level: number; resolved: number; medianHours: number | null }[]
  escalationsByLevel: { level: number; escalations: number }[]
}
export type PeopleFigures = {
  teams: number
  personTimes: number
  households: number
  visits: number
  rounds: number
  partyMembers: number
  householdsContacted: number
  nonHukouContacted: number
}
export type ReportingFigures = {
  members: number
  placed: number
  reportedInPeriod: number
  services: number
  serviceHours: number
  reserveContacts: number
  notices: number
  recipients: number
  willing: number
}
export type BriefingFacts = {
  kind: BriefingDocument['kind']
  title: string
  number: number | null
  year: number
  date: string
  issuingUnit: string
  period: Period
  previous: Period
  scope: { unitId: number | null; name: string; villages: number }
  people: PeopleFigures
  peoplePrevious: PeopleFigures
  issues: IssueFigures
  issuesPrevious: IssueFigures
  reporting: ReportingFigures
  /** Open at the period's end and then overdue or supervised: how many (`overdue` of them past their deadline), and the most overdue. */
  keyIssues: {
    total: number
    overdue: number
    rows: { code: string; title: string; holder: string; status: string; supervised: number; dueAt: string | null; overdueDays: number }[]
  }
  villages: { name: string; collected: number; resolved: number; overdue: number; visitRate: number | null }[]
  categoryChartSvg: string | null
  mapSvg: string | null
  /** The rental fire-safety campaign table for the period and scope, as of its 截至 day. */
  rentals: RentalFacts
  /** 三长制 and 设岗定责 for the period and scope, as of its 截至 day. */
  community: CommunityFacts
}

export const pct = (share: number | null) => percentText(share, '无')
const rateOf = (a: number, b: number) => (b > 0 ? a / b : null)
/** 增加 12（+5.2%）, 减少 3（-1.0%）, 持平; against nothing: 上期无. */
export function change(now: number | null, before: number | null, unit = ''): string {
  if (now === null || before === null) return '无'
  if (before === 0) return now === 0 ? '持平' : '上期无'
  const d = now - before
  if (d === 0) return '持平'
  return `${d > 0 ? '增加' : '减少'}${Math.abs(d)}${unit}（${d > 0 ? '+' : '-'}${(Math.round((Math.abs(d) / before) * 1000) / 10).toFixed(1)}%）`
}
/** Change of a share in percentage points. */
const pointChange = (now: number | null, before: number | null) => {
  if (now === null || before === null) return '无'
  const d = Math.round((now - before) * 1000) / 10
  return d === 0 ? '持平' : `${d > 0 ? '提高' : '下降'}${Math.abs(d).toFixed(1)}个百分点`
}
const hours = (h: number | null) => (h === null ? '无' : h < 48 ? `${h}小时` : `${(Math.round((h / 24) * 10) / 10).toFixed(1)}天`)
const paperDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`

export function composeBriefing(f: BriefingFacts): BriefingDocument {
  const p = f.people
  const q = f.peoplePrevious
  const i = f.issues
  const ip = f.issuesPrevious
  const where = f.scope.unitId === null ? '全镇' : f.scope.name
  const visitRate = rateOf(p.visits, p.households)
  const visitRatePrev = rateOf(q.visits, q.households)
  const resolution = rateOf(i.resolved, i.collected)
  const resolutionPrev = rateOf(ip.resolved, ip.collected)
  const onTime = i.resolved ? i.onTimeRate : null

  const overview: BriefingSection = {
    key: 'overview',
    heading: '总体情况',
    paragraphs: [
      `${f.period.label}，${where}` +
        (p.personTimes || p.visits
          ? `${p.teams ? `${p.teams}个驻点团队` : '各驻点团队'}共接待或联系群众${p.personTimes}人次，入户走访${p.visits}户次，入户走访率${pct(visitRate)}${p.rounds > 0 ? `，实现全覆盖走访${p.rounds}轮` : ''}；`
          : '本期无驻点走访记录；') +
        `注册党员${p.partyMembers}名，联系群众${p.householdsContacted}户，联系非户籍常住人口${p.nonHukouContacted}人。` +
        (i.collected ? `共收集问题${i.collected}条，解决${i.resolved}条，问题解决率${pct(resolution)}。` : '本期未收集到问题。')
    ],
    tables: [
      {
        caption: '主要指标',
        columns: ['指标', '本期', '上期', '变化'],
        align: ['left', 'right', 'right', 'right'],
        rows: [
          ['驻点团队（个）', String(p.teams), String(q.teams), change(p.teams, q.teams)],
          ['接待或联系群众（人次）', String(p.personTimes), String(q.personTimes), change(p.personTimes, q.personTimes)],
          ['入户走访率', pct(visitRate), pct(visitRatePrev), pointChange(visitRate, visitRatePrev)],
          ['全覆盖走访（轮）', String(p.rounds), String(q.rounds), change(p.rounds, q.rounds)],
          ['注册党员（名）', String(p.partyMembers), String(q.partyMembers), change(p.partyMembers, q.partyMembers)],
          ['联系群众（户）', String(p.householdsContacted), String(q.householdsContacted), change(p.householdsContacted, q.householdsContacted)],
          ['联系非户籍常住人口（人）', String(p.nonHukouContacted), String(q.nonHukouContacted), change(p.nonHukouContacted, q.nonHukouContacted)],
          ['收集问题（条）', String(i.collected), String(ip.collected), change(i.collected, ip.collected)],
          ['解决问题（条）', String(i.resolved), String(ip.resolved), change(i.resolved, ip.resolved)],
          ['问题解决率', pct(resolution), pct(resolutionPrev), pointChange(resolution, resolutionPrev)]
        ]
      }
    ],
    figures: []
  }

  const levels = i.medianByLevel.map((m) => ({ ...m, escalations: i.escalationsByLevel.find((e) => e.level === m.level)?.escalations ?? null }))
  const byLevel = levels.filter((l) => l.resolved > 0).map((l) => `${levelName[l.level as 1]}${l.resolved}件`)
  const linkage: BriefingSection = {
    key: 'linkage',
    heading: '四级联动运行',
    paragraphs: [
      i.resolved
        ? `本期共办结问题${i.resolved}件，其中${byLevel.join('、')}；始终在村（社区）一级解决的占${pct(i.resolved ? i.villageShare : null)}（小事不出村），未上报到区的占${pct(i.resolved ? i.townShare : null)}（大事不出镇），按时办结率${pct(onTime)}，较上期${pointChange(onTime, ip.resolved ? ip.onTimeRate : null)}。各级共上报${i.escalations}次；期末仍超期${i.overdue}件，本期督办${i.supervised}件。`
        : `本期无办结的问题。各级共上报${i.escalations}次；期末仍超期${i.overdue}件，本期督办${i.supervised}件。`
    ],
    tables: [
      {
        caption: '各层级办结情况',
        columns: ['层级', '在本级办结（件）', '办结用时中位数', '从本级上报（次）'],
        align: ['left', 'right', 'right', 'right'],
        rows: levels.map((l) => [levelName[l.level as 1], String(l.resolved), hours(l.medianHours), l.escalations === null ? '—' : String(l.escalations)])
      }
    ],
    figures: f.categoryChartSvg ? [{ caption: '图1 各类问题收集与解决情况', svg: f.categoryChartSvg }] : []
  }

  const r = f.reporting
  // Stocks are counted at the period's end, or today while it runs: the words say which day.
  const asOfDay = f.period.to < f.date ? f.period.to : f.date
  const reporting: BriefingSection = {
    key: 'reporting',
    heading: '党员报到与储能联系',
    paragraphs: [
      `截至${paperDay(asOfDay)}，${where}共有在职党员到村（社区）报到${r.members}名，已编入党小组${r.placed}名${r.members > r.placed ? `，待编组${r.members - r.placed}名` : ''}；本期新报到${r.reportedInPeriod}名，报到党员参加服务${r.services}次、累计${Math.round(r.serviceHours * 10) / 10}小时。` +
        `储能联系人${r.reserveContacts}名${r.notices ? `，本期发出联系通知${r.notices}次、通知${r.recipients}人次，愿意参加${r.willing}人次` : '，本期未发出联系通知'}。`
    ],
    tables: [],
    figures: []
  }

  const keyIssues: BriefingSection = {
    key: 'keyIssues',
    heading: '重点问题与督办',
    paragraphs: [
      f.keyIssues.total
        ? `截至${paperDay(asOfDay)}，${where}仍有超期或督办中的问题${f.keyIssues.total}件（其中超期${f.keyIssues.overdue}件），${f.keyIssues.total > f.keyIssues.rows.length ? `下表列出超期最久的${f.keyIssues.rows.length}件；` : ''}请承办单位抓紧办理，指挥中心将跟踪督办。`
        : `截至${paperDay(asOfDay)}，无超期或督办中的问题。`
    ],
    tables: f.keyIssues.rows.length
      ? [
          {
            caption:
              f.keyIssues.total > f.keyIssues.rows.length
                ? `超期及督办问题（共${f.keyIssues.total}件，列出超期最久的${f.keyIssues.rows.length}件）`
                : '超期及督办问题',
            columns: ['编号', '问题', '承办单位', '督办', '期限'],
            align: ['left', 'left', 'left', 'right', 'left'],
            rows: f.keyIssues.rows.map((k) => [
              k.code,
              k.title,
              k.holder,
              k.supervised ? `${k.supervised}次` : '—',
              k.dueAt ? `${paperDay(chinaDate(new Date(k.dueAt)))}${k.overdueDays > 0 ? `（超期${k.overdueDays}天）` : ''}` : '—'
            ])
          }
        ]
      : [],
    figures: []
  }

  const ranked = [...f.villages].sort(
    (a, b) =>
      (rateOf(b.resolved, b.collected) ?? -1) - (rateOf(a.resolved, a.collected) ?? -1) || b.collected - a.collected || a.name.localeCompare(b.name, 'zh')
  )
  const ranking: BriefingSection = {
    key: 'ranking',
    heading: '村居排名',
    paragraphs: [
      ranked.length > 1
        ? `按问题解决率排列，${ranked[0].name}居首${ranked.some((v) => v.overdue > 0) ? `；仍有超期问题的村（社区）${ranked.filter((v) => v.overdue > 0).length}个` : ''}。`
        : `${ranked[0]?.name ?? where}本期情况见下表。`
    ],
    tables: [
      {
        caption: '各村（社区）问题办理情况',
        columns: ['排名', '村（社区）', '收集', '解决', '解决率', '超期', '入户走访率'],
        align: ['center', 'left', 'right', 'right', 'right', 'right', 'right'],
        rows: ranked.map((v, n) => [
          String(n + 1),
          v.name,
          String(v.collected),
          String(v.resolved),
          pct(rateOf(v.resolved, v.collected)),
          String(v.overdue),
          pct(v.visitRate)
        ])
      }
    ],
    figures: f.mapSvg ? [{ caption: `图2 ${where}问题分布示意图（边界为示意，非官方）`, svg: f.mapSvg }] : []
  }

  const nextSteps: BriefingSection = { key: 'nextSteps', heading: '下一步工作', paragraphs: [], tables: [], figures: [] }

  return {
    kind: f.kind,
    title: f.title,
    number: f.number,
    year: f.year,
    issuingUnit: f.issuingUnit,
    date: f.date,
    period: f.period,
    scope: { unitId: f.scope.unitId, name: f.scope.name },
    sections: [
      overview,
      linkage,
      reporting,
      keyIssues,
      ranking,
      rentalSection(f.rentals, { periodLabel: f.period.label, where, asOf: paperDay(asOfDay), byVillage: f.scope.villages > 1 }),
      communitySection(f.community, { periodLabel: f.period.label, where, asOf: paperDay(asOfDay), byVillage: f.scope.villages > 1 }),
      nextSteps
    ],
    figures: {
      teams: p.teams,
      personTimes: p.personTimes,
      visitRate,
      rounds: p.rounds,
      partyMembers: p.partyMembers,
      householdsContacted: p.householdsContacted,
      nonHukouContacted: p.nonHukouContacted,
      collected: i.collected,
      resolved: i.resolved,
      resolutionRate: resolution,
      onTimeRate: onTime,
      villageShare: i.resolved ? i.villageShare : null,
      townShare: i.resolved ? i.townShare : null,
      overdue: i.overdue,
      supervised: i.supervised,
      escalations: i.escalations,
      reportingMembers: r.members,
      placedMembers: r.placed,
      keyIssues: f.keyIssues.total,
      reserveContacts: r.reserveContacts,
      rentalHazardsFound: f.rentals.total.found,
      rentalHazardsRectified: f.rentals.total.rectified,
      rentalRectificationRate: f.rentals.total.rate,
      rentalHazardsOverdue: f.rentals.total.overdue,
      areaHeads: f.community.heads.heads,
      headProblems: f.community.heads.problems,
      headDisputes: f.community.heads.disputes,
      headActivities: f.community.heads.activities,
      memberPosts: f.community.posts.posts,
      postMembers: f.community.posts.members
    }
  }
}
