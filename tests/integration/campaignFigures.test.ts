// The campaign table computed in SQL on a real store (rentals/campaignFigures.ts) gives exactly what
// its definitions give (rentals/domain/campaignTable.ts): on the small case worked by hand, and on
// random hazards, periods, villages and days asked.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { campaignFigures } from '../../electron/core/rentals/campaignFigures'
import { campaignTable, type CampaignHazard, type CampaignKind } from '../../electron/core/rentals/domain/campaignTable'
import { testCore } from '../support/core'

let core: Core
let villages: number[]
const kinds: CampaignKind[] = []
const buildings = new Map<string, number>()

const run = (text: string, ...params: unknown[]) => core.store.sqlite.prepare(text).run(...params)

beforeAll(() => {
  core = testCore()
  villages = (core.store.sqlite.prepare("select id from units where kind = 'village' order by id limit 3").all() as { id: number }[]).map((v) => v.id)
  // The kinds every store starts with (migration 0008): two counted by the place, one by the building.
  for (const name of ['电动车屋内停放充电', '消防设施未配齐', '疏散通道堵塞'])
    kinds.push(core.store.sqlite.prepare('select id, counted_by countedBy from hazard_kinds where name = ?').get(name) as CampaignKind)
  expect(kinds.map((k) => k.countedBy)).toEqual(['处', '处', '栋'])
})
afterAll(() => core.close())

/** The hazards put in the store as they would be: each on a building of its village, found in an inspection. */
function store(hazards: CampaignHazard[]) {
  run('delete from fire_hazards')
  for (const h of hazards) {
    const key = `${h.villageId}/${h.buildingId}`
    let building = buildings.get(key)
    if (building === undefined) {
      building = Number(
        run(
          "insert into rental_buildings (address, village_unit_id, use, risk_class, created_at) values (?, ?, '居住', '中风险', '2026-03-01T00:00:00.000Z')",
          `测试楼 ${key}`,
          h.villageId
        ).lastInsertRowid
      )
      buildings.set(key, building)
    }
    const inspection = run(
      "insert into rental_inspections (building_id, village_unit_id, kind, inspected_on, inspector, created_at, recorded_by) values (?, ?, '排查', ?, '网格员', '2026-03-01T00:00:00.000Z', 'test')",
      building,
      h.villageId,
      h.foundOn
    ).lastInsertRowid
    run(
      'insert into fire_hazards (inspection_id, building_id, village_unit_id, kind_id, found_on, deadline, rectified_on) values (?, ?, ?, ?, ?, ?, ?)',
      inspection,
      building,
      h.villageId,
      h.kindId,
      h.foundOn,
      h.deadline,
      h.rectifiedOn
    )
  }
  // The definitions take the building as the store has it (a building belongs to one village).
  return hazards.map((h) => ({ ...h, buildingId: buildings.get(`${h.villageId}/${h.buildingId}`)! }))
}

const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString().slice(0, 10))
const plus = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10)

describe('the campaign table in SQL', () => {
  it('counts the hand-worked case as the definitions do', () => {
    const [a, b] = villages
    const [k1, k2, k3] = kinds.map((k) => k.id)
    const hazards = store([
      { villageId: a, kindId: k1, buildingId: 1, foundOn: '2026-03-01', deadline: '2026-03-15', rectifiedOn: '2026-03-10' },
      { villageId: a, kindId: k1, buildingId: 1, foundOn: '2026-03-02', deadline: '2026-03-16', rectifiedOn: null },
      { villageId: a, kindId: k2, buildingId: 2, foundOn: '2026-03-05', deadline: '2026-04-05', rectifiedOn: null },
      { villageId: a, kindId: k3, buildingId: 2, foundOn: '2026-03-05', deadline: '2026-03-20', rectifiedOn: '2026-03-18' },
      { villageId: a, kindId: k3, buildingId: 2, foundOn: '2026-03-06', deadline: '2026-03-20', rectifiedOn: null },
      { villageId: b, kindId: k3, buildingId: 3, foundOn: '2026-03-07', deadline: '2026-03-21', rectifiedOn: '2026-03-21' },
      { villageId: b, kindId: k2, buildingId: 3, foundOn: '2026-03-08', deadline: '2026-03-22', rectifiedOn: '2026-04-02' },
      { villageId: b, kindId: k1, buildingId: 4, foundOn: '2026-02-27', deadline: '2026-03-05', rectifiedOn: '2026-03-03' },
      { villageId: b, kindId: k1, buildingId: 4, foundOn: '2026-04-01', deadline: '2026-04-10', rectifiedOn: null }
    ])
    const period = { startsOn: '2026-03-01', endsOn: '2026-04-30', asOf: '2026-03-31', villageIds: null }
    const figures = campaignFigures(core.store.sqlite, period)
    expect(figures.total).toEqual({ found: 7, rectified: 3, overdue: 3, rate: 3 / 7 })
    expect(figures.kinds.find((k) => k.kindId === k3)).toEqual({ kindId: k3, countedBy: '栋', found: 2, rectified: 1, overdue: 1, rate: 1 / 2 })
    expect(figures).toEqual(campaignTable(hazards, kinds, period))
  })

  it('equals the definitions on random hazards, periods, villages and days asked', () => {
    const hazard = fc
      .record({
        v: fc.constantFrom(0, 1, 2),
        k: fc.constantFrom(0, 1, 2),
        b: fc.integer({ min: 1, max: 5 }),
        found: day,
        wait: fc.integer({ min: 0, max: 20 }),
        fix: fc.option(fc.integer({ min: 0, max: 40 }))
      })
      .map(({ v, k, b, found, wait, fix }) => ({
        villageId: villages[v],
        kindId: kinds[k].id,
        buildingId: b,
        foundOn: found,
        deadline: plus(found, wait),
        rectifiedOn: fix === null ? null : plus(found, fix)
      }))
    fc.assert(
      fc.property(fc.array(hazard, { maxLength: 50 }), day, day, day, fc.option(fc.subarray([0, 1, 2], { minLength: 1 })), (hs, a, b, asOf, scope) => {
        const hazards = store(hs)
        const period = { startsOn: a <= b ? a : b, endsOn: a <= b ? b : a, asOf, villageIds: scope === null ? null : scope.map((i) => villages[i]) }
        expect(campaignFigures(core.store.sqlite, period)).toEqual(campaignTable(hazards, kinds, period))
      }),
      { numRuns: 150 }
    )
  })
})
