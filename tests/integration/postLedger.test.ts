// 设岗定责台账 in and out of Excel: posts set up and members placed from a village's ledger, every
// broken row named with its reasons (nothing written on a dry run or a file that is no ledger); the
// export carries the posts and who holds them, names only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import type { Core } from '../../electron/core/app'
import type { Clock } from '../../electron/core/clock'
import { ok, testCore } from '../support/core'
import { idCheckChar } from '../../electron/core/kernel/personalData'

const clock: Clock = { now: () => new Date('2026-11-22T02:00:00Z') }
let core: Core
let village: number
const q = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
const count = (table: string) => q<{ n: number }>(`select count(*) n from ${table}`).n
const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n')).toString('base64')
const idOf = (n: number) => `44060519700101${String(n).padStart(3, '0')}`.concat(idCheckChar(`44060519700101${String(n).padStart(3, '0')}`))
const header = ['所在村居', '岗位名称', '岗位人数', '岗位职责', '党员姓名', '党员身份证号', '领岗日期', '离岗日期']

beforeAll(async () => {
  core = testCore({ clock })
  village = q<{ id: number }>("select id from units where name = '汀圃社区'").id
  const other = q<{ id: number }>("select id from units where name = '大学城社区'").id
  for (const [n, v, party] of [
    [1, village, '村居'],
    [2, village, '村居'],
    [3, village, '单位'],
    [4, other, '村居'],
    [5, village, '村居']
  ] as const)
    await ok(core, 'persons.create', {
      name: `党员${n}`,
      idNumber: idOf(n),
      hukou: '本镇户籍',
      villageUnitId: v,
      isPartyMember: true,
      partyRegistration: party
    })
  await ok(core, 'posts.create', { villageUnitId: village, name: '报到服务岗', capacity: 5 })
})
afterAll(() => core.close())

const file = () =>
  csv([
    header,
    ['汀圃社区', '政策宣传岗', 1, '宣讲政策', '党员1', idOf(1), '2026-03-01', ''],
    ['汀圃', '政策宣传岗', 1, '', '党员2', idOf(2), '2026-03-01', ''],
    ['汀圃社区', '环境监督岗', 2, '巡查卫生', '', '', '', ''],
    ['汀圃社区', '政策宣传岗', 3, '', '党员5', idOf(5), '2025-01-01', '2025-12-31'],
    ['汀圃社区', '报到服务岗', 2, '', '党员5', idOf(5), '2026-03-01', ''],
    ['汀圃社区', '环境监督岗', 2, '', '党员3', idOf(3), '2026-03-01', ''],
    ['汀圃社区', '环境监督岗', 2, '', '党员4', idOf(4), '2026-03-01', ''],
    ['汀圃社区', '环境监督岗', 2, '', '党员1', '', '', ''],
    ['汀圃社区', '环境监督岗', 0, '', '党员1', idOf(1), '2026-12-01', '']
  ])

describe('设岗定责台账', () => {
  it('checks every row on a dry run and writes nothing', async () => {
    const report = await ok(core, 'posts.import', { kind: 'memberPosts', fileName: '设岗定责台账.csv', contentBase64: file() })
    expect(report.warnings).toContain('第 3 行：村居“汀圃”按“汀圃社区”登记')
    expect(report.rejected.map((r) => [r.row, r.reasons.join('；')])).toEqual([
      [3, '“政策宣传岗”已满（1 人）'],
      [5, '“政策宣传岗”的岗位人数与第 2 行不同（1 人）'],
      [6, '“报到服务岗”是报到党员的岗位，不由无职党员认领'],
      [7, '党员3不是组织关系在村（社区）的党员，不能认领无职党员岗位'],
      [8, '党员4不是汀圃社区的党员'],
      [9, '填写党员须同时填写“党员身份证号”（按证件号关联人员台账）；填写党员须同时填写“领岗日期”'],
      [10, '“岗位人数”应为 1 至 500 的整数，不是“0”；领岗日期 2026-12-01 晚于今天（2026-11-22）']
    ])
    expect(report).toMatchObject({ rowCount: 9, accepted: 2, committed: false })
    expect(count('post_member_claims')).toBe(0)
  })

  it('sets up the posts and places the members together; the figures follow; the same file again is refused', async () => {
    const report = await ok(core, 'posts.import', { kind: 'memberPosts', fileName: '设岗定责台账.csv', contentBase64: file(), dryRun: false })
    expect(report).toMatchObject({ accepted: 2, committed: true })
    const posts = await ok(core, 'posts.list', { villageUnitId: village })
    expect(posts.map((p) => [p.name, p.audience, p.capacity, p.claimed, p.members])).toEqual([
      ['报到服务岗', '报到党员', 5, 0, null],
      ['政策宣传岗', '无职党员', 1, 1, '党员1'],
      ['环境监督岗', '无职党员', 2, 0, null]
    ])
    const figures = await ok(core, 'posts.figures', { year: 2026, villageIds: [village] })
    expect(figures).toMatchObject({ posts: 2, claimedPosts: 1, members: 1 })
    const again = await ok(core, 'posts.import', { kind: 'memberPosts', fileName: '设岗定责台账.csv', contentBase64: file() })
    expect(again.rejected.find((r) => r.row === 2)!.reasons).toEqual(['党员1已认领过“政策宣传岗”'])
    expect(again.rejected.find((r) => r.row === 4)!.reasons).toEqual(['汀圃社区已有岗位“环境监督岗”'])
  })

  it('exports the posts and their members by name, with no ID number', async () => {
    const file = await ok(core, 'posts.export', { villageUnitId: village })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const rows = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1))
    expect(rows('岗位')).toEqual([
      ['汀圃社区', '报到服务岗', '报到党员', 5, 0],
      ['汀圃社区', '政策宣传岗', '无职党员', 1, 1, '宣讲政策'],
      ['汀圃社区', '环境监督岗', '无职党员', 2, 0, '巡查卫生']
    ])
    expect(rows('领岗党员')).toEqual([['汀圃社区', '政策宣传岗', '党员1', '2026-03-01', '在岗']])
    expect(JSON.stringify(rows('领岗党员'))).not.toContain(idOf(1).slice(0, 10))
  })
})
