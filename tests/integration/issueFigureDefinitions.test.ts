// The linkage's figures mean what their names say (README glossary), checked on hand-built walks:
// 小事不出村 — resolved, never held above the village; 大事不出镇 — resolved, never held by the
// district, wherever it was closed in the end. An issue that went up to the district and came back
// down to be closed in the village is neither.
import type { Input } from '../../electron/shared/contract'
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../electron/core/clock'
import { ok, testCore } from '../support/core'

let now = Date.parse('2026-05-10T09:00:00+08:00')
const clock: Clock = { now: () => new Date((now += 60_000)) }
let core: ReturnType<typeof testCore>
const unit = (sql: string) => core.store.sqlite.prepare(sql).pluck().get() as number
let village: number
let office: number
let town: number
let district: number
const kpis = () => ok(core, 'stats.kpis', { from: '2026-05-01', to: '2026-05-31', scope: village })

async function walk(title: string, steps: [number, Input<'issues.act'>['action']][]) {
  const issue = await ok(core, 'issues.create', {
    title,
    description: '定义测试的手工流转',
    category: '环境卫生',
    urgency: '一般',
    source: '网格巡查',
    villageUnitId: village
  })
  for (const [actingUnitId, action] of steps) {
    const version = core.store.sqlite.prepare('select version from issues where id = ?').pluck().get(issue.id) as number
    await ok(core, 'issues.act', { id: issue.id, version, actingUnitId, action })
  }
  return core.store.sqlite.prepare('select status, closed_level closedLevel, peak_level peakLevel from issues where id = ?').get(issue.id) as {
    status: string
    closedLevel: number
    peakLevel: number
  }
}

beforeAll(() => {
  core = testCore({ clock })
  village = unit("select id from units where name = '汀圃社区'")
  office = unit(`select parent_id from units where id = ${village}`)
  town = unit("select id from units where kind = 'town'")
  district = unit("select id from units where kind = 'district'")
})
afterAll(() => core.close())

describe('小事不出村 and 大事不出镇', () => {
  it('counts an issue that reached the district in neither, even when it was closed back in the village', async () => {
    const before = await kpis()
    expect(before.collected).toBe(0)
    const accept = { type: 'accept' as const }
    const up = (reason: string) => ({ type: 'escalate' as const, reason })
    // Up, level by level, to the district; then dispatched back down, level by level, to the village.
    const climbed = await walk('上到区又回到村', [
      [village, accept],
      [village, up('涉及多个部门')],
      [office, accept],
      [office, up('超出本级权限')],
      [town, accept],
      [town, up('需区级协调')],
      [district, accept],
      [district, { type: 'dispatch' as const, toUnitId: town, note: '请镇属地处置' }],
      [town, accept],
      [town, { type: 'dispatch' as const, toUnitId: office, note: '请管理处落实' }],
      [office, accept],
      [office, { type: 'dispatch' as const, toUnitId: village, note: '请村居整改' }],
      [village, accept],
      [village, { type: 'resolve' as const, result: '已整改到位' }],
      [office, { type: 'verify' as const, approved: true, note: '核查属实' }]
    ])
    expect(climbed).toEqual({ status: 'closed', closedLevel: 1, peakLevel: 4 })
    // Resolved at the village without ever leaving it.
    const stayed = await walk('在村解决', [
      [village, accept],
      [village, { type: 'resolve' as const, result: '当场处理' }],
      [town, { type: 'verify' as const, approved: true, note: '核查属实' }]
    ])
    expect(stayed).toEqual({ status: 'closed', closedLevel: 1, peakLevel: 1 })
    // Up to the office and back down: not 小事不出村, but 大事不出镇.
    const office1 = await walk('到管理处又回村', [
      [village, accept],
      [village, up('需管理处协调')],
      [office, accept],
      [office, { type: 'dispatch' as const, toUnitId: village, note: '请村居处置' }],
      [village, accept],
      [village, { type: 'resolve' as const, result: '已处理' }],
      [office, { type: 'verify' as const, approved: true, note: '核查属实' }]
    ])
    expect(office1).toEqual({ status: 'closed', closedLevel: 1, peakLevel: 2 })
    const k = await kpis()
    expect(k).toMatchObject({ collected: 3, resolved: 3 })
    expect(k.villageShare).toBeCloseTo(1 / 3, 4)
    expect(k.townShare).toBeCloseTo(2 / 3, 4)
  })
})
