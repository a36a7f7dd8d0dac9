// Any bytes at all: the importer answers with a report, never throws, and either commits exactly
// what it accepted or writes nothing. Random files, valid files mutated, truncated, and a 50 MB GeoJSON.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Output } from '../../electron/shared/contract'
import type { Core } from '../../electron/core/app'
import { testCore } from '../support/core'
import { base64, kmlDocument, kmz, zippedShapefile } from '../support/fixtures'

let core: Core
let seeds: { name: string; bytes: Uint8Array }[]
beforeAll(() => {
  core = testCore()
  const v = core.store.sqlite.prepare("select code, label_lon x, label_lat y from grids where tier = 1 and name = '汀圃社区'").get() as {
    code: string
    x: number
    y: number
  }
  const ring: [number, number][] = [
    [v.x, v.y],
    [v.x + 0.0004, v.y],
    [v.x + 0.0004, v.y + 0.0004],
    [v.x, v.y + 0.0004],
    [v.x, v.y]
  ]
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: '样例', parent_code: v.code }, geometry: { type: 'Polygon', coordinates: [ring] } }]
  })
  seeds = [
    { name: 'a.geojson', bytes: new TextEncoder().encode(geojson) },
    { name: 'a.kml', bytes: new TextEncoder().encode(kmlDocument([{ name: '样例', rings: [ring] }])) },
    { name: 'a.kmz', bytes: kmz(kmlDocument([{ name: '样例', rings: [ring] }])) },
    {
      name: 'a.zip',
      bytes: zippedShapefile({
        shapes: [[[ring]]],
        fields: [
          { name: '名称', type: 'C', length: 20 },
          { name: '上级编码', type: 'C', length: 20 }
        ],
        records: [{ 名称: '样例', 上级编码: v.code }]
      })
    }
  ]
})
afterAll(() => core.close())

const count = () => (core.store.sqlite.prepare('select count(*) n from grids').get() as { n: number }).n

async function importAndCheck(name: string, bytes: Uint8Array, dryRun: boolean) {
  const before = count()
  const r = await core.dispatch(
    'grids.import',
    { fileName: name, contentBase64: base64(bytes), options: { tier: 2, parentMatch: 'code', mode: 'add' }, dryRun },
    { internal: '模糊测试' }
  )
  expect(r.ok, JSON.stringify(!r.ok && r.error)).toBe(true)
  const report = (r as { value: Output<'grids.import'> }).value
  expect(typeof report.fileError === 'string' || report.featureCount > 0).toBe(true)
  expect(count() - before).toBe(report.committed ? report.accepted : 0)
  if (report.committed) await core.dispatch('changes.undo', { batchId: report.batchId })
  expect(count()).toBe(before)
}

describe('importer under bad input', () => {
  it('answers random bytes with a report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('x.zip', 'x.geojson', 'x.kml', 'x.shp', 'x'), (bytes, name) =>
        importAndCheck(name, bytes, false)
      ),
      { numRuns: 150 }
    )
  })

  it('answers mutated and truncated valid files with a report, committing all it accepted or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.option(fc.nat(), { nil: undefined }),
        fc.boolean(),
        async (which, flips, cut, dryRun) => {
          const { name, bytes: original } = seeds[which]
          const bytes = original.slice(0, cut === undefined ? original.length : cut % (original.length + 1))
          for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value
          await importAndCheck(name, bytes, dryRun)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('answers a 50 MB GeoJSON with a full report', async () => {
    const ring = (i: number) => {
      const pts = Array.from({ length: 120 }, (_, k) => {
        const t = (k / 120) * Math.PI * 2
        return [116.3 + (i % 200) * 0.001 + 0.0004 * Math.cos(t), 39.9 + Math.floor(i / 200) * 0.001 + 0.0004 * Math.sin(t)].map((v) => Number(v.toFixed(7)))
      })
      return [...pts, pts[0]]
    }
    const features = Array.from({ length: 18_000 }, (_, i) => ({
      type: 'Feature',
      properties: { name: `北京网格${i}`, parent_code: 'x' },
      geometry: { type: 'Polygon', coordinates: [ring(i)] }
    }))
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }))
    expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024)
    const r = await core.dispatch('grids.import', {
      fileName: 'big.geojson',
      contentBase64: base64(bytes),
      options: { tier: 2, parentMatch: 'code' },
      dryRun: true
    })
    expect(r.ok).toBe(true)
    const report = (r as { value: Output<'grids.import'> }).value
    expect(report.featureCount).toBe(18_000)
    expect(report.accepted).toBe(0)
    expect(report.rejected).toHaveLength(18_000)
    expect(report.rejected[0].reasons.join()).toContain('不在狮山镇范围内')
  }, 120_000)
})
