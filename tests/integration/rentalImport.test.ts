// The rental ledgers imported as a town keeps them in Excel: the landlords' register of buildings and
// the inspectors' register of visits. Every broken row is named with its reasons in Chinese and the
// good ones are written together, or — on a dry run, or a file that is not a ledger — nothing is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import type { Core } from '../../electron/core/app'
import { ok, testCore } from '../support/core'
import { idCheckChar } from '../../electron/core/kernel/personalData'

let core: Core
let village: number
let spot: { lon: number; lat: number }
const count = (sql: string, ...p: unknown[]) =>
  core.store.sqlite
    .prepare(sql)
    .pluck()
    .get(...p) as number
const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n')).toString('base64')
const landlordId = '44060519800101002'.concat(idCheckChar('44060519800101002'))
const strangerId = '44060519800101003'.concat(idCheckChar('44060519800101003'))

beforeAll(async () => {
  core = testCore()
  village = core.store.sqlite.prepare("select id from units where name = '汀圃社区'").pluck().get() as number
  spot = core.store.sqlite
    .prepare('select label_lon lon, label_lat lat from grids where tier = 3 and village_unit_id = ? order by id limit 1')
    .get(village) as typeof spot
  await ok(core, 'persons.create', { name: '陈房东', idNumber: landlordId, hukou: '本镇户籍', villageUnitId: village })
})
afterAll(() => core.close())

const buildingsHeader = ['地址', '所在村居', '经度', '纬度', '房东姓名', '房东身份证号', '用途', '风险等级', '出租间数', '在住租客']
const inspectionsHeader = ['出租屋地址', '所在村居', '排查日期', '排查人员', '隐患类别', '整改期限', '整改日期', '说明']

describe('the landlords’ register of rental buildings', () => {
  // Made when the tests run: the point is read from the store.
  const file = () =>
    csv([
      buildingsHeader,
      ['兴业路1号', '汀圃社区', spot.lon, spot.lat, '陈房东', landlordId, '居住', '高风险', 12, 30],
      ['兴业路2号', '汀圃', '', '', '', '', '混合', '中风险', 4, 6],
      ['兴业路1号', '汀圃社区', '', '', '', '', '居住', '低风险', 2, 2],
      ['兴业路3号', '不存在村', '', '', '', '', '居住', '低风险', 2, 2],
      ['兴业路4号', '汀圃社区', '', '', '李某', strangerId, '宿舍', '中风险', -1, 2],
      ['兴业路5号', '汀圃社区', 100, 30, '', '', '居住', '低风险', 1, 1]
    ])

  it('checks every row on a dry run and writes nothing', async () => {
    const report = await ok(core, 'rentals.import', { kind: 'buildings', fileName: '出租屋台账.csv', contentBase64: file() })
    expect(report).toMatchObject({ fileError: null, rowCount: 6, accepted: 2, committed: false })
    expect(report.warnings).toContain('第 3 行：村居“汀圃”按“汀圃社区”登记')
    expect(report.rejected.map((r) => [r.row, r.reasons.join('；')])).toEqual([
      [4, '与第 2 行重复（同一村居、同一地址）'],
      [5, expect.stringContaining('找不到村居“不存在村”')],
      [
        6,
        `“用途”应为 居住/生产/混合，不是“宿舍”；“出租间数”应为 0 至 10000 的整数，不是“-1”；房东（身份证号末 4 位 ${strangerId.slice(-4)}）不在人员台账中：请先在人员台账登记`
      ],
      [7, '坐标不在镇内任何三级网格内']
    ])
    expect(count('select count(*) from rental_buildings')).toBe(0)
  })

  it('writes the accepted rows: the grid from the point, the landlord from the registry; the same file again is refused row by row', async () => {
    const report = await ok(core, 'rentals.import', { kind: 'buildings', fileName: '出租屋台账.csv', contentBase64: file(), dryRun: false })
    expect(report).toMatchObject({ accepted: 2, committed: true })
    const rows = core.store.sqlite
      .prepare(
        'select address, tier3_grid_id is not null placed, landlord_person_id is not null landlord, use, risk_class risk, tenants from rental_buildings order by id'
      )
      .all()
    expect(rows).toEqual([
      { address: '兴业路1号', placed: 1, landlord: 1, use: '居住', risk: '高风险', tenants: 30 },
      { address: '兴业路2号', placed: 0, landlord: 0, use: '混合', risk: '中风险', tenants: 6 }
    ])
    const again = await ok(core, 'rentals.import', { kind: 'buildings', fileName: '出租屋台账.csv', contentBase64: file() })
    expect(again.rejected.find((r) => r.row === 2)!.reasons).toContain('汀圃社区已登记地址为“兴业路1号”的出租屋')
  })
})

describe('the inspectors’ register of visits', () => {
  it('records visits and hazards, a rectified one with its re-inspection; refuses broken rows naming them; writes all or none', async () => {
    const file = csv([
      inspectionsHeader,
      ['兴业路1号', '汀圃社区', '2026-11-10', '李伟明', '电气线路不规范', '2026-11-20', '', '楼道私拉电线'],
      ['兴业路1号', '汀圃社区', '2026/11/10', '李伟明', '其他消防隐患', '2026-11-15', '2026-11-14', ''],
      ['兴业路2号', '汀圃社区', '2026年11月12日', '李伟明', '未发现隐患', '', '', ''],
      ['兴业路1号', '汀圃社区', '2026-11-10', '李伟明', '电气线路不规范', '2026-11-20', '', '同一处又写一遍'],
      ['兴业路9号', '汀圃社区', '2026-11-10', '李伟明', '电气线路不规范', '2026-11-20', '', ''],
      ['兴业路1号', '汀圃社区', '2026-11-10', '李伟明', '电动车屋内停放充电', '2026-11-05', '', ''],
      ['兴业路1号', '汀圃社区', '2026-11-10', '李伟明', '电动车屋内停放充电', '2026-11-15', '2026-11-14', ''],
      ['兴业路1号', '汀圃社区', '2026-12-30', '李伟明', '飞线充电', '2027-01-05', '', '']
    ])
    const dry = await ok(core, 'rentals.import', { kind: 'inspections', fileName: '排查台账.csv', contentBase64: file })
    expect(dry.accepted).toBe(3)
    expect(dry.rejected.map((r) => [r.row, r.reasons.join('；')])).toEqual([
      [5, '与第 2 行重复（同一出租屋、同一天、同一类别）'],
      [6, '汀圃社区没有地址为“兴业路9号”的出租屋：请先导入或登记出租屋台账'],
      [7, '整改期限 2026-11-05 早于排查日期 2026-11-10'],
      [8, '本镇要求“电动车屋内停放充电”整改须附整改后的照片：请删去整改日期，导入后在系统中复查登记并上传照片'],
      [9, '排查日期 2026-12-30 晚于今天（2026-11-22）；隐患类别“飞线充电”不在本镇在用的类别中']
    ])
    expect(count('select count(*) from rental_inspections')).toBe(0)
    const done = await ok(core, 'rentals.import', { kind: 'inspections', fileName: '排查台账.csv', contentBase64: file, dryRun: false })
    expect(done.committed).toBe(true)
    // Two visits of 11-10 rows are one 排查; the rectified row adds its 复查; 兴业路2号's visit found nothing.
    expect(
      core.store.sqlite
        .prepare('select b.address, i.kind, i.inspected_on day from rental_inspections i join rental_buildings b on b.id = i.building_id order by i.id')
        .all()
    ).toEqual([
      { address: '兴业路1号', kind: '排查', day: '2026-11-10' },
      { address: '兴业路1号', kind: '复查', day: '2026-11-14' },
      { address: '兴业路2号', kind: '排查', day: '2026-11-12' }
    ])
    const table = await ok(core, 'rentals.campaignTable', { startsOn: '2026-11-01', endsOn: '2026-11-30', villageIds: [village] })
    // The wiring's deadline (11-20) has passed on the tests' day (11-22): overdue.
    expect(table.total).toEqual({ found: 2, rectified: 1, overdue: 1, rate: 0.5 })
  })

  it('answers a file that is no ledger, or no file at all, with a report in words and nothing written', async () => {
    const before = count('select count(*) from fire_hazards')
    const wrong = await ok(core, 'rentals.import', { kind: 'inspections', fileName: '人员.csv', contentBase64: csv([['姓名', '身份证号']]), dryRun: false })
    expect(wrong.fileError).toContain('这不是“出租屋排查”导入模板：缺少必填列 出租屋地址、所在村居、排查日期、排查人员、隐患类别')
    const junk = await ok(core, 'rentals.import', {
      kind: 'buildings',
      fileName: '台账.xlsx',
      contentBase64: Buffer.from('not a workbook').toString('base64'),
      dryRun: false
    })
    expect(junk.fileError).toBeTruthy()
    expect(count('select count(*) from fire_hazards')).toBe(before)
  })

  it('hands out the templates and the report of refused rows as workbooks', async () => {
    const template = await ok(core, 'rentals.importTemplate', { kind: 'inspections' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(template.contentBase64, 'base64') as unknown as ArrayBuffer)
    expect((book.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual([
      '出租屋地址*',
      '所在村居*',
      '排查日期*',
      '排查人员*',
      '隐患类别*',
      '整改期限',
      '整改日期',
      '说明'
    ])
    const report = await ok(core, 'rentals.importReportFile', {
      kind: 'buildings',
      rejected: [{ row: 5, name: '兴业路3号', reasons: ['找不到村居“不存在村”'] }]
    })
    expect(report.fileName).toBe('出租屋导入校验报告_20261122.xlsx')
  })
})
