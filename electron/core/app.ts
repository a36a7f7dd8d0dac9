// Assemble the application core on a store: open (or create) it, give a new one the demo town,
// and return the dispatcher every transport uses. Nothing here runs at import time.
import { systemClock, type Clock } from './clock'
import { openStore, type Db, type OpenedStore } from './db/open'
import { createDispatcher, type Dispatch, type Offload } from './api/dispatch'
import { createHandlers } from './api/handlers'
import { createChangeFeed, withChangeFeed, type ChangeFeed } from './api/changeFeed'
import { ensureDemoTown } from './demo/seedStore'
import { seedDemoPeople, type SeedProgress } from './demo/seedPeople'
import { ensureIssueDefaults } from './issues/issueFigures'
import { seedDemoIssues } from './demo/seedIssues'
import { seedDemoRentals } from './demo/seedRentals'
import { seedDemoHeads } from './demo/seedHeads'
import { seedDemoMemberPosts } from './demo/seedMemberPosts'
import { demoAccounts } from './demo/demoAccounts'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import type { CallContext, MethodName, Output } from '../shared/contract'
import { AppError } from './errors'
import { auditedCaller, createGuard, type Guard } from './api/guard'
import { createAuditService, type AuditService } from './trust/audit'
import { createBackupService, inspectBackup, type BackupService } from './trust/backups'
import { createAccessScope } from './trust/accessScope'
import { createAccountService, type AccountService } from './trust/accounts'
import { createWriteReceipts } from './trust/writeReceipts'

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
  /** Take backups on the schedule in the security settings (the desktop app and browser mode; not tests). */
  scheduleBackups?: boolean
  /** Heavy reads elsewhere (the town server's pool); told when a restore replaced the store file. */
  offload?: {
    takes: Offload['takes']
    run: (method: MethodName, input: unknown, ctx: CallContext, now: Date) => Promise<unknown>
    restart: () => Promise<void>
  }
}

/**
 * `dispatch` admits a call on its session token (or an in-process caller naming itself);
 * `changes` tells when any call changed the store (the wall and other windows refresh on it);
 * `seedDemoAccounts` gives the administrator and one account per role a password (`--demo-password`).
 * `store` and `accounts` are those of the open connection: a restore replaces them.
 */
export type Core = {
  readonly store: OpenedStore
  dispatch: Dispatch
  changes: ChangeFeed
  /** The villages a session reaches (null: the whole town); undefined when the token names no live session. Its change stream carries only what concerns them. */
  reachOf: (token: string | undefined) => number[] | null | undefined
  createdDemo: boolean
  seedDemoAccounts: (password: string) => Promise<void>
  readonly accounts: AccountService
  /** Take a backup now (the schedule calls this too). */
  backupNow: () => ReturnType<BackupService['run']>
  close: () => void
}

type Live = {
  store: OpenedStore
  dispatch: Dispatch
  accounts: AccountService
  backups: BackupService
  audit: AuditService
  guard: Guard
  timer?: ReturnType<typeof setInterval>
}

/** The services behind the dispatcher: accounts and the audit trail, the guard, backups, the handlers. */
export function createCoreServices(
  db: Db,
  clock: Clock,
  opts: { dbFile?: string; nativeBinding?: string; restore?: (file: string, ctx: CallContext) => Promise<Output<'backups.restore'>> } = {}
) {
  const audit = createAuditService(db, clock)
  const scope = createAccessScope(db)
  // The accounts' own writes take their turn with the calls that write (the guard's queue, made next).
  const accounts = createAccountService(db, clock, { audit, scope, serialise: (work) => guard.exclusive(async () => work()) })
  const receipts = createWriteReceipts(db, clock)
  const guard = createGuard({ db, clock, accounts, audit, scope, receipts })
  const backups = createBackupService(db, clock, {
    dbFile: opts.dbFile ?? db.$client.name,
    folder: () => accounts.settings().backupFolder,
    keep: () => accounts.settings().backupKeep,
    nativeBinding: opts.nativeBinding
  })
  const restore = opts.restore ?? (() => Promise.reject(new AppError('BAD_INPUT', '此处不能恢复备份。')))
  const handlers = createHandlers({ db, clock, accounts, audit, backups, receipts, restore: (file, ctx) => guard.exclusive(() => restore(file, ctx)) })
  return { audit, scope, accounts, guard, backups, handlers }
}

export function startCore(opts: CoreOptions): Core {
  const clock = opts.clock ?? systemClock
  const feed = createChangeFeed()
  const open = () => openStore(opts.dbFile, { migrationsFolder: opts.migrationsFolder, nativeBinding: opts.nativeBinding })
  let live: Live

  function assemble(store: OpenedStore): Live {
    ensureIssueDefaults(store.db)
    const { accounts, guard, handlers, backups, audit, scope } = createCoreServices(store.db, clock, {
      dbFile: opts.dbFile,
      nativeBinding: opts.nativeBinding,
      restore: restoreFrom
    })
    const { dispatch } = withChangeFeed(
      { scope: () => scope, isOpen: () => store.sqlite.open },
      createDispatcher(handlers, guard, {
        validateOutput: opts.validateOutput,
        onInternalError: opts.onInternalError,
        offload: opts.offload && { takes: opts.offload.takes, run: (method, input, ctx) => opts.offload!.run(method, input, ctx, clock.now()) }
      }),
      feed
    )
    return { store, dispatch, accounts, backups, audit, guard }
  }

  /**
   * Put a backup in place of the store: check it, keep a copy of the store as it is now, close it,
   * write the backup over it with the backup API, reopen (migrating an older backup), and record the
   * restore in the restored trail. Every session ends: the accounts may differ.
   */
  async function restoreFrom(file: string, ctx: CallContext) {
    const preview = inspectBackup(file, opts.nativeBinding)
    if (preview.integrity !== 'ok') throw new AppError('BAD_INPUT', `备份“${preview.name}”校验未通过（${preview.integrity}），不能用于恢复。`)
    if (preview.counts.grids === null) throw new AppError('BAD_INPUT', `“${preview.name}”不是本系统的数据库，不能用于恢复。`)
    const safety = await live.backups.run({ beforeRestore: true })
    const schedule = live.timer
    if (schedule) clearInterval(schedule)
    live.store.close()
    const source = new Database(file, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) })
    try {
      for (const extra of ['-wal', '-shm']) rmSync(opts.dbFile + extra, { force: true })
      await source.backup(opts.dbFile)
    } finally {
      source.close()
    }
    live = assemble(open())
    await opts.offload?.restart()
    if (schedule) scheduleBackups()
    live.audit.append({
      ...auditedCaller(ctx),
      action: 'backups.restore',
      outcome: 'ok',
      target: preview.name,
      detail: { restoredFrom: file, safetyBackup: safety.file, counts: preview.counts }
    })
    feed.notify()
    return { restored: true, safetyBackup: safety.file, preview }
  }

  function scheduleBackups() {
    if (!opts.scheduleBackups) return
    const hours = live.accounts.settings().backupEveryHours
    if (!hours) return
    live.timer = setInterval(() => {
      live.backups
        .run()
        .then((b) =>
          live.audit.append({
            accountId: null,
            username: '系统（定时备份）',
            role: null,
            action: 'backups.run',
            outcome: 'ok',
            target: b.name,
            detail: { removed: b.removed }
          })
        )
        .catch((e: Error) =>
          live.audit.append({
            accountId: null,
            username: '系统（定时备份）',
            role: null,
            action: 'backups.run',
            outcome: 'failed',
            target: null,
            detail: { error: e.message }
          })
        )
    }, hours * 3_600_000)
    live.timer.unref?.()
  }

  const store = open()
  let createdDemo: boolean
  try {
    createdDemo = opts.demo === false ? false : ensureDemoTown(store.db, { resourcesFolder: opts.resourcesFolder, clock })
    ensureIssueDefaults(store.db)
    if (createdDemo && opts.demoPeople !== false) {
      seedDemoPeople(store.db, { clock, onProgress: opts.onSeedProgress })
      seedDemoIssues(store.db)
      seedDemoRentals(store.db, { createdAt: clock.now().toISOString() })
      seedDemoHeads(store.db, { createdAt: clock.now().toISOString() })
      seedDemoMemberPosts(store.db, {})
    }
    live = assemble(store)
    scheduleBackups()
  } catch (e) {
    store.close()
    throw e
  }
  return {
    get store() {
      return live.store
    },
    get accounts() {
      return live.accounts
    },
    dispatch: (method, input, credentials) => live.dispatch(method, input, credentials),
    changes: feed,
    reachOf: (token) => {
      const caller = live.accounts.callerOf(token)
      return caller ? caller.me.scopeVillageIds : undefined
    },
    createdDemo,
    seedDemoAccounts: (password: string) => live.accounts.seedDemoAccounts(password, demoAccounts),
    backupNow: () => live.backups.run(),
    close: () => {
      if (live.timer) clearInterval(live.timer)
      live.store.close()
    }
  }
}
