// Small facts about the store itself.
// Part of the store's schema (db/schema.ts gathers the parts; drizzle.config.ts lists them):
// change it, run `npm run db:generate`, read the SQL, commit the migration.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Small facts about the store itself (demo seed, data provenance). */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull()
})
