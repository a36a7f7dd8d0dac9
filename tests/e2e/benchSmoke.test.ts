// The city map benchmark on a tiny dataset, so it cannot rot: the app's map and the bare MapLibre
// page both load and highlight, and browser mode starts from a cold process, on the town and on the city, a briefing prints,
// and the felt-speed cases run beside their bare pages, and a few seats work on the town server (timings not asserted).
import { describe, expect, it } from 'vitest'
import { runCityMapBench } from '../bench/cityMap'
import { runBriefingBench } from '../bench/briefingToPdf'
import { tiny } from '../bench/cityData'
import { runFeltSpeedBench } from '../bench/feltSpeed'
import { runTownNetworkBench } from '../bench/townNetwork'
import { runRentalsBench } from '../bench/rentalsAtScale'

describe('npm run bench, map part (smoke)', () => {
  it('loads and highlights the tiny city in the app and on a bare page, and times a cold start', async () => {
    const r = await runCityMapBench({ scale: tiny, runs: 1, write: false })
    expect(r.cases.map((c) => c.case.split(':')[0])).toEqual(['map load', 'highlight', 'start', 'start'])
    for (const c of r.cases) expect(c.app.p50, c.case).toBeGreaterThan(0)
    for (const c of r.cases.slice(0, 2)) expect(c.reference?.p50, c.case).toBeGreaterThan(0)
    // The served city's own memory, read from /proc once its map has drawn.
    expect(r.serverPeakRssMb).toBeGreaterThan(50)
  }, 180_000)

  it('composes, issues and prints a briefing on the tiny city, beside its static copy', async () => {
    const r = await runBriefingBench({ town: false, city: tiny, runs: 1, write: false })
    expect(r.cityBriefing.rows.map((c) => c.case.split(':')[0])).toEqual(['briefings.compose', 'briefings.issue', 'briefing to PDF'])
    expect(r.cityBriefing.pages).toBeGreaterThan(0)
    for (const c of r.cityBriefing.rows) expect(c.app.p50, c.case).toBeGreaterThan(0)
    expect(r.cityBriefing.rows[2].reference?.p50).toBeGreaterThan(0)
  }, 180_000)

  it('times the felt speed: screen switches and the issue panel, each beside its bare page', async () => {
    const r = await runFeltSpeedBench({ runs: 1, write: false })
    expect(r.cases).toHaveLength(6)
    for (const c of r.cases.slice(0, 3)) expect([c.app.p50 > 0, (c.reference?.p50 ?? 0) > 0], c.case).toEqual([true, true])
    for (const c of r.cases.slice(3)) expect(c.app.p50, c.case).toBeGreaterThan(0)
  }, 180_000)

  it('runs a few seats on the town server with the pool of readers: calls answered, changes heard within reach', async () => {
    const { summary } = await runTownNetworkBench({ seconds: 20, seats: 10, readersList: [2], write: false })
    const pool = summary.pool as {
      smallCalls: { p50: number }
      changes: number
      everySeatHeard: boolean
      outOfReach: number
      failedSeats: string[]
      failedCalls: number
      serverPeakRssMb: number
    }
    expect(pool.smallCalls.p50).toBeGreaterThan(0)
    expect(pool.changes).toBeGreaterThan(0)
    expect([pool.everySeatHeard, pool.outOfReach, pool.failedSeats, pool.failedCalls]).toEqual([true, 0, [], 0])
    expect(pool.serverPeakRssMb).toBeGreaterThan(50)
  }, 240_000)

  it('counts a small district’s rental hazards: the campaign table’s totals are the one pass’s; the map layer and the overdue list are read', async () => {
    // The bench itself throws when the table's totals and the one-pass reference differ.
    const rows = await runRentalsBench({ runs: 1, write: false, buildings: 2000, hazards: 5000 })
    expect(rows.map((r) => r.case.split(':')[0])).toEqual(['campaign table', 'campaign table', 'campaign table', 'map layer', 'overdue hazards'])
    for (const r of rows) expect([r.app.p50 > 0, (r.reference?.p50 ?? 0) > 0], r.case).toEqual([true, true])
  }, 120_000)
})
