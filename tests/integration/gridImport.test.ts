// grids.import on a real store, with files made here whose answers are known.
import proj4 from 'proj4'
import { strToU8, zipSync } from 'fflate'
import { beforeEach, afterEach, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import type { Core } from '../../electron/core/app'
import { convertPoint } from '../../electron/core/grids/domain/crs'
import { fromGeoJsonGeometry, mapCoords, type MultiPolygonCoords, type Pt } from '../../electron/core/kernel/geometry'
import { partition, spreadPoints } from '../../electron/core/demo/partition'
import { createRng } from '../../electron/core/demo/prng'
import { ok, testCore } from '../support/core'
import { base64, cgcs2000Gk114Prj, kmlDocument, kmz, zippedShapefile } from '../support/fixtures'

let core: Core
beforeEach(() => {
  core = testCore()
})
afterEach(() => core.close())
const run = (fileName: string, bytes: Uint8Array | string, options: Input<'grids.import'>['options'], dryRun = true) =>
  ok(core, 'grids.import', { fileName, contentBase64: base64(bytes), options, dryRun })
const sql = <T>(q: string, ...a: unknown[]) => core.store.sqlite.prepare(q).get(...a) as T
const all = <T>(q: string, ...a: unknown[]) => core.store.sqlite.prepare(q).all(...a) as T[]
const tingpu = () => sql<{ id: number; code: string; geometry: string }>("select id, code, geometry from grids where tier = 1 and name = '汀圃社区'")
const metres = (a: number[], b: number[]) => Math.hypot((a[0] - b[0]) * 102_400, (a[1] - b[1]) * 110_600)

/** The village cut into n new tier-2 cells that cover it exactly (lon/lat). */
function recut(n: number): MultiPolygonCoords[] {
  const shape = fromGeoJsonGeometry(JSON.parse(tingpu().geometry))
  return partition(shape, spreadPoints(shape, n, createRng(11), 2))
}
const tier2Fields = [
  { name: '名称', type: 'C' as const, length: 40 },
  { name: '编码', type: 'C' as const, length: 20 },
  { name: '上级编码', type: 'C' as const, length: 20 },
  { name: '户数', type: 'N' as const, length: 8 }
]

describe('importing a zipped Shapefile', () => {
  it('reads GBK attributes without a .cpg, previews, replaces the village’s tier-2 grids in one batch, and undoes it', async () => {
    const village = tingpu()
    const before = all<{ id: number }>(
      'select id from grids where village_unit_id = (select village_unit_id from grids where id = ?) and tier > 1',
      village.id
    ).length
    const shapes = recut(3)
    const file = zippedShapefile({
      shapes,
      fields: tier2Fields,
      records: ['新一经济社', '新二经济社', '新三经济社'].map((name, i) => ({
        名称: name,
        编码: `${village.code}9${i + 1}1`,
        上级编码: village.code,
        户数: 100 + i
      }))
    })
    const options = { tier: 2 as const, parentMatch: 'code' as const, mode: 'replace' as const }
    const preview = await run('汀圃社区二级网格.zip', file, options)
    expect(preview.fileError).toBeNull()
    expect(preview.format).toBe('Shapefile')
    expect(preview.warnings.join()).toContain('GBK')
    expect(preview.options).toMatchObject({ nameField: '名称', codeField: '编码', parentField: '上级编码' })
    expect(preview.accepted).toBe(3)
    expect(preview.rejected).toEqual([])
    expect(preview.replacedGrids).toBe(before)
    expect(preview.preview.features.map((f) => f.properties.name)).toEqual(['新一经济社', '新二经济社', '新三经济社'])
    expect(preview.preview.features.every((f) => f.properties.parent === '汀圃社区')).toBe(true)
    expect(preview.committed).toBe(false)
    expect(all('select id from grids where parent_id = ?', village.id).length).toBe(10) // nothing written by the preview

    const done = await run('汀圃社区二级网格.zip', file, options, false)
    expect(done.committed).toBe(true)
    const kids = all<{ name: string; households: number; code: string }>(
      'select name, households, code from grids where parent_id = ? order by code',
      village.id
    )
    expect(kids.map((k) => k.name)).toEqual(['新一经济社', '新二经济社', '新三经济社'])
    expect(kids.map((k) => k.households)).toEqual([100, 101, 102])
    const check = await ok(core, 'grids.check', { gridId: village.id })
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([])

    const batches = await ok(core, 'changes.list', { kind: 'import' })
    expect(batches[0]).toMatchObject({ id: done.batchId, description: expect.stringContaining('汀圃社区二级网格.zip') })
    await ok(core, 'changes.undo', { batchId: done.batchId! })
    expect(all('select id from grids where parent_id = ?', village.id).length).toBe(10)
    expect(all('select id from grids where village_unit_id = (select village_unit_id from grids where id = ?) and tier > 1', village.id).length).toBe(before)
  })

  it('reprojects projected CGCS2000 (Gauss-Krüger, CM 114°E) through the .prj', async () => {
    const conv = proj4(cgcs2000Gk114Prj, 'WGS84')
    const shapes = recut(2)
    const projected = shapes.map((s) => mapCoords(s, (p) => conv.inverse(p) as Pt))
    const village = tingpu()
    // DBF field names hold 10 bytes: in UTF-8 files surveyors use short Latin names (SJBM = 上级编码).
    const fields = [
      { name: 'NAME', type: 'C' as const, length: 40 },
      { name: 'SJBM', type: 'C' as const, length: 20 }
    ]
    const file = zippedShapefile({
      shapes: projected,
      fields,
      prj: cgcs2000Gk114Prj,
      cpg: 'UTF-8',
      encoding: 'utf-8',
      records: [
        { NAME: '投影甲', SJBM: village.code },
        { NAME: '投影乙', SJBM: village.code }
      ]
    })
    const r = await run('cgcs2000.zip', file, { tier: 2, parentMatch: 'code', mode: 'add' }, false)
    expect(r.rejected).toEqual([])
    expect(r.warnings.join()).toContain('.prj')
    const stored = sql<{ geometry: string; code: string }>("select geometry, code from grids where name = '投影甲'")
    expect(stored.code).toMatch(new RegExp(`^${village.code}\\d{3}$`))
    const got = fromGeoJsonGeometry(JSON.parse(stored.geometry))[0][0]
    const want = shapes[0][0][0]
    expect(got).toHaveLength(want.length)
    // The ring is stored as read (clockwise, as Shapefiles are); compare as sets of points.
    for (const p of want) expect(Math.min(...got.map((q) => metres(p, q)))).toBeLessThan(0.01)
  })
})

describe('importing GeoJSON, KML and KMZ', () => {
  it('converts GCJ-02 to WGS-84: each point lands within a metre of the true position', async () => {
    const village = tingpu()
    const truth = recut(2)[0]
    const gcj = mapCoords(truth, (p) => convertPoint(p, 'WGS84', 'GCJ02'))
    const doc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '高德画的网格', parent_code: village.code }, geometry: { type: 'Polygon', coordinates: gcj[0] } }]
    }
    const wrong = await run('amap.geojson', JSON.stringify(doc), { tier: 2, parentMatch: 'code', crs: 'WGS84' })
    const right = await run('amap.geojson', JSON.stringify(doc), { tier: 2, parentMatch: 'code', crs: 'GCJ02' }, false)
    expect(right.rejected).toEqual([])
    const stored = fromGeoJsonGeometry(JSON.parse(sql<{ geometry: string }>("select geometry from grids where name = '高德画的网格'").geometry))[0][0]
    truth[0][0].forEach((p, i) => expect(metres(p, stored[i])).toBeLessThan(1))
    // Read as WGS-84 the same file is ~600 m off: still in town here, but visibly shifted.
    const shifted = wrong.preview.features[0].geometry.coordinates[0][0] as number[]
    expect(metres(shifted, truth[0][0][0])).toBeGreaterThan(500)
  })

  it('imports a KMZ from a phone app, finding each party group’s parent by location', async () => {
    const [a, b] = all<{ id: number; label_lon: number; label_lat: number; name: string }>(
      'select id, label_lon, label_lat, name from grids where tier = 2 order by id limit 2'
    )
    const square = (x: number, y: number, d = 0.0002) => [
      [
        [x - d, y - d],
        [x + d, y - d],
        [x + d, y + d],
        [x - d, y + d],
        [x - d, y - d]
      ]
    ]
    const file = kmz(
      kmlDocument([
        { name: '巷长甲片区', code: 'KMZ-1', rings: square(a.label_lon, a.label_lat) },
        { name: '巷长乙片区', rings: square(b.label_lon, b.label_lat) }
      ])
    )
    const r = await run('奥维.kmz', file, { tier: 3, parentMatch: 'location', kind: '巷长' }, false)
    expect(r.format).toBe('KMZ')
    expect(r.accepted).toBe(2)
    const rows = all<{ name: string; parent_id: number; kind: string; code: string }>(
      "select name, parent_id, kind, code from grids where name like '巷长%' order by name"
    )
    expect(rows.map((x) => [x.name, x.parent_id, x.kind])).toEqual([
      ['巷长乙片区', b.id, '巷长'],
      ['巷长甲片区', a.id, '巷长']
    ])
    expect(rows[1].code).toBe('KMZ-1')
  })

  it('reads a plain KML, and a GeoJSON saved with the wrong extension, by their content', async () => {
    const { label_lon: x, label_lat: y } = sql<{ label_lon: number; label_lat: number }>('select label_lon, label_lat from grids where tier = 2 limit 1')
    const ring = [
      [x, y],
      [x + 0.0003, y],
      [x + 0.0003, y + 0.0003],
      [x, y]
    ]
    const kml = await run('grid.kml', kmlDocument([{ name: 'KML网格', rings: [ring] }]), { tier: 3, parentMatch: 'location' })
    expect([kml.format, kml.accepted]).toEqual(['KML', 1])
    const misnamed = await run(
      'grid.kml',
      JSON.stringify({ type: 'Feature', properties: { name: '扩展名不对' }, geometry: { type: 'Polygon', coordinates: [ring] } }),
      { tier: 3, parentMatch: 'location' }
    )
    expect([misnamed.format, misnamed.accepted]).toEqual(['GeoJSON', 1])
  })
})

describe('what the importer refuses, and why', () => {
  it('rejects each faulty feature with its reason and accepts the rest', async () => {
    const village = tingpu()
    const [x, y] = [113.034, 23.218]
    const sq = (dx: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x + dx, y],
          [x + dx + 0.0005, y],
          [x + dx + 0.0005, y + 0.0005],
          [x + dx, y]
        ]
      ]
    })
    const features = [
      { properties: { name: '好的', parent_code: village.code, code: 'OK-1' }, geometry: sq(0) },
      { properties: { name: '没有图形', parent_code: village.code }, geometry: null },
      {
        properties: { name: '两个点', parent_code: village.code },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 0.001, y],
              [x, y]
            ]
          ]
        }
      },
      { properties: { name: '上级不存在', parent_code: '000000000000' }, geometry: sq(0.001) },
      { properties: { name: '编码重复', parent_code: village.code, code: 'OK-1' }, geometry: sq(0.002) },
      { properties: { name: '编码已被占用', parent_code: village.code, code: `${village.code}001` }, geometry: sq(0.003) },
      {
        properties: { name: '在北京', parent_code: village.code },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116.39, 39.9],
              [116.4, 39.9],
              [116.4, 39.91],
              [116.39, 39.9]
            ]
          ]
        }
      },
      { properties: { name: '是个点', parent_code: village.code }, geometry: { type: 'Point', coordinates: [x, y] } },
      {
        properties: { name: '投影坐标', parent_code: village.code },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [399628, 2560379],
              [399728, 2560379],
              [399728, 2560479],
              [399628, 2560379]
            ]
          ]
        }
      },
      { properties: { parent_code: village.code }, geometry: sq(0.004) }
    ].map((f) => ({ type: 'Feature', ...f }))
    const before = sql<{ n: number }>('select count(*) n from grids').n
    const r = await run('faults.geojson', JSON.stringify({ type: 'FeatureCollection', features }), { tier: 2, parentMatch: 'code', mode: 'add' }, false)
    expect(r.accepted).toBe(1)
    const reasons = Object.fromEntries(r.rejected.map((x) => [x.name ?? `#${x.index}`, x.reasons.join('；')]))
    expect(reasons['没有图形']).toContain('没有几何')
    expect(reasons['两个点']).toContain('少于 3 个不同的点')
    expect(reasons['上级不存在']).toContain('找不到编码为 000000000000 的上级网格')
    expect(reasons['编码重复']).toContain('在文件中重复')
    expect(reasons['编码已被占用']).toContain('已被现有网格使用')
    expect(reasons['在北京']).toContain('不在狮山镇范围内')
    expect(reasons['是个点']).toContain('必须是面')
    expect(reasons['投影坐标']).toContain('超出经纬度范围')
    expect(reasons['#9']).toContain('名称字段“name”为空')
    expect(sql<{ n: number }>('select count(*) n from grids').n).toBe(before + 1)
  })

  it('refuses unreadable files with a report, never an exception, and writes nothing', async () => {
    const before = sql<{ n: number }>('select count(*) n from grids').n
    const good = zippedShapefile({ shapes: recut(1), fields: tier2Fields, records: [{ 名称: '甲', 编码: '', 上级编码: tingpu().code, 户数: 1 }] })
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['empty.geojson', new Uint8Array(0), /空的（0 字节）/],
      ['truncated.zip', good.subarray(0, Math.floor(good.length / 2)), /已损坏或不完整|截断/],
      ['noise.bin', new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x42]), /无法识别/],
      ['broken.geojson', '{"type":"FeatureCollection","features":[', /GeoJSON 格式错误/],
      ['bad.kml', '<kml><Document><Placemark>', /KML/],
      ['points.zip', zipSync({ 'a.shp': new Uint8Array(100).fill(0), 'a.dbf': new Uint8Array(10) }), /不是有效的 Shapefile|截断/],
      ['nothing.zip', zipSync({ 'readme.txt': strToU8('hello') }), /既没有 .shp 也没有 .kml/],
      ['alone.shp', new Uint8Array([0, 0, 0x27, 0x0a, 1, 2, 3]), /打成 zip/],
      ['empty.geojson', '{"type":"FeatureCollection","features":[]}', /没有任何要素/]
    ]
    for (const [name, bytes, message] of cases) {
      const r = await run(name, bytes, { tier: 2, parentMatch: 'code' }, false)
      expect(r.fileError, name).toMatch(message)
      expect(r.committed).toBe(false)
    }
    expect(sql<{ n: number }>('select count(*) n from grids').n).toBe(before)
  })
})

describe('replacing party groups that people, buildings, heads and issues hang on', () => {
  it('releases them (recorded for undo) and places those with a point in the new party group it lies in', async () => {
    const old = sql<{ id: number; parentId: number; villageUnitId: number; lon: number; lat: number }>(
      "select g.id, g.parent_id parentId, g.village_unit_id villageUnitId, g.label_lon lon, g.label_lat lat from grids g join units u on u.id = g.village_unit_id where g.tier = 3 and u.name = '汀圃社区' order by g.id limit 1"
    )
    const parent = sql<{ code: string; geometry: string }>('select code, geometry from grids where id = ?', old.parentId)
    const point = { lon: old.lon, lat: old.lat }
    const building = await ok(core, 'rentals.buildings.create', {
      address: '替换测试楼',
      villageUnitId: old.villageUnitId,
      ...point,
      use: '居住',
      riskClass: '低风险',
      rentalRooms: 2,
      tenants: 3
    })
    const person = await ok(core, 'persons.create', {
      name: '替换测试',
      idNumber: '440605195501010012',
      hukou: '本镇户籍',
      villageUnitId: old.villageUnitId,
      isPartyMember: true,
      partyRegistration: '村居'
    })
    core.store.sqlite.prepare('update persons set home_lon = ?, home_lat = ?, home_grid_id = ? where id = ?').run(point.lon, point.lat, old.id, person.id)
    const head = await ok(core, 'heads.appoint', { personId: person.id, tier3GridId: old.id, role: '楼长', area: '替换测试楼', appointedOn: '2026-03-01' })
    const issue = await ok(core, 'issues.create', {
      title: '替换测试事件',
      description: '网格替换',
      category: '环境卫生',
      urgency: '一般',
      source: '网格巡查',
      ...point
    })
    const where = () => ({
      building: sql<{ g: number | null }>('select tier3_grid_id g from rental_buildings where id = ?', building.id).g,
      person: sql<{ g: number | null }>('select home_grid_id g from persons where id = ?', person.id).g,
      head: sql<{ g: number | null }>('select tier3_grid_id g from area_heads where id = ?', head.id).g,
      issue: sql<{ g: number | null }>('select tier3_grid_id g from issues where id = ?', issue.id).g
    })
    expect(where()).toEqual({ building: old.id, person: old.id, head: old.id, issue: old.id })

    const shape = fromGeoJsonGeometry(JSON.parse(parent.geometry))
    const file = zippedShapefile({
      shapes: partition(shape, spreadPoints(shape, 3, createRng(5), 2)),
      fields: [
        { name: '名称', type: 'C' as const, length: 40 },
        { name: '上级编码', type: 'C' as const, length: 20 }
      ],
      records: ['新一党小组', '新二党小组', '新三党小组'].map((名称) => ({ 名称, 上级编码: parent.code }))
    })
    const options = { tier: 3 as const, parentMatch: 'code' as const, mode: 'replace' as const }
    const preview = await run('党小组.zip', file, options)
    expect(preview.warnings.join()).toContain('替换将清空原有网格上的 1 名居住党员、1 件事件、1 栋出租屋、1 名三长')
    const done = await run('党小组.zip', file, options, false)
    expect(done.committed).toBe(true)
    // The new party group the point lies in takes the building, the home and the issue; the head is released.
    const placed = where()
    expect(placed.head).toBeNull()
    const newGroup = sql<{ id: number; name: string; parentId: number }>('select id, name, parent_id parentId from grids where id = ?', placed.building)
    expect(newGroup).toMatchObject({ parentId: old.parentId, name: expect.stringMatching(/^新.党小组$/) })
    expect(placed).toEqual({ building: newGroup.id, person: newGroup.id, head: null, issue: newGroup.id })
    expect(sql<{ n: number }>('select count(*) n from grids where id = ?', old.id).n).toBe(0)
    await ok(core, 'changes.undo', { batchId: done.batchId! })
    expect(where()).toEqual({ building: old.id, person: old.id, head: old.id, issue: old.id })
  })
})
