// The demo's rental housing and its fire-safety campaign, at Shishan's share of seed 002's district
// (Nanhai: 150,000 rental units, 395,000 hazards, 98.9% rectified; Shishan holds about a seventh of
// them): buildings in the tier-3 grids where households live, landlords from the village's local
// people, inspections since the campaign began, hazards of the six kinds in the seed's proportions,
// re-inspections that rectify most of them, and recent ones still open or overdue. Every building is
// flagged 示意 (sample). Deterministic; one transaction, or nothing.
import type { Db } from '../db/open'
import { addDays } from '../../shared/chinaTime'
import { sqlOn } from '../db/sql'
import { apportion, createRng, type Rng } from './prng'
import { pointIn, readTown } from './seedPeople'

export const DEMO_RENTAL_BUILDINGS = 20_000
/** The campaign the demo's hazards belong to; the demo's "today" is 2026-11-20 (as its issues). */
export const demoCampaign = { name: '2026年出租屋消防安全隐患专项整治', startsOn: '2026-03-01', endsOn: '2026-12-31' }
const lastDay = '2026-11-20'
/** The seed's counts by kind (万处; escape routes in buildings), as weights of the demo's hazards. */
const kindWeights: [string, number][] = [
  ['消防设施未配齐', 17.76],
  ['电动车屋内停放充电', 6.68],
  ['电气线路不规范', 5.21],
  ['疏散通道堵塞', 3.96],
  ['防盗网未设逃生窗', 3.1],
  ['其他消防隐患', 2.79]
]

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rng.next() * total
  for (const [v, w] of items) if ((r -= w) < 0) return v
  return items[items.length - 1][0]
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000)

export function seedDemoRentals(db: Db, opts: { createdAt: string; seed?: number; buildings?: number }): void {
  const sql = sqlOn(db)
  const rng = createRng(opts.seed ?? 2026)
  const { groups } = readTown(sql)
  const kinds = new Map(sql.rows<{ id: number; name: string }>('select id, name from hazard_kinds').map((k) => [k.name, k.id]))
  const kindPick: [number, number][] = kindWeights.filter(([n]) => kinds.has(n)).map(([n, w]) => [kinds.get(n)!, w])
  if (kindPick.length === 0) return
  const landlordsOf = new Map<number, number[]>()
  for (const p of sql.rows<{ id: number; v: number }>("select id, village_unit_id v from persons where hukou = '本镇户籍' order by id"))
    (landlordsOf.get(p.v) ?? landlordsOf.set(p.v, []).get(p.v)!).push(p.id)
  const withHouseholds = groups.filter((g) => g.households > 0)
  const perGroup = apportion(
    opts.buildings ?? DEMO_RENTAL_BUILDINGS,
    withHouseholds.map((g) => g.households)
  )
  sql.run(
    'insert or ignore into rental_campaigns (name, starts_on, ends_on, village_ids, created_at) values (?, ?, ?, null, ?)',
    demoCampaign.name,
    demoCampaign.startsOn,
    demoCampaign.endsOn,
    opts.createdAt
  )
  const building = sql.statement(
    `insert into rental_buildings (address, lon, lat, village_unit_id, tier3_grid_id, landlord_person_id, use, risk_class, rental_rooms, tenants, sample, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`
  )
  const visit = sql.statement(
    'insert into rental_inspections (building_id, village_unit_id, kind, inspected_on, inspector, note, created_at, recorded_by) values (?, ?, ?, ?, ?, null, ?, ?)'
  )
  const hazard = sql.statement(
    'insert into fire_hazards (inspection_id, building_id, village_unit_id, kind_id, found_on, deadline, rectified_on, rectified_inspection_id) values (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const doors = new Map<string, number>()
  const nextDoor = (village: number, area: string) => {
    const n = (doors.get(`${village}|${area}`) ?? 0) + 1
    doors.set(`${village}|${area}`, n)
    return n
  }
  const span = daysBetween(demoCampaign.startsOn, lastDay)
  sql.transaction(() => {
    withHouseholds.forEach((g, gi) => {
      const landlords = landlordsOf.get(g.villageId) ?? []
      for (let n = 0; n < perGroup[gi]; n++) {
        const at = pointIn(rng, g)
        const use = weighted(rng, [
          ['居住', 75],
          ['混合', 15],
          ['生产', 10]
        ] as [string, number][])
        const risk = weighted(rng, [
          ['低风险', 60],
          ['中风险', 30],
          ['高风险', 10]
        ] as [string, number][])
        const rooms = 4 + Math.floor(rng.next() * 36)
        const id = Number(
          building.run(
            // Numbered along the tier-2 area (经济社), whose several party groups share its street numbers.
            `${g.tier2Name}${nextDoor(g.villageId, g.tier2Name)}号`,
            at?.[0] ?? null,
            at?.[1] ?? null,
            g.villageId,
            g.id,
            landlords.length ? landlords[Math.floor(rng.next() * landlords.length)] : null,
            use,
            risk,
            rooms,
            Math.round(rooms * rng.range(1, 2.5)),
            opts.createdAt
          ).lastInsertRowid
        )
        // Each building visited once in the campaign (a risky one twice); about 2.8 hazards a visit.
        const visits = risk === '高风险' ? 2 : 1
        for (let v = 0; v < visits; v++) {
          const foundOn = addDays(demoCampaign.startsOn, Math.floor(rng.next() * (span + 1)))
          const inspector = g.inspector ?? '网格员'
          const inspection = Number(visit.run(id, g.villageId, '排查', foundOn, inspector, opts.createdAt, 'demo').lastInsertRowid)
          const found = Math.floor(rng.range(0, 5.6))
          if (found === 0) continue
          const deadline = addDays(foundOn, rng.next() < 0.5 ? 15 : 30)
          // The re-inspection: most soon after the deadline; 3% of those past it still find the hazard open.
          const recheck = addDays(foundOn, Math.floor(rng.range(5, daysBetween(foundOn, deadline) + 12)))
          const rechecked = recheck <= lastDay
          const recheckId = rechecked ? Number(visit.run(id, g.villageId, '复查', recheck, inspector, opts.createdAt, 'demo').lastInsertRowid) : null
          for (let h = 0; h < found; h++) {
            const fixed = rechecked && rng.next() > 0.03
            hazard.run(inspection, id, g.villageId, weighted(rng, kindPick), foundOn, deadline, fixed ? recheck : null, fixed ? recheckId : null)
          }
        }
      }
    })
    // Tenants the registry knows: a non-hukou household of the party group in each building let to live in, in turn.
    sql.run(
      `insert into rental_tenancies (building_id, household_id, since, created_at)
       select b.id, h.id, ?, ? from
         (select id, tier3_grid_id g, row_number() over (partition by tier3_grid_id order by id) n from rental_buildings where sample = 1 and use <> '生产') b
         join (select id, grid_id g, row_number() over (partition by grid_id order by id) n from households where kind = '非户籍家庭户') h on h.g = b.g and h.n = b.n`,
      demoCampaign.startsOn,
      opts.createdAt
    )
  })
}
