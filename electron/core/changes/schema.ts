// Change batches and the change log: history and undo for grids, units and people.
// Part of the store's schema (db/schema.ts gathers the parts; drizzle.config.ts lists them):
// change it, run `npm run db:generate`, read the SQL, commit the migration.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A set of changes made by one action (an edit, a delete with its children, an import, an undo). */
export const changeBatches = sqliteTable(
  'change_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', {
      enum: ['edit', 'create', 'delete', 'move', 'geometry', 'split', 'import', 'undo', 'place', 'people-import', 'people-edit']
    }).notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
    description: text('description').notNull(),
    /** Set when the batch has been undone, to the undoing batch. */
    undoneBy: integer('undone_by'),
    /** For an undo batch: the batch it undid. */
    undoes: integer('undoes')
  },
  (t) => [index('change_batches_at').on(t.at)]
)

/** Every change to a grid or unit: who, when, before and after (full row snapshots as JSON). */
export const changes = sqliteTable(
  'changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => changeBatches.id),
    entity: text('entity', {
      enum: [
        'grid',
        'unit',
        'person',
        'household',
        'reportingMember',
        'reserveContact',
        'residentTeam',
        'teamMember',
        'volunteerPost',
        'postClaim',
        'serviceRecord',
        'visit',
        'issue'
      ]
    }).notNull(),
    /** No foreign key: the history of a deleted grid outlives it. */
    entityId: integer('entity_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    before: text('before'),
    after: text('after'),
    /** What changed, in words (名称：甲 → 乙). */
    summary: text('summary').notNull()
  },
  (t) => [index('changes_entity').on(t.entity, t.entityId), index('changes_batch').on(t.batchId)]
)
