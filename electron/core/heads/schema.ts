// 三长制 (issue 21, seed 004): 楼长、巷长、街长 — residents appointed to a building, a lane or a street
// inside a tier-3 area — and what they do: problems solved (an issue they reported, or on the spot),
// disputes mediated (the parties, the outcome), community activities held (volunteers brought in).
// The figures are computed, never stored (heads/headFigures.ts; definitions in heads/domain).
// Part of the store's schema (db/schema.ts gathers the parts; drizzle.config.ts lists them): change
// it, run `npm run db:generate`, read the SQL, commit the migration.
import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { grids, units } from '../grids/schema'
import { persons } from '../people/schema'
import { issues } from '../issues/schema'

export const headRoles = ['楼长', '巷长', '街长'] as const

/** A resident appointed head of a building, lane or street in a tier-3 area, from a day until a day (or still). */
export const areaHeads = sqliteTable(
  'area_heads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    /** The area headed; none when its party group was deleted (the head is released, as residents are). */
    tier3GridId: integer('tier3_grid_id').references(() => grids.id),
    role: text('role', { enum: headRoles }).notNull(),
    /** The building, lane or street headed (8 号楼, 兴业路 3 巷, 兴业路). */
    area: text('area').notNull(),
    appointedOn: text('appointed_on').notNull(),
    endedOn: text('ended_on'),
    /** Generated demo record (示意), not a real person's appointment. */
    sample: integer('sample', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1)
  },
  (t) => [
    index('area_heads_grid').on(t.tier3GridId, t.endedOn),
    index('area_heads_village').on(t.villageUnitId, t.role),
    index('area_heads_person').on(t.personId),
    check('area_heads_days', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.appointedOn}`)
  ]
)

export const headRecordKinds = ['解决问题', '调解纠纷', '社区活动'] as const
export const mediationOutcomes = ['调解成功', '未能调解', '转交办理'] as const

/** One thing a head did: a problem solved, a dispute mediated, an activity held. */
export const headRecords = sqliteTable(
  'head_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    headId: integer('head_id')
      .notNull()
      .references(() => areaHeads.id),
    /** The head's village, kept with the record: the figures group by it. */
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: headRecordKinds }).notNull(),
    date: text('date').notNull(),
    title: text('title').notNull(),
    /** A problem solved through the linkage: the issue the head reported. */
    issueId: integer('issue_id').references(() => issues.id),
    /** A dispute's parties (纠纷双方), as the mediation record names them. */
    parties: text('parties'),
    outcome: text('outcome', { enum: mediationOutcomes }),
    /** Volunteers an activity brought in (人次). */
    volunteers: integer('volunteers').notNull().default(0),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    recordedBy: text('recorded_by').notNull()
  },
  (t) => [
    // The figures read only the index: by village and kind, each with its day, outcome and volunteers.
    index('head_records_figures').on(t.villageUnitId, t.kind, t.date, t.outcome, t.volunteers),
    index('head_records_head').on(t.headId, t.date),
    index('head_records_issue').on(t.issueId),
    check('head_records_volunteers', sql`${t.volunteers} >= 0`)
  ]
)
