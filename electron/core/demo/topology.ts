// Make nested and neighbouring shapes share identical boundaries before coordinates are rounded.
// Clipping leaves a point where a child's edge meets its parent's edge on the child only; after
// rounding it drifts off the parent's edge and opens centimetre slivers. Noding inserts every such
// point into every edge it lies on, and snapping merges points that are the same point computed twice.
import type { MultiPolygonCoords, Pt, Ring } from '../kernel/geometry'

const CELL = 0.25 // km; spatial hash cell size

export function nodeShapes(shapes: MultiPolygonCoords[], tolerance = 1e-7): MultiPolygonCoords[] {
  const cells = new Map<string, Pt[]>()
  const key = (cx: number, cy: number) => `${cx},${cy}`
  const cellOf = (v: number) => Math.floor(v / CELL)

  const canonical = (p: Pt): Pt => {
    const cx = cellOf(p[0])
    const cy = cellOf(p[1])
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const q of cells.get(key(cx + dx, cy + dy)) ?? []) if (Math.abs(q[0] - p[0]) <= tolerance && Math.abs(q[1] - p[1]) <= tolerance) return q
    const list = cells.get(key(cx, cy))
    if (list) list.push(p)
    else cells.set(key(cx, cy), [p])
    return p
  }

  const snapped = shapes.map((mp) => mp.map((poly) => poly.map((ring) => ring.map(canonical))))

  /** Points of the index lying on segment a→b (not at its ends), ordered from a to b. */
  const pointsOn = (a: Pt, b: Pt): Pt[] => {
    const dx = b[0] - a[0]
    const dy = b[1] - a[1]
    const len2 = dx * dx + dy * dy
    if (len2 === 0) return []
    const found: [number, Pt][] = []
    for (let cx = cellOf(Math.min(a[0], b[0]) - tolerance); cx <= cellOf(Math.max(a[0], b[0]) + tolerance); cx++)
      for (let cy = cellOf(Math.min(a[1], b[1]) - tolerance); cy <= cellOf(Math.max(a[1], b[1]) + tolerance); cy++)
        for (const p of cells.get(key(cx, cy)) ?? []) {
          if (p === a || p === b) continue
          const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2
          if (t <= 0 || t >= 1) continue
          const ex = a[0] + t * dx - p[0]
          const ey = a[1] + t * dy - p[1]
          if (ex * ex + ey * ey <= tolerance * tolerance) found.push([t, p])
        }
    return found.sort((x, y) => x[0] - y[0]).map(([, p]) => p)
  }

  const nodeRing = (ring: Ring): Ring => {
    const out: Ring = []
    for (let i = 0; i < ring.length - 1; i++) out.push(ring[i], ...pointsOn(ring[i], ring[i + 1]))
    out.push(out[0])
    return out.filter((p, i) => i === 0 || p !== out[i - 1])
  }

  return snapped.map((mp) => mp.map((poly) => poly.map(nodeRing)))
}
