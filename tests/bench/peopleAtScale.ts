// npm run bench (second part) — people at 100,000 persons: registry filter and quick search (p95,
// through the dispatcher) beside the same SQL run directly; placing 1,900 reporting members;
// importing 10,000 rows beside a raw insert loop. Adds a `people` section to bench-results.json.
import ExcelJS from 'exceljs'
import { signedIn } from './signedIn'
import { pct, time, writeResults } from './report'
import { startCore } from '../../electron/core/app'
import { fixedClock } from '../../electron/core/clock'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'
import { createRng } from '../../electron/core/demo/prng'
import { demoIdNumber, demoPhone } from '../../electron/core/demo/identities'
import { personName } from '../../electron/core/demo/names'
import { registrySpecs } from '../../electron/core/people/registries'
import { whereOf } from '../../electron/core/db/sqlList'
import { tempDbFile } from '../support/core'

const PERSONS = 100_000
const ITER = Number(process.env.BENCH_ITER ?? 300)

async function main() {
  const started = performance.now()
  const core = startCore({
    dbFile: tempDbFile(),
    migrationsFolder: defaultMigrationsFolder,
    resourcesFolder: defaultResourcesFolder,
    clock: fixedClock('2026-11-22T09:00:00+08:00')
  })
  const user = await signedIn(core, 'organiser')
  const seedMs = performance.now() - started
  const sqlite = core.store.sqlite
  const rng = createRng(7)
  const usedIds = new Set((sqlite.prepare('select id_number from persons').all() as { id_number: string }[]).map((r) => r.id_number))
  const usedPhones = new Set((sqlite.prepare('select phone from persons').all() as { phone: string }[]).map((r) => r.phone))
  const villages = (sqlite.prepare("select id from units where kind = 'village'").all() as { id: number }[]).map((v) => v.id)
  const have = (sqlite.prepare('select count(*) n from persons').get() as { n: number }).n
  const insert = sqlite.prepare(
    `insert into persons (name, gender, id_number, id_tail, phone, phone_tail, hukou, is_party_member, village_unit_id, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, '2026-11-22')`
  )
  sqlite.transaction(() => {
    for (let i = have; i < PERSONS; i++) {
      const gender = rng.next() < 0.5 ? '男' : '女'
      const hukou = rng.next() < 0.4 ? '非佛山户籍' : rng.next() < 0.1 ? '佛山市户籍' : '本镇户籍'
      const id = demoIdNumber(rng, hukou === '非佛山户籍' ? '452101' : '440605', gender, [1950, 2005], usedIds)
      const phone = demoPhone(rng, usedPhones)
      insert.run(personName(rng), gender, id, id.slice(-4), phone, phone.slice(-4), hukou, rng.pick(villages))
    }
  })()
  console.log(`示例库 ${Math.round(seedMs)} ms；人员补足到 ${PERSONS.toLocaleString()} 人`)

  // ── Registry filter and quick search: the dispatcher vs the same SQL, prepared once ────────────
  const queries = [
    {
      case: 'persons: filter 户籍=非佛山户籍, sort by name, page of 100 at random offsets',
      input: (i: number) => ({ filters: { hukou: '非佛山户籍' }, sort: { field: 'name', dir: 'asc' as const }, offset: (i * 997) % 30_000, limit: 100 })
    },
    { case: 'persons: quick search by phone tail (4 digits)', input: (i: number) => ({ q: String(1000 + ((i * 37) % 9000)), offset: 0, limit: 100 }) },
    { case: 'persons: quick search by name prefix', input: (i: number) => ({ q: ['陈', '李志', '黄', '梁国', '何'][i % 5], offset: 0, limit: 100 }) }
  ]
  const rows: { case: string; app: { p50: number; p95: number }; reference?: { p50: number; p95: number }; ratio?: number }[] = []
  const spec = registrySpecs.persons
  for (const q of queries) {
    const app: number[] = []
    const ref: number[] = []
    for (let i = 0; i < ITER; i++) {
      const input = q.input(i)
      app.push(
        await time(async () => {
          const r = await user.call('persons.list', input)
          if (!r.ok) throw new Error(JSON.stringify(r.error))
        })
      )
      // The reference: the very statements the service builds, prepared once, results unprocessed.
      const where = whereOf(spec, input)
      const sort = 'sort' in input ? input.sort : undefined
      const order = sort ? `${spec.sortable[sort.field]} asc, ${spec.defaultOrder}` : spec.defaultOrder
      const count = sqlite.prepare(`select count(*) as n from ${spec.countFrom} ${where.sql}`)
      const page = sqlite.prepare(
        `select ${spec.select} from ${spec.from} where ${spec.key} in (select ${spec.key} from ${spec.from} ${where.sql} order by ${order} limit ? offset ?) order by ${order}`
      )
      ref.push(
        await time(() => {
          count.get(...where.params)
          page.all(...where.params, input.limit, input.offset)
        })
      )
    }
    const a = { p50: pct(app, 0.5), p95: pct(app, 0.95) }
    const b = { p50: pct(ref, 0.5), p95: pct(ref, 0.95) }
    rows.push({ case: q.case, app: a, reference: b, ratio: a.p95 / b.p95 })
  }

  // ── Placing 1,900 reporting members (every village, nearest-first, capacity 30) ───────────────
  sqlite.prepare('update reporting_members set group_grid_id = null, placement = null, placed_at = null, placement_reason = null').run()
  const reportingVillages = (sqlite.prepare('select distinct village_unit_id v from reporting_members').all() as { v: number }[]).map((r) => r.v)
  let placed = 0
  const placeMs = await time(async () => {
    for (const v of reportingVillages) {
      const r = await user.call('placement.placeSuggested', { villageUnitId: v })
      if (!r.ok) throw new Error(JSON.stringify(r.error))
      placed += (r.value as { placed: number }).placed
    }
  })
  rows.push({
    case: `placement: ${placed.toLocaleString()} reporting members in ${reportingVillages.length} villages (one undoable batch each)`,
    app: { p50: placeMs, p95: placeMs }
  })

  // ── Importing 10,000 rows of persons from Excel ────────────────────────────────────────────────
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('人员')
  sheet.addRow(['姓名', '性别', '身份证号', '手机号码', '户籍类型', '是否党员', '居住村居', '住址'])
  const importRows: [string, string, string, string, string][] = []
  for (let i = 0; i < 10_000; i++) {
    const gender = i % 2 ? '男' : '女'
    const id = demoIdNumber(rng, '440605', gender, [1960, 2004], usedIds)
    const phone = demoPhone(rng, usedPhones)
    importRows.push([personName(rng), gender, id, phone, '本镇户籍'])
    sheet.addRow([importRows[i][0], gender, id, phone, '本镇户籍', '否', '汀圃社区', `汀圃社区${i + 1}号`])
  }
  const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
  let accepted = 0
  const importMs = await time(async () => {
    const r = await user.call('people.import', { kind: 'persons', fileName: 'bench.xlsx', contentBase64: content, dryRun: false })
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    accepted = (r.value as { accepted: number }).accepted
  })
  const village = (sqlite.prepare("select id from units where name = '汀圃社区'").get() as { id: number }).id
  const rawMs = await time(() =>
    sqlite.transaction(() => {
      for (const [name, gender, id, phone, hukou] of importRows)
        insert.run(name, gender, `R${id.slice(1)}`, id.slice(-4), `9${phone.slice(1)}`, phone.slice(-4), hukou, village)
    })()
  )
  rows.push({
    case: `import: ${accepted.toLocaleString()} persons from a 10,000-row Excel file (read, check, commit, change log)`,
    app: { p50: importMs, p95: importMs },
    reference: { p50: rawMs, p95: rawMs },
    ratio: importMs / rawMs
  })
  core.close()

  console.log('\n| case | the app p50 / p95 (ms) | raw reference p50 / p95 (ms) | ratio (p95) |\n|---|---|---|---|')
  for (const r of rows)
    console.log(
      `| ${r.case} | ${r.app.p50.toFixed(1)} / ${r.app.p95.toFixed(1)} | ${r.reference ? `${r.reference.p50.toFixed(1)} / ${r.reference.p95.toFixed(1)}` : '—'} | ${r.ratio ? r.ratio.toFixed(2) : '—'} |`
    )
  writeResults('people', { at: new Date().toISOString(), persons: PERSONS, iterations: ITER, cases: rows })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
