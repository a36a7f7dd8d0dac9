// Briefings on the demo town: composed from the same figures every screen shows, for the town, an
// office and a village; bad periods and scopes refused; empty periods read 无; issuing numbers them
// per year and freezes them — a reprint after the data changed is the same document.
import type { Input } from '../../electron/shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { BriefingDocument } from '../../electron/shared/briefing'
import { ok, testCoreWithPeople } from '../support/core'

let core: Core
const one = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
beforeAll(() => {
  core = testCoreWithPeople()
})
afterAll(() => core.close())

const compose = (input: Input<'briefings.compose'>) => ok(core, 'briefings.compose', input)
const text = (d: BriefingDocument) => JSON.stringify(d.sections.map((s) => [s.heading, s.paragraphs, s.tables]))

describe('composing a briefing', () => {
  it('writes this month’s town briefing with the numbers of stats.kpis and the visit statistics', async () => {
    const d = await compose({ kind: '月报', anchor: '2026-11-10' })
    const k = await ok(core, 'stats.kpis', {
      from: '2026-11-01',
      to: '2026-11-30'
    })
    const v = await ok(core, 'visits.stats', { from: '2026-11-01', to: '2026-11-30' })
    expect(d.period).toEqual({ from: '2026-11-01', to: '2026-11-30', label: '2026年11月' })
    expect(d.figures).toMatchObject({
      collected: k.collected,
      resolved: k.resolved,
      overdue: k.overdue,
      supervised: k.supervised,
      personTimes: v.total.teamPersonTimes,
      teams: 73
    })
    expect(d.sections.map((s) => s.key)).toEqual(['overview', 'linkage', 'reporting', 'keyIssues', 'ranking', 'rentals', 'community', 'nextSteps'])
    expect(d.sections[0].paragraphs[0]).toContain(`共收集问题${k.collected}条，解决${k.resolved}条`)
    expect(d.sections[0].paragraphs[0]).toContain('73个驻点团队')
    expect(d.sections[1].figures[0].svg).toMatch(/^<svg/)
    expect(d.sections[4].figures[0].svg).toMatch(/^<svg/)
    expect(d.sections[4].tables[0].rows).toHaveLength(84)
    expect(text(d)).not.toMatch(/NaN|undefined|null|Infinity/)
  })

  it('scopes to an office and to a village', async () => {
    const office = one<{ id: number; name: string }>("select id, name from units where kind = 'office' order by id limit 1")
    const d = await compose({ kind: '季报', anchor: '2026-08-01', scopeUnitId: office.id })
    const k = await ok(core, 'stats.kpis', { from: '2026-07-01', to: '2026-09-30', scope: office.id })
    expect(d.period.label).toBe('2026年第三季度')
    expect(d.scope.name).toBe(office.name)
    expect(d.figures.collected).toBe(k.collected)
    const villages = one<{ n: number }>("select count(*) n from units where parent_id = ? and kind = 'village'", office.id).n
    expect(d.sections.find((s) => s.key === 'ranking')!.tables[0].rows).toHaveLength(villages)
    const village = one<{ id: number; name: string }>("select id, name from units where name = '汀圃社区'")
    const w = await compose({ kind: '周报', anchor: '2026-11-18', scopeUnitId: village.id })
    expect(w.period).toMatchObject({ from: '2026-11-16', to: '2026-11-22', label: '2026年第47周（11月16日—11月22日）' })
    expect(w.sections[0].paragraphs[0]).toContain('汀圃社区')
  })

  it('refuses periods and scopes that make no sense, with the reason', async () => {
    const refused = async (input: Record<string, unknown>, words: string) => {
      const r = await core.dispatch('briefings.compose', input)
      expect(r.ok === false && r.error.message, JSON.stringify(input)).toContain(words)
    }
    await refused({ kind: '专报' }, '起止日期')
    await refused({ kind: '专报', from: '2026-05-01', to: '2026-04-01' }, '不能晚于')
    await refused({ kind: '月报', anchor: '2026-02-30' }, '无效')
    await refused({ kind: '月报', anchor: '2026-13-01' }, '无效')
    await refused({ kind: '月报', anchor: '2027-01-05' }, '尚未开始')
    await refused({ kind: '月报', anchor: '2026-11-01', scopeUnitId: one<{ id: number }>("select id from units where name = '城管办'").id }, '简报范围')
    await refused({ kind: '月报', anchor: '2026-11-01', scopeUnitId: 999_999 }, '单位')
  })

  it('prints 无 for a period without data, never NaN or 0/0', async () => {
    const d = await compose({ kind: '专报', from: '2021-03-01', to: '2021-03-31' })
    expect(d.figures).toMatchObject({ collected: 0, resolved: 0, resolutionRate: null, onTimeRate: null })
    expect(d.sections[0].paragraphs[0]).toContain('本期未收集到问题')
    expect(d.sections[0].paragraphs[0]).toContain('本期无驻点走访记录')
    expect(d.sections[0].tables[0].rows.find((r) => r[0] === '问题解决率')).toEqual(['问题解决率', '无', '无', '无'])
    expect(d.sections[1].figures).toEqual([])
    expect(text(d)).not.toMatch(/NaN|undefined|Infinity/)
  })
})

describe('issuing and reprinting', () => {
  it('needs the next steps written, numbers per year, and reprints the frozen document after the data changed', async () => {
    const base = { kind: '月报' as const, anchor: '2026-11-10' }
    const missing = await core.dispatch('briefings.issue', { ...base, sections: [{ key: 'overview' }, { key: 'nextSteps', paragraphs: ['  '] }] })
    expect(missing.ok === false && missing.error.message).toContain('下一步工作')
    const words = '一是加快超期问题办理；二是<b>抓好</b>出租屋消防隐患排查 🔥；' + '长'.repeat(300)
    const first = await ok(core, 'briefings.issue', {
      ...base,
      sections: [{ key: 'linkage' }, { key: 'overview', paragraphs: ['本月总体平稳。'] }, { key: 'nextSteps', paragraphs: [words] }]
    })
    expect(first).toMatchObject({ number: 1, year: 2026 })
    const issued = await ok(core, 'briefings.get', { id: first.id })
    expect(issued.document.number).toBe(1)
    expect(issued.document.sections.map((s) => s.key)).toEqual(['linkage', 'overview', 'nextSteps'])
    expect(issued.document.sections[1].paragraphs).toEqual(['本月总体平稳。'])
    expect(issued.document.sections[2].paragraphs).toEqual([words])
    // New issues this month change a new composition, not the issued one.
    const spot = one<{ lon: number; lat: number }>('select label_lon lon, label_lat lat from grids where tier = 3 order by id limit 1')
    for (let n = 0; n < 3; n++)
      await ok(core, 'issues.create', {
        title: '重印测试',
        description: '签发后新增的事件',
        category: '环境卫生',
        urgency: '一般',
        source: '网格巡查',
        ...spot
      })
    expect((await compose(base)).figures.collected).toBe((issued.document.figures.collected as number) + 3)
    expect((await ok(core, 'briefings.get', { id: first.id })).document).toEqual(issued.document)
    const second = await ok(core, 'briefings.issue', { ...base, sections: [{ key: 'overview' }] })
    expect(second.number).toBe(2)
    expect(() => core.store.sqlite.prepare('update briefings set snapshot = ? where id = ?').run('{}', first.id)).toThrow(/不能修改/)
    expect(() => core.store.sqlite.prepare('delete from briefings where id = ?').run(first.id)).toThrow(/不能删除/)
    const found = await ok(core, 'briefings.list', { q: '2026年第1期' })
    expect(found.map((b) => b.id)).toEqual([first.id])
  })
})
