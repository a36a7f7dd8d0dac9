// The city map benchmark on a tiny dataset, so it cannot rot: the app's map and the bare MapLibre
// page both load and highlight, and browser mode starts from a cold process, on the town and on the city (timings not asserted).
import { describe, expect, it } from 'vitest'
import { runCityMapBench } from '../bench/cityMap'
import { tiny } from '../bench/cityData'

describe('npm run bench, map part (smoke)', () => {
  it('loads and highlights the tiny city in the app and on a bare page, and times a cold start', async () => {
    const r = await runCityMapBench({ scale: tiny, runs: 1, write: false })
    expect(r.cases.map((c) => c.case.split(':')[0])).toEqual(['map load', 'highlight', 'start', 'start'])
    for (const c of r.cases) expect(c.app.p50, c.case).toBeGreaterThan(0)
    for (const c of r.cases.slice(0, 2)) expect(c.reference?.p50, c.case).toBeGreaterThan(0)
    // The served city's own memory, read from /proc once its map has drawn.
    expect(r.serverPeakRssMb).toBeGreaterThan(50)
  }, 180_000)
})
