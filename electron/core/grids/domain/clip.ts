// Polygon boolean operations (polygon-clipping) made robust: the library occasionally fails on
// nearly-degenerate floating-point input ("Unable to complete output ring"). When it does, retry
// with coordinates snapped to a fine grid — in the caller's units, e.g. millimetres, then centimetres.
import polygonClipping from 'polygon-clipping'
import { mapCoords, type MultiPolygonCoords } from '../../kernel/geometry'

type Op = 'intersection' | 'difference' | 'union'
const pc = polygonClipping as unknown as Record<Op, (...g: MultiPolygonCoords[]) => MultiPolygonCoords>

export class ClipError extends Error {}

/**
 * `op` on `shapes`; on failure, again on coordinates snapped to each of `snapSizes` in turn. A result
 * `plausible` refuses counts as a failure: the library sometimes answers wrongly without throwing.
 */
export function clip(
  op: Op,
  shapes: MultiPolygonCoords[],
  snapSizes: number[],
  plausible: (result: MultiPolygonCoords) => boolean = () => true
): MultiPolygonCoords {
  let first: unknown
  try {
    const result = pc[op](...shapes)
    if (plausible(result)) return result
    first = new Error('结果不合理')
  } catch (e) {
    first = e
  }
  for (const size of snapSizes) {
    const snap = (mp: MultiPolygonCoords) => mapCoords(mp, ([x, y]) => [Math.round(x / size) * size, Math.round(y / size) * size])
    try {
      const result = pc[op](...shapes.map(snap))
      if (plausible(result)) return result
    } catch {
      // try the next, coarser grid
    }
  }
  throw new ClipError(`几何运算失败：${(first as Error).message}`)
}
