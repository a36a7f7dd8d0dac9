// Where the app's shipped files are, relative to the repository (dev, tests, browser mode).
// The Electron shell passes its own paths (app.getAppPath()) instead of using these.
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { readFileSync } from 'node:fs'

const here = dirname(fileURLToPath(import.meta.url))
export const repoRoot = join(here, '..', '..')
export const defaultMigrationsFolder = join(repoRoot, 'drizzle')
export const defaultResourcesFolder = join(repoRoot, 'resources')

/** The app's version (package.json), as the town server tells seats. */
export const appVersion = (): string => (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version
