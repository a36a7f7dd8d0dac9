// Pure planar/geographic geometry used by the demo generator, services and checks.
// Rings are closed arrays of [x, y]; a Polygon is rings (outer first), a MultiPolygon is polygons.

export type Pt = [number, number]
export type Ring = Pt[]
export type PolygonCoords = Ring[]
export type MultiPolygonCoords = PolygonCoords[]
export type BBox = [number, number, number, number]

/** Shoelace area of a ring (positive for counter-clockwise). */
export function signedRingArea(ring: Ring): number {
  let s = 0
  for (let i = 0, n = ring.length; i < n - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
  return s / 2
}

export function polygonArea(poly: PolygonCoords): number {
  if (poly.length === 0) return 0
  let a = Math.abs(signedRingArea(poly[0]))
  for (let i = 1; i < poly.length; i++) a -= Math.abs(signedRingArea(poly[i]))
  return a
}

export function multiPolygonArea(mp: MultiPolygonCoords): number {
  return mp.reduce((s, p) => s + polygonArea(p), 0)
}

export function pointInRing(p: Pt, ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

export function pointInPolygon(p: Pt, poly: PolygonCoords): boolean {
  if (!pointInRing(p, poly[0])) return false
  for (let i = 1; i < poly.length; i++) if (pointInRing(p, poly[i])) return false
  return true
}

export function pointInMultiPolygon(p: Pt, mp: MultiPolygonCoords): boolean {
  return mp.some((poly) => pointInPolygon(p, poly))
}

export function bboxOf(mp: MultiPolygonCoords): BBox {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const poly of mp)
    for (const [x, y] of poly[0]) {
      if (x < minX) minX = x
      if (y < minY) minY = y
      if (x > maxX) maxX = x
      if (y > maxY) maxY = y
    }
  return [minX, minY, maxX, maxY]
}

/** Area-weighted centroid of a polygon's outer ring. */
export function ringCentroid(ring: Ring): Pt {
  let a = 0
  let cx = 0
  let cy = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const f = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
    a += f
    cx += (ring[i][0] + ring[i + 1][0]) * f
    cy += (ring[i][1] + ring[i + 1][1]) * f
  }
  if (a === 0) return ring[0]
  return [cx / (3 * a), cy / (3 * a)]
}

export function largestPolygon(mp: MultiPolygonCoords): PolygonCoords {
  let best = mp[0]
  let bestArea = -1
  for (const p of mp) {
    const a = polygonArea(p)
    if (a > bestArea) {
      best = p
      bestArea = a
    }
  }
  return best
}

/**
 * A point guaranteed inside the shape, for labels and fly-to: the centroid of the largest part
 * when it lies inside, else the middle of the widest horizontal chord through the centroid.
 */
export function labelPoint(mp: MultiPolygonCoords): Pt {
  const poly = largestPolygon(mp)
  const c = ringCentroid(poly[0])
  if (pointInPolygon(c, poly)) return c
  const y = c[1]
  const xs: number[] = []
  for (const ring of poly)
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i]
      const [x2, y2] = ring[i + 1]
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1))
    }
  xs.sort((a, b) => a - b)
  let best: Pt = poly[0][0]
  let width = -1
  for (let i = 0; i + 1 < xs.length; i += 2)
    if (xs[i + 1] - xs[i] > width) {
      width = xs[i + 1] - xs[i]
      best = [(xs[i] + xs[i + 1]) / 2, y]
    }
  return best
}

/** Local equirectangular projection in kilometres around an origin; exact enough for a town. */
export function localProjection(origin: Pt) {
  const [lon0, lat0] = origin
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180)
  const ky = 110.574
  return {
    toKm: ([lon, lat]: Pt): Pt => [(lon - lon0) * kx, (lat - lat0) * ky],
    toLonLat: ([x, y]: Pt): Pt => [lon0 + x / kx, lat0 + y / ky]
  }
}

export const roundTo = (v: number, decimals: number) => {
  const f = 10 ** decimals
  return Math.round(v * f) / f
}

export function mapCoords(mp: MultiPolygonCoords, f: (p: Pt) => Pt): MultiPolygonCoords {
  return mp.map((poly) => poly.map((ring) => ring.map(f)))
}

/** GeoJSON geometry for a multipolygon: a single part becomes a Polygon. */
export function toGeoJsonGeometry(
  mp: MultiPolygonCoords
): { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: MultiPolygonCoords } {
  return mp.length === 1 ? { type: 'Polygon', coordinates: mp[0] } : { type: 'MultiPolygon', coordinates: mp }
}

export function fromGeoJsonGeometry(g: { type: string; coordinates: unknown }): MultiPolygonCoords {
  if (g.type === 'Polygon') return [g.coordinates as PolygonCoords]
  if (g.type === 'MultiPolygon') return g.coordinates as MultiPolygonCoords
  throw new Error(`不支持的几何类型：${g.type}`)
}

/** Drop consecutive repeated points (e.g. two vertices that rounded to the same coordinates). */
export function withoutRepeatedPoints(mp: MultiPolygonCoords): MultiPolygonCoords {
  return mp
    .map((poly) => poly.map((ring) => ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1])).filter((ring) => ring.length >= 4))
    .filter((poly) => poly.length > 0)
}
