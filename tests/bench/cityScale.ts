// npm run bench (city part, issue 9) — the core's hot paths on a city-scale store (Foshan's grid
// counts, 300,000 households, 100,000 persons, 100,000 issues with their logs), each beside a raw
// reference measured in the same run: bulk write, list query, people search, figures, one action.
// Every app call is signed in and goes through the guard (role, scope, audit) as from a window.
// The browser cases (map load, highlight, start) and the briefing are measured by the other parts.
import { pathToFileURL } from 'node:url'
import { startCore } from '../../electron/core/app'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'
import { tempDbFile } from '../support/core'
import { buildCity, foshan, tiny, type CityScale } from './cityData'
import { compare, machine, printTable, repeat, stat, time, writeResults, type CaseResult } from './report'
import { signedIn } from './signedIn'
import { recordStatements, replayer } from './sameSql'
import { idCheckChar } from '../../electron/core/kernel/personalData'

export async function runCityBench(opts: { scale: CityScale; iterations: number; importRows: number; write?: boolean }) {
  let now = Date.parse('2026-11-22T01:00:00Z')
  const core = startCore({
    dbFile: tempDbFile(),
    migrationsFolder: defaultMigrationsFolder,
    resourcesFolder: defaultResourcesFolder,
    demo: false,
    clock: { now: () => new Date((now += 10)) }
  })
  const sqlite = core.store.sqlite
  let city!: ReturnType<typeof buildCity>
  const built = await time(() => (city = buildCity(sqlite, opts.scale)))
  const counts = sqlite
    .prepare(
      'select (select count(*) from grids) grids, (select count(*) from households) households, (select count(*) from persons) persons, (select count(*) from issues) issues, (select count(*) from issue_events) events'
    )
    .get() as Record<string, number>
  console.log(
    `城市数据：${Object.entries(counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join('，')}（生成 ${(built / 1000).toFixed(1)} s）`
  )
  const operator = await signedIn(core, 'operator')
  const organiser = await signedIn(core, 'organiser')
  const must = async (r: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const v = await r
    if (!v.ok) throw new Error(v.error!.message)
  }
  const n = opts.iterations
  const rows: CaseResult[] = []
  /** The reference: for each input, the statements the app ran for it, replayed directly and timed. */
  const sameSqlTimes = async (count: number, call: (i: number) => Promise<unknown>) => {
    const out: number[] = []
    for (let i = 0; i < count; i++) {
      const replay = replayer(sqlite, await recordStatements(sqlite, () => call(i)))
      out.push(await time(replay))
    }
    return out
  }

  // ── Bulk write: persons through the import (read, check, commit, change log, audit) ──────────────
  // Three files of new persons each way (a set's ID numbers differ by their sequence digits), so the
  // median is not one noisy run. The references insert the same shape of rows into the same tables.
  const village = sqlite.prepare("select name from units where kind = 'village' order by id limit 1").pluck().get() as string
  const villageId = sqlite.prepare("select id from units where kind = 'village' order by id limit 1").pluck().get() as number
  const personSet = (set: number) =>
    Array.from({ length: opts.importRows }, (_, k) => {
      const id17 = `440605${new Date(Date.UTC(1930, 0, 1) + (k % 5000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')}${String(100 + set * 20 + Math.floor(k / 5000)).padStart(3, '0')}`
      return { name: `导入${set}-${k}`, idNumber: id17 + idCheckChar(id17) }
    })
  const csvOf = (rows: { name: string; idNumber: string }[]) =>
    Buffer.from(`姓名,身份证号,户籍类型,居住村居\n${rows.map((p) => `${p.name},${p.idNumber},本镇户籍,${village}`).join('\n')}\n`).toString('base64')
  const insert = sqlite.prepare("insert into persons (name, id_number, id_tail, hukou, village_unit_id, created_at) values (?, ?, ?, '本镇户籍', ?, ?)")
  const columns = sqlite.prepare("select name from pragma_table_info('persons')").pluck().all() as string[]
  const logRow = sqlite.prepare(
    `insert into changes (batch_id, entity, entity_id, action, after, summary) select ?, 'person', id, 'create', json_object(${columns.map((c) => `'${c}', ${c}`).join(', ')}), '新建：' || name from persons where id = ?`
  )
  const newBatch = sqlite.prepare("insert into change_batches (kind, actor, at, description) values ('people-import', 'bench', '2026-11-22', '参照')")
  const importMs: number[] = []
  const plainMs: number[] = []
  const loggedMs: number[] = []
  const bulkRuns = 3
  for (let r = 0; r < bulkRuns; r++) {
    const csv = csvOf(personSet(r))
    importMs.push(await time(() => must(organiser.call('people.import', { kind: 'persons', fileName: '导入.csv', contentBase64: csv, dryRun: false }))))
    const plain = personSet(10 + r)
    plainMs.push(
      await time(() => sqlite.transaction(() => plain.forEach((p) => insert.run(p.name, p.idNumber, p.idNumber.slice(-4), villageId, '2026-11-22')))())
    )
    const logged = personSet(20 + r)
    loggedMs.push(
      await time(() =>
        sqlite.transaction(() => {
          const batch = newBatch.run().lastInsertRowid
          for (const p of logged) logRow.run(batch, insert.run(p.name, p.idNumber, p.idNumber.slice(-4), villageId, '2026-11-22').lastInsertRowid)
        })()
      )
    )
  }
  const perSecond = (ms: number[]) => ({ p50: (opts.importRows * 1000) / stat(ms).p50, p95: (opts.importRows * 1000) / stat(ms).p95 })
  const bulkCase = `bulk write: ${opts.importRows.toLocaleString('en')} persons through people.import (median of ${bulkRuns})`
  rows.push(
    compare({
      case: bulkCase,
      unit: 'rows/s',
      app: perSecond(importMs),
      reference: perSecond(plainMs),
      referenceCase: 'prepared insert loop, one transaction',
      goal: '≤ 2'
    })
  )
  rows.push(
    compare({
      case: `${bulkCase}, against the writes it must make`,
      unit: 'rows/s',
      app: perSecond(importMs),
      reference: perSecond(loggedMs),
      referenceCase: 'the same loop plus one change-log row per person (what undo needs)',
      goal: '≤ 2'
    })
  )

  // ── List query: issues, three filters and a sort, one page ───────────────────────────────────────
  const categories = ['环境卫生', '矛盾纠纷', '城市管理', '出租屋消防隐患']
  const listInput = (i: number) => ({
    filters: { status: i % 2 ? 'closed' : 'open', category: categories[i % 4], from: `${2022 + (i % 4)}-01-01` },
    sort: { field: 'createdAt', dir: 'desc' as const },
    offset: (i * 37) % 300,
    limit: 100
  })
  const listApp = await repeat(n, (i) => must(operator.call('issues.list', listInput(i))))
  const listRef = await sameSqlTimes(n, (i) => operator.call('issues.list', listInput(i)))
  rows.push(
    compare({
      case: 'list query: issues.list, status + category + period, sorted, page of 100',
      unit: 'ms',
      app: stat(listApp),
      reference: stat(listRef),
      referenceCase: 'the same SQL (count + page) run directly',
      goal: '≤ 1.5, p95 < 50 ms'
    })
  )

  // ── People search: a name prefix and a phone tail over the persons ──────────────────────────────
  const names = sqlite.prepare('select name, phone from persons where phone is not null order by id limit 200').all() as { name: string; phone: string }[]
  const q = (i: number) => (i % 2 ? names[i % names.length].phone.slice(-4) : names[i % names.length].name.slice(0, 2))
  const searchApp = await repeat(n, (i) => must(operator.call('persons.list', { q: q(i), limit: 100 })))
  const searchRef = await sameSqlTimes(n, (i) => operator.call('persons.list', { q: q(i), limit: 100 }))
  rows.push(
    compare({
      case: 'people search: quick search (name prefix / phone tail), page of 100',
      unit: 'ms',
      app: stat(searchApp),
      reference: stat(searchRef),
      referenceCase: 'the same SQL (count + page) run directly',
      goal: '≤ 1.5, p95 < 50 ms'
    })
  )

  // ── Figures: stats.kpis for a year, city scope ──────────────────────────────────────────────────
  const years = [2022, 2023, 2024, 2025, 2026]
  const kpiN = Math.min(n, 40)
  const kpis = (i: number) => operator.call('stats.kpis', { from: `${years[i % 5]}-01-01`, to: `${years[i % 5]}-12-31` })
  const kApp = await repeat(kpiN, (i) => must(kpis(i)))
  const kRef = await sameSqlTimes(kpiN, kpis)
  rows.push(
    compare({
      case: 'figures: stats.kpis for a year, city scope (all figures, by category, office and village)',
      unit: 'ms',
      app: stat(kApp),
      reference: stat(kRef),
      referenceCase: 'the same SQL (its five queries) run directly',
      goal: '≤ 1.5, p95 < 300 ms'
    })
  )

  // ── Action: one issue action with its log and audit rows, synchronous=FULL ─────────────────────
  const open = sqlite.prepare("select id, version from issues where status = 'accepted' limit ?").all(n) as { id: number; version: number }[]
  const aApp = await repeat(open.length, (i) =>
    must(
      operator.call('issues.act', { id: open[i].id, version: open[i].version, actingUnitId: city.town, action: { type: 'supervise', note: '基准测试督办' } })
    )
  )
  const raw = sqlite.prepare("insert into issue_events (issue_id, at, action, actor, status_after) values (?, ?, 'note', 'bench', 'accepted')")
  const aRef = await repeat(open.length, (i) => sqlite.transaction(() => raw.run(open[i].id, '2026-11-22T01:00:00Z'))())
  rows.push(
    compare({
      case: `action: issues.act (supervise) + log + audit, synchronous=FULL`,
      unit: 'ms',
      app: stat(aApp),
      reference: stat(aRef),
      referenceCase: 'one raw insert + commit',
      goal: 'p95 < 20 ms'
    })
  )

  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  core.close()
  printTable(`城市规模（${machine()}）`, rows)
  console.log(`进程峰值内存（RSS）：${peakRssMb} MB`)
  const result = { at: new Date().toISOString(), machine: machine(), counts, buildSeconds: built / 1000, iterations: n, peakRssMb, cases: rows }
  if (opts.write !== false) writeResults('city', result)
  return result
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const small = process.env.BENCH_SCALE === 'tiny'
  runCityBench({ scale: small ? tiny : foshan, iterations: Number(process.env.BENCH_ITER ?? (small ? 10 : 200)), importRows: small ? 200 : 10_000 }).catch(
    (e) => {
      console.error(e)
      process.exit(1)
    }
  )
}
