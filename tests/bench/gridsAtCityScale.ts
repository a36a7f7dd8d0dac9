// npm run bench — grid import and health check at Foshan's tier-3 count (10,721 polygons), beside
// a raw reference measured in the same run. Not a test: it prints figures and writes
// bench-results.json. (Issue 9 extends this into the full city-scale benchmark.)
import Database from 'better-sqlite3'
import { signedIn } from './signedIn'
import { time, writeResults } from './report'
import { startCore } from '../../electron/core/app'
import { fixedClock } from '../../electron/core/clock'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'
import { apportion, createRng } from '../../electron/core/demo/prng'
import { partition, spreadPoints } from '../../electron/core/demo/partition'
import { fromGeoJsonGeometry, toGeoJsonGeometry, withoutRepeatedPoints, mapCoords, roundTo } from '../../electron/core/kernel/geometry'
import { tempDbFile } from '../support/core'
import { nodeShapes } from '../../electron/core/demo/topology'

const TIER3 = 10_721
const runs = Number(process.env.BENCH_RUNS ?? 3)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function newCore() {
  return startCore({
    dbFile: tempDbFile(),
    migrationsFolder: defaultMigrationsFolder,
    resourcesFolder: defaultResourcesFolder,
    clock: fixedClock('2026-11-22T09:00:00+08:00'),
    demoPeople: false
  })
}

/** 10,721 tier-3 cells tiling the demo town's 600 tier-2 grids, as a GeoJSON file with parent codes. */
function cityScaleFile(sqlite: Database.Database): { bytes: Buffer; features: { name: string; code: string; parent: string; geometry: string }[] } {
  const parents = sqlite.prepare('select code, geometry, area_km2 from grids where tier = 2 order by id').all() as {
    code: string
    geometry: string
    area_km2: number
  }[]
  const counts = apportion(
    TIER3,
    parents.map((p) => p.area_km2),
    1
  )
  const rng = createRng(42)
  const features: { name: string; code: string; parent: string; geometry: string }[] = []
  parents.forEach((p, i) => {
    const shape = fromGeoJsonGeometry(JSON.parse(p.geometry))
    // Noded like surveyed data: neighbours share their vertices exactly.
    const cells = nodeShapes([shape, ...partition(shape, spreadPoints(shape, counts[i], rng, 1))], 1e-10).slice(1)
    cells.forEach((cell, k) => {
      const code = `${p.code}${String(k + 1).padStart(2, '0')}`
      features.push({
        name: `第${k + 1}党小组`,
        code,
        parent: p.code,
        geometry: JSON.stringify(toGeoJsonGeometry(withoutRepeatedPoints(mapCoords(cell, ([x, y]) => [roundTo(x, 7), roundTo(y, 7)]))))
      })
    })
  })
  const doc = {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', properties: { name: f.name, code: f.code, parent_code: f.parent }, geometry: JSON.parse(f.geometry) }))
  }
  return { bytes: Buffer.from(JSON.stringify(doc)), features }
}

async function main() {
  const base = newCore()
  const { bytes, features } = cityScaleFile(base.store.sqlite)
  base.close()
  console.log(`文件：${features.length} 个三级网格，${(bytes.length / 1024 / 1024).toFixed(1)} MB GeoJSON`)
  const input = (dryRun: boolean) => ({
    fileName: 'foshan-scale.geojson',
    contentBase64: bytes.toString('base64'),
    options: { tier: 3, parentMatch: 'code', mode: 'replace' },
    dryRun
  })

  const preview: number[] = []
  const commit: number[] = []
  const check: number[] = []
  const raw: number[] = []
  let checked = 0
  let problems = 0
  let byKind = ''
  for (let r = 0; r < runs; r++) {
    const core = newCore()
    const user = await signedIn(core, 'organiser')
    preview.push(
      await time(async () => {
        const res = await user.call('grids.import', input(true))
        if (!res.ok || (res.value as { accepted: number }).accepted !== TIER3) throw new Error(`preview failed: ${JSON.stringify(res).slice(0, 300)}`)
      })
    )
    commit.push(
      await time(async () => {
        const res = await user.call('grids.import', input(false))
        if (!res.ok || !(res.value as { committed: boolean }).committed) throw new Error('commit failed')
      })
    )
    check.push(
      await time(async () => {
        const res = await user.call('grids.check', {})
        if (!res.ok) throw new Error('check failed')
        const v = res.value as { checkedGrids: number; problems: unknown[] }
        checked = v.checkedGrids
        problems = v.problems.length
        byKind = Object.entries((v.problems as { kind: string }[]).reduce((m: Record<string, number>, p) => ((m[p.kind] = (m[p.kind] ?? 0) + 1), m), {}))
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')
      })
    )
    core.close()
    // Raw reference: the same rows through one prepared insert loop in one transaction.
    const ref = newCore()
    const sqlite = ref.store.sqlite
    sqlite.prepare('delete from grids where tier = 3').run()
    const parentId = new Map(
      (sqlite.prepare('select id, code, village_unit_id from grids where tier = 2').all() as { id: number; code: string; village_unit_id: number }[]).map(
        (p) => [p.code, p]
      )
    )
    const insert = sqlite.prepare(
      `insert into grids (tier, code, name, label, kind, parent_id, village_unit_id, geometry, min_lon, min_lat, max_lon, max_lat, label_lon, label_lat, area_km2)
       values (3, ?, ?, ?, '党小组', ?, ?, ?, 0, 0, 0, 0, 0, 0, 0)`
    )
    raw.push(
      await time(() =>
        sqlite.transaction(() => {
          for (const f of features) {
            const p = parentId.get(f.parent)!
            insert.run(f.code + 'r', f.name, f.name, p.id, p.village_unit_id, f.geometry)
          }
        })()
      )
    )
    ref.close()
  }
  const rows = [
    { case: 'import preview (dry run), 10,721 polygons', app: median(preview) },
    { case: 'import commit (replace), 10,721 polygons', app: median(commit), reference: median(raw), referenceCase: 'prepared insert loop, one transaction' },
    { case: `health check, whole town (${checked} grids)`, app: median(check) }
  ]
  console.log('\n| case | the app (median ms) | raw reference (median ms) | ratio |\n|---|---|---|---|')
  for (const r of rows)
    console.log(`| ${r.case} | ${r.app.toFixed(0)} | ${r.reference ? r.reference.toFixed(0) : '—'} | ${r.reference ? (r.app / r.reference).toFixed(1) : '—'} |`)
  console.log(`\nhealth check: ${problems} problems (${byKind})`)
  writeResults('grids', { runs, at: new Date().toISOString(), cases: rows })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
