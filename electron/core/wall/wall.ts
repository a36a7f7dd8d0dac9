// The wall display (指挥大屏): every figure it shows in one read — tiles, the twelve-month trend, this
// year's categories, the four-level flow, the newest and the most overdue issues — and the map's
// measure per party group. The year's issue figures are stats.kpis, the same numbers everywhere.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { createIssueFigureService, levelExpr } from '../issues/issueFigures'
import { addDays, chinaDate, chinaMonth, chinaMonthSql, chinaYear, dayEnd, dayStart } from '../../shared/chinaTime'
import { sqlOn } from '../db/sql'
import { createRentalService } from '../rentals/rentals'
import { createHeadService } from '../heads/heads'
import { createMemberPostService } from '../people/memberPosts'

const OPEN = "('reported', 'accepted', 'resolved', 'suspended')"
const RUNNING = "('reported', 'accepted', 'resolved')"
export type WallMeasure = 'open' | 'overdue' | 'visits' | 'reporting'

export function createWallService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const figures = createIssueFigureService(db, clock)
  const rentals = createRentalService(db, clock)
  const heads = createHeadService(db, clock)
  const memberPosts = createMemberPostService(db, clock)

  function summary() {
    const now = clock.now()
    const iso = now.toISOString()
    const year = chinaYear(now)
    const count = (text: string, ...p: unknown[]) => sql.value<number | null>(text, ...p) ?? 0
    const k = figures.kpis({ from: `${year}-01-01`, to: `${year}-12-31` })
    const tiers = sql.rows<{ tier: number; n: number }>('select tier, count(*) n from grids group by tier')
    // The last twelve China months, this one included.
    const [thisYear, thisMonth] = chinaMonth(now).split('-').map(Number)
    const months = Array.from({ length: 12 }, (_, i) => {
      const m = thisYear * 12 + thisMonth - 1 - 11 + i
      return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
    })
    const trendRows = sql.rows<{ m: string; collected: number; resolved: number }>(
      `select ${chinaMonthSql('created_at')} m, count(*) collected, sum(status = 'closed') resolved from issues where created_at >= ? and status <> 'merged' group by 1`,
      dayStart(`${months[0]}-01`)
    )
    const held = sql.rows<{ level: number; n: number }>(
      `select ${levelExpr('h')} level, count(*) n from issues i join units h on h.id = i.holder_unit_id where i.status in ${OPEN} group by 1`
    )
    const shown = rentals.shownCampaign(undefined, null)
    const posts = memberPosts.figures({ year }, null)
    const headYear = heads.figures({ from: `${year}-01-01`, to: `${year}-12-31` }, null).total
    const issueRow = `i.id, i.code, i.title, i.category, i.status, i.created_at as createdAt, i.due_at as dueAt, v.name as village, h.name as holder`
    return {
      at: iso,
      tiles: {
        tier1: tiers.find((t) => t.tier === 1)?.n ?? 0,
        tier2: tiers.find((t) => t.tier === 2)?.n ?? 0,
        tier3: tiers.find((t) => t.tier === 3)?.n ?? 0,
        // 注册党员, as the briefings count them: members whose party relation is in a village (seed 000).
        partyMembers: count("select count(*) n from persons where is_party_member = 1 and party_registration = '村居'"),
        reportingMembers: count('select count(*) n from reporting_members'),
        reserveContacts: count('select count(*) n from reserve_contacts'),
        residentTeams: count('select count(*) n from resident_teams'),
        issuesToday: count(
          "select count(*) n from issues where created_at >= ? and created_at < ? and status <> 'merged'",
          dayStart(chinaDate(now)),
          dayEnd(chinaDate(now))
        ),
        openIssues: count(`select count(*) n from issues where status in ${OPEN}`),
        overdueIssues: count(`select count(*) n from issues where status in ${RUNNING} and due_at < ?`, iso),
        resolutionRate: k.resolutionRate,
        collectedThisYear: k.collected,
        resolvedThisYear: k.resolved
      },
      campaign: { name: shown.campaign.name, ...shown.table.total },
      heads: {
        heads: headYear.heads,
        problems: headYear.problems,
        disputes: headYear.disputes,
        activities: headYear.activities,
        withoutHead: heads.countWithoutHead()
      },
      posts: { members: posts.members, posts: posts.posts, unclaimed: posts.unclaimed.length },
      trend: months.map((m) => ({
        month: m,
        collected: trendRows.find((r) => r.m === m)?.collected ?? 0,
        resolved: trendRows.find((r) => r.m === m)?.resolved ?? 0
      })),
      categories: k.byCategory.slice(0, 8).map((c) => ({ category: c.category, collected: c.collected })),
      flow: [1, 2, 3, 4].map((level) => ({
        level,
        heldNow: held.find((h) => h.level === level)?.n ?? 0,
        resolvedThisYear: k.medianByLevel.find((m) => m.level === level)?.resolved ?? 0,
        escalatedThisYear: k.escalationsByLevel.find((e) => e.level === level)?.escalations ?? 0
      })),
      newest: sql.rows<WallIssue>(
        `select ${issueRow} from issues i join units v on v.id = i.village_unit_id join units h on h.id = i.holder_unit_id where i.status <> 'merged' order by i.created_at desc, i.id desc limit 8`
      ),
      overdue: sql.rows<WallIssue>(
        `select ${issueRow} from issues i join units v on v.id = i.village_unit_id join units h on h.id = i.holder_unit_id where i.status in ${RUNNING} and i.due_at < ? order by i.due_at limit 8`,
        iso
      )
    }
  }

  /** The chosen measure per party group (tier-3 grid) for colouring the wall's map. */
  function measure(input: { measure: WallMeasure }) {
    const iso = clock.now().toISOString()
    const since = addDays(chinaDate(clock.now()), -30)
    const texts: Record<WallMeasure, string> = {
      open: `select tier3_grid_id gridId, count(*) value from issues where status in ${OPEN} and tier3_grid_id is not null group by 1`,
      overdue: `select tier3_grid_id gridId, count(*) value from issues where status in ${RUNNING} and due_at < @iso and tier3_grid_id is not null group by 1`,
      // Share of the group's households visited in the last 30 days (%).
      visits: `select grid_id gridId, round(100.0 * sum(last_visit_at >= @since) / count(*), 1) value from households where grid_id is not null group by 1`,
      reporting: `select group_grid_id gridId, count(*) value from reporting_members where group_grid_id is not null group by 1`
    }
    const values = sql.rows<{ gridId: number; value: number }>(texts[input.measure], { iso, since })
    return { measure: input.measure, max: values.reduce((m, v) => Math.max(m, v.value), 0), values }
  }

  /** Open issues as map points: new (registered today) and overdue ones pulse on the wall. */
  function points() {
    const iso = clock.now().toISOString()
    const today = dayStart(chinaDate(clock.now()))
    const rows = sql.rows<{ id: number; lon: number; lat: number; status: string; dueAt: string | null; createdAt: string }>(
      `select id, lon, lat, status, due_at dueAt, created_at createdAt from issues where status in ${OPEN} and lon is not null`
    )
    return rows.map((r) => ({
      id: r.id,
      lonLat: [r.lon, r.lat] as [number, number],
      state: (r.status !== 'suspended' && r.dueAt && r.dueAt < iso ? 'overdue' : r.createdAt >= today ? 'new' : 'open') as 'overdue' | 'new' | 'open'
    }))
  }

  return { summary, measure, points }
}

export type WallIssue = {
  id: number
  code: string
  title: string
  category: string
  status: string
  createdAt: string
  dueAt: string | null
  village: string
  holder: string
}
