// Assemble the application core on a store: open (or create) it, give a new one the demo town,
// and return the dispatcher every transport uses. Nothing here runs at import time.
import { systemClock, type Clock } from './clock'
import { openStore, type OpenedStore } from './db/open'
import { createDispatcher, type Dispatch } from './api/dispatch'
import { createHandlers } from './api/handlers'
import { withChangeFeed, type ChangeFeed } from './api/changeFeed'
import { ensureDemoTown } from './demo/seedStore'
import { seedDemoPeople, type SeedProgress } from './demo/seedPeople'
import { ensureIssueDefaults } from './services/issueFigures'
import { seedDemoIssues } from './demo/seedIssues'

export type CoreOptions = {
  dbFile: string
  migrationsFolder: string
  resourcesFolder: string
  clock?: Clock
  /** Give an empty store the demo town (default true). */
  demo?: boolean
  /** With the demo town, also its people at the seeds' scale (default true; tests skip it for speed). */
  demoPeople?: boolean
  onSeedProgress?: SeedProgress
  nativeBinding?: string
  validateOutput?: boolean
  onInternalError?: (e: unknown, method: string) => void
}

/** `changes` tells when any call changed the store (the wall and other windows refresh on it). */
export type Core = { store: OpenedStore; dispatch: Dispatch; changes: ChangeFeed; createdDemo: boolean; close: () => void }

export function startCore(opts: CoreOptions): Core {
  const clock = opts.clock ?? systemClock
  const store = openStore(opts.dbFile, { migrationsFolder: opts.migrationsFolder, nativeBinding: opts.nativeBinding })
  try {
    const createdDemo = opts.demo === false ? false : ensureDemoTown(store.db, { resourcesFolder: opts.resourcesFolder, clock })
    ensureIssueDefaults(store.db)
    if (createdDemo && opts.demoPeople !== false) {
      seedDemoPeople(store.db, { clock, onProgress: opts.onSeedProgress })
      seedDemoIssues(store.db)
    }
    const { dispatch, changes } = withChangeFeed(store.sqlite, createDispatcher(createHandlers({ db: store.db, clock }), { validateOutput: opts.validateOutput, onInternalError: opts.onInternalError }))
    return { store, dispatch, changes, createdDemo, close: store.close }
  } catch (e) {
    store.close()
    throw e
  }
}
