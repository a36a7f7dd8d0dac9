// Issues through the four-level linkage (issue 5).
// Part of the store's schema (db/schema.ts gathers the parts; drizzle.config.ts lists them):
// change it, run `npm run db:generate`, read the SQL, commit the migration.
import { refuseChanges } from '../db/triggers'
import { sql } from 'drizzle-orm'
import { blob, check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { units, grids } from '../grids/schema'

/** The standard list of issue categories; the town edits it. */
export const issueCategories = sqliteTable('issue_categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true)
})

/** Category × urgency → default handling level, whether skipping is allowed, stage time limits. */
export const routingRules = sqliteTable(
  'routing_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    category: text('category').notNull(),
    urgency: text('urgency', { enum: ['一般', '较急', '紧急'] }).notNull(),
    /** 1 村居, 2 管理处, 3 镇, 4 区. */
    defaultLevel: integer('default_level').notNull(),
    skipAllowed: integer('skip_allowed', { mode: 'boolean' }).notNull().default(false),
    acceptHours: real('accept_hours').notNull(),
    handleHours: real('handle_hours').notNull(),
    verifyHours: real('verify_hours').notNull(),
    warnPercent: integer('warn_percent').notNull().default(75)
  },
  (t) => [uniqueIndex('routing_rules_key').on(t.category, t.urgency), check('routing_rules_level', sql`${t.defaultLevel} between 1 and 4`)]
)

export const issues = sqliteTable(
  'issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** SS-2026-000123: town, year, sequence. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category').notNull(),
    urgency: text('urgency', { enum: ['一般', '较急', '紧急'] }).notNull(),
    source: text('source', { enum: ['网格巡查', '驻点团队', '党员户联系', '报到党员', '12345热线', '信访', '来访'] }).notNull(),
    /** Null for an anonymous report. */
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    lon: real('lon'),
    lat: real('lat'),
    address: text('address'),
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    tier1GridId: integer('tier1_grid_id').references(() => grids.id),
    tier2GridId: integer('tier2_grid_id').references(() => grids.id),
    tier3GridId: integer('tier3_grid_id').references(() => grids.id),
    status: text('status', { enum: ['reported', 'accepted', 'resolved', 'closed', 'suspended', 'merged'] }).notNull(),
    holderUnitId: integer('holder_unit_id')
      .notNull()
      .references(() => units.id),
    senderUnitId: integer('sender_unit_id').references(() => units.id),
    dispatcherUnitId: integer('dispatcher_unit_id').references(() => units.id),
    stage: text('stage', { enum: ['accept', 'handle', 'verify'] }),
    dueAt: text('due_at'),
    warnAt: text('warn_at'),
    suspendedAt: text('suspended_at'),
    suspendedFrom: text('suspended_from'),
    supervised: integer('supervised').notNull().default(0),
    escalations: integer('escalations').notNull().default(0),
    /** JSON {days, reason} while an extension waits for a decision. */
    extensionRequest: text('extension_request'),
    /** JSON array of co-handling unit ids. */
    coHandlers: text('co_handlers').notNull().default('[]'),
    mergedInto: integer('merged_into'),
    createdAt: text('created_at').notNull(),
    createdByUnitId: integer('created_by_unit_id').references(() => units.id),
    closedAt: text('closed_at'),
    /** Level of the unit that resolved it (1 村居 … 4 区), set on closing. */
    closedLevel: integer('closed_level'),
    /**
     * The highest level that ever held it (1 村居 … 4 区): 小事不出村 is a resolved issue whose peak is
     * 1, 大事不出镇 one whose peak is below the district, wherever it was closed.
     */
    peakLevel: integer('peak_level').notNull().default(1),
    /** Closed before its deadline ran out. */
    closedOnTime: integer('closed_on_time', { mode: 'boolean' }),
    version: integer('version').notNull().default(1)
  },
  (t) => [
    uniqueIndex('issues_code').on(t.code),
    index('issues_created').on(t.createdAt),
    index('issues_status').on(t.status, t.createdAt),
    index('issues_holder').on(t.holderUnitId, t.status),
    index('issues_category').on(t.category, t.createdAt),
    index('issues_village').on(t.villageUnitId, t.createdAt),
    index('issues_due').on(t.dueAt),
    index('issues_closed').on(t.closedAt),
    index('issues_tier3').on(t.tier3GridId)
  ]
)

/** The hand-off log (流转记录): append-only — triggers in the migration refuse UPDATE and DELETE. */
export const issueEvents = sqliteTable(
  'issue_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    at: text('at').notNull(),
    action: text('action').notNull(),
    fromUnitId: integer('from_unit_id').references(() => units.id),
    toUnitId: integer('to_unit_id').references(() => units.id),
    actor: text('actor').notNull(),
    note: text('note'),
    dueAt: text('due_at'),
    statusBefore: text('status_before'),
    statusAfter: text('status_after').notNull()
  },
  (t) => [index('issue_events_issue').on(t.issueId, t.id), index('issue_events_action').on(t.action, t.at)]
)

/** Photos of an issue, stored with their content hash (the same photo twice is kept once). */
export const issuePhotos = sqliteTable(
  'issue_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    fileName: text('file_name').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull()
  },
  (t) => [uniqueIndex('issue_photos_hash').on(t.issueId, t.sha256)]
)

/** Accountability records (约谈问责) written against a unit, often for overdue issues. */
export const accountabilityRecords = sqliteTable(
  'accountability_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    issueId: integer('issue_id').references(() => issues.id),
    kind: text('kind', { enum: ['约谈', '问责', '通报'] }).notNull(),
    note: text('note').notNull(),
    at: text('at').notNull(),
    by: text('by').notNull()
  },
  (t) => [index('accountability_unit').on(t.unitId, t.at)]
)

/** The flow log is append-only (migration 0002). */
export const issueEventsTriggers = refuseChanges('issue_events', 'append_only', (verb) => `流转记录只能追加，不能${verb}`)
