// The health check against hand-built cases with known answers, and a property: a clean
// partition has no problems, and moving any one cell makes one appear.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkGridHealth, type HealthGrid } from '../../electron/core/grids/domain/gridHealth'
import { localProjection, mapCoords, type MultiPolygonCoords, type Pt } from '../../electron/core/kernel/geometry'
import { partition, spreadPoints } from '../../electron/core/demo/partition'
import { createRng } from '../../electron/core/demo/prng'

const X0 = 113.0
const Y0 = 23.1
/** A rectangle from (x1, y1) to (x2, y2) in thousandths of a degree from (X0, Y0). */
const rect = (x1: number, y1: number, x2: number, y2: number): MultiPolygonCoords => {
  const p = (x: number, y: number): Pt => [X0 + x / 1000, Y0 + y / 1000]
  return [[[p(x1, y1), p(x2, y1), p(x2, y2), p(x1, y2), p(x1, y1)]]]
}
/** Square metres of a w × h (thousandths of a degree) rectangle at the test site. */
const m2 = (w: number, h: number) => {
  const proj = localProjection([X0 + 0.005, Y0 + 0.005])
  const [kx] = proj.toKm([X0 + 0.006, Y0 + 0.005])
  const [, ky] = proj.toKm([X0 + 0.005, Y0 + 0.006])
  return w * kx * 1000 * (h * ky * 1000)
}
const grid = (id: number, tier: number, parentId: number | null, shape: MultiPolygonCoords | null, extra: Partial<HealthGrid> = {}): HealthGrid => ({
  id,
  tier,
  name: `网格${id}`,
  parentId,
  shape,
  partyOrganisation: '党支部',
  inspector: '巡查员',
  ...extra
})
const parent = grid(1, 2, null, rect(0, 0, 10, 10))
const kinds = (ps: { kind: string }[]) => ps.map((p) => p.kind).sort()

describe('grid health check', () => {
  it('finds nothing wrong with two halves that exactly cover their parent', () => {
    expect(checkGridHealth([parent, grid(2, 3, 1, rect(0, 0, 5, 10)), grid(3, 3, 1, rect(5, 0, 10, 10))], null)).toEqual([])
  })

  it('measures an overlap between siblings', () => {
    const problems = checkGridHealth([parent, grid(2, 3, 1, rect(0, 0, 6, 10)), grid(3, 3, 1, rect(4, 0, 10, 10))], null)
    expect(kinds(problems)).toEqual(['OVERLAP'])
    expect(problems[0].gridIds).toEqual([2, 3])
    expect(problems[0].areaM2! / m2(2, 10)).toBeCloseTo(1, 3)
    expect(problems[0].percent).toBeCloseTo((2 / 6) * 100, 1)
    const [w, s, e, n] = problems[0].bbox!
    expect([w, e]).toEqual([expect.closeTo(X0 + 0.004, 9), expect.closeTo(X0 + 0.006, 9)])
    expect([s, n]).toEqual([expect.closeTo(Y0, 9), expect.closeTo(Y0 + 0.01, 9)])
  })

  it('measures a gap as area and percentage of the parent', () => {
    const problems = checkGridHealth([parent, grid(2, 3, 1, rect(0, 0, 4, 10)), grid(3, 3, 1, rect(6, 0, 10, 10))], null)
    expect(kinds(problems)).toEqual(['GAP'])
    expect(problems[0].areaM2! / m2(2, 10)).toBeCloseTo(1, 3)
    expect(problems[0].percent).toBeCloseTo(20, 2)
    expect(problems[0].gridIds).toEqual([1])
    expect(problems[0].message).toContain('20.00%')
  })

  it('ignores hairline gaps from coordinate rounding but reports a real strip', () => {
    // 0.0000001° ≈ 1 cm wide over 1.1 km: about 11 m² of rounding noise, not a gap.
    const hairline = checkGridHealth([parent, grid(2, 3, 1, rect(0, 0, 5, 10)), grid(3, 3, 1, rect(5.0001, 0, 10, 10))], null)
    expect(hairline).toEqual([])
    // 0.000002° ≈ 20 cm wide: a real strip nobody covers.
    const strip = checkGridHealth([parent, grid(2, 3, 1, rect(0, 0, 5, 10)), grid(3, 3, 1, rect(5.002, 0, 10, 10))], null)
    expect(kinds(strip)).toEqual(['GAP'])
  })

  it('measures the part of a child outside its parent', () => {
    const problems = checkGridHealth([parent, grid(2, 3, 1, rect(0, 0, 5, 10)), grid(3, 3, 1, rect(5, 0, 11, 10))], null)
    expect(kinds(problems)).toEqual(['OUTSIDE_PARENT'])
    expect(problems[0].gridIds).toEqual([3])
    expect(problems[0].areaM2! / m2(1, 10)).toBeCloseTo(1, 3)
  })

  it('checks village grids against the town outline', () => {
    const problems = checkGridHealth([grid(5, 1, null, rect(0, 0, 5, 10)), grid(6, 1, null, rect(5, 0, 9, 10))], rect(0, 0, 10, 10))
    expect(kinds(problems)).toEqual(['GAP'])
    expect(problems[0].message).toContain('镇域')
    expect(problems[0].percent).toBeCloseTo(10, 2)
  })

  it('reports a self-intersecting boundary and does not measure it', () => {
    const bowTie: MultiPolygonCoords = [
      [
        [
          [X0, Y0],
          [X0 + 0.01, Y0 + 0.01],
          [X0 + 0.01, Y0],
          [X0, Y0 + 0.01],
          [X0, Y0]
        ]
      ]
    ]
    const problems = checkGridHealth([grid(2, 3, null, bowTie)], null)
    expect(kinds(problems)).toEqual(['SELF_INTERSECTION'])
  })

  it('flags slivers: tiny or very thin shapes', () => {
    const problems = checkGridHealth([parent, grid(2, 3, 1, rect(0, 0, 9.99, 10)), grid(3, 3, 1, rect(9.99, 0, 10, 10))], null)
    expect(kinds(problems)).toEqual(['SLIVER'])
    expect(problems[0].gridIds).toEqual([3])
  })

  it('lists grids without a shape, a tier-3 inspector or a party organisation', () => {
    const problems = checkGridHealth([grid(7, 3, null, null, { inspector: ' ', partyOrganisation: null })], null)
    expect(kinds(problems)).toEqual(['NO_GEOMETRY', 'NO_INSPECTOR', 'NO_PARTY_ORGANISATION'])
    expect(problems.every((p) => p.severity === 'warning')).toBe(true)
  })

  const cleanThenMoved = (n: number, seed: number, shiftKm: number, angle: number) => {
    const proj = localProjection([X0, Y0])
    const areaKm: MultiPolygonCoords = [
      [
        [
          [-1, -1],
          [1.2, -0.9],
          [1.1, 1],
          [-0.8, 1.3],
          [-1, -1]
        ]
      ]
    ]
    const cells = partition(areaKm, spreadPoints(areaKm, n, createRng(seed), 1))
    const toGeo = (mp: MultiPolygonCoords) => mapCoords(mp, proj.toLonLat)
    const grids = [grid(1, 2, null, toGeo(areaKm)), ...cells.map((c, i) => grid(i + 2, 3, 1, toGeo(c)))]
    expect(checkGridHealth(grids, null).filter((p) => p.severity === 'error')).toEqual([])
    const moved = mapCoords(cells[0], ([x, y]) => [x + shiftKm * Math.cos(angle), y + shiftKm * Math.sin(angle)])
    const broken = grids.map((g) => (g.id === 2 ? { ...g, shape: toGeo(moved) } : g))
    expect(checkGridHealth(broken, null).filter((p) => p.severity === 'error').length).toBeGreaterThan(0)
  }

  it('never reports a clean partition, and always notices when one cell is moved', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer(),
        fc.double({ min: 0.02, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: Math.PI * 2, noNaN: true }),
        cleanThenMoved
      ),
      { numRuns: 40 }
    )
  })

  it('survives the case fast-check once found polygon-clipping failing on', () => {
    cleanThenMoved(9, -1280750770, 0.02, 0)
  })
})
