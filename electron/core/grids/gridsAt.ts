// Which grids a point lies in: the tier-3 grid (by its outline; the bounding boxes choose the few to
// test), with its tier-2 and tier-1 parents and its village. Used wherever a record is placed from a
// point — an issue, a rental building.
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import { fromGeoJsonGeometry, pointInMultiPolygon } from '../kernel/geometry'

export type GridsAt = { tier3: number; tier2: number | null; tier1: number | null; villageUnitId: number }

export function createGridLocator(db: Db) {
  const sql = sqlOn(db)
  function gridsAt(lon: number, lat: number): GridsAt | null {
    const candidates = sql.rows<{ id: number; parentId: number; villageUnitId: number; geometry: string }>(
      'select id, parent_id as parentId, village_unit_id as villageUnitId, geometry from grids where tier = 3 and geometry is not null and min_lon <= ? and max_lon >= ? and min_lat <= ? and max_lat >= ?',
      lon,
      lon,
      lat,
      lat
    )
    const t3 = candidates.find((g) => pointInMultiPolygon([lon, lat], fromGeoJsonGeometry(JSON.parse(g.geometry))))
    if (!t3) return null
    const t2 = sql.row<{ id: number; parentId: number }>('select id, parent_id as parentId from grids where id = ?', t3.parentId)
    return { tier3: t3.id, tier2: t2?.id ?? null, tier1: t2?.parentId ?? null, villageUnitId: t3.villageUnitId }
  }
  return { gridsAt }
}
