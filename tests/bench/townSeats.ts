// One process of the town-network benchmark's desks (tests/bench/townNetwork.ts): many seats, each
// with its own TLS connection (its own seat certificate) and session, working as desks do — lists,
// people searches, an issue opened, a note written, the wall refreshed — with a think time between
// clicks, each listening to its change stream. Told what to do over IPC; answers with what it saw.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { connectSeat } from '../../electron/seat/seatConnection'
import type { Result } from '../../electron/shared/contract'

export type SeatPlan = { seat: string; username: string; kind: 'village' | 'office' | 'wall' | 'export' | 'check'; villageIds: number[] | null }
export type SeatsJob = { serverUrl: string; caDir: string; password: string; appVersion: string; contractHash: string; seats: SeatPlan[]; seconds: number }
export type Call = { op: string; ms: number; ok: boolean; code?: string }
export type SeatsReport = { calls: Call[]; heard: { seat: string; version: number; at: number }[]; outOfReach: string[]; failedSeats: string[] }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]

async function runSeat(job: SeatsJob, plan: SeatPlan, report: SeatsReport, deadline: number) {
  const seat = connectSeat(
    {
      serverUrl: job.serverUrl,
      ca: readFileSync(join(job.caDir, 'ca.crt')),
      cert: readFileSync(join(job.caDir, 'seats', `${plan.seat}.crt`)),
      key: readFileSync(join(job.caDir, 'seats', `${plan.seat}.key`))
    },
    { appVersion: job.appVersion, contractHash: job.contractHash, callTimeoutMs: 120_000 }
  )
  try {
    if ((await seat.start()).kind !== 'connected') throw new Error('not connected')
    const login = await seat.dispatch('auth.login', { username: plan.username, password: job.password })
    if (!login.ok) throw new Error(login.error.message)
    const token = (login.value as { token: string }).token
    const stop = seat.watch(token, (c) => {
      const change = c as { version: number; villageIds: number[] | null }
      report.heard.push({ seat: plan.seat, version: change.version, at: Date.now() })
      if (plan.villageIds && change.villageIds && change.villageIds.some((v) => !plan.villageIds!.includes(v)))
        report.outOfReach.push(`${plan.seat} heard villages ${change.villageIds.join(',')}`)
    })
    const call = async (op: string, method: string, input: unknown): Promise<Result<unknown>> => {
      const t = performance.now()
      const r = await seat.dispatch(method, input, { token })
      report.calls.push({ op, ms: performance.now() - t, ok: r.ok, code: r.ok ? undefined : r.error.code })
      return r
    }
    // Desks do not all start at the same instant.
    await sleep(Math.random() * 2000)
    let issues: { id: number; version: number; holderUnitId: number }[] = []
    while (Date.now() < deadline) {
      if (plan.kind === 'export') {
        await call('heavy: people.export (the ledger)', 'people.export', { registry: 'persons' })
        continue
      }
      if (plan.kind === 'check') {
        await call('heavy: grids.check (the town)', 'grids.check', {})
        continue
      }
      if (plan.kind === 'wall') {
        await call('wall.summary', 'wall.summary', {})
        await call('wall.points', 'wall.points', {})
        await sleep(5000)
        continue
      }
      const roll = Math.random()
      if (roll < 0.4 || issues.length === 0) {
        const r = await call('issues.list', 'issues.list', { limit: 50 })
        if (r.ok) issues = (r.value as { rows: typeof issues }).rows
      } else if (roll < 0.65) await call('persons.list (search)', 'persons.list', { q: pick(['陈', '李', '黄', '梁', '何']), limit: 50 })
      else if (roll < 0.85) await call('issues.get', 'issues.get', { id: pick(issues).id })
      else if (roll < 0.93) await call('households.list', 'households.list', { limit: 50 })
      else {
        const own = issues.filter((i) => plan.villageIds?.includes(i.holderUnitId))
        if (plan.kind === 'village' && own.length) {
          const i = pick(own)
          const r = await call('issues.act (note)', 'issues.act', {
            id: i.id,
            version: i.version,
            actingUnitId: i.holderUnitId,
            action: { type: 'note', note: '席位压测补充' }
          })
          if (r.ok) i.version = (r.value as { version: number }).version
        } else await call('issues.list', 'issues.list', { limit: 50 })
      }
      await sleep(1000 + Math.random() * 2000)
    }
    stop()
  } catch (e) {
    report.failedSeats.push(`${plan.seat}: ${(e as Error).message}`)
  } finally {
    seat.close()
  }
}

process.on('message', async (job: SeatsJob) => {
  const report: SeatsReport = { calls: [], heard: [], outOfReach: [], failedSeats: [] }
  const deadline = Date.now() + job.seconds * 1000
  await Promise.all(job.seats.map((p) => runSeat(job, p, report, deadline)))
  process.send!(report, () => process.exit(0))
})
process.send!({ ready: true })
