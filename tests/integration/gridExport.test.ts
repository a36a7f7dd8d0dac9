// Exports read back: GeoJSON per tier and scope, in WGS-84 or GCJ-02, and the Excel ledger.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input, Output } from '../../electron/shared/contract'
import type { Core } from '../../electron/core/app'
import { convertPoint } from '../../electron/core/grids/domain/crs'
import { ok, testCore } from '../support/core'

let core: Core
beforeAll(() => {
  core = testCore()
})
afterAll(() => core.close())

type Fc = {
  type: string
  coordinate_system: string
  features: { geometry: { type: string; coordinates: number[][][] }; properties: Record<string, unknown> }[]
}
const exportFile = (input: Input<'grids.export'>) => ok(core, 'grids.export', input)
const decode = (f: Output<'grids.export'>) => JSON.parse(Buffer.from(f.contentBase64, 'base64').toString('utf8')) as Fc
const metres = (a: number[], b: number[]) => Math.hypot((a[0] - b[0]) * 102_400, (a[1] - b[1]) * 110_600)
const tingpu = () => core.store.sqlite.prepare("select id, geometry from grids where tier = 1 and name = '汀圃社区'").get() as { id: number; geometry: string }

describe('export', () => {
  it('writes a tier as a WGS-84 GeoJSON with the ledger attributes', async () => {
    const file = await exportFile({ format: 'geojson', tier: 1 })
    expect(file.fileName).toBe('狮山镇网格_一级_WGS84_20261122.geojson')
    const fc = decode(file)
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.coordinate_system).toBe('WGS-84')
    expect(fc.features).toHaveLength(84)
    const f = fc.features.find((x) => x.properties.name === '汀圃社区')!
    expect(f.properties).toMatchObject({ code: '440605124056', tier: 1, kind: '社区', office: '官窑社会管理处', illustrative: true })
    expect(f.geometry).toEqual(JSON.parse(tingpu().geometry))
  })

  it('writes GCJ-02 on request: every point moved about 600 m, and back within a metre', async () => {
    const wgs = JSON.parse(tingpu().geometry).coordinates[0] as number[][]
    const fc = decode(await exportFile({ format: 'geojson', gridId: tingpu().id, tier: 1, crs: 'GCJ02' }))
    expect(fc.coordinate_system).toBe('GCJ-02')
    const gcj = fc.features[0].geometry.coordinates[0]
    wgs.forEach((p, i) => {
      expect(metres(p, gcj[i])).toBeGreaterThan(500)
      expect(metres(p, gcj[i])).toBeLessThan(750)
      expect(metres(p, convertPoint(gcj[i] as [number, number], 'GCJ02', 'WGS84'))).toBeLessThan(1)
    })
  })

  it('exports one grid with everything under it', async () => {
    const { id } = tingpu()
    const detail = await ok(core, 'grids.get', { id })
    const fc = decode(await exportFile({ format: 'geojson', gridId: id }))
    expect(fc.features).toHaveLength(1 + detail.childCounts.tier2 + detail.childCounts.tier3)
    expect(new Set(fc.features.map((f) => f.properties.village))).toEqual(new Set(['汀圃社区']))
  })

  it('writes the Excel ledger with Chinese headers, numbers as numbers, and the 示意 mark', async () => {
    const file = await exportFile({ format: 'xlsx' })
    expect(file.fileName).toBe('狮山镇网格_台账_20261122.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never)
    const sheet = book.getWorksheet('网格台账')!
    expect(sheet.rowCount).toBe(2085)
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['网格编码', '网格名称', '党组织', '网格巡查员', '户数', '非户籍人口']))
    const row = sheet.getRow(2)
    expect(row.getCell(3).value).toBe('一级')
    expect(typeof row.getCell(11).value).toBe('number')
    expect(row.getCell(15).value).toBe('示意')
    let households = 0
    sheet.eachRow((r, n) => {
      if (n > 1 && r.getCell(3).value === '三级') households += Number(r.getCell(11).value)
    })
    expect(households).toBe(222_800)
  })
})
