// The 三长 ledgers imported as a village keeps them in Excel: the roll of heads and their work book.
// Every broken row is named with its reasons in Chinese; the good ones are written together, or — on a
// dry run, or a file that is not the ledger — nothing is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Clock } from '../../electron/core/clock'
import { ok, testCore } from '../support/core'
import { idCheckChar } from '../../electron/core/kernel/personalData'

const clock: Clock = { now: () => new Date('2026-11-22T02:00:00Z') }
let core: Core
let grid: { id: number; name: string; code: string }
let issueCode: string
const q = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
const count = (table: string) => q<{ n: number }>(`select count(*) n from ${table}`).n
const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n')).toString('base64')
const id = (body: string) => body.concat(idCheckChar(body))
const [huang, li, far, stranger] = [id('44060519550101001'), id('44060519600202002'), id('44060519700303003'), id('44060519800404004')]

beforeAll(async () => {
  core = testCore({ clock })
  const village = q<{ id: number }>("select id from units where name = '汀圃社区'").id
  const other = q<{ id: number }>("select id from units where name = '大学城社区'").id
  grid = q('select id, name, code from grids where tier = 3 and village_unit_id = ? order by id limit 1', village)
  for (const [name, idNumber, v] of [
    ['黄伍根', huang, village],
    ['李秀英', li, village],
    ['远方人', far, other]
  ] as const)
    await ok(core, 'persons.create', { name, idNumber, hukou: '本镇户籍', villageUnitId: v })
  const issue = await ok(core, 'issues.create', {
    title: '楼道堆放杂物',
    description: '三楼楼道堆放纸箱',
    category: '环境卫生',
    urgency: '一般',
    source: '网格巡查',
    villageUnitId: village
  })
  issueCode = q<{ code: string }>('select code from issues where id = ?', issue.id).code
})
afterAll(() => core.close())

const headsHeader = ['姓名', '身份证号', '所在村居', '三级网格', '类别', '负责楼巷街', '任命日期', '卸任日期']
const recordsHeader = ['姓名', '身份证号', '所在村居', '负责楼巷街', '工作类别', '日期', '事项', '关联事件编号', '纠纷双方', '调解结果', '志愿者人次', '说明']

describe('三长名册', () => {
  const file = () =>
    csv([
      headsHeader,
      ['黄伍根', huang, '汀圃社区', grid.name, '楼长', '兴业路8号楼', '2026-03-01', ''],
      ['黄伍根', huang, '汀圃', grid.code, '巷长', '兴业路3巷', '2026/4/1', ''],
      ['李秀英', li, '汀圃社区', grid.name, '街长', '兴业路', '2025-01-01', '2025-12-31'],
      ['黄伍根', huang, '汀圃社区', grid.name, '楼长', '兴业路8号楼', '2026-05-01', ''],
      ['远方人', far, '汀圃社区', grid.name, '楼长', '某楼', '2026-03-01', ''],
      ['无名氏', stranger, '汀圃社区', '不存在的网格', '栋长', '某楼', '2026-13-01', ''],
      ['李秀英', li, '汀圃社区', grid.name, '楼长', '兴业路9号楼', '2026-12-01', ''],
      ['李秀英', li, '汀圃社区', grid.name, '巷长', '兴业路5巷', '2026-06-01', '2026-05-01']
    ])

  it('checks every row on a dry run and writes nothing', async () => {
    const report = await ok(core, 'heads.import', { kind: 'heads', fileName: '三长名册.csv', contentBase64: file() })
    expect(report).toMatchObject({ fileError: null, rowCount: 8, accepted: 3, committed: false })
    expect(report.warnings).toContain('第 3 行：村居“汀圃”按“汀圃社区”登记')
    expect(report.rejected.map((r) => [r.row, r.reasons.join('；')])).toEqual([
      [5, '与第 2 行重复'],
      [6, '远方人不住在汀圃社区：三长须由本村（社区）的居民担任'],
      [
        7,
        `“类别”应为 楼长/巷长/街长，不是“栋长”；“任命日期”：日期“2026-13-01”不存在；人员（身份证号末 4 位 ${stranger.slice(-4)}）不在人员台账中：请先在人员台账登记；汀圃社区没有名称或编码为“不存在的网格”的三级网格`
      ],
      [8, '任命日期 2026-12-01 晚于今天（2026-11-22）'],
      [9, '卸任日期 2026-05-01 早于任命日期 2026-06-01']
    ])
    expect(count('area_heads')).toBe(0)
  })

  it('writes the accepted rows with their terms; the same file again is refused row by row', async () => {
    const report = await ok(core, 'heads.import', { kind: 'heads', fileName: '三长名册.csv', contentBase64: file(), dryRun: false })
    expect(report).toMatchObject({ accepted: 3, committed: true })
    const list = await ok(core, 'heads.list', { sort: { field: 'appointedOn', dir: 'asc' } })
    expect(list.rows.map((r) => [r.name, r.role, r.area, r.tier3, r.appointedOn, r.endedOn])).toEqual([
      ['李秀英', '街长', '兴业路', grid.name, '2025-01-01', '2025-12-31'],
      ['黄伍根', '楼长', '兴业路8号楼', grid.name, '2026-03-01', null],
      ['黄伍根', '巷长', '兴业路3巷', grid.name, '2026-04-01', null]
    ])
    const again = await ok(core, 'heads.import', { kind: 'heads', fileName: '三长名册.csv', contentBase64: file() })
    expect(again.rejected.find((r) => r.row === 2)!.reasons).toEqual(['黄伍根已是“兴业路8号楼”的楼长（2026-03-01 任命），任期重叠'])
    expect(again.accepted).toBe(0)
  })
})

describe('三长工作台账', () => {
  const file = () =>
    csv([
      recordsHeader,
      ['黄伍根', huang, '汀圃社区', '兴业路8号楼', '解决问题', '2026-11-10', '清理楼道杂物', issueCode, '', '', '', ''],
      ['黄伍根', huang, '汀圃社区', '兴业路3巷', '调解纠纷', '2026-11-11', '漏水纠纷', '', '3楼与4楼', '调解成功', '', ''],
      ['黄伍根', huang, '汀圃社区', '兴业路3巷', '社区活动', '2026-11-12', '巷内清洁日', '', '', '', 12, ''],
      ['黄伍根', huang, '汀圃社区', '', '社区活动', '2026-11-13', '消防演练', '', '', '', 5, ''],
      ['黄伍根', huang, '汀圃社区', '兴业路3巷', '调解纠纷', '2026-11-14', '停车纠纷', '', '', '', '', ''],
      ['李秀英', li, '汀圃社区', '', '社区活动', '2026-06-01', '夏日义诊', '', '', '', 3, ''],
      ['黄伍根', huang, '汀圃社区', '兴业路8号楼', '社区活动', '2026-11-12', '楼道清洁', 'SS-2026-999999', '', '', 2, ''],
      ['黄伍根', huang, '汀圃社区', '兴业路3巷', '社区活动', '2026-11-12', '巷内清洁日', '', '', '', 12, ''],
      ['远方人', far, '大学城社区', '', '解决问题', '2026-11-01', '修路灯', '', '', '', '', '']
    ])

  it('finds each row’s head in office that day, checks the record’s own cells, and writes the good rows together', async () => {
    const dry = await ok(core, 'heads.import', { kind: 'records', fileName: '三长工作台账.csv', contentBase64: file() })
    expect(dry.rejected.map((r) => [r.row, r.reasons.join('；')])).toEqual([
      [5, '黄伍根在 2026-11-13 担任多处三长（兴业路8号楼、兴业路3巷）：请填写“负责楼巷街”'],
      [6, '调解纠纷须填写“纠纷双方”；调解纠纷须填写“调解结果”'],
      [7, '2026-06-01 不在李秀英的任期内（2025-01-01 至 2025-12-31）'],
      [8, '只有“解决问题”可以填写关联事件编号；没有编号为 SS-2026-999999 的事件'],
      [9, '与第 4 行重复'],
      [10, '远方人不是大学城社区的三长：请先导入三长名册或在系统中任命']
    ])
    expect(count('head_records')).toBe(0)
    const report = await ok(core, 'heads.import', { kind: 'records', fileName: '三长工作台账.csv', contentBase64: file(), dryRun: false })
    expect(report).toMatchObject({ accepted: 3, committed: true })
    const figures = await ok(core, 'heads.figures', { from: '2026-11-01', to: '2026-11-30' })
    expect(figures.total).toMatchObject({ problems: 1, disputes: 1, settled: 1, activities: 1, volunteers: 12 })
    expect(q<{ n: number }>('select count(*) n from head_records where issue_id is not null').n).toBe(1)
  })

  it('a file that is not the ledger, or no table at all, gives a report in words', async () => {
    const wrong = await ok(core, 'heads.import', { kind: 'records', fileName: 'a.csv', contentBase64: csv([headsHeader]) })
    expect(wrong.fileError).toContain('这不是“三长工作台账”导入模板：缺少必填列 工作类别、日期、事项')
    const junk = await ok(core, 'heads.import', { kind: 'heads', fileName: 'a.xlsx', contentBase64: Buffer.from('not a workbook').toString('base64') })
    expect(junk.fileError).toBeTruthy()
    const template = await ok(core, 'heads.importTemplate', { kind: 'records' })
    expect(template.fileName).toBe('三长工作台账导入模板.xlsx')
  })
})
