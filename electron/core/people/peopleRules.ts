// The rules the app checks over people (issue 4): teams' non-Foshan members, households without a
// contact, members with too many households, unplaced reporting members, groups over capacity,
// duplicate ID numbers. Each problem names the village and the records, so it can be acted on.
import type { Db } from '../db/open'
import type { z } from 'zod'
import type { PeopleProblem } from '../../shared/people'
import { maskIdNumber } from '../kernel/personalData'
import { groupCounts, readSetting } from '../grids/partyGroups'
import { sqlOn } from '../db/sql'

type Problem = z.infer<typeof PeopleProblem>
const SAMPLE = 20

/** A count per village with a few of the rows (JSON [{id, name}]) for the problem's links. */
type VillageSample = { vid: number; village: string; n: number; sample: string }

export function createPeopleRuleService(db: Db) {
  const sql = sqlOn(db)
  function check(villageUnitId?: number): { problems: Problem[]; capacity: number; householdsPerMemberLimit: number } {
    const capacity = readSetting(sql, 'partyGroupCapacity')
    const limit = readSetting(sql, 'householdsPerMemberLimit')
    const scope = (col: string) => (villageUnitId ? `and ${col} = ${Number(villageUnitId)}` : '')
    const problems: Problem[] = []

    const teams = sql.rows<{ id: number; name: string; village: string; vid: number; n: number }>(`select t.id, t.name, v.name as village, v.id as vid,
          (select count(*) from team_members m join persons p on p.id = m.person_id where m.team_id = t.id and p.hukou = '非佛山户籍') as n
         from resident_teams t join units v on v.id = t.village_unit_id where 1 ${scope('t.village_unit_id')} order by v.sort_order`)
    for (const t of teams.filter((t) => t.n < 2))
      problems.push({
        kind: 'TEAM_FEW_NON_FOSHAN',
        severity: 'error',
        message: `${t.name}只有 ${t.n} 名非佛山户籍成员，每个驻点团队至少须有 2 名`,
        village: t.village,
        villageUnitId: t.vid,
        count: 2 - t.n,
        refs: [{ type: 'team', id: t.id, name: t.name }]
      })

    const noContact =
      sql.rows<VillageSample>(`select v.id as vid, v.name as village, count(*) as n, json_group_array(json_object('id', h.id, 'name', h.name)) as sample
         from households h join units v on v.id = h.village_unit_id where h.contact_person_id is null ${scope('h.village_unit_id')} group by v.id order by v.sort_order`)
    for (const r of noContact)
      problems.push({
        kind: 'HOUSEHOLD_NO_CONTACT',
        severity: 'warning',
        message: `${r.village}有 ${r.n} 户没有联系党员`,
        village: r.village,
        villageUnitId: r.vid,
        count: r.n,
        refs: (JSON.parse(r.sample) as { id: number; name: string }[]).slice(0, SAMPLE).map((h) => ({ type: 'household', ...h }))
      })

    const busy = sql.rows<{ id: number; name: string; vid: number | null; village: string | null; n: number }>(
      `select p.id, p.name, v.id as vid, v.name as village, count(*) as n from households h join persons p on p.id = h.contact_person_id
         left join units v on v.id = p.village_unit_id where 1 ${scope('h.village_unit_id')} group by p.id having n > ? order by n desc`,
      limit
    )
    for (const m of busy)
      problems.push({
        kind: 'MEMBER_TOO_MANY_HOUSEHOLDS',
        severity: 'warning',
        message: `${m.name}联系 ${m.n} 户，超过每名党员 ${limit} 户的合理上限`,
        village: m.village,
        villageUnitId: m.vid,
        count: m.n,
        refs: [{ type: 'person', id: m.id, name: m.name }]
      })

    const unplaced =
      sql.rows<VillageSample>(`select v.id as vid, v.name as village, count(*) as n, json_group_array(json_object('id', r.id, 'name', p.name)) as sample
         from reporting_members r join persons p on p.id = r.person_id join units v on v.id = r.village_unit_id
         where r.group_grid_id is null ${scope('r.village_unit_id')} group by v.id order by v.sort_order`)
    for (const r of unplaced)
      problems.push({
        kind: 'REPORTING_UNPLACED',
        severity: 'warning',
        message: `${r.village}有 ${r.n} 名报到党员尚未编入党小组`,
        village: r.village,
        villageUnitId: r.vid,
        count: r.n,
        refs: (JSON.parse(r.sample) as { id: number; name: string }[]).slice(0, SAMPLE).map((x) => ({ type: 'reporting', ...x }))
      })

    const villageNames = new Map(sql.rows<{ id: number; name: string }>("select id, name from units where kind = 'village'").map((v) => [v.id, v.name]))
    for (const g of groupCounts(sql, { villageUnitId }).filter((g) => g.total > capacity && g.reporting > 0))
      problems.push({
        kind: 'GROUP_OVER_CAPACITY',
        severity: 'error',
        message: `${villageNames.get(g.villageUnitId) ?? ''}${g.name}有 ${g.total} 名党员（社区党员 ${g.community}、报到党员 ${g.reporting}），超过每组 ${capacity} 人`,
        village: villageNames.get(g.villageUnitId) ?? null,
        villageUnitId: g.villageUnitId,
        count: g.total - capacity,
        refs: [{ type: 'grid', id: g.gridId, name: g.name }]
      })

    const dups = sql.rows<{
      idNumber: string
      people: string
      vid: number | null
      village: string | null
    }>(`select id_number as idNumber, json_group_array(json_object('id', p.id, 'name', p.name)) as people, min(v.id) as vid, min(v.name) as village
         from persons p left join units v on v.id = p.village_unit_id where id_number is not null ${scope('p.village_unit_id')}
         group by id_number having count(*) > 1`)
    for (const d of dups) {
      const people = JSON.parse(d.people) as { id: number; name: string }[]
      problems.push({
        kind: 'DUPLICATE_ID',
        severity: 'error',
        message: `身份证号 ${maskIdNumber(d.idNumber)} 登记了 ${people.length} 次（${people.map((p) => p.name).join('、')}）`,
        village: d.village,
        villageUnitId: d.vid,
        count: people.length,
        refs: people.map((p) => ({ type: 'person', ...p }))
      })
    }
    return { problems, capacity, householdsPerMemberLimit: limit }
  }
  return { check }
}
