// Is a grid's shape acceptable, and what are its measures? Pure: used by editing, drawing and import.
import {
  bboxOf,
  labelPoint,
  localProjection,
  mapCoords,
  multiPolygonArea,
  roundTo,
  signedRingArea,
  type BBox,
  type MultiPolygonCoords,
  type Pt,
  type Ring
} from '../../kernel/geometry'

export type ShapeProblem = { code: 'NOT_POLYGON' | 'BAD_COORDINATE' | 'TOO_FEW_POINTS' | 'SELF_INTERSECTION' | 'ZERO_AREA'; message: string }

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

function segmentsCross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const orient = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))
  const o1 = orient(a, b, c)
  const o2 = orient(a, b, d)
  const o3 = orient(c, d, a)
  const o4 = orient(c, d, b)
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true
  // Collinear overlap of non-adjacent edges also makes a ring invalid.
  const onSegment = (p: Pt, q: Pt, r: Pt) =>
    Math.min(p[0], r[0]) <= q[0] && q[0] <= Math.max(p[0], r[0]) && Math.min(p[1], r[1]) <= q[1] && q[1] <= Math.max(p[1], r[1])
  return (o1 === 0 && onSegment(a, c, b)) || (o2 === 0 && onSegment(a, d, b)) || (o3 === 0 && onSegment(c, a, d)) || (o4 === 0 && onSegment(c, b, d))
}

/** First pair of non-adjacent edges of a closed ring that cross or touch, if any. */
export function ringSelfIntersection(ring: Ring): Pt | null {
  const n = ring.length - 1
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return ring[i]
    }
  return null
}

/** Close rings and drop repeated consecutive points; keeps the input untouched. */
function normaliseRing(raw: unknown[]): Ring {
  const ring = (raw as Pt[]).map((p) => [p[0], p[1]] as Pt).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1])
  if (ring.length > 0 && (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1])) ring.push(ring[0])
  return ring
}

/**
 * Check a GeoJSON geometry for use as a grid boundary (WGS-84 lon/lat). Returns the normalised
 * multipolygon, or every problem found, each with a message an officer can act on.
 */
export function checkGridGeometry(geometry: unknown): { shape: MultiPolygonCoords; problems: [] } | { shape: null; problems: ShapeProblem[] } {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates))
    return { shape: null, problems: [{ code: 'NOT_POLYGON', message: `边界必须是面（Polygon 或 MultiPolygon），收到的是“${String(g?.type ?? '无几何')}”。` }] }
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[]
  const problems: ShapeProblem[] = []
  const shape: MultiPolygonCoords = []
  polys.forEach((poly, pi) => {
    if (!Array.isArray(poly) || poly.length === 0) {
      problems.push({ code: 'TOO_FEW_POINTS', message: `第 ${pi + 1} 个面没有坐标。` })
      return
    }
    const rings: Ring[] = []
    poly.forEach((raw, ri) => {
      const where = `第 ${pi + 1} 个面的${ri === 0 ? '外环' : `第 ${ri} 个内环`}`
      if (!Array.isArray(raw) || raw.some((p) => !Array.isArray(p) || p.length < 2 || !isNum(p[0]) || !isNum(p[1]))) {
        problems.push({ code: 'BAD_COORDINATE', message: `${where}含有非数字坐标。` })
        return
      }
      const bad = (raw as Pt[]).find((p) => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)
      if (bad) {
        problems.push({ code: 'BAD_COORDINATE', message: `${where}的坐标 (${bad[0]}, ${bad[1]}) 超出经纬度范围；是否为投影坐标或经纬度写反？` })
        return
      }
      const ring = normaliseRing(raw)
      if (ring.length < 4) {
        problems.push({ code: 'TOO_FEW_POINTS', message: `${where}少于 3 个不同的点，不能构成面。` })
        return
      }
      const crossing = ringSelfIntersection(ring)
      if (crossing) {
        problems.push({ code: 'SELF_INTERSECTION', message: `${where}自相交（在 ${crossing[0].toFixed(6)}, ${crossing[1].toFixed(6)} 附近）。` })
        return
      }
      if (signedRingArea(ring) === 0) {
        problems.push({ code: 'ZERO_AREA', message: `${where}面积为零。` })
        return
      }
      rings.push(ring)
    })
    if (rings.length > 0) shape.push(rings)
  })
  if (problems.length === 0 && shape.length === 0) problems.push({ code: 'TOO_FEW_POINTS', message: '边界没有任何坐标。' })
  return problems.length ? { shape: null, problems } : { shape, problems: [] }
}

/** Extent, a label point inside the shape, and area in km² (local projection at the shape). */
export function measureShape(shape: MultiPolygonCoords): { bbox: BBox; labelPoint: Pt; areaKm2: number } {
  const bbox = bboxOf(shape)
  const proj = localProjection([(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2])
  const km = mapCoords(shape, proj.toKm)
  const label = proj.toLonLat(labelPoint(km)).map((v) => roundTo(v, 7)) as Pt
  return { bbox, labelPoint: label, areaKm2: roundTo(multiPolygonArea(km), 6) }
}
