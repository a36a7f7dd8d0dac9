// npm run bench (town network part, issue 20): 90 desks on the town server at once — 84 village
// clerks, 3 office clerks, the wall, one desk exporting the town's ledger and one running the town's
// health check — each a seat with its own certificate, TLS connection and session, spread over three
// processes, against the server in a process of its own. Reported: small-call p95 (goal < 200 ms) with
// the heavy reads on the pool of readers and, for comparison, on the main thread; how long a change
// takes to reach every seat (goal < 1 s); the server's peak RSS; and that no village desk heard
// another village's change.
//   node --import tsx tests/bench/townNetwork.ts [seconds=40] [seats=90]
import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { connectSeat } from '../../electron/seat/seatConnection'
import { contractHash } from '../../electron/core/api/contractHash'
import { appVersion, repoRoot } from '../../electron/core/paths'
import { createTownCa, issueSeat } from '../../electron/server/townCa'
import { demoPassword, peopleStoreCopy, tempDir, testCore } from '../support/core'
import { startServerProcess } from '../support/serverProcess'
import { machine, printTable, stat, writeResults, type CaseResult } from './report'
import type { Call, SeatPlan, SeatsJob, SeatsReport } from './townSeats'

// The demo accounts' password (the server process gives it them again); the desks' accounts get it too.
const password = demoPassword

/** The desks, their accounts (made on the store before the server starts) and their seat certificates. */
async function prepare(dbFile: string, caDir: string, seats: number): Promise<SeatPlan[]> {
  const core = testCore({ dbFile })
  await core.seedDemoAccounts(password)
  const units = (kind: string) =>
    core.store.sqlite.prepare('select id, name, parent_id parent from units where kind = ? order by id').all(kind) as {
      id: number
      name: string
      parent: number
    }[]
  const villages = units('village')
  const offices = units('office')
  const plans: SeatPlan[] = [
    { seat: '指挥中心-大屏', username: 'operator', kind: 'wall', villageIds: null },
    { seat: '组织办-导出', username: 'organiser', kind: 'export', villageIds: null },
    { seat: '指挥中心-检查', username: 'operator', kind: 'check', villageIds: null }
  ]
  const account = async (username: string, displayName: string, role: 'villageClerk' | 'officeClerk', unitId: number) => {
    const made = await core.dispatch('accounts.create', { username, displayName, password })
    if (!made.ok) throw new Error(made.error.message)
    await core.dispatch('accounts.setRole', { id: made.value.id, role, unitId })
    core.store.sqlite.prepare("update accounts set password_changed_at = '2026-11-20T00:00:00.000Z' where id = ?").run(made.value.id)
  }
  for (const o of offices.slice(0, 3)) {
    if (plans.length >= seats) break
    await account(`office${o.id}`, `${o.name}专干`, 'officeClerk', o.id)
    plans.push({ seat: `${o.name}-01`, username: `office${o.id}`, kind: 'office', villageIds: villages.filter((v) => v.parent === o.id).map((v) => v.id) })
  }
  for (const v of villages) {
    if (plans.length >= seats) break
    await account(`village${v.id}`, `${v.name}专干`, 'villageClerk', v.id)
    plans.push({ seat: `${v.name}-01`, username: `village${v.id}`, kind: 'village', villageIds: [v.id] })
  }
  core.close()
  for (const p of plans) issueSeat(caDir, p.seat)
  return plans
}

/** Peak RSS of a process, sampled every 250 ms while `work` runs. */
async function peakRss<T>(pid: number, work: Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = 0
  const sample = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
      peak = Math.max(peak, kb / 1024)
    } catch {
      // Gone: nothing more to sample.
    }
  }
  const timer = setInterval(sample, 250)
  try {
    return { value: await work, peakMb: Math.round(peak) }
  } finally {
    clearInterval(timer)
  }
}

async function run(readers: number, seconds: number, seats: number) {
  const dbFile = peopleStoreCopy()
  const caDir = tempDir()
  createTownCa(caDir, ['127.0.0.1'])
  const plans = await prepare(dbFile, caDir, seats)
  const server = await startServerProcess(dbFile, tempDir(), {
    SHISHAN_TLS_DIR: caDir,
    SHISHAN_READERS: String(readers),
    SHISHAN_CLOCK: '2026-11-22T09:00:00+08:00'
  })
  try {
    const job: Omit<SeatsJob, 'seats'> = { serverUrl: server.url, caDir, password, appVersion: appVersion(), contractHash: contractHash(), seconds }
    // The changes timed: a town-wide one (a grid's inspector), made every 5 s by the command centre; every seat hears it.
    issueSeat(caDir, '指挥中心-编辑')
    const editor = connectSeat(
      {
        serverUrl: server.url,
        ca: readFileSync(join(caDir, 'ca.crt')),
        cert: readFileSync(join(caDir, 'seats', '指挥中心-编辑.crt')),
        key: readFileSync(join(caDir, 'seats', '指挥中心-编辑.key'))
      },
      { appVersion: appVersion(), contractHash: contractHash() }
    )
    await editor.start()
    const login = await editor.dispatch('auth.login', { username: 'organiser', password })
    if (!login.ok) throw new Error(login.error.message)
    const token = (login.value as { token: string }).token
    const sent = new Map<number, number>()
    const writeMs: number[] = []
    // The editor's own stream names the version of each of its changes (it may hear it before its answer).
    const versions: number[] = []
    const stopWatch = editor.watch(token, (c) => {
      const change = c as { version: number; kinds: string[] }
      // Only this desk changes grids here: its changes are the ones of kind grids.
      if (change.kinds.includes('grids') && change.kinds.length === 1) versions.push(change.version)
    })
    let pending = 0
    const groups = [0, 1, 2].map((g) => plans.filter((_, i) => i % 3 === g))
    const work = Promise.all(
      groups.map(
        (seatsOfChild) =>
          new Promise<SeatsReport>((resolve, reject) => {
            const child = fork(join(repoRoot, 'tests/bench/townSeats.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' })
            child.on('message', (m: { ready?: boolean } | SeatsReport) => {
              if ('ready' in m) child.send({ ...job, seats: seatsOfChild } satisfies SeatsJob)
              else resolve(m as SeatsReport)
            })
            child.on('exit', (code) => code !== 0 && reject(new Error(`seat process exited ${code}`)))
          })
      )
    )
    const edits = (async () => {
      // Every desk is signed in and listening by then.
      await new Promise((r) => setTimeout(r, 10_000))
      const tree = await editor.dispatch('grids.get', { id: 1 }, { token })
      let version = tree.ok ? (tree.value as { version: number }).version : 1
      const end = Date.now() + (seconds - 14) * 1000
      while (Date.now() < end) {
        const t = Date.now()
        const r = await editor.dispatch('grids.update', { id: 1, version, patch: { inspector: `压测${version}` } }, { token })
        // Timed from the answer: the change is committed (and sent to the streams) when the write answers.
        pending = Date.now()
        writeMs.push(pending - t)
        if (r.ok) version = (r.value as { version: number }).version
        // Its version: the grids change the editor heard for it.
        await new Promise((res) => setTimeout(res, 200))
        const mine = versions.filter((v) => !sent.has(v)).pop()
        if (r.ok && mine !== undefined) sent.set(mine, pending)
        await new Promise((res) => setTimeout(res, 4800))
      }
    })()
    const { value: reports, peakMb } = await peakRss(
      server.pid,
      Promise.all([work, edits]).then(([r]) => r)
    )
    stopWatch()
    editor.close()
    const calls = reports.flatMap((r) => r.calls)
    const heard = reports.flatMap((r) => r.heard)
    const listening = plans.length - reports.reduce((n, r) => n + r.failedSeats.length, 0)
    const reach = [...sent].map(([version, at]) => {
      const arrivals = heard.filter((h) => h.version === version).map((h) => h.at - at)
      return { version, seats: arrivals.length, maxMs: arrivals.length ? Math.max(...arrivals) : Infinity }
    })
    return {
      calls: [...calls, ...writeMs.map((ms): Call => ({ op: 'grids.update (the timed change)', ms, ok: true }))],
      reach,
      listening,
      peakMb,
      outOfReach: reports.flatMap((r) => r.outOfReach),
      failedSeats: reports.flatMap((r) => r.failedSeats)
    }
  } finally {
    await server.stop()
  }
}

/** The whole bench (readers 2, then the main thread alone); the smoke test runs it small, on the pool only. */
export async function runTownNetworkBench({ seconds = 40, seats = 90, readersList = [2, 0], write = true } = {}) {
  const rows: CaseResult[] = []
  const summary: Record<string, unknown> = { machine: machine(), seats, seconds }
  for (const readers of readersList) {
    const label = readers ? `heavy reads on the pool (${readers} readers)` : 'heavy reads on the main thread'
    const r = await run(readers, seconds, seats)
    const small = r.calls.filter((c) => !c.op.startsWith('heavy') && !c.op.startsWith('wall'))
    const byOp = new Map<string, number[]>()
    for (const c of r.calls) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c.ms])
    rows.push({ case: `${label}: small calls (${small.length})`, unit: 'ms', app: stat(small.map((c) => c.ms)), goal: 'p95 < 200 ms' })
    for (const [op, ms] of byOp) rows.push({ case: `${label}: ${op} (${ms.length})`, unit: 'ms', app: stat(ms) })
    const maxReach = Math.max(...r.reach.map((x) => x.maxMs))
    rows.push({ case: `${label}: a change reaches every seat (${r.reach.length} changes)`, unit: 'ms', app: stat(r.reach.map((x) => x.maxMs)), goal: '< 1 s' })
    const failed = r.calls.filter((c) => !c.ok && c.code !== 'CONFLICT')
    summary[readers ? 'pool' : 'mainThread'] = {
      smallCalls: stat(small.map((c) => c.ms)),
      changes: r.reach.length,
      changeReachMaxMs: maxReach,
      everySeatHeard: r.reach.every((x) => x.seats >= r.listening),
      serverPeakRssMb: r.peakMb,
      outOfReach: r.outOfReach.length,
      failedSeats: r.failedSeats,
      failedCalls: failed.length,
      conflicts: r.calls.filter((c) => c.code === 'CONFLICT').length
    }
    console.log(
      `\n${label}: server peak RSS ${r.peakMb} MB; every seat heard every change: ${r.reach.every((x) => x.seats >= r.listening)} (${r.listening} seats); changes heard outside a desk's reach: ${r.outOfReach.length}; failed calls: ${failed.length}; seats that failed: ${r.failedSeats.length}`
    )
    console.log(`changes: ${r.reach.map((x) => `v${x.version} heard by ${x.seats} in ${x.maxMs} ms`).join('; ')}`)
    if (r.outOfReach.length) console.log(r.outOfReach.slice(0, 5).join('\n'))
    if (r.failedSeats.length) console.log(r.failedSeats.slice(0, 5).join('\n'))
  }
  printTable(`Town network: ${seats} seats for ${seconds} s (${machine()})`, rows)
  if (write) writeResults('townNetwork', { ...summary, rows })
  return { summary, rows }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runTownNetworkBench({ seconds: Number(process.argv[2] ?? 40), seats: Number(process.argv[3] ?? 90) }).catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
