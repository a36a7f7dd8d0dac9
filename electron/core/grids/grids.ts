// Reading the three tiers of grids and the units they hang under.
import type { Output, Tier, TreeNode } from '../../shared/contract'
import type { Db } from '../db/open'
import { grids, units } from '../db/schema'
import { idList, sqlOn } from '../db/sql'
import { notFound } from '../errors'

type GridRow = typeof grids.$inferSelect
type UnitRow = typeof units.$inferSelect

const gridRef = (g: Pick<GridRow, 'id' | 'tier' | 'code' | 'name' | 'kind'>) => ({ id: g.id, tier: g.tier as Tier, code: g.code, name: g.name, kind: g.kind })
const unitRef = (u: UnitRow) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, illustrative: u.illustrative, version: u.version })
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export function createGridService(db: Db) {
  const sql = sqlOn(db)
  const meta = (key: string) => sql.value<string>('select value from app_meta where key = ?', key)
  const town = () => sql.where(units, "kind = 'town'")[0] as UnitRow | undefined

  function summary(): Output<'grids.summary'> {
    const theTown = town()
    if (!theTown) throw notFound('镇级单位', 'town')
    const perTier = sql.rows<{ tier: number; n: number }>('select tier, count(*) n from grids group by tier')
    const villageTypes = sql.rows<{ type: string | null; n: number }>(
      "select village_type type, count(*) n from units where kind = 'village' group by village_type"
    )
    const byType = (t: string) => villageTypes.find((v) => v.type === t)?.n ?? 0
    const totals = sql.row<{ households: number; registered: number; nonHukou: number }>(
      `select coalesce(sum(households), 0) households, coalesce(sum(registered_population), 0) registered, coalesce(sum(non_hukou_population), 0) nonHukou
       from grids where tier = 1`
    )!
    const offices = sql.value<number>("select count(*) from units where kind = 'office'")!
    const illustrativeGrids = sql.value<number>('select count(*) from grids where illustrative')!
    return {
      town: { code: theTown.code, name: theTown.name },
      tiers: ([1, 2, 3] as const).map((tier) => ({ tier, count: perTier.find((p) => p.tier === tier)?.n ?? 0 })),
      offices,
      villages: { total: byType('社区') + byType('村') + byType('园区'), communities: byType('社区'), villages: byType('村'), parks: byType('园区') },
      households: totals.households,
      registeredPopulation: totals.registered,
      nonHukouPopulation: totals.nonHukou,
      illustrativeGrids,
      dataNote: meta('dataNote') ?? ''
    }
  }

  function tree(): Output<'grids.tree'> {
    const allUnits = sql.where(units, '1 order by sort_order, id')
    const allGrids = sql
      .rows<Pick<GridRow, 'id' | 'tier' | 'code' | 'name' | 'label' | 'parentId' | 'villageUnitId'> & { illustrative: number }>(
        `select id, tier, code, name, label, parent_id parentId, village_unit_id villageUnitId, illustrative from grids order by tier, sort_order, id`
      )
      .map((g) => ({ ...g, illustrative: g.illustrative === 1 }))
    const unitNodes = new Map<number, TreeNode>()
    for (const u of allUnits)
      unitNodes.set(u.id, {
        key: `u:${u.id}`,
        title: u.name,
        type: 'unit',
        unitKind: u.kind,
        id: u.id,
        code: u.code,
        illustrative: u.illustrative,
        children: []
      })
    const roots: TreeNode[] = []
    for (const u of allUnits) {
      const node = unitNodes.get(u.id)!
      const parent = u.parentId ? unitNodes.get(u.parentId) : undefined
      // A village is represented by its tier-1 grid below, so only non-village units are tree nodes;
      // the town's departments (城管办, 综治办…) hold no grid and are left out.
      if (u.kind === 'village' || u.kind === 'department') continue
      if (parent) parent.children.push(node)
      else roots.push(node)
    }
    const gridNodes = new Map<number, TreeNode>()
    for (const g of allGrids) {
      const node: TreeNode = {
        key: `g:${g.id}`,
        title: g.tier === 3 ? g.label : g.name,
        type: 'grid',
        tier: g.tier as Tier,
        id: g.id,
        code: g.code,
        illustrative: g.illustrative,
        children: []
      }
      gridNodes.set(g.id, node)
      if (g.parentId) gridNodes.get(g.parentId)?.children.push(node)
      else {
        // Tier-1 grids hang under their village's office (or the town if it has none).
        const village = allUnits.find((u) => u.id === g.villageUnitId)
        const home = (village?.parentId && unitNodes.get(village.parentId)) || unitNodes.get(allUnits.find((u) => u.kind === 'town')!.id)!
        home.children.push(node)
      }
    }
    return roots
  }

  function geojson(tier: Tier): Output<'grids.geojson'> {
    const rows = sql
      .rows<
        Pick<GridRow, 'id' | 'tier' | 'code' | 'name' | 'label' | 'kind' | 'parentId' | 'labelLon' | 'labelLat'> & {
          geometry: string
          illustrative: number
          officeId: number | null
        }
      >(
        `select g.id, g.tier, g.code, g.name, g.label, g.kind, g.parent_id parentId, g.geometry, g.label_lon labelLon, g.label_lat labelLat,
           g.illustrative, u.parent_id officeId
         from grids g join units u on u.id = g.village_unit_id
         where g.tier = ? and g.geometry is not null order by g.sort_order, g.id`,
        tier
      )
      .map((r) => ({ ...r, illustrative: r.illustrative === 1 }))
    const polygons = rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: JSON.parse(r.geometry),
      properties: {
        id: r.id,
        tier: r.tier as Tier,
        code: r.code,
        name: r.name,
        label: r.label,
        kind: r.kind,
        parentId: r.parentId,
        officeId: r.officeId,
        illustrative: r.illustrative
      }
    }))
    // A party group's label on the map names its 经济社 too (第一党小组 alone is on every street).
    const parentNames =
      tier === 3 ? new Map(sql.rows<{ id: number; name: string }>('select id, name from grids where tier = 2').map((p) => [p.id, p.name])) : null
    const mapLabel = (r: (typeof rows)[number]) => {
      const parent = r.parentId ? parentNames?.get(r.parentId) : undefined
      return parent && !r.label.includes(parent) ? `${parent}\n${r.label}` : r.label
    }
    const labels = rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: { type: 'Point' as const, coordinates: [r.labelLon!, r.labelLat!] as [number, number] },
      properties: { id: r.id, tier: r.tier as Tier, label: mapLabel(r) }
    }))
    return { type: 'FeatureCollection', features: [...polygons, ...labels] }
  }

  function get(id: number): Output<'grids.get'> {
    const g = sql.find(grids, id)
    if (!g) throw notFound('网格', id)
    const chain: GridRow[] = []
    for (let p = g.parentId; p;) {
      const parent = sql.find(grids, p)
      if (!parent) break
      chain.unshift(parent)
      p = parent.parentId
    }
    const children = sql.where(grids, 'parent_id = ? order by sort_order, id', id)
    const grandchildren =
      g.tier === 1 && children.length > 0
        ? sql.value<number>('select count(*) from grids where parent_id in (select value from json_each(?))', idList(children.map((c) => c.id)))!
        : 0
    const village = sql.find(units, g.villageUnitId)!
    // People registered on the tier-3 grids at or under this one (households, resident party members, reporting members).
    const holds = sql.row<{ households: number; partyMembers: number; reportingMembers: number; issues: number }>(
      `with t3(id) as (select id from grids where id = @id and tier = 3 union select id from grids where parent_id = @id and tier = 3
           union select c.id from grids c join grids p on p.id = c.parent_id where p.parent_id = @id)
         select (select count(*) from households where grid_id in t3) as households,
           (select count(*) from persons where home_grid_id in t3 and party_registration = '村居') as partyMembers,
           (select count(*) from reporting_members where group_grid_id in t3) as reportingMembers,
           (select count(*) from issues where tier3_grid_id in t3 or tier2_grid_id = @id or tier1_grid_id = @id) as issues`,
      { id }
    )!
    const office = village.parentId ? sql.where(units, "id = ? and kind = 'office'", village.parentId)[0] : undefined
    return {
      ...gridRef(g),
      version: g.version,
      label: g.label,
      parentId: g.parentId,
      parentChain: chain.map(gridRef),
      village: unitRef(village),
      office: office ? unitRef(office) : null,
      children: children.map(gridRef),
      childCounts: { tier2: g.tier === 1 ? children.length : 0, tier3: g.tier === 1 ? grandchildren : g.tier === 2 ? children.length : 0 },
      partyOrganisation: g.partyOrganisation,
      inspector: g.inspector,
      households: g.households,
      registeredPopulation: g.registeredPopulation,
      nonHukouPopulation: g.nonHukouPopulation,
      areaKm2: g.areaKm2,
      hasGeometry: g.geometry !== null,
      bbox: g.geometry !== null ? [g.minLon!, g.minLat!, g.maxLon!, g.maxLat!] : null,
      labelPoint: g.geometry !== null ? [g.labelLon!, g.labelLat!] : null,
      illustrative: g.illustrative,
      holds
    }
  }

  function search(q: string, limit = 20): Output<'grids.search'> {
    const like = `%${escapeLike(q)}%`
    const prefix = `${escapeLike(q)}%`
    // Exact and prefix matches first, then coarser tiers first: 汀圃 finds 汀圃社区 before its 党小组.
    const rows = sql.rows<{
      id: number
      tier: Tier
      code: string
      name: string
      kind: string
      label_lon: number | null
      label_lat: number | null
      min_lon: number | null
      min_lat: number | null
      max_lon: number | null
      max_lat: number | null
      village: string
      office: string | null
      parent: string | null
    }>(
      `select g.id, g.tier, g.code, g.name, g.kind, g.label_lon, g.label_lat, g.min_lon, g.min_lat, g.max_lon, g.max_lat,
                v.name as village, o.name as office, p.name as parent
           from grids g join units v on v.id = g.village_unit_id
           left join units o on o.id = v.parent_id and o.kind = 'office'
           left join grids p on p.id = g.parent_id
          where g.name like ? escape '\\' or g.code like ? escape '\\'
          order by (g.name = ?) desc, (g.name like ? escape '\\') desc, g.tier, g.sort_order
          limit ?`,
      like,
      prefix,
      q,
      prefix,
      limit
    )
    return rows.map((r) => ({
      id: r.id,
      tier: r.tier,
      code: r.code,
      name: r.name,
      kind: r.kind,
      path: [r.office, r.tier > 1 ? r.village : null, r.tier > 2 ? r.parent : null].filter(Boolean).join(' / '),
      labelPoint: r.label_lon === null ? null : [r.label_lon, r.label_lat!],
      bbox: r.min_lon === null ? null : [r.min_lon, r.min_lat!, r.max_lon!, r.max_lat!]
    }))
  }

  function outline(): Output<'town.outline'> {
    const theTown = town()
    if (!theTown?.geometry) throw notFound('镇域轮廓', 'town')
    const geometry = JSON.parse(theTown.geometry)
    const b = sql.row<{ minLon: number; minLat: number; maxLon: number; maxLat: number }>(
      'select min(min_lon) minLon, min(min_lat) minLat, max(max_lon) maxLon, max(max_lat) maxLat from grids where tier = 1'
    )!
    return {
      type: 'Feature',
      geometry,
      properties: {
        name: theTown.name,
        code: theTown.code,
        areaKm2: Number(meta('townAreaKm2') ?? 0),
        illustrative: meta('townOutlineIllustrative') === 'true'
      },
      bbox: [b.minLon, b.minLat, b.maxLon, b.maxLat]
    }
  }

  function offices() {
    return sql.where(units, "kind = 'office' order by sort_order, id").map(unitRef)
  }

  /** Villages in office order, for the filters and pickers of every screen. */
  function villages() {
    return sql.rows<{
      id: number
      code: string
      name: string
      villageType: string | null
      office: string | null
    }>(`select v.id, v.code, v.name, v.village_type as villageType, o.name as office from units v left join units o on o.id = v.parent_id and o.kind = 'office'
         where v.kind = 'village' order by o.sort_order, v.sort_order, v.id`)
  }

  function allUnits() {
    return sql.rows<{
      id: number
      name: string
      kind: 'district' | 'town' | 'department' | 'office' | 'village'
      parentId: number | null
    }>('select id, name, kind, parent_id as parentId from units order by sort_order, id')
  }

  return { summary, tree, geojson, get, search, outline, offices, villages, allUnits }
}
export type GridService = ReturnType<typeof createGridService>
