// Browser mode in a process of its own, for tests that must see whether a request can end it:
//   node --import tsx tests/support/serverChild.ts <db file> <static folder>
// Prints one line `{"url": …}` once it listens. The clock is the tests' (testClock) unless
// SHISHAN_CLOCK names another instant; the demo accounts get the tests' password.
import { startCore } from '../../electron/core/app'
import { fixedClock } from '../../electron/core/clock'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'
import { startHttpServer } from '../../electron/server/http'

const [dbFile, staticDir] = process.argv.slice(2)
const core = startCore({
  dbFile,
  migrationsFolder: defaultMigrationsFolder,
  resourcesFolder: defaultResourcesFolder,
  clock: fixedClock(process.env.SHISHAN_CLOCK ?? '2026-11-22T09:00:00+08:00'),
  demoPeople: false,
  validateOutput: true,
  // What the server would log: the tests read stderr to name the method behind an INTERNAL answer.
  onInternalError: (e, method) => console.error(`[${method}]`, e)
})
await core.seedDemoAccounts('Shishan#2026')
const running = await startHttpServer({
  dispatch: core.dispatch,
  staticDir,
  port: 0,
  changes: core.changes,
  isValidToken: (t) => core.accounts.sessionOf(t) !== null
})
console.log(JSON.stringify({ url: running.url }))
process.on('SIGTERM', () => {
  void running.close().then(() => {
    core.close()
    process.exit(0)
  })
})
