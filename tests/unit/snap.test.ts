// Snapping while drawing: vertices first, then edges, only within the pixel tolerance.
import { describe, expect, it } from 'vitest'
import { ringsOf, snapTo, type LonLat } from '../../src/features/draw/snap'

// A plain projection for the test: 1 degree = 100 px.
const project = ([x, y]: LonLat) => ({ x: x * 100, y: -y * 100 })
const square: LonLat[][] = [
  [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0]
  ]
]

describe('snapping', () => {
  it('snaps to a vertex within the tolerance', () => {
    expect(snapTo({ x: 104, y: -103 }, square, project, 10)).toEqual([1, 1])
  })
  it('snaps to the nearest point of an edge when no vertex is near', () => {
    expect(snapTo({ x: 50, y: -4 }, square, project, 10)).toEqual([0.5, 0])
  })
  it('prefers a vertex to a nearer edge point', () => {
    expect(snapTo({ x: 8, y: -1 }, square, project, 10)).toEqual([0, 0])
  })
  it('does not snap beyond the tolerance', () => {
    expect(snapTo({ x: 50, y: -50 }, square, project, 10)).toBeUndefined()
  })
  it('collects the rings of polygons and multipolygons, ignoring points', () => {
    const rings = ringsOf([
      { type: 'Polygon', coordinates: square },
      { type: 'MultiPolygon', coordinates: [square, square] },
      { type: 'Point', coordinates: [0, 0] }
    ])
    expect(rings).toHaveLength(3)
  })
})
