// Exporting grids: GeoJSON (WGS-84, or GCJ-02 for AMap/Tencent tools) and an Excel ledger (台账).
import { newWorkbook, addTableSheet, workbookFile } from '../kernel/workbook'
import type { Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import { notFound } from '../errors'
import { convertShape } from './domain/crs'
import { fromGeoJsonGeometry, toGeoJsonGeometry } from '../kernel/geometry'
import { chinaDate } from '../../shared/chinaTime'

type Row = {
  id: number
  tier: number
  code: string
  name: string
  kind: string
  geometry: string | null
  party_organisation: string | null
  inspector: string | null
  households: number
  registered_population: number
  non_hukou_population: number
  area_km2: number | null
  illustrative: number
  parent_code: string | null
  parent_name: string | null
  village: string
  office: string | null
}

const tierWord = ['', '一级', '二级', '三级']

export function createGridExportService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  function rows(input: ParsedInput<'grids.export'>): { rows: Row[]; scope: string } {
    let scope = '狮山镇'
    let where = 'where 1 = 1'
    const args: unknown[] = []
    if (input.gridId) {
      const root = sql.row<{ name: string }>('select name from grids where id = ?', input.gridId)
      if (!root) throw notFound('网格', input.gridId)
      scope = root.name
      where = `where g.id in (with recursive s(id) as (select ? union all select c.id from grids c join s on c.parent_id = s.id) select id from s)`
      args.push(input.gridId)
    }
    if (input.tier) {
      where += ' and g.tier = ?'
      args.push(input.tier)
    }
    const list = sql.rows<Row>(
      `select g.id, g.tier, g.code, g.name, g.kind, g.geometry, g.party_organisation, g.inspector, g.households,
                g.registered_population, g.non_hukou_population, g.area_km2, g.illustrative,
                p.code as parent_code, p.name as parent_name, v.name as village, o.name as office
           from grids g join units v on v.id = g.village_unit_id
           left join units o on o.id = v.parent_id and o.kind = 'office'
           left join grids p on p.id = g.parent_id
           ${where}
          order by g.tier, g.sort_order, g.id`,
      ...args
    )
    return { rows: list, scope }
  }

  const stamp = () => chinaDate(clock.now()).replaceAll('-', '')
  const baseName = (scope: string, input: ParsedInput<'grids.export'>) => `${scope}网格${input.tier ? `_${tierWord[input.tier]}` : ''}`

  function geojson(input: ParsedInput<'grids.export'>): Output<'grids.export'> {
    const { rows: list, scope } = rows(input)
    const crs = input.crs ?? 'WGS84'
    const features = list
      .filter((r) => r.geometry)
      .map((r) => ({
        type: 'Feature',
        geometry: toGeoJsonGeometry(convertShape(fromGeoJsonGeometry(JSON.parse(r.geometry!)), 'WGS84', crs)),
        properties: {
          code: r.code,
          name: r.name,
          tier: r.tier,
          kind: r.kind,
          parent_code: r.parent_code,
          parent_name: r.parent_name,
          village: r.village,
          office: r.office,
          party_organisation: r.party_organisation,
          inspector: r.inspector,
          households: r.households,
          registered_population: r.registered_population,
          non_hukou_population: r.non_hukou_population,
          area_km2: r.area_km2,
          illustrative: Boolean(r.illustrative)
        }
      }))
    const doc = {
      type: 'FeatureCollection',
      name: baseName(scope, input),
      // RFC 7946 data is WGS-84; say so explicitly when it is not, so nobody mistakes GCJ-02 for it.
      coordinate_system: crs === 'GCJ02' ? 'GCJ-02' : 'WGS-84',
      features
    }
    return {
      fileName: `${baseName(scope, input)}_${crs === 'GCJ02' ? 'GCJ02' : 'WGS84'}_${stamp()}.geojson`,
      mimeType: 'application/geo+json',
      contentBase64: Buffer.from(JSON.stringify(doc), 'utf8').toString('base64'),
      count: features.length
    }
  }

  async function excel(input: ParsedInput<'grids.export'>): Promise<Output<'grids.export'>> {
    const { rows: list, scope } = rows(input)
    const book = newWorkbook(clock.now())
    const columns = [
      { header: '网格编码', key: 'code', width: 20 },
      { header: '网格名称', key: 'name', width: 26 },
      { header: '级别', key: 'tier', width: 8 },
      { header: '类型', key: 'kind', width: 10 },
      { header: '上级编码', key: 'parent_code', width: 18 },
      { header: '上级网格', key: 'parent_name', width: 20 },
      { header: '所属村居', key: 'village', width: 16 },
      { header: '所属管理处', key: 'office', width: 16 },
      { header: '党组织', key: 'party_organisation', width: 26 },
      { header: '网格巡查员', key: 'inspector', width: 12 },
      { header: '户数', key: 'households', width: 10 },
      { header: '户籍人口', key: 'registered_population', width: 10 },
      { header: '非户籍人口', key: 'non_hukou_population', width: 11 },
      { header: '面积（平方公里）', key: 'area_km2', width: 14 },
      { header: '边界', key: 'boundary', width: 10 }
    ]
    const sheet = addTableSheet(
      book,
      '网格台账',
      columns,
      list.map((r) => ({ ...r, tier: tierWord[r.tier], boundary: !r.geometry ? '未绘制' : r.illustrative ? '示意' : '正式' }))
    )
    for (const key of ['households', 'registered_population', 'non_hukou_population']) sheet.getColumn(key).numFmt = '#,##0'
    sheet.getColumn('area_km2').numFmt = '0.0000'
    return workbookFile(book, `${baseName(scope, input)}_台账_${stamp()}.xlsx`, list.length)
  }

  return { export: (input: ParsedInput<'grids.export'>) => (input.format === 'xlsx' ? excel(input) : geojson(input)) }
}
