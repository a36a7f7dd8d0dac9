// Assemble the application core on a store: open (or create) it, give a new one the demo town,
// and return the dispatcher every transport uses. Nothing here runs at import time.
import { systemClock, type Clock } from './clock'
import { openStore, type Db, type OpenedStore } from './db/open'
import { createDispatcher, type Dispatch } from './api/dispatch'
import { createHandlers } from './api/handlers'
import { withChangeFeed, type ChangeFeed } from './api/changeFeed'
import { ensureDemoTown } from './demo/seedStore'
import { seedDemoPeople, type SeedProgress } from './demo/seedPeople'
import { ensureIssueDefaults } from './services/issueFigures'
import { seedDemoIssues } from './demo/seedIssues'
import { demoAccounts } from './demo/demoAccounts'
import { createGuard } from './api/guard'
import { createAuditService } from './services/audit'
import { createAccessScope } from './services/accessScope'
import { createAccountService, type AccountService } from './services/accounts'

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

/**
 * `dispatch` admits a call on its session token (or an in-process caller naming itself);
 * `changes` tells when any call changed the store (the wall and other windows refresh on it);
 * `seedDemoAccounts` gives the administrator and one account per role a password (`--demo-password`).
 */
export type Core = {
  store: OpenedStore
  dispatch: Dispatch
  changes: ChangeFeed
  createdDemo: boolean
  seedDemoAccounts: (password: string) => Promise<void>
  accounts: AccountService
  close: () => void
}

/** The services behind the dispatcher: accounts and the audit trail, the guard, the handlers. */
export function createCoreServices(db: Db, clock: Clock) {
  const audit = createAuditService(db, clock)
  const scope = createAccessScope(db)
  const accounts = createAccountService(db, clock, { audit, scope })
  const guard = createGuard({ db, accounts, audit, scope })
  const handlers = createHandlers({ db, clock, accounts, audit })
  return { audit, scope, accounts, guard, handlers }
}

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
    const { accounts, guard, handlers } = createCoreServices(store.db, clock)
    const { dispatch, changes } = withChangeFeed(store.sqlite, createDispatcher(handlers, guard, { validateOutput: opts.validateOutput, onInternalError: opts.onInternalError }))
    const seedDemoAccounts = (password: string) => accounts.seedDemoAccounts(password, demoAccounts)
    return { store, dispatch, changes, createdDemo, seedDemoAccounts, accounts, close: store.close }
  } catch (e) {
    store.close()
    throw e
  }
}
