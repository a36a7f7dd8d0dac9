// npm run bench (third part) — issues at 100,000: the list with three filters and a sort (p95),
// stats.kpis for a year, and one action with its log write at synchronous=FULL, each beside a raw
// reference in the same run. Adds an `issues` section to bench-results.json.
import { signedIn } from './signedIn'
import { stat, time, writeResults } from './report'
import { startCore } from '../../electron/core/app'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'
import { tempDbFile } from '../support/core'
import { createIssueFigureService } from '../../electron/core/issues/issueFigures'

const TARGET = 100_000
const ITER = Number(process.env.BENCH_ITER ?? 300)

async function main() {
  let now = Date.parse('2026-11-22T01:00:00Z')
  const core = startCore({
    dbFile: tempDbFile(),
    migrationsFolder: defaultMigrationsFolder,
    resourcesFolder: defaultResourcesFolder,
    clock: { now: () => new Date((now += 1000)) }
  })
  const user = await signedIn(core, 'operator')
  const sqlite = core.store.sqlite
  // Copies of the demo's five years, spread over twenty (the city's load on one store).
  const base = (sqlite.prepare('select count(*) n from issues').get() as { n: number }).n
  const copies = Math.ceil((TARGET - base) / base)
  const cols = (sqlite.prepare('pragma table_info(issues)').all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id' && c !== 'code' && c !== 'created_at' && c !== 'closed_at')
  const ecols = (sqlite.prepare('pragma table_info(issue_events)').all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id' && c !== 'issue_id' && c !== 'at')
  sqlite.transaction(() => {
    for (let k = 1; k <= copies && (sqlite.prepare('select count(*) n from issues').get() as { n: number }).n < TARGET; k++) {
      const shift = `-${k * 365} days`
      const maxId = (sqlite.prepare('select max(id) m from issues').get() as { m: number }).m
      sqlite
        .prepare(
          `insert into issues (id, code, created_at, closed_at, ${cols.join(', ')})
           select id + ${maxId}, 'C${k}-' || code, strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '${shift}'), case when closed_at is null then null else strftime('%Y-%m-%dT%H:%M:%fZ', closed_at, '${shift}') end, ${cols.join(', ')}
           from issues where id <= ${base} limit ${TARGET}`
        )
        .run()
      sqlite
        .prepare(
          `insert into issue_events (issue_id, at, ${ecols.join(', ')}) select issue_id + ${maxId}, strftime('%Y-%m-%dT%H:%M:%fZ', at, '${shift}'), ${ecols.join(', ')} from issue_events where issue_id <= ${base}`
        )
        .run()
    }
  })()
  sqlite.exec('analyze')
  const total = (sqlite.prepare('select count(*) n from issues').get() as { n: number }).n
  console.log(`事件：${total.toLocaleString()} 件`)
  const rows: { case: string; app: { p50: number; p95: number }; reference?: { p50: number; p95: number }; referenceCase?: string; ratio?: number }[] = []

  // ── List: status + category + period, sorted by deadline ────────────────────────────────────────
  const categories = ['环境卫生', '矛盾纠纷', '城市管理', '出租屋消防隐患']
  const app: number[] = []
  const ref: number[] = []
  const svc = createIssueFigureService(core.store.db, { now: () => new Date(now) })
  for (let i = 0; i < ITER; i++) {
    const input = {
      filters: { status: i % 2 ? 'closed' : 'open', category: categories[i % 4], from: `${2010 + (i % 15)}-01-01` },
      sort: { field: 'createdAt', dir: 'desc' as const },
      offset: (i * 37) % 500,
      limit: 100
    }
    app.push(
      await time(async () => {
        const r = await user.call('issues.list', input)
        if (!r.ok) throw new Error(JSON.stringify(r.error))
      })
    )
    // The same SQL through the service directly: no validation, no output check.
    ref.push(await time(() => svc.list(input)))
  }
  rows.push({
    case: 'issues.list: status + category + period, sorted, page of 100',
    app: stat(app),
    reference: stat(ref),
    referenceCase: 'the service’s SQL without the dispatcher (validation, output check)',
    ratio: stat(app).p95 / stat(ref).p95
  })

  // ── Figures for a year ──────────────────────────────────────────────────────────────────────────
  const kApp: number[] = []
  const kRef: number[] = []
  const agg = sqlite.prepare(
    `select count(*) collected, sum(i.status = 'closed' and i.closed_at < @to) resolved, sum(i.closed_on_time) onTime, sum(i.closed_level = 1 and i.escalations = 0) atVillage,
       sum(i.closed_level <= 3) atOrBelowTown, sum(i.supervised > 0) supervised, sum(i.escalations) escalations from issues i where i.created_at >= @from and i.created_at < @to and i.status <> 'merged'`
  )
  for (let i = 0; i < Math.min(ITER, 60); i++) {
    const year = 2024 - (i % 10)
    kApp.push(
      await time(async () => {
        const r = await user.call('stats.kpis', { from: `${year}-01-01`, to: `${year}-12-31` })
        if (!r.ok) throw new Error(JSON.stringify(r.error))
      })
    )
    kRef.push(await time(() => agg.get({ from: `${year}-01-01`, to: `${year}-12-31T99` })))
  }
  rows.push({
    case: 'stats.kpis for a year, town scope (all figures, by category and village)',
    app: stat(kApp),
    reference: stat(kRef),
    referenceCase: 'the headline aggregate query alone',
    ratio: stat(kApp).p95 / stat(kRef).p95
  })

  // ── One action with its log write, at synchronous=FULL ─────────────────────────────────────────
  const waiting = sqlite.prepare("select i.id, i.version from issues i where i.status in ('reported', 'accepted') limit ?").all(ITER) as {
    id: number
    version: number
  }[]
  const town = (sqlite.prepare("select id from units where kind = 'town'").get() as { id: number }).id
  const aApp: number[] = []
  for (const w of waiting)
    aApp.push(
      await time(async () => {
        // The command centre supervises: allowed on any open issue, so every call writes.
        const r = await user.call('issues.act', { id: w.id, version: w.version, actingUnitId: town, action: { type: 'supervise', note: '基准测试督办' } })
        if (!r.ok) throw new Error(JSON.stringify(r.error))
      })
    )
  const raw = sqlite.prepare("insert into issue_events (issue_id, at, action, actor, status_after) values (?, ?, 'note', 'bench', 'accepted')")
  const aRef: number[] = []
  for (const w of waiting) aRef.push(await time(() => sqlite.transaction(() => raw.run(w.id, new Date(now).toISOString()))()))
  rows.push({
    case: `issues.act: one action + its log row, synchronous=FULL (${waiting.length} actions)`,
    app: stat(aApp),
    reference: stat(aRef),
    referenceCase: 'one raw insert + commit',
    ratio: stat(aApp).p95 / stat(aRef).p95
  })
  core.close()

  console.log('\n| case | the app p50 / p95 (ms) | raw reference p50 / p95 (ms) | ratio (p95) |\n|---|---|---|---|')
  for (const r of rows)
    console.log(
      `| ${r.case} | ${r.app.p50.toFixed(1)} / ${r.app.p95.toFixed(1)} | ${r.reference ? `${r.reference.p50.toFixed(1)} / ${r.reference.p95.toFixed(1)} (${r.referenceCase})` : '—'} | ${r.ratio ? r.ratio.toFixed(2) : '—'} |`
    )
  writeResults('issues', { at: new Date().toISOString(), issues: total, iterations: ITER, cases: rows })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
