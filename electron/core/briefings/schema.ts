// Issued briefings (issue 7).
// Part of the store's schema (db/schema.ts gathers the parts; drizzle.config.ts lists them):
// change it, run `npm run db:generate`, read the SQL, commit the migration.
import { refuseChanges } from '../db/triggers'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { units } from '../grids/schema'

/**
 * Issued briefings (简报): a frozen snapshot of everything printed — numbers, tables, chart and map
 * drawings, the officer's text — so a reprint is the same document whatever changed since.
 * Triggers in the migration refuse UPDATE and DELETE.
 */
export const briefings = sqliteTable(
  'briefings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['周报', '月报', '季报', '年报', '专报'] }).notNull(),
    /** 第N期: numbered per year of issue. */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    scopeUnitId: integer('scope_unit_id').references(() => units.id),
    scopeName: text('scope_name').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    /** The whole document as JSON (electron/shared/briefing.ts). */
    snapshot: text('snapshot').notNull()
  },
  (t) => [uniqueIndex('briefings_number').on(t.year, t.number), index('briefings_issued').on(t.issuedAt)]
)

/** A briefing once issued is frozen (migration 0003). */
export const briefingsTriggers = refuseChanges('briefings', 'frozen', (verb) => `已签发的简报不能${verb}`)
