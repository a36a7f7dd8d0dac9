// Split an area into cells around seed points (Voronoi clipped to the area). The cells cover the
// area exactly and do not overlap, which is what nested grids must do.
import { Delaunay } from 'd3-delaunay'
import { bboxOf, multiPolygonArea, pointInMultiPolygon, ringCentroid, largestPolygon, type MultiPolygonCoords, type Pt } from '../kernel/geometry'
import type { Rng } from './prng'
import { clip } from '../grids/domain/clip'

/** Voronoi cells of `points` clipped to `area`; cell i belongs to point i (may be multi-part). */
export function partition(area: MultiPolygonCoords, points: Pt[]): MultiPolygonCoords[] {
  if (points.length === 1) return [area]
  const [minX, minY, maxX, maxY] = bboxOf(area)
  const pad = Math.max(maxX - minX, maxY - minY)
  const voronoi = Delaunay.from(points).voronoi([minX - pad, minY - pad, maxX + pad, maxY + pad])
  return points.map((_, i) => {
    const cell = voronoi.cellPolygon(i) as Pt[]
    // Units are whatever the caller uses (km for the demo); snap to 1e-6 then 1e-5 of them if needed.
    // polygon-clipping once returned no cell at all around a point inside the area (found by the
    // property test in tests/unit/geometry.test.ts): an empty cell around an inside point is retried.
    const inside = pointInMultiPolygon(points[i], area)
    return clip('intersection', [area, [[cell]]], [1e-6, 1e-5], (r) => r.length > 0 || !inside)
  })
}

/** `n` well-spread points inside `area`: random samples relaxed by a few Lloyd iterations. */
export function spreadPoints(area: MultiPolygonCoords, n: number, rng: Rng, iterations = 3): Pt[] {
  const [minX, minY, maxX, maxY] = bboxOf(area)
  const points: Pt[] = []
  let guard = 0
  while (points.length < n) {
    const p: Pt = [rng.range(minX, maxX), rng.range(minY, maxY)]
    if (pointInMultiPolygon(p, area)) points.push(p)
    if (++guard > n * 10000) throw new Error('无法在区域内取点')
  }
  let current = points
  for (let it = 0; it < iterations && n > 1; it++) {
    const cells = partition(area, current)
    current = cells.map((cell, i) => {
      if (multiPolygonArea(cell) === 0) return current[i]
      const c = ringCentroid(largestPolygon(cell)[0])
      return pointInMultiPolygon(c, area) ? c : current[i]
    })
  }
  return current
}
