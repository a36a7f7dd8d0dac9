// Grids and the organisation units they belong to (issues 1–3).
// Part of the store's schema (db/schema.ts gathers the parts; drizzle.config.ts lists them):
// change it, run `npm run db:generate`, read the SQL, commit the migration.
import { sql } from 'drizzle-orm'
import { check, index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'

/** Organisation units: 南海区 → 狮山镇 → departments (部门) and management offices (管理处) → villages (村居). */
export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['district', 'town', 'department', 'office', 'village'] }).notNull(),
    /** 社区 / 村 / 园区 for villages; null otherwise. */
    villageType: text('village_type', { enum: ['社区', '村', '园区'] }),
    /** Statistical name (e.g. 汀圃社区居委会) where the unit comes from the NBS code list. */
    officialName: text('official_name'),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    /** True where the fact is not official (e.g. a village's office assignment, a generated outline). */
    illustrative: integer('illustrative', { mode: 'boolean' }).notNull().default(false),
    /** GeoJSON (WGS-84) of the unit's area where the unit has one of its own (the town outline). */
    geometry: text('geometry'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1)
  },
  (t) => [uniqueIndex('units_code').on(t.code), index('units_parent').on(t.parentId), index('units_kind').on(t.kind)]
)

/** The three tiers of party-building grids (三级党建网格). */
export const grids = sqliteTable(
  'grids',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tier: integer('tier').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Short map label (e.g. 第一党小组 for a tier-3 grid). */
    label: text('label').notNull(),
    /** 村/社区/园区; 经济社/住宅小区/居民小组/商务楼宇; 党小组/楼长/巷长/街长. */
    kind: text('kind').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => grids.id),
    /** The village/community unit this grid belongs to (every tier), for scoping and lookups. */
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    /** GeoJSON geometry (Polygon or MultiPolygon), WGS-84 lon/lat; null until a new grid's shape is drawn. */
    geometry: text('geometry'),
    minLon: real('min_lon'),
    minLat: real('min_lat'),
    maxLon: real('max_lon'),
    maxLat: real('max_lat'),
    labelLon: real('label_lon'),
    labelLat: real('label_lat'),
    areaKm2: real('area_km2'),
    partyOrganisation: text('party_organisation'),
    inspector: text('inspector'),
    households: integer('households').notNull().default(0),
    registeredPopulation: integer('registered_population').notNull().default(0),
    nonHukouPopulation: integer('non_hukou_population').notNull().default(0),
    illustrative: integer('illustrative', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Optimistic concurrency: every write checks and bumps it, so a stale edit is refused, not lost. */
    version: integer('version').notNull().default(1)
  },
  (t) => [
    uniqueIndex('grids_code').on(t.code),
    index('grids_tier').on(t.tier),
    index('grids_parent').on(t.parentId),
    index('grids_village').on(t.villageUnitId, t.tier),
    index('grids_name').on(t.name),
    check('grids_tier_range', sql`${t.tier} between 1 and 3`),
    check('grids_counts_nonneg', sql`${t.households} >= 0 and ${t.registeredPopulation} >= 0 and ${t.nonHukouPopulation} >= 0`)
  ]
)
