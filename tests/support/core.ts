// Test helpers: a real core on a fresh SQLite file in one line.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCore, type CoreOptions } from '../../electron/core/app'
import type { Dispatch } from '../../electron/core/api/dispatch'
import type { Input, MethodName, Output } from '../../electron/shared/contract'
import { fixedClock } from '../../electron/core/clock'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'

/** Temp folders made by this process: removed after each test file (tests/support/cleanup.ts) and at exit. */
const made: string[] = []
export const tempDir = (prefix = 'shishan-test-') => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
/** Remove this process's temp folders; a copy of the people store is 150 MB, and runs add up. */
export function removeTempDirs() {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true })
    } catch {
      // Still mounted (the full-disk test's tmpfs until its own afterAll) or busy: the OS cleans /tmp.
    }
  }
}
process.once('exit', removeTempDirs)
export const tempDbFile = () => join(tempDir(), 'store.db')
export const testClock = fixedClock('2026-11-22T09:00:00+08:00')

/**
 * A core whose `dispatch` calls as an in-process caller (no session) unless given credentials:
 * tests of what the app does need not sign in; tests of who may do it pass `{ token }`.
 */
export function testCore(opts: Partial<CoreOptions> = {}) {
  const core = startCore({
    dbFile: opts.dbFile ?? tempDbFile(),
    migrationsFolder: defaultMigrationsFolder,
    resourcesFolder: defaultResourcesFolder,
    clock: testClock,
    validateOutput: true,
    demoPeople: false,
    ...opts
  })
  // Re-pointed in place, not spread: `store` and `accounts` are getters that follow a restore.
  const dispatch = core.dispatch
  core.dispatch = (method, input, credentials = { internal: '测试' }) => dispatch(method, input, credentials)
  return core
}

/** The password `--demo-password` gives every demo account in the tests. */
export const demoPassword = 'Shishan#2026'

/** Give the demo accounts their password and sign one in: its session token. */
export async function signIn(core: ReturnType<typeof testCore>, username: string, password = demoPassword): Promise<string> {
  if (password === demoPassword && core.accounts.status().needsSetup) await core.seedDemoAccounts(demoPassword)
  const r = await core.dispatch('auth.login', { username, password })
  if (!r.ok) throw new Error(`auth.login ${username}: ${JSON.stringify(r.error)}`)
  return (r.value as { token: string }).token
}

/** Call a method and insist it succeeded; tests read the value directly. */
export async function ok<M extends MethodName>(core: { dispatch: Dispatch }, method: M, input?: Input<M>): Promise<Output<M>> {
  const r = await core.dispatch(method, input)
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`)
  return r.value as Output<M>
}

/**
 * A core on a copy of the demo town with its people (seeded once per source version and cached in
 * node_modules/.cache, since seeding 222,800 households takes seconds).
 */
export function testCoreWithPeople(opts: Partial<CoreOptions> = {}) {
  return testCore({ ...opts, dbFile: peopleStoreCopy(opts.dbFile) })
}

/** A fresh copy of the demo town with its people, as a file (for a server in another process). */
export function peopleStoreCopy(dbFile = tempDbFile()): string {
  copyFileSync(peopleTemplate(), dbFile)
  return dbFile
}

let template: string | null = null
function peopleTemplate(): string {
  if (template) return template
  const hash = createHash('sha256')
  for (const dir of [defaultMigrationsFolder, join(process.cwd(), 'electron/core/demo')])
    for (const f of readdirSync(dir).sort()) if (/\.(sql|ts)$/.test(f)) hash.update(f).update(readFileSync(join(dir, f)))
  const folder = join(process.cwd(), 'node_modules/.cache/shishan-test')
  const file = join(folder, `people-${hash.digest('hex').slice(0, 16)}.db`)
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true })
    // Templates of older sources are of no further use.
    for (const old of readdirSync(folder)) if (/^people-.*\.db$/.test(old)) rmSync(join(folder, old), { force: true })
    const building = `${file}.${process.pid}.tmp`
    const core = testCore({ dbFile: building, demoPeople: true })
    core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    core.store.sqlite.pragma('journal_mode = DELETE')
    core.close()
    renameSync(building, file)
  }
  return (template = file)
}
