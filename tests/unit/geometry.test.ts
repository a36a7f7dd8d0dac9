// Properties of the pure geometry and allocation helpers the demo and later checks rely on.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  labelPoint,
  localProjection,
  multiPolygonArea,
  pointInMultiPolygon,
  pointInPolygon,
  polygonArea,
  type MultiPolygonCoords,
  type Pt,
  type Ring
} from '../../electron/core/kernel/geometry'
import { apportion, createRng } from '../../electron/core/demo/prng'
import { partition, spreadPoints } from '../../electron/core/demo/partition'
import { chineseNumber } from '../../electron/core/demo/names'

const rect = (x: number, y: number, w: number, h: number): Ring => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
  [x, y]
]

/** A star-shaped (possibly concave) polygon around a centre. */
const starPolygon = fc
  .record({
    cx: fc.double({ min: -50, max: 50, noNaN: true }),
    cy: fc.double({ min: -50, max: 50, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.5, max: 10, noNaN: true }), { minLength: 3, maxLength: 24 })
  })
  .map(({ cx, cy, radii }): MultiPolygonCoords => {
    const ring: Ring = radii.map((r, i) => {
      const t = (i / radii.length) * Math.PI * 2
      return [cx + r * Math.cos(t), cy + r * Math.sin(t)] as Pt
    })
    ring.push(ring[0])
    return [[ring]]
  })

describe('geometry', () => {
  it('computes a rectangle’s area and is unmoved by translation', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (x, y, w, h) => {
          expect(polygonArea([rect(x, y, w, h)])).toBeCloseTo(w * h, 6)
        }
      )
    )
  })

  it('subtracts holes from area and treats points in holes as outside', () => {
    const withHole = [rect(0, 0, 10, 10), rect(4, 4, 2, 2)]
    expect(polygonArea(withHole)).toBeCloseTo(96)
    expect(pointInPolygon([5, 5], withHole)).toBe(false)
    expect(pointInPolygon([1, 1], withHole)).toBe(true)
    expect(pointInPolygon([11, 1], withHole)).toBe(false)
  })

  it('always finds a label point inside the shape, even for concave shapes', () => {
    fc.assert(
      fc.property(starPolygon, (mp) => {
        if (polygonArea(mp[0]) < 1e-6) return
        expect(pointInMultiPolygon(labelPoint(mp), mp)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it('round-trips the local projection', () => {
    const proj = localProjection([113.025, 23.145])
    fc.assert(
      fc.property(fc.double({ min: 112.9, max: 113.2, noNaN: true }), fc.double({ min: 23, max: 23.3, noNaN: true }), (lon, lat) => {
        const [x, y] = proj.toLonLat(proj.toKm([lon, lat]))
        expect(x).toBeCloseTo(lon, 9)
        expect(y).toBeCloseTo(lat, 9)
      })
    )
  })

  it('partitions the shape fast-check once found polygon-clipping failing on (snapping retry)', () => {
    const mp: MultiPolygonCoords = [
      [
        [
          [0.5, 0],
          [0.15450849718747373, 0.47552825814757677],
          [-0.40450849718747367, 0.2938926261462366],
          [-0.40450849718747384, -0.29389262614623657],
          [0.41807664669051386, -1.2867076127968302],
          [0.5, 0]
        ]
      ]
    ]
    const cells = partition(mp, spreadPoints(mp, 2, createRng(255530375), 1))
    const total = cells.reduce((s, c) => s + c.reduce((a, p) => a + polygonArea(p), 0), 0)
    expect(total).toBeCloseTo(polygonArea(mp[0]), 5)
  })

  it('partitions the triangle fast-check once found polygon-clipping answering with an empty cell (retried)', () => {
    const mp: MultiPolygonCoords = [
      [
        [
          [2.339485584517283, 0],
          [-4.999999999999989, 8.660254037844371],
          [-4.999999999999991, -8.660254037844362],
          [2.339485584517283, 0]
        ]
      ]
    ]
    const cells = partition(mp, spreadPoints(mp, 5, createRng(-1390095848), 1))
    for (const cell of cells) expect(multiPolygonArea(cell)).toBeGreaterThan(0)
    const total = cells.reduce((s, c) => s + c.reduce((a, p) => a + polygonArea(p), 0), 0)
    expect(total).toBeCloseTo(polygonArea(mp[0]), 5)
  })

  it('partitions a shape into cells whose areas add up to the shape', () => {
    fc.assert(
      fc.property(starPolygon, fc.integer({ min: 1, max: 12 }), fc.integer(), (mp, n, seed) => {
        if (polygonArea(mp[0]) < 1) return
        const points = spreadPoints(mp, n, createRng(seed), 1)
        const cells = partition(mp, points)
        expect(cells).toHaveLength(n)
        const total = cells.reduce((s, c) => s + c.reduce((a, p) => a + polygonArea(p), 0), 0)
        expect(Math.abs(total - polygonArea(mp[0])) / polygonArea(mp[0])).toBeLessThan(1e-6)
      }),
      { numRuns: 60 }
    )
  })
})

describe('apportion and the seeded PRNG', () => {
  it('splits a total into parts that add up exactly, respect the minimum and stay within one of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 100000 }),
        (weights, min, extra) => {
          const total = min * weights.length + extra
          const parts = apportion(total, weights, min)
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total)
          const sum = weights.reduce((s, w) => s + w, 0)
          parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(min)
            expect(Math.abs(p - min - (weights[i] / sum) * extra)).toBeLessThan(1 + 1e-9)
          })
        }
      )
    )
  })

  it('refuses a total smaller than the minimum', () => {
    expect(() => apportion(2, [1, 1, 1], 1)).toThrow(/无法分配/)
  })

  it('gives the same sequence for the same seed, within [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createRng(seed)
        const b = createRng(seed)
        for (let i = 0; i < 20; i++) {
          const v = a.next()
          expect(v).toBe(b.next())
          expect(v).toBeGreaterThanOrEqual(0)
          expect(v).toBeLessThan(1)
        }
      })
    )
  })

  it('writes Chinese numerals as used in party group names', () => {
    expect([1, 2, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '二', '十', '十一', '二十', '二十三'])
  })
})
