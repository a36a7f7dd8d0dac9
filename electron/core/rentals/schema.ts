// Rental housing (出租屋) and its fire-safety rectification (消防安全隐患整治), issue 21 — seed 002:
// hazards found on visits and inspections, rectified by a deadline, checked again (复查); one not
// fixed in time becomes a 消防安全 issue held by the village. Campaigns (专项整治) are a named period
// and scope over the same hazards: their table (found, rectified, rate, overdue, by village and by
// kind) is computed, never stored (rentals/campaignFigures.ts; definitions in rentals/domain).
// Part of the store's schema (db/schema.ts gathers the parts; drizzle.config.ts lists them): change
// it, run `npm run db:generate`, read the SQL, commit the migration.
import { sql } from 'drizzle-orm'
import { blob, check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { grids, units } from '../grids/schema'
import { households, persons } from '../people/schema'
import { issues } from '../issues/schema'

/** A rental building (出租屋) with its rooms let: where it is, whose it is, how it is used, how risky. */
export const rentalBuildings = sqliteTable(
  'rental_buildings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    address: text('address').notNull(),
    lon: real('lon'),
    lat: real('lat'),
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    /** The tier-3 grid the point lies in (found from the point, as a person's home grid is). */
    tier3GridId: integer('tier3_grid_id').references(() => grids.id),
    /** The landlord, a person of the registry (masked like every person). */
    landlordPersonId: integer('landlord_person_id').references(() => persons.id),
    use: text('use', { enum: ['居住', '生产', '混合'] }).notNull(),
    riskClass: text('risk_class', { enum: ['低风险', '中风险', '高风险'] }).notNull(),
    /** Rooms or flats let (出租间数). */
    rentalRooms: integer('rental_rooms').notNull().default(1),
    /** Tenants registered (在住租客). */
    tenants: integer('tenants').notNull().default(0),
    /** Generated demo record (示意), not a real building. */
    sample: integer('sample', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1)
  },
  (t) => [
    index('rental_buildings_village').on(t.villageUnitId, t.riskClass),
    index('rental_buildings_tier3').on(t.tier3GridId),
    index('rental_buildings_landlord').on(t.landlordPersonId),
    check('rental_buildings_counts', sql`${t.rentalRooms} >= 0 and ${t.tenants} >= 0`)
  ]
)

/**
 * A household of the registry living in a rental building (its tenants, 在住租客, where the registry has
 * them), from a day. A household lives in one building at a time; it goes with the household.
 */
export const rentalTenancies = sqliteTable(
  'rental_tenancies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    buildingId: integer('building_id')
      .notNull()
      .references(() => rentalBuildings.id),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    since: text('since').notNull(),
    createdAt: text('created_at').notNull()
  },
  (t) => [uniqueIndex('rental_tenancies_household').on(t.householdId), index('rental_tenancies_building').on(t.buildingId)]
)

/**
 * The kinds of hazard the town counts (电动车屋内停放充电, 消防设施未配齐, 电气线路不规范, 疏散通道堵塞, …),
 * edited by the town. A kind is counted by the place (处) or by the building (栋: 打通疏散通道 3.96 万栋).
 */
export const hazardKinds = sqliteTable(
  'hazard_kinds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    countedBy: text('counted_by', { enum: ['处', '栋'] })
      .notNull()
      .default('处'),
    /** A rectification of this kind needs a photo of the fixed place. */
    photoRequired: integer('photo_required', { mode: 'boolean' }).notNull().default(true),
    sort: integer('sort').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true)
  },
  (t) => [uniqueIndex('hazard_kinds_name').on(t.name)]
)

/** One visit to a building: a first inspection (排查) or a re-inspection (复查) of its open hazards. */
export const rentalInspections = sqliteTable(
  'rental_inspections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    buildingId: integer('building_id')
      .notNull()
      .references(() => rentalBuildings.id),
    /** The building's village, kept with the visit for lists by reach. */
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: ['排查', '复查'] }).notNull(),
    /** China calendar day of the visit. */
    inspectedOn: text('inspected_on').notNull(),
    /** Who went: a grid inspector or a team (网格员、消防专干、联合检查组). */
    inspector: text('inspector').notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    /** The account that recorded it. */
    recordedBy: text('recorded_by').notNull()
  },
  (t) => [index('rental_inspections_building').on(t.buildingId, t.inspectedOn), index('rental_inspections_village').on(t.villageUnitId, t.inspectedOn)]
)

/**
 * A hazard found in an inspection. Its state is read from its days, kept once: open until rectified
 * (rectified_on, by a re-inspection); escalated when turned into an issue (issue_id). Overdue is not
 * stored either: open past its deadline, as of the day asked.
 */
export const fireHazards = sqliteTable(
  'fire_hazards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => rentalInspections.id),
    buildingId: integer('building_id')
      .notNull()
      .references(() => rentalBuildings.id),
    /** The building's village, kept with the hazard: the campaign table groups by it. */
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    kindId: integer('kind_id')
      .notNull()
      .references(() => hazardKinds.id),
    foundOn: text('found_on').notNull(),
    /** The day by which it must be rectified (整改期限), not before it was found. */
    deadline: text('deadline').notNull(),
    rectifiedOn: text('rectified_on'),
    rectifiedInspectionId: integer('rectified_inspection_id').references(() => rentalInspections.id),
    /** The 消防安全 issue it became when not rectified in time. */
    issueId: integer('issue_id').references(() => issues.id),
    note: text('note'),
    version: integer('version').notNull().default(1)
  },
  (t) => [
    // The campaign table reads only the index: by village and kind in order (no sort), each with its days.
    index('fire_hazards_campaign').on(t.villageUnitId, t.kindId, t.foundOn, t.rectifiedOn, t.deadline),
    // A kind counted by the building: its hazards by building, in order.
    index('fire_hazards_kind').on(t.kindId, t.buildingId, t.foundOn, t.rectifiedOn, t.deadline, t.villageUnitId),
    index('fire_hazards_found').on(t.foundOn),
    index('fire_hazards_building').on(t.buildingId),
    index('fire_hazards_open')
      .on(t.deadline)
      .where(sql`${t.rectifiedOn} is null`),
    index('fire_hazards_issue').on(t.issueId),
    check('fire_hazards_days', sql`${t.deadline} >= ${t.foundOn} and (${t.rectifiedOn} is null or ${t.rectifiedOn} >= ${t.foundOn})`)
  ]
)

/** Photos of a hazard as found and as rectified, stored with their content hash (the same photo twice is kept once). */
export const hazardPhotos = sqliteTable(
  'hazard_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hazardId: integer('hazard_id')
      .notNull()
      .references(() => fireHazards.id),
    stage: text('stage', { enum: ['发现', '整改'] }).notNull(),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    fileName: text('file_name').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull()
  },
  (t) => [uniqueIndex('hazard_photos_hash').on(t.hazardId, t.stage, t.sha256)]
)

/** A rectification campaign (专项整治): a named period and the villages it covers (none listed: the whole town). */
export const rentalCampaigns = sqliteTable(
  'rental_campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    /** JSON array of village unit ids; null for the whole town. */
    villageIds: text('village_ids'),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1)
  },
  (t) => [check('rental_campaigns_period', sql`${t.endsOn} >= ${t.startsOn}`)]
)
