// Visits to households (入户走访) and receptions (来访接待): recording one, and the figures per
// village the seeds report — households, visits, visit rate, rounds of full coverage, person-times.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { chinaDate } from '../../shared/chinaTime'
import { sqlOn } from '../db/sql'

export type VisitInput = {
  kind: '入户走访' | '来访接待'
  date: string
  villageUnitId?: number
  householdId?: number
  visitorKind: '驻点团队' | '户联系党员' | '报到党员'
  teamId?: number
  visitorPersonId?: number
  personTimes: number
  notes?: string
  problemFound?: string
}

type VillageStats = {
  villageUnitId: number
  village: string
  households: number
  visits: number
  visitRate: number
  rounds: number
  teamPersonTimes: number
  teamVisits: number
  memberVisits: number
  receptions: number
}

export function createVisitService(db: Db, clock: Clock) {
  const sql = sqlOn(db)

  function record(input: VisitInput) {
    const today = chinaDate(clock.now())
    if (input.date > today) throw new AppError('BAD_INPUT', `走访日期 ${input.date} 在今天之后`)
    return sql.transaction(() => {
      let villageUnitId = input.villageUnitId
      if (input.kind === '入户走访') {
        if (!input.householdId) throw new AppError('BAD_INPUT', '入户走访须选择所走访的户')
        const h = sql.row<{ v: number; last: string | null }>(
          'select village_unit_id as v, last_visit_at as last from households where id = ?',
          input.householdId
        )
        if (!h) throw notFound('户', input.householdId)
        villageUnitId = h.v
      }
      if (!villageUnitId) throw new AppError('BAD_INPUT', '来访接待须选择村居')
      if (!sql.row("select 1 from units where id = ? and kind = 'village'", villageUnitId)) throw notFound('村居', villageUnitId)
      if (input.visitorKind === '驻点团队') {
        const team = input.teamId
          ? sql.row<{ id: number; v: number }>('select id, village_unit_id as v from resident_teams where id = ?', input.teamId)
          : sql.row<{ id: number; v: number }>('select id, village_unit_id as v from resident_teams where village_unit_id = ?', villageUnitId)
        if (!team) throw new AppError('BAD_INPUT', '该村居没有驻点团队，请选择其他走访人')
        // A team's visit names no single visitor.
        input = { ...input, teamId: team.id, visitorPersonId: undefined }
      } else if (!input.visitorPersonId) throw new AppError('BAD_INPUT', '请选择走访的党员')
      else if (!sql.row('select 1 from persons where id = ? and is_party_member', input.visitorPersonId))
        throw new AppError('BAD_INPUT', '走访人须为已登记的党员')
      const id = sql.run(
        'insert into visits (kind, date, village_unit_id, household_id, visitor_kind, team_id, visitor_person_id, person_times, notes, problem_found) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        input.kind,
        input.date,
        villageUnitId,
        input.householdId ?? null,
        input.visitorKind,
        input.teamId ?? null,
        input.visitorPersonId ?? null,
        input.personTimes,
        input.notes?.trim() || null,
        input.problemFound?.trim() || null
      ).lastInsertRowid as number
      if (input.householdId)
        sql.run('update households set last_visit_at = max(coalesce(last_visit_at, ?), ?) where id = ?', input.date, input.date, input.householdId)
      return { id }
    })
  }

  /** Recent visits of one household, newest first. */
  function ofHousehold(householdId: number) {
    return sql.rows<{
      id: number
      date: string
      kind: string
      visitorKind: string
      visitor: string | null
      notes: string | null
      problemFound: string | null
    }>(
      `select x.id, x.date, x.kind, x.visitor_kind as visitorKind, coalesce(t.name, p.name) as visitor, x.notes, x.problem_found as problemFound
         from visits x left join resident_teams t on t.id = x.team_id left join persons p on p.id = x.visitor_person_id
         where x.household_id = ? order by x.date desc, x.id desc limit 50`,
      householdId
    )
  }

  /**
   * Per village: households, household visits and the visit rate (visits ÷ households, may exceed
   * 100%), rounds of full coverage (the fewest visits any household had), the resident team's
   * person-times (its visits and the people it received).
   */
  function stats(input: { villageUnitId?: number; from: string; to: string }) {
    const scope = input.villageUnitId ? 'and v.id = @village' : ''
    const rows = sql.rows<Omit<VillageStats, 'visitRate'>>(
      `with hv as (select household_id, count(*) n from visits where kind = '入户走访' and date between @from and @to group by household_id),
         vv as (select village_unit_id v, sum(kind = '入户走访') visits, sum(case when visitor_kind = '驻点团队' then person_times else 0 end) teamPersonTimes,
                  sum(kind = '入户走访' and visitor_kind = '驻点团队') teamVisits, sum(kind = '入户走访' and visitor_kind <> '驻点团队') memberVisits,
                  sum(case when kind = '来访接待' then person_times else 0 end) receptions
                from visits where date between @from and @to group by village_unit_id),
         hh as (select h.village_unit_id v, count(*) households, min(coalesce(hv.n, 0)) rounds from households h left join hv on hv.household_id = h.id group by h.village_unit_id)
         select v.id as villageUnitId, v.name as village, coalesce(hh.households, 0) households, coalesce(vv.visits, 0) visits, coalesce(hh.rounds, 0) rounds,
           coalesce(vv.teamPersonTimes, 0) teamPersonTimes, coalesce(vv.teamVisits, 0) teamVisits, coalesce(vv.memberVisits, 0) memberVisits, coalesce(vv.receptions, 0) receptions
         from units v left join hh on hh.v = v.id left join vv on vv.v = v.id where v.kind = 'village' ${scope} order by v.sort_order, v.id`,
      { from: input.from, to: input.to, village: input.villageUnitId ?? null }
    )
    const withRate = rows.map((r) => ({ ...r, visitRate: r.households ? Math.round((r.visits / r.households) * 1000) / 10 : 0 }))
    const sum = (k: keyof Omit<VillageStats, 'village' | 'villageUnitId' | 'visitRate' | 'rounds'>) => withRate.reduce((s, r) => s + r[k], 0)
    const households = sum('households')
    const visits = sum('visits')
    const withHouseholds = withRate.filter((r) => r.households > 0)
    return {
      from: input.from,
      to: input.to,
      villages: withRate,
      total: {
        households,
        visits,
        visitRate: households ? Math.round((visits / households) * 1000) / 10 : 0,
        rounds: withHouseholds.length ? Math.min(...withHouseholds.map((r) => r.rounds)) : 0,
        teamPersonTimes: sum('teamPersonTimes'),
        teamVisits: sum('teamVisits'),
        memberVisits: sum('memberVisits'),
        receptions: sum('receptions')
      }
    }
  }

  return { record, ofHousehold, stats }
}
