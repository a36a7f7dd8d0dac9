// The store's schema, gathered from the features' parts (electron/core/<feature>/schema.ts) for
// the code that reads every table (db/open.ts types the database by it). drizzle-kit reads the parts
// themselves (drizzle.config.ts). Change a part, run `npm run db:generate`, commit the migration in
// drizzle/. Never edit a migration that has landed.
export * from './appMeta'
export * from '../grids/schema'
export * from '../changes/schema'
export * from '../people/schema'
export * from '../issues/schema'
export * from '../briefings/schema'
export * from '../trust/schema'
export * from '../rentals/schema'
export * from '../heads/schema'
