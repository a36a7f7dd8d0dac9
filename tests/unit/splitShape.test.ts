// Splitting a grid along a drawn line: known halves, errors for lines that do not cut, and the
// property that the two parts always add back up to the whole.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { splitByLine } from '../../electron/core/grids/domain/splitShape'
import { multiPolygonArea, type MultiPolygonCoords, type Pt } from '../../electron/core/kernel/geometry'

const square: MultiPolygonCoords = [
  [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0]
    ]
  ]
]
const area = (r: ReturnType<typeof splitByLine>) => ('parts' in r ? r.parts.map(multiPolygonArea) : r.error)

describe('splitting a shape along a line', () => {
  it('cuts a square into the expected parts, larger first', () => {
    expect(
      area(
        splitByLine(square, [
          [3, -1],
          [3, 11]
        ])
      )
    ).toEqual([70, 30])
    expect(
      area(
        splitByLine(square, [
          [-1, 4],
          [11, 4]
        ])
      )
    ).toEqual([60, 40])
    // A diagonal y = x + 7 cuts the 3 × 3 corner triangle at (0, 10).
    const corner = splitByLine(square, [
      [-1, 6],
      [4, 11]
    ])
    expect(area(corner)).toEqual([expect.closeTo(95.5, 6), expect.closeTo(4.5, 6)])
    const polyline = splitByLine(square, [
      [5, -1],
      [5, 5],
      [11, 5]
    ])
    expect(area(polyline)).toEqual([75, 25])
  })

  it('extends a line that stops short of the edge', () => {
    expect(
      area(
        splitByLine(square, [
          [5, 1],
          [5, 9]
        ])
      )
    ).toEqual([50, 50])
  })

  it('refuses lines that do not cut the shape in two', () => {
    expect(
      splitByLine(square, [
        [20, 0],
        [20, 10]
      ])
    ).toEqual({ error: expect.stringContaining('没有把网格分成两部分') })
    expect(splitByLine(square, [[1, 1]])).toEqual({ error: expect.stringContaining('两个不同的点') })
    expect(
      splitByLine(square, [
        [0, 5],
        [10, 6],
        [10, 4],
        [0, 6]
      ])
    ).toEqual({ error: expect.stringContaining('自相交') })
  })

  it('always returns two parts that add up to the whole, for any straight cut through the centre', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: Math.PI, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (angle, offset) => {
        const c: Pt = [5 + offset * Math.sin(angle), 5 - offset * Math.cos(angle)]
        const d: Pt = [Math.cos(angle), Math.sin(angle)]
        const r = splitByLine(square, [
          [c[0] - 20 * d[0], c[1] - 20 * d[1]],
          [c[0] + 20 * d[0], c[1] + 20 * d[1]]
        ])
        if (!('parts' in r)) throw new Error(r.error)
        const [a, b] = r.parts.map(multiPolygonArea)
        expect(a + b).toBeCloseTo(100, 6)
        expect(a).toBeGreaterThanOrEqual(b)
      })
    )
  })
})
