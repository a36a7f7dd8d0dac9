// npm run bench (rentals part, issue 21) — the campaign table at district scale (Nanhai-sized, seed
// 002): 150,000 rental buildings and 400,000 fire-safety hazards over two years, 98.9 % rectified.
// The whole table (totals, by village, by kind — one kind counted by building) for the whole
// district, for one village, and for one quarter, each beside the least any such table costs: one
// pass counting the same hazards (found, rectified, overdue) with no grouping.
//   node --import tsx tests/bench/rentalsAtScale.ts
import { pathToFileURL } from 'node:url'
import { startCore } from '../../electron/core/app'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'
import { campaignFigures } from '../../electron/core/rentals/campaignFigures'
import { createRentalService } from '../../electron/core/rentals/rentals'
import { tempDbFile, testClock } from '../support/core'
import { createRng } from '../../electron/core/demo/prng'
import { compare, machine, printTable, repeat, stat, writeResults, type CaseResult } from './report'

const BUILDINGS = 150_000
const HAZARDS = 400_000
const DAY = 86_400_000
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export async function runRentalsBench({ runs = 30, write = true, buildings = BUILDINGS, hazards = HAZARDS } = {}) {
  // The demo town without its people (and so without the demo's own rentals): the district's hazards alone.
  const core = startCore({
    dbFile: tempDbFile(),
    migrationsFolder: defaultMigrationsFolder,
    resourcesFolder: defaultResourcesFolder,
    clock: testClock,
    demoPeople: false
  })
  const sqlite = core.store.sqlite
  const villages = (sqlite.prepare("select id from units where kind = 'village' order by id").all() as { id: number }[]).map((v) => v.id)
  const kinds = [
    ['电动车屋内停放充电', '处', 0.17],
    ['消防设施未配齐', '处', 0.45],
    ['电气线路不规范', '处', 0.13],
    ['疏散通道堵塞', '栋', 0.1],
    ['防盗网未设逃生窗', '处', 0.1],
    ['其他消防隐患', '处', 0.05]
  ] as const
  // The demo's seeded generator: every run counts the same store.
  const rnd = createRng(21).next
  const t0 = performance.now()
  sqlite.transaction(() => {
    // The kinds every store starts with (migration 0008).
    const kindIds = kinds.map(([name]) => (sqlite.prepare('select id from hazard_kinds where name = ?').get(name) as { id: number }).id)
    const building = sqlite.prepare(
      "insert into rental_buildings (address, lon, lat, village_unit_id, use, risk_class, rental_rooms, tenants, sample, created_at) values (?, ?, ?, ?, '居住', ?, ?, ?, 1, '2025-01-01T00:00:00.000Z')"
    )
    // Points over the town's box (the map layer sends each building's point).
    const at = () => [112.98 + rnd() * 0.22, 23.08 + rnd() * 0.2]
    const villageOf: number[] = []
    const firstBuilding = Number(building.run('示意楼 0', ...at(), villages[0], '中风险', 6, 12).lastInsertRowid)
    villageOf.push(villages[0])
    for (let i = 1; i < buildings; i++) {
      const v = villages[Math.floor(rnd() * villages.length)]
      building.run(`示意楼 ${i}`, ...at(), v, rnd() < 0.1 ? '高风险' : rnd() < 0.5 ? '中风险' : '低风险', 1 + Math.floor(rnd() * 12), Math.floor(rnd() * 30))
      villageOf.push(v)
    }
    const inspection = sqlite.prepare(
      "insert into rental_inspections (building_id, village_unit_id, kind, inspected_on, inspector, created_at, recorded_by) values (?, ?, '排查', ?, '网格员', '2025-01-01T00:00:00.000Z', 'bench')"
    )
    const hazard = sqlite.prepare(
      'insert into fire_hazards (inspection_id, building_id, village_unit_id, kind_id, found_on, deadline, rectified_on) values (?, ?, ?, ?, ?, ?, ?)'
    )
    const start = Date.parse('2025-01-01T00:00:00Z')
    const asOf = Date.parse('2026-11-30T00:00:00Z')
    for (let made = 0; made < hazards;) {
      const b = Math.floor(rnd() * buildings)
      const found = start + Math.floor(rnd() * ((asOf - start) / DAY)) * DAY
      const insp = inspection.run(firstBuilding + b, villageOf[b], dayOf(found)).lastInsertRowid
      // One to three hazards a visit, of the seed's kinds in about its proportions; 98.9 % fixed within 40 days.
      for (let n = 1 + Math.floor(rnd() * 3); n > 0 && made < hazards; n--, made++) {
        let pick = rnd()
        let k = 0
        while (k < kinds.length - 1 && pick > kinds[k][2]) pick -= kinds[k++][2]
        const fixedAfter = rnd() < 0.989 ? 1 + Math.floor(rnd() * 40) : null
        const fixed = fixedAfter === null ? null : found + fixedAfter * DAY
        hazard.run(
          insp,
          firstBuilding + b,
          villageOf[b],
          kindIds[k],
          dayOf(found),
          dayOf(found + (7 + Math.floor(rnd() * 24)) * DAY),
          fixed === null ? null : dayOf(fixed)
        )
      }
    }
  })()
  sqlite.exec('analyze')
  console.log(`出租屋 ${buildings.toLocaleString()} 栋，隐患 ${hazards.toLocaleString()} 处：生成 ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  // The least any table costs: one pass over the same hazards, counting the three figures, no grouping.
  const onePass = sqlite.prepare(
    `select count(*) found, sum(rectified_on is not null and rectified_on <= :asOf) rectified,
       sum((rectified_on is null or rectified_on > :asOf) and deadline < :asOf) overdue
     from fire_hazards where found_on between :startsOn and :last`
  )
  const onePassIn = (villageIds: number[]) =>
    sqlite.prepare(
      `select count(*) found, sum(rectified_on is not null and rectified_on <= :asOf) rectified,
         sum((rectified_on is null or rectified_on > :asOf) and deadline < :asOf) overdue
       from fire_hazards where found_on between :startsOn and :last and village_unit_id in (${villageIds.join(', ')})`
    )
  const cases = [
    { name: 'the district, two years (every hazard)', period: { startsOn: '2025-01-01', endsOn: '2026-12-31', asOf: '2026-11-30', villageIds: null } },
    { name: 'one village, two years', period: { startsOn: '2025-01-01', endsOn: '2026-12-31', asOf: '2026-11-30', villageIds: [villages[3]] } },
    { name: 'the district, one quarter', period: { startsOn: '2026-07-01', endsOn: '2026-09-30', asOf: '2026-11-30', villageIds: null } }
  ]
  const rows: CaseResult[] = []
  for (const c of cases) {
    const table = campaignFigures(sqlite, c.period)
    const last = c.period.endsOn < c.period.asOf ? c.period.endsOn : c.period.asOf
    const params = { asOf: c.period.asOf, startsOn: c.period.startsOn, last }
    const referenceQuery = c.period.villageIds ? onePassIn(c.period.villageIds) : onePass
    const reference = referenceQuery.get(params) as { found: number; rectified: number; overdue: number }
    // The table's totals are the one pass's figures: the bench measures the same work.
    if (table.total.found !== reference.found || table.total.rectified !== reference.rectified || table.total.overdue !== reference.overdue)
      throw new Error(`合计不一致：${JSON.stringify(table.total)} ≠ ${JSON.stringify(reference)}`)
    console.log(
      `${c.name}: 发现 ${table.total.found.toLocaleString()}，已整改 ${table.total.rectified.toLocaleString()}（${((table.total.rate ?? 0) * 100).toFixed(1)}%），逾期未改 ${table.total.overdue.toLocaleString()}`
    )
    rows.push(
      compare({
        case: `campaign table: ${c.name} (${table.total.found.toLocaleString('en')} hazards, ${table.villages.length} villages, ${table.kinds.length} kinds)`,
        unit: 'ms',
        app: stat(await repeat(runs, () => campaignFigures(sqlite, c.period))),
        reference: stat(await repeat(runs, () => referenceQuery.get(params))),
        referenceCase: 'one pass counting the totals, no grouping',
        goal: 'p95 < 300 ms'
      })
    )
  }
  // The map layer (rentals.mapLayer): the campaign's village rows and every building with a hazard open
  // today, as the map asks for it — beside the bare query reading those buildings' points.
  sqlite
    .prepare(
      "insert into rental_campaigns (name, starts_on, ends_on, village_ids, created_at) values ('两年专项整治', '2025-01-01', '2026-12-31', null, '2025-01-01T00:00:00.000Z')"
    )
    .run()
  const rentals = createRentalService(core.store.db, testClock)
  const layer = rentals.mapLayer(undefined, null)
  const openPoints = sqlite.prepare(
    'select b.id, b.lon, b.lat, count(*) open from fire_hazards h join rental_buildings b on b.id = h.building_id where h.rectified_on is null group by b.id'
  )
  console.log(`地图图层：村居 ${layer.villages.length} 个，有未整改隐患的出租屋 ${layer.buildings.features.length.toLocaleString()} 栋`)
  rows.push(
    compare({
      case: `map layer: the campaign's villages and ${layer.buildings.features.length.toLocaleString('en')} buildings with open hazards`,
      unit: 'ms',
      app: stat(await repeat(runs, () => rentals.mapLayer(undefined, null))),
      reference: stat(await repeat(runs, () => openPoints.all())),
      referenceCase: 'the open buildings’ points alone (one grouped read)',
      goal: 'p95 < 300 ms'
    })
  )
  // 逾期隐患 (rentals.overdueHazards): the count and the 500 longest overdue with their building, village
  // and kind — beside the bare read of those hazards' ids from the open-hazards index.
  const overdue = rentals.overdueHazards(undefined, null)
  const bareOverdue = sqlite.prepare('select id from fire_hazards where rectified_on is null and issue_id is null and deadline < ? order by deadline limit 500')
  console.log(`逾期未转事件的隐患：${overdue.total.toLocaleString()} 处（列出 ${overdue.rows.length} 处）`)
  rows.push(
    compare({
      case: `overdue hazards: ${overdue.total.toLocaleString('en')} past their deadline, the 500 longest overdue listed`,
      unit: 'ms',
      app: stat(await repeat(runs, () => rentals.overdueHazards(undefined, null))),
      reference: stat(await repeat(runs, () => bareOverdue.all(overdue.asOf))),
      referenceCase: 'the 500 hazards’ ids alone from the index',
      goal: 'p95 < 300 ms'
    })
  )
  core.close()
  printTable(`Rental hazards at district scale (${machine()})`, rows)
  if (write) writeResults('rentals', { machine: machine(), buildings, hazards, rows })
  return rows
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runRentalsBench().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
