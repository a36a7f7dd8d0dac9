// The city benchmark on a tiny dataset, so it cannot rot between the runs that time it: every case
// runs through the signed-in app and its raw reference and reports numbers (timings are not asserted).
import { describe, expect, it } from 'vitest'
import { runCityBench } from '../bench/cityScale'
import { tiny } from '../bench/cityData'

describe('npm run bench (smoke)', () => {
  it('runs every city case on a tiny dataset and reports the app beside its reference', async () => {
    const r = await runCityBench({ scale: tiny, iterations: 5, importRows: 50, write: false })
    expect(r.counts).toMatchObject({ grids: tiny.tier1 + tiny.tier2 + tiny.tier3, households: tiny.households, persons: tiny.persons, issues: tiny.issues })
    expect(r.cases.map((c) => c.case.split(':')[0])).toEqual(['bulk write', 'bulk write', 'list query', 'people search', 'figures', 'action'])
    for (const c of r.cases) {
      expect(c.app.p50, c.case).toBeGreaterThan(0)
      expect(c.reference?.p50, c.case).toBeGreaterThan(0)
      expect(Number.isFinite(c.ratio), c.case).toBe(true)
    }
    expect(r.peakRssMb).toBeGreaterThan(0)
  }, 60_000)
})
