// Polygon boolean operations (polygon-clipping) made robust: the library occasionally fails on
// nearly-degenerate floating-point input ("Unable to complete output ring"). When it does, retry
// with coordinates snapped to a fine grid — in the caller's units, e.g. millimetres, then centimetres.
import polygonClipping from 'polygon-clipping'
import { mapCoords, type MultiPolygonCoords } from './geometry'

type Op = 'intersection' | 'difference' | 'union'
const pc = polygonClipping as unknown as Record<Op, (...g: MultiPolygonCoords[]) => MultiPolygonCoords>

export class ClipError extends Error {}

export function clip(op: Op, shapes: MultiPolygonCoords[], snapSizes: number[]): MultiPolygonCoords {
  try {
    return pc[op](...shapes)
  } catch (first) {
    for (const size of snapSizes) {
      const snap = (mp: MultiPolygonCoords) => mapCoords(mp, ([x, y]) => [Math.round(x / size) * size, Math.round(y / size) * size])
      try {
        return pc[op](...shapes.map(snap))
      } catch {
        // try the next, coarser grid
      }
    }
    throw new ClipError(`几何运算失败：${(first as Error).message}`)
  }
}
