import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  // The features' parts of the schema; electron/core/db/schema.ts gathers them for the code.
  schema: [
    './electron/core/db/appMeta.ts',
    ...['grids', 'changes', 'people', 'issues', 'briefings', 'trust', 'rentals', 'heads'].map((f) => `./electron/core/${f}/schema.ts`)
  ],
  out: './drizzle'
})
