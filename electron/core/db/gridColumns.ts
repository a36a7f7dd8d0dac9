// The geometry columns of a grid row (GeoJSON text, extent, label point, area), from a geometry.
import { AppError } from '../errors'
import { checkGridGeometry, measureShape } from '../grids/domain/gridShape'
import { toGeoJsonGeometry } from '../kernel/geometry'

/** Geometry columns for a grid from a GeoJSON geometry (or all null when it has none yet). */
export function geometryColumns(geometry: unknown | null) {
  if (geometry === null || geometry === undefined)
    return { geometry: null, minLon: null, minLat: null, maxLon: null, maxLat: null, labelLon: null, labelLat: null, areaKm2: null }
  const checked = checkGridGeometry(geometry)
  if (!checked.shape) throw new AppError('BAD_INPUT', `边界有误：${checked.problems.map((p) => p.message).join('；')}`, checked.problems)
  return measuredColumns(toGeoJsonGeometry(checked.shape), measureShape(checked.shape))
}

/** Geometry columns from a geometry already checked and measured. */
export function measuredColumns(geometry: object | string, m: Pick<ReturnType<typeof measureShape>, 'bbox' | 'labelPoint' | 'areaKm2'>) {
  return {
    geometry: typeof geometry === 'string' ? geometry : JSON.stringify(geometry),
    minLon: m.bbox[0],
    minLat: m.bbox[1],
    maxLon: m.bbox[2],
    maxLat: m.bbox[3],
    labelLon: m.labelPoint[0],
    labelLat: m.labelPoint[1],
    areaKm2: m.areaKm2
  }
}
