// Test helpers: a real core on a fresh SQLite file in one line.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCore, type CoreOptions } from '../../electron/core/app'
import { fixedClock } from '../../electron/core/clock'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'

export const tempDir = (prefix = 'shishan-test-') => mkdtempSync(join(tmpdir(), prefix))
export const tempDbFile = () => join(tempDir(), 'store.db')
export const testClock = fixedClock('2026-11-22T09:00:00+08:00')

export function testCore(opts: Partial<CoreOptions> = {}) {
  return startCore({
    dbFile: opts.dbFile ?? tempDbFile(),
    migrationsFolder: defaultMigrationsFolder,
    resourcesFolder: defaultResourcesFolder,
    clock: testClock,
    validateOutput: true,
    ...opts
  })
}

/** Call a method and insist it succeeded; tests read the value directly. */
export async function ok<T = unknown>(core: { dispatch: (m: string, i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }> }, method: string, input?: unknown): Promise<T> {
  const r = await core.dispatch(method, input)
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`)
  return r.value as T
}
