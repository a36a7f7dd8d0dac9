// Run the health check over the town or one grid and everything under it.
import type { Output, Tier } from '../../shared/contract'
import type { Db } from '../db/open'
import { units } from '../db/schema'
import { sqlOn } from '../db/sql'
import { notFound } from '../errors'
import { fromGeoJsonGeometry, toGeoJsonGeometry } from '../kernel/geometry'
import { checkGridHealth, defaultHealthOptions, type HealthGrid } from './domain/gridHealth'
import { groupCounts, readSetting } from './partyGroups'

type Row = {
  id: number
  tier: number
  name: string
  parent_id: number | null
  geometry: string | null
  party_organisation: string | null
  inspector: string | null
}

export function createGridHealthService(db: Db) {
  const sql = sqlOn(db)
  function check(gridId?: number): Output<'grids.check'> {
    let rows: Row[]
    let scopeName: string
    let outline = null
    if (gridId) {
      const root = sql.row<{ name: string }>('select name from grids where id = ?', gridId)
      if (!root) throw notFound('网格', gridId)
      scopeName = root.name
      rows = sql.rows<Row>(
        `with recursive scope(id) as (select ? union all select g.id from grids g join scope s on g.parent_id = s.id)
           select g.id, g.tier, g.name, g.parent_id, g.geometry, g.party_organisation, g.inspector from grids g join scope using (id)`,
        gridId
      )
      // The root's own parent is outside the scope: check the root's children against it, not it against its parent.
      rows = rows.map((r) => (r.id === gridId ? { ...r, parent_id: null, tier: r.tier === 1 ? 0 : r.tier } : r))
    } else {
      const town = sql.where(units, "kind = 'town'")[0]
      scopeName = town?.name ?? '全镇'
      outline = town?.geometry ? fromGeoJsonGeometry(JSON.parse(town.geometry)) : null
      rows = sql.rows<Row>('select id, tier, name, parent_id, geometry, party_organisation, inspector from grids')
    }
    const members = new Map(groupCounts(sql, gridId ? { gridIds: rows.filter((r) => r.tier === 3).map((r) => r.id) } : {}).map((c) => [c.gridId, c.total]))
    const input: HealthGrid[] = rows.map((r) => ({
      members: members.get(r.id) ?? 0,
      id: r.id,
      tier: r.tier,
      name: r.name,
      parentId: r.parent_id,
      shape: r.geometry ? fromGeoJsonGeometry(JSON.parse(r.geometry)) : null,
      partyOrganisation: r.party_organisation,
      inspector: r.inspector
    }))
    const started = performance.now()
    const problems = checkGridHealth(input, outline, { ...defaultHealthOptions, partyGroupCapacity: readSetting(sql, 'partyGroupCapacity') })
    const byId = new Map(rows.map((r) => [r.id, r]))
    const tierOf = (id: number) => (gridId === id ? sql.value<number>('select tier from grids where id = ?', id)! : byId.get(id)!.tier) as Tier
    return {
      scopeName,
      checkedGrids: rows.length,
      durationMs: Math.round(performance.now() - started),
      problems: problems.map((p) => ({
        ...p,
        grids: p.gridIds.map((id) => ({ id, tier: tierOf(id), name: byId.get(id)!.name })),
        area: p.area ? toGeoJsonGeometry(p.area) : null
      }))
    }
  }
  return { check }
}
