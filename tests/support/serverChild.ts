// Browser mode — or the town server — in a process of its own, for tests that must see whether a
// request can end it, or that a seat survives the server going away:
//   node --import tsx tests/support/serverChild.ts <db file> <static folder>
// SHISHAN_TLS_DIR (a town CA folder) serves HTTPS as the town server does; SHISHAN_PORT a fixed port
// (a restarted server comes back where seats look for it). Prints one line `{"url": …}` once it listens. The clock is the tests' (testClock) unless
// SHISHAN_CLOCK names another instant; the demo accounts get the tests' password.
import { startCore } from '../../electron/core/app'
import { fixedClock } from '../../electron/core/clock'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'
import { startHttpServer } from '../../electron/server/http'
import { loadTownTls } from '../../electron/server/seats'
import { startReadPool } from '../../electron/server/readPool'

const [dbFile, staticDir] = process.argv.slice(2)
// SHISHAN_READERS=<n>: heavy reads on a pool of n readers, as the town server runs them.
const pool = Number(process.env.SHISHAN_READERS ?? 0) > 0 ? startReadPool({ dbFile, size: Number(process.env.SHISHAN_READERS) }) : undefined
const core = startCore({
  offload: pool,
  dbFile,
  migrationsFolder: defaultMigrationsFolder,
  resourcesFolder: defaultResourcesFolder,
  clock: fixedClock(process.env.SHISHAN_CLOCK ?? '2026-11-22T09:00:00+08:00'),
  demoPeople: false,
  validateOutput: true,
  // What the server would log: the tests read stderr to name the method behind an INTERNAL answer.
  onInternalError: (e, method) => console.error(`[${method}]`, e)
})
pool?.warm()
await core.seedDemoAccounts('Shishan#2026')
// SHISHAN_DIE_AFTER=<method>: the process ends right after that call committed, before it answers —
// a power cut at the worst moment, for the seat's exactly-once tests.
const dieAfter = process.env.SHISHAN_DIE_AFTER
const dispatch: typeof core.dispatch = async (method, input, credentials) => {
  const result = await core.dispatch(method, input, credentials)
  if (method === dieAfter && result.ok) process.exit(0)
  return result
}
const running = await startHttpServer({
  dispatch,
  staticDir,
  port: Number(process.env.SHISHAN_PORT ?? 0),
  tls: process.env.SHISHAN_TLS_DIR ? loadTownTls(process.env.SHISHAN_TLS_DIR) : undefined,
  changes: core.changes,
  isValidToken: (t) => core.accounts.sessionOf(t) !== null,
  reachOf: core.reachOf
})
console.log(JSON.stringify({ url: running.url }))
process.on('SIGTERM', () => {
  void running.close().then(() => {
    core.close()
    process.exit(0)
  })
})
