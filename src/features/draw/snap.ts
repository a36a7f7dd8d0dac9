// Snapping while drawing: to the nearest vertex of the parent's and siblings' boundaries within a
// few pixels, else to the nearest point on one of their edges. Pure; the map supplies `project`.
export type LonLat = [number, number]
type Project = (p: LonLat) => { x: number; y: number }

export function snapTo(pointer: { x: number; y: number }, rings: LonLat[][], project: Project, tolerancePx = 10): LonLat | undefined {
  let best: { d: number; p: LonLat } | undefined
  for (const ring of rings)
    for (const v of ring) {
      const s = project(v)
      const d = Math.hypot(s.x - pointer.x, s.y - pointer.y)
      if (d <= tolerancePx && (!best || d < best.d)) best = { d, p: v }
    }
  if (best) return best.p
  for (const ring of rings)
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = project(ring[i])
      const b = project(ring[i + 1])
      const dx = b.x - a.x
      const dy = b.y - a.y
      const len2 = dx * dx + dy * dy
      if (len2 === 0) continue
      const t = Math.max(0, Math.min(1, ((pointer.x - a.x) * dx + (pointer.y - a.y) * dy) / len2))
      const d = Math.hypot(a.x + t * dx - pointer.x, a.y + t * dy - pointer.y)
      if (d <= tolerancePx && (!best || d < best.d)) {
        const [p, q] = [ring[i], ring[i + 1]]
        best = { d, p: [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])] }
      }
    }
  return best?.p
}

/** Every ring of Polygon / MultiPolygon geometries, for snapping. */
export function ringsOf(geometries: { type: string; coordinates: unknown }[]): LonLat[][] {
  return geometries.flatMap((g) =>
    g.type === 'Polygon' ? (g.coordinates as LonLat[][]) : g.type === 'MultiPolygon' ? (g.coordinates as LonLat[][][]).flat() : []
  )
}
