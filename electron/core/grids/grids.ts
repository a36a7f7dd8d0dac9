// Reading the three tiers of grids and the units they hang under.
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Output, Tier, TreeNode } from '../../shared/contract'
import type { Db } from '../db/open'
import { appMeta, grids, units } from '../db/schema'
import { notFound } from '../errors'

type GridRow = typeof grids.$inferSelect
type UnitRow = typeof units.$inferSelect

const gridRef = (g: Pick<GridRow, 'id' | 'tier' | 'code' | 'name' | 'kind'>) => ({ id: g.id, tier: g.tier as Tier, code: g.code, name: g.name, kind: g.kind })
const unitRef = (u: UnitRow) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, illustrative: u.illustrative, version: u.version })
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export function createGridService(db: Db) {
  const meta = (key: string) => db.select().from(appMeta).where(eq(appMeta.key, key)).get()?.value

  function summary(): Output<'grids.summary'> {
    const town = db.select().from(units).where(eq(units.kind, 'town')).get()
    if (!town) throw notFound('镇级单位', 'town')
    const perTier = db.select({ tier: grids.tier, n: count() }).from(grids).groupBy(grids.tier).all()
    const villageTypes = db.select({ type: units.villageType, n: count() }).from(units).where(eq(units.kind, 'village')).groupBy(units.villageType).all()
    const byType = (t: string) => villageTypes.find((v) => v.type === t)?.n ?? 0
    const totals = db
      .select({
        households: sql<number>`coalesce(sum(${grids.households}), 0)`,
        registered: sql<number>`coalesce(sum(${grids.registeredPopulation}), 0)`,
        nonHukou: sql<number>`coalesce(sum(${grids.nonHukouPopulation}), 0)`
      })
      .from(grids)
      .where(eq(grids.tier, 1))
      .get()!
    const [{ n: offices }] = db.select({ n: count() }).from(units).where(eq(units.kind, 'office')).all()
    const [{ n: illustrativeGrids }] = db.select({ n: count() }).from(grids).where(eq(grids.illustrative, true)).all()
    return {
      town: { code: town.code, name: town.name },
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
    const allUnits = db.select().from(units).orderBy(asc(units.sortOrder), asc(units.id)).all()
    const allGrids = db
      .select({
        id: grids.id,
        tier: grids.tier,
        code: grids.code,
        name: grids.name,
        label: grids.label,
        parentId: grids.parentId,
        villageUnitId: grids.villageUnitId,
        illustrative: grids.illustrative
      })
      .from(grids)
      .orderBy(asc(grids.tier), asc(grids.sortOrder), asc(grids.id))
      .all()
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
    const rows = db
      .select({
        id: grids.id,
        tier: grids.tier,
        code: grids.code,
        name: grids.name,
        label: grids.label,
        kind: grids.kind,
        parentId: grids.parentId,
        geometry: grids.geometry,
        labelLon: grids.labelLon,
        labelLat: grids.labelLat,
        illustrative: grids.illustrative,
        officeId: units.parentId
      })
      .from(grids)
      .innerJoin(units, eq(units.id, grids.villageUnitId))
      .where(and(eq(grids.tier, tier), isNotNull(grids.geometry)))
      .orderBy(asc(grids.sortOrder), asc(grids.id))
      .all()
    const polygons = rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: JSON.parse(r.geometry!),
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
      tier === 3
        ? new Map((db.$client.prepare('select id, name from grids where tier = 2').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]))
        : null
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
    const g = db.select().from(grids).where(eq(grids.id, id)).get()
    if (!g) throw notFound('网格', id)
    const chain: GridRow[] = []
    for (let p = g.parentId; p;) {
      const parent = db.select().from(grids).where(eq(grids.id, p)).get()
      if (!parent) break
      chain.unshift(parent)
      p = parent.parentId
    }
    const children = db.select().from(grids).where(eq(grids.parentId, id)).orderBy(asc(grids.sortOrder), asc(grids.id)).all()
    const grandchildren =
      g.tier === 1 && children.length > 0
        ? db
            .select({ n: count() })
            .from(grids)
            .where(
              inArray(
                grids.parentId,
                children.map((c) => c.id)
              )
            )
            .get()!.n
        : 0
    const village = db.select().from(units).where(eq(units.id, g.villageUnitId)).get()!
    // People registered on the tier-3 grids at or under this one (households, resident party members, reporting members).
    const holds = db.$client
      .prepare(
        `with t3(id) as (select id from grids where id = @id and tier = 3 union select id from grids where parent_id = @id and tier = 3
           union select c.id from grids c join grids p on p.id = c.parent_id where p.parent_id = @id)
         select (select count(*) from households where grid_id in t3) as households,
           (select count(*) from persons where home_grid_id in t3 and party_registration = '村居') as partyMembers,
           (select count(*) from reporting_members where group_grid_id in t3) as reportingMembers,
           (select count(*) from issues where tier3_grid_id in t3 or tier2_grid_id = @id or tier1_grid_id = @id) as issues`
      )
      .get({ id }) as { households: number; partyMembers: number; reportingMembers: number; issues: number }
    const office = village.parentId
      ? db
          .select()
          .from(units)
          .where(and(eq(units.id, village.parentId), eq(units.kind, 'office')))
          .get()
      : undefined
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
    const rows = db.$client
      .prepare(
        `select g.id, g.tier, g.code, g.name, g.kind, g.label_lon, g.label_lat, g.min_lon, g.min_lat, g.max_lon, g.max_lat,
                v.name as village, o.name as office, p.name as parent
           from grids g join units v on v.id = g.village_unit_id
           left join units o on o.id = v.parent_id and o.kind = 'office'
           left join grids p on p.id = g.parent_id
          where g.name like ? escape '\\' or g.code like ? escape '\\'
          order by (g.name = ?) desc, (g.name like ? escape '\\') desc, g.tier, g.sort_order
          limit ?`
      )
      .all(like, prefix, q, prefix, limit) as {
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
    }[]
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
    const town = db.select().from(units).where(eq(units.kind, 'town')).get()
    if (!town?.geometry) throw notFound('镇域轮廓', 'town')
    const geometry = JSON.parse(town.geometry)
    const b = db
      .select({
        minLon: sql<number>`min(${grids.minLon})`,
        minLat: sql<number>`min(${grids.minLat})`,
        maxLon: sql<number>`max(${grids.maxLon})`,
        maxLat: sql<number>`max(${grids.maxLat})`
      })
      .from(grids)
      .where(eq(grids.tier, 1))
      .get()!
    return {
      type: 'Feature',
      geometry,
      properties: { name: town.name, code: town.code, areaKm2: Number(meta('townAreaKm2') ?? 0), illustrative: meta('townOutlineIllustrative') === 'true' },
      bbox: [b.minLon, b.minLat, b.maxLon, b.maxLat]
    }
  }

  function offices() {
    return db.select().from(units).where(eq(units.kind, 'office')).orderBy(asc(units.sortOrder), asc(units.id)).all().map(unitRef)
  }

  /** Villages in office order, for the filters and pickers of every screen. */
  function villages() {
    return db.$client
      .prepare(
        `select v.id, v.code, v.name, v.village_type as villageType, o.name as office from units v left join units o on o.id = v.parent_id and o.kind = 'office'
         where v.kind = 'village' order by o.sort_order, v.sort_order, v.id`
      )
      .all() as { id: number; code: string; name: string; villageType: string | null; office: string | null }[]
  }

  function allUnits() {
    return db.$client.prepare('select id, name, kind, parent_id as parentId from units order by sort_order, id').all() as {
      id: number
      name: string
      kind: 'district' | 'town' | 'department' | 'office' | 'village'
      parentId: number | null
    }[]
  }

  return { summary, tree, geojson, get, search, outline, offices, villages, allUnits }
}
export type GridService = ReturnType<typeof createGridService>
