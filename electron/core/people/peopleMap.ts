// People on the map: reporting members' homes and reserve contacts (points, clustered by the map),
// and per-grid measures for shading tier-3 grids (contact coverage, days since the last visit).
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { chinaDate } from '../../shared/chinaTime'
import { sqlOn } from '../db/sql'

export function createPeopleMapService(db: Db, clock: Clock) {
  const sql = sqlOn(db)

  function points(input: { kind: 'reporting' | 'reserve'; specialty?: string; villageUnitId?: number; scopeVillageIds?: number[] | null }) {
    const scope = input.scopeVillageIds ? JSON.stringify(input.scopeVillageIds) : null
    const rows =
      input.kind === 'reporting'
        ? sql.rows<{
            id: number
            name: string
            lon: number
            lat: number
            detail: string | null
            placed: number
          }>(
            `select r.id, p.name, p.home_lon as lon, p.home_lat as lat, g.name as detail, r.group_grid_id is not null as placed from reporting_members r join persons p on p.id = r.person_id
               left join grids g on g.id = r.group_grid_id where p.home_lon is not null ${input.villageUnitId ? 'and r.village_unit_id = @village' : ''}
               and (@scope is null or r.village_unit_id in (select value from json_each(@scope)))`,
            { village: input.villageUnitId ?? null, scope }
          )
        : sql.rows<{
            id: number
            name: string
            lon: number
            lat: number
            detail: string | null
            placed: number
          }>(
            `select s.id, p.name, p.home_lon as lon, p.home_lat as lat, s.specialty as detail, 1 as placed from reserve_contacts s join persons p on p.id = s.person_id
               where p.home_lon is not null ${input.specialty ? 'and s.specialty = @specialty' : ''} ${input.villageUnitId ? 'and s.village_unit_id = @village' : ''}
               and (@scope is null or s.village_unit_id in (select value from json_each(@scope)))`,
            { specialty: input.specialty ?? null, village: input.villageUnitId ?? null, scope }
          )
    return {
      type: 'FeatureCollection' as const,
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        geometry: { type: 'Point' as const, coordinates: [r.lon, r.lat] as [number, number] },
        properties: { id: r.id, name: r.name, detail: r.detail, placed: r.placed === 1 }
      }))
    }
  }

  /**
   * A value per tier-3 grid: `contactCoverage` = % of its households with a contact member;
   * `daysSinceVisit` = mean days since each household's last visit (never visited counts as 365).
   */
  function measure(input: { measure: 'contactCoverage' | 'daysSinceVisit' }) {
    const today = chinaDate(clock.now())
    const text =
      input.measure === 'contactCoverage'
        ? `select grid_id as gridId, round(100.0 * count(contact_person_id) / count(*), 1) as value from households where grid_id is not null group by grid_id`
        : `select grid_id as gridId, round(avg(coalesce(julianday(@today) - julianday(last_visit_at), 365)), 1) as value from households where grid_id is not null group by grid_id`
    return sql.rows<{ gridId: number; value: number }>(text, { today })
  }

  return { points, measure }
}
