// The campaign table in SQL: found, rectified, rate and overdue by village and by kind, for any period,
// villages and day asked — the definitions of rentals/domain/campaignTable.ts (a property test holds
// the two equal), so the screen, the briefing and the wall show one set of figures.
import type Database from 'better-sqlite3'
import { sqlOn } from '../db/sql'
import { rateOf, type CampaignCounts, type CampaignPeriod, type CampaignTable } from './domain/campaignTable'

type Counted = { found: number; rectified: number; overdue: number }
const counts = (r: Counted | undefined): CampaignCounts => {
  const found = r?.found ?? 0
  const rectified = r?.rectified ?? 0
  return { found, rectified, overdue: r?.overdue ?? 0, rate: rateOf(rectified, found) }
}
const add = (a: Counted | undefined, b: Counted): Counted => ({
  found: (a?.found ?? 0) + b.found,
  rectified: (a?.rectified ?? 0) + b.rectified,
  overdue: (a?.overdue ?? 0) + b.overdue
})

/**
 * The hazards counted, with their state as of the day asked: r rectified by then, o overdue then.
 * Found in the period up to the day asked; in the campaign's villages (an IN list, so the index on
 * (village, kind, found_on, …) serves a few villages or the whole town from the index alone).
 */
const counted = (villages: number[] | null, extra = '') => `
    select h.village_unit_id v, h.kind_id k${extra ? ', h.building_id b' : ''},
      (h.rectified_on is not null and h.rectified_on <= @asOf) r,
      (not (h.rectified_on is not null and h.rectified_on <= @asOf) and h.deadline < @asOf) o
    from fire_hazards h
    where h.found_on between @startsOn and @last${villages ? ` and h.village_unit_id in (${villages.map(Number).join(', ')})` : ''}${extra}`

export function campaignFigures(store: Database.Database | { $client: Database.Database }, p: CampaignPeriod): CampaignTable {
  const sql = sqlOn(store)
  const params = { asOf: p.asOf, startsOn: p.startsOn, last: p.endsOn < p.asOf ? p.endsOn : p.asOf }
  const villages = p.villageIds ? [...new Set(p.villageIds)] : null
  if (villages?.length === 0) return { total: counts(undefined), villages: [], kinds: [] }
  // One pass, by village and kind: the totals, the villages and the kinds counted by the place add up from it.
  const cells = sql.rows<Counted & { v: number; k: number }>(
    `select v, k, count(*) found, sum(r) rectified, sum(o) overdue from (${counted(villages)}) group by v, k`,
    params
  )
  const kindsCountedBy = new Map(
    sql.rows<{ id: number; countedBy: '处' | '栋' }>('select id, counted_by countedBy from hazard_kinds').map((k) => [k.id, k.countedBy])
  )
  let total: Counted | undefined
  const byVillage = new Map<number, Counted>()
  const byKind = new Map<number, Counted>()
  for (const c of cells) {
    total = add(total, c)
    byVillage.set(c.v, add(byVillage.get(c.v), c))
    if (kindsCountedBy.get(c.k) !== '栋') byKind.set(c.k, add(byKind.get(c.k), c))
  }
  // A kind counted by the building: a building is rectified when all its hazards of the kind are (the index on kind serves it).
  const byBuilding = [...kindsCountedBy].filter(([, by]) => by === '栋').map(([id]) => id)
  if (byBuilding.length)
    for (const r of sql.rows<Counted & { k: number }>(
      `select k, count(*) found, sum(r) rectified, sum(o) overdue
       from (select k, b, min(r) r, max(o) o from (${counted(villages, ` and h.kind_id in (${byBuilding.join(', ')})`)}) group by k, b) group by k`,
      params
    ))
      byKind.set(r.k, r)
  return {
    total: counts(total),
    villages: [...byVillage].sort(([a], [b]) => a - b).map(([villageId, c]) => ({ villageId, ...counts(c) })),
    kinds: [...byKind].sort(([a], [b]) => a - b).map(([kindId, c]) => ({ kindId, countedBy: kindsCountedBy.get(kindId) ?? '处', ...counts(c) }))
  }
}
