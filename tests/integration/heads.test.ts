// 三长制 through the core: heads appointed to tier-3 areas from the village's residents, their work
// recorded (a problem solved through an issue they reported, a dispute mediated, an activity held),
// the figures exactly as worked by hand and — on random heads and records — as their definitions
// give them; the check of areas with no head; bad input refused in words, nothing written.
import fc from 'fast-check'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Clock } from '../../electron/core/clock'
import { headFigures, type HeadRecord, type HeadTerm } from '../../electron/core/heads/domain/headFigures'
import { headFiguresOf } from '../../electron/core/heads/headFigures'
import { demoPassword, ok, signIn, testCore } from '../support/core'
import { idCheckChar } from '../../electron/core/kernel/personalData'

const clock: Clock = { now: () => new Date('2026-11-22T02:00:00Z') }
let core: Core
let village: number
let otherVillage: number
let grid: number
let resident: number
const q = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
const count = (table: string) => q<{ n: number }>(`select count(*) n from ${table}`).n

beforeAll(async () => {
  core = testCore({ clock })
  await core.seedDemoAccounts(demoPassword)
  village = q<{ id: number }>("select id from units where name = '汀圃社区'").id
  otherVillage = q<{ id: number }>("select id from units where name = '大学城社区'").id
  grid = q<{ id: number }>('select id from grids where tier = 3 and village_unit_id = ? order by id limit 1', village).id
  resident = (
    await ok(core, 'persons.create', {
      name: '黄伍根',
      idNumber: '44060519550101001'.concat(idCheckChar('44060519550101001')),
      hukou: '本镇户籍',
      villageUnitId: village
    })
  ).id
})
afterAll(() => core.close())

describe('三长制', () => {
  let head = 0
  it('appoints a resident head of a building in a tier-3 area; one of another village or a day to come is refused', async () => {
    head = (await ok(core, 'heads.appoint', { personId: resident, tier3GridId: grid, role: '楼长', area: '兴业路 8 号楼', appointedOn: '2026-03-01' })).id
    const page = await ok(core, 'heads.list', { villageUnitId: village })
    expect(page.rows).toMatchObject([{ id: head, name: '黄伍根', role: '楼长', area: '兴业路 8 号楼', village: '汀圃社区', endedOn: null, problems: 0 }])
    const farGrid = q<{ id: number }>('select id from grids where tier = 3 and village_unit_id = ? order by id limit 1', otherVillage).id
    expect(
      await core.dispatch('heads.appoint', { personId: resident, tier3GridId: farGrid, role: '巷长', area: '某巷', appointedOn: '2026-03-01' })
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('三长须由本村（社区）的居民担任') }
    })
    expect(
      await core.dispatch('heads.appoint', { personId: resident, tier3GridId: grid, role: '巷长', area: '某巷', appointedOn: '2026-12-01' })
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('晚于今天') }
    })
    expect(
      await core.dispatch('heads.appoint', { personId: resident, tier3GridId: grid, role: '楼长', area: '兴业路 8 号楼', appointedOn: '2026-04-01' })
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '黄伍根已是“兴业路 8 号楼”的楼长。' }
    })
    expect(count('area_heads')).toBe(1)
  })

  it('records the work: a problem solved through the issue reported, a dispute mediated, an activity; broken records refused', async () => {
    const issue = await ok(core, 'issues.create', {
      title: '楼道堆放杂物',
      description: '三长上报',
      category: '环境卫生',
      urgency: '一般',
      source: '网格巡查',
      villageUnitId: village
    })
    await ok(core, 'heads.record', { headId: head, kind: '解决问题', date: '2026-11-02', title: '楼道堆放杂物已清理', issueId: issue.id })
    await ok(core, 'heads.record', {
      headId: head,
      kind: '调解纠纷',
      date: '2026-11-05',
      title: '楼上漏水纠纷',
      parties: '302 住户与 402 住户',
      outcome: '调解成功'
    })
    await ok(core, 'heads.record', { headId: head, kind: '调解纠纷', date: '2026-10-05', title: '停车位纠纷', parties: '两户邻居', outcome: '转交办理' })
    await ok(core, 'heads.record', { headId: head, kind: '社区活动', date: '2026-11-08', title: '消防安全宣传', volunteers: 12 })
    const bad = [
      [{ kind: '调解纠纷', date: '2026-11-05', title: '无双方' }, '调解纠纷须写明纠纷双方'],
      [{ kind: '社区活动', date: '2026-02-01', title: '任前活动' }, '不在黄伍根的任期内'],
      [{ kind: '社区活动', date: '2026-11-09', title: '挂事件', issueId: issue.id }, '只有“解决问题”可以关联事件'],
      [{ kind: '解决问题', date: '2026-11-09', title: '帮忙', volunteers: 3 }, '带动志愿者人次只用于社区活动']
    ] as const
    for (const [input, words] of bad)
      expect(await core.dispatch('heads.record', { headId: head, ...input })).toMatchObject({ ok: false, error: { message: expect.stringContaining(words) } })
    const records = await ok(core, 'heads.records', { headId: head })
    expect(records.map((r) => [r.kind, r.date, r.issueCode !== null])).toEqual([
      ['社区活动', '2026-11-08', false],
      ['调解纠纷', '2026-11-05', false],
      ['解决问题', '2026-11-02', true],
      ['调解纠纷', '2026-10-05', false]
    ])
  })

  it('counts exactly: heads in office on the day, the period’s problems, disputes (settled), activities and volunteers', async () => {
    const nov = await ok(core, 'heads.figures', { from: '2026-11-01', to: '2026-11-30' })
    expect(nov.asOf).toBe('2026-11-22')
    expect(nov.total).toEqual({ heads: 1, problems: 1, disputes: 1, settled: 1, activities: 1, volunteers: 12 })
    const year = await ok(core, 'heads.figures', { from: '2026-01-01', to: '2026-12-31', villageIds: [village] })
    expect(year.villages).toEqual([{ villageId: village, village: '汀圃社区', heads: 1, problems: 1, disputes: 2, settled: 1, activities: 1, volunteers: 12 }])
    // Before the appointment there was no head.
    expect((await ok(core, 'heads.figures', { from: '2026-01-01', to: '2026-02-28' })).total.heads).toBe(0)
  })

  it('prints the same figures in the briefing’s 三长制与设岗定责 section', async () => {
    const doc = await ok(core, 'briefings.compose', { kind: '月报', anchor: '2026-11-01', scopeUnitId: village })
    const section = doc.sections.find((s) => s.key === 'community')!
    const f = await ok(core, 'heads.figures', { from: '2026-11-01', to: '2026-11-30', villageIds: [village] })
    const posts = await ok(core, 'posts.figures', { year: 2026, villageIds: [village] })
    expect(f.total).toEqual({ heads: 1, problems: 1, disputes: 1, settled: 1, activities: 1, volunteers: 12 })
    expect(section.paragraphs[0]).toBe(
      `截至11月22日，汀圃社区在任楼长、巷长、街长1名；2026年11月解决社区问题1个，化解邻里矛盾纠纷1件（调解成功1件），开展社区活动1场次，带动居民志愿者12人次。设置无职党员岗位${posts.posts}个，${posts.members}名无职党员在岗${posts.unclaimed.length ? `，另有${posts.unclaimed.length}个岗位无人认领` : ''}。`
    )
    expect(doc.figures).toMatchObject({ areaHeads: 1, headProblems: 1, headDisputes: 1, headActivities: 1 })
  })

  it('lists the tier-3 areas without a head in office, and the map shades them; ending the term puts the area back on the list', async () => {
    const areas = q<{ n: number }>('select count(*) n from grids where tier = 3 and village_unit_id = ?', village).n
    // The map: the head's area by its heads' records this year (4), every other area without a head (-1).
    const shading = await ok(core, 'heads.mapMeasure', {})
    expect(shading).toHaveLength(count('grids where tier = 3'))
    expect(shading.filter((g) => g.value !== -1)).toEqual([{ gridId: grid, value: 4 }])
    const before = await ok(core, 'heads.check', { villageUnitId: village })
    expect(before.areas).toBe(areas)
    expect(before.withoutHead.map((a) => a.tier3GridId)).not.toContain(grid)
    expect(before.withoutHead).toHaveLength(areas - 1)
    const { version } = (await ok(core, 'heads.list', { villageUnitId: village })).rows[0]
    expect(await core.dispatch('heads.end', { id: head, version, endedOn: '2026-02-01' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('早于任命日期') }
    })
    await ok(core, 'heads.end', { id: head, version, endedOn: '2026-11-21' })
    expect((await ok(core, 'heads.check', { villageUnitId: village })).withoutHead.map((a) => a.tier3GridId)).toContain(grid)
    expect((await ok(core, 'heads.mapMeasure', {})).find((g) => g.gridId === grid)!.value).toBe(-1)
  })

  it('exports the registry as filtered to Excel', async () => {
    const file = await ok(core, 'heads.export', { villageUnitId: village })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const rows = (book.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1))
    expect(rows[0]).toEqual(['姓名', '类别', '负责楼巷街', '村（社区）', '三级网格', '任命日期', '卸任日期', '解决问题', '调解纠纷', '社区活动', '示意数据'])
    expect(rows[1].slice(0, 4)).toEqual(['黄伍根', '楼长', '兴业路 8 号楼', '汀圃社区'])
    expect(file.count).toBe(1)
  })

  it('exports the work book for a period in the ledger’s columns, without the ID number', async () => {
    const file = await ok(core, 'heads.exportRecords', { from: '2026-11-01', to: '2026-11-30', villageUnitId: village })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const rows = (book.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1))
    expect(rows[0]).toEqual(['姓名', '所在村居', '负责楼巷街', '工作类别', '日期', '事项', '关联事件编号', '纠纷双方', '调解结果', '志愿者人次', '说明'])
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[8], r[9]])).toEqual([
      ['黄伍根', '解决问题', '2026-11-02', undefined, undefined],
      ['黄伍根', '调解纠纷', '2026-11-05', '调解成功', undefined],
      ['黄伍根', '社区活动', '2026-11-08', undefined, 12]
    ])
    expect(String(rows[1][6])).toMatch(/^SS-2026-/)
    expect(file.count).toBe(3)
  })

  it('keeps a village clerk to their villages', async () => {
    const token = await signIn(core, 'tingpu')
    const other = await core.dispatch('heads.check', { villageUnitId: otherVillage }, { token })
    expect(other.ok && other.value.withoutHead).toEqual([])
    const figures = await core.dispatch('heads.figures', { from: '2026-01-01', to: '2026-12-31', villageIds: [village, otherVillage] }, { token })
    expect(figures.ok && figures.value.villages.map((v) => v.villageId)).toEqual([village])
  })
})

describe('the figures in SQL are their definitions', () => {
  it('on random heads, records, periods, villages and days', () => {
    const villages = (core.store.sqlite.prepare("select id from units where kind = 'village' order by id limit 3").all() as { id: number }[]).map((v) => v.id)
    const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 9, 1) + d * 86_400_000).toISOString().slice(0, 10))
    const term = fc
      .record({ villageId: fc.constantFrom(...villages), appointedOn: day, endedOn: fc.option(day, { nil: null }) })
      .map((h) => (h.endedOn !== null && h.endedOn < h.appointedOn ? { ...h, endedOn: h.appointedOn } : h))
    const rec = fc.record({
      villageId: fc.constantFrom(...villages),
      kind: fc.constantFrom('解决问题' as const, '调解纠纷' as const, '社区活动' as const),
      date: day,
      outcome: fc.constantFrom('调解成功', '未能调解'),
      volunteers: fc.integer({ min: 0, max: 20 })
    })
    const gridOf = new Map(villages.map((v) => [v, q<{ id: number }>('select id from grids where tier = 3 and village_unit_id = ? limit 1', v).id]))
    const personOf = new Map(
      villages.map((v) => [v, q<{ id: number } | undefined>('select id from persons where village_unit_id = ? limit 1', v)?.id ?? resident])
    )
    fc.assert(
      fc.property(
        fc.array(term, { maxLength: 8 }),
        fc.array(rec, { maxLength: 25 }),
        day,
        day,
        day,
        fc.option(fc.subarray(villages), { nil: null }),
        (heads, records, a, b, asOf, within) => {
          const [from, to] = a <= b ? [a, b] : [b, a]
          const run = (text: string, ...p: unknown[]) => core.store.sqlite.prepare(text).run(...p)
          run('delete from head_records')
          run('delete from area_heads')
          const ids = heads.map((h) =>
            Number(
              run(
                "insert into area_heads (person_id, village_unit_id, tier3_grid_id, role, area, appointed_on, ended_on, created_at) values (?, ?, ?, '楼长', '楼', ?, ?, 'x')",
                personOf.get(h.villageId),
                h.villageId,
                gridOf.get(h.villageId),
                h.appointedOn,
                h.endedOn
              ).lastInsertRowid
            )
          )
          const hold =
            ids[0] ??
            Number(
              run(
                "insert into area_heads (person_id, village_unit_id, tier3_grid_id, role, area, appointed_on, ended_on, created_at) values (?, ?, ?, '楼长', '楼', '2099-01-01', null, 'x')",
                resident,
                village,
                grid
              ).lastInsertRowid
            )
          const stored: HeadRecord[] = records.map((r) => ({
            ...r,
            outcome: r.kind === '调解纠纷' ? r.outcome : null,
            volunteers: r.kind === '社区活动' ? r.volunteers : 0
          }))
          for (const r of stored)
            run(
              "insert into head_records (head_id, village_unit_id, kind, date, title, outcome, volunteers, created_at, recorded_by) values (?, ?, ?, ?, '事项', ?, ?, 'x', 't')",
              hold,
              r.villageId,
              r.kind,
              r.date,
              r.outcome,
              r.volunteers
            )
          const terms: HeadTerm[] = ids.length ? heads : [{ villageId: village, appointedOn: '2099-01-01', endedOn: null }]
          const p = { from, to, asOf, villageIds: within }
          const defined = headFigures(terms, stored, p)
          const computed = headFiguresOf(core.store.sqlite, p)
          expect(computed.total).toEqual(defined.total)
          expect(computed.villages).toEqual([...defined.villages].sort(([x], [y]) => x - y).map(([villageId, c]) => ({ villageId, ...c })))
        }
      ),
      { numRuns: 120 }
    )
  })
})
