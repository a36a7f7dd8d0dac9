// The campaign table's definitions (rentals/domain/campaignTable.ts) on a small case worked by hand:
// what counts as found in the period, rectified by the day asked, overdue, and a kind counted by the
// building (栋) rather than the place (处).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { campaignTable, type CampaignHazard } from '../../electron/core/rentals/domain/campaignTable'

// Village 1 and 2; kinds 1 电动车 (处), 2 消防设施 (处), 3 疏散通道 (栋).
const kinds = [
  { id: 1, countedBy: '处' as const },
  { id: 2, countedBy: '处' as const },
  { id: 3, countedBy: '栋' as const }
]
const h = (villageId: number, kindId: number, buildingId: number, foundOn: string, deadline: string, rectifiedOn: string | null): CampaignHazard => ({
  villageId,
  kindId,
  buildingId,
  foundOn,
  deadline,
  rectifiedOn
})
const hazards = [
  h(1, 1, 10, '2026-03-01', '2026-03-15', '2026-03-10'), // found, rectified
  h(1, 1, 10, '2026-03-02', '2026-03-16', null), // found, open, overdue by 03-31
  h(1, 2, 11, '2026-03-05', '2026-04-05', null), // found, open, not yet due
  h(1, 3, 11, '2026-03-05', '2026-03-20', '2026-03-18'), // building 11: one of two escape-route hazards rectified…
  h(1, 3, 11, '2026-03-06', '2026-03-20', null), // …the other overdue: the building is not rectified, and overdue
  h(2, 3, 20, '2026-03-07', '2026-03-21', '2026-03-21'), // building 20: rectified
  h(2, 2, 20, '2026-03-08', '2026-03-22', '2026-04-02'), // rectified after the day asked: open and overdue as of 03-31
  h(2, 1, 21, '2026-02-27', '2026-03-05', '2026-03-03'), // found before the period: not counted
  h(2, 1, 21, '2026-04-01', '2026-04-10', null) // found after the day asked: not counted
]
const period = { startsOn: '2026-03-01', endsOn: '2026-04-30', asOf: '2026-03-31', villageIds: null }

describe('the campaign table', () => {
  it('counts a small case exactly as worked by hand', () => {
    const t = campaignTable(hazards, kinds, period)
    expect(t.total).toEqual({ found: 7, rectified: 3, overdue: 3, rate: 3 / 7 })
    expect(t.villages).toEqual([
      { villageId: 1, found: 5, rectified: 2, overdue: 2, rate: 2 / 5 },
      { villageId: 2, found: 2, rectified: 1, overdue: 1, rate: 1 / 2 }
    ])
    expect(t.kinds).toEqual([
      { kindId: 1, countedBy: '处', found: 2, rectified: 1, overdue: 1, rate: 1 / 2 },
      { kindId: 2, countedBy: '处', found: 2, rectified: 0, overdue: 1, rate: 0 },
      // Buildings 11 (one of two open and overdue) and 20 (rectified).
      { kindId: 3, countedBy: '栋', found: 2, rectified: 1, overdue: 1, rate: 1 / 2 }
    ])
  })

  it('asked after the campaign ended: found stops at its end, rectified counts to the day asked', () => {
    const t = campaignTable(hazards, kinds, { ...period, endsOn: '2026-03-06', asOf: '2026-04-03' })
    // Found 03-01…03-06: the first five (village 1) and none of village 2's.
    // Rectified by 04-03: the 1st and 4th; overdue: the 2nd and 5th (the 3rd is due 04-05).
    expect(t.total).toEqual({ found: 5, rectified: 2, overdue: 2, rate: 2 / 5 })
    expect(t.villages.map((v) => v.villageId)).toEqual([1])
  })

  it('keeps to the campaign’s villages, and says no rate where nothing was found', () => {
    expect(campaignTable(hazards, kinds, { ...period, villageIds: [2] }).total).toEqual({ found: 2, rectified: 1, overdue: 1, rate: 1 / 2 })
    expect(campaignTable(hazards, kinds, { ...period, villageIds: [3] }).total).toEqual({ found: 0, rectified: 0, overdue: 0, rate: null })
  })

  it('always: rectified and overdue are within found and apart; the villages add up to the total', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString().slice(0, 10))
    const hazard = fc
      .record({
        v: fc.integer({ min: 1, max: 3 }),
        k: fc.integer({ min: 1, max: 3 }),
        b: fc.integer({ min: 1, max: 6 }),
        found: day,
        wait: fc.integer({ min: 0, max: 20 }),
        fix: fc.option(fc.integer({ min: 0, max: 40 }))
      })
      .map(({ v, k, b, found, wait, fix }) => {
        const plus = (n: number) => new Date(Date.parse(found) + n * 86_400_000).toISOString().slice(0, 10)
        return h(v, k, b, found, plus(wait), fix === null ? null : plus(fix))
      })
    fc.assert(
      fc.property(fc.array(hazard, { maxLength: 40 }), day, day, day, (hs, a, b, asOf) => {
        const [startsOn, endsOn] = a <= b ? [a, b] : [b, a]
        const t = campaignTable(hs, kinds, { startsOn, endsOn, asOf, villageIds: null })
        for (const row of [t.total, ...t.villages, ...t.kinds]) {
          expect(row.rectified + row.overdue).toBeLessThanOrEqual(row.found)
          if (row.found > 0) expect(row.rate).toBe(row.rectified / row.found)
        }
        expect(t.villages.reduce((n, v) => n + v.found, 0)).toBe(t.total.found)
        expect(t.villages.reduce((n, v) => n + v.rectified, 0)).toBe(t.total.rectified)
        expect(t.villages.reduce((n, v) => n + v.overdue, 0)).toBe(t.total.overdue)
      })
    )
  })
})
