// Every day, month and year a person counts by is China's (UTC+8). The clock is run at 00:30, 07:00
// and 23:30 China time, the hours at which a UTC day and China's day disagree or nearly do: 07:00 on
// 1 March is still 28 February in UTC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../electron/core/clock'
import type { Result } from '../../electron/shared/contract'
import { ok, testCoreWithPeople } from '../support/core'

let now = Date.parse('2026-03-01T07:00:00+08:00')
const clock: Clock = { now: () => new Date(now) }
const at = (china: string) => (now = Date.parse(`${china}+08:00`))
let core: ReturnType<typeof testCoreWithPeople>
let village: number
let town: number

const register = (title: string) =>
  ok(core, 'issues.create', {
    title,
    description: '中国日界测试登记',
    category: '环境卫生',
    urgency: '一般',
    source: '网格巡查',
    villageUnitId: village
  })
const collected = async (from: string, to: string) => (await ok(core, 'stats.kpis', { from, to, scope: village })).collected

beforeAll(() => {
  core = testCoreWithPeople({ clock })
  village = core.store.sqlite.prepare("select id from units where name = '汀圃社区'").pluck().get() as number
  town = core.store.sqlite.prepare("select id from units where kind = 'town'").pluck().get() as number
})
afterAll(() => core.close())

describe('China days', () => {
  it('counts an issue registered at 07:00 on 1 March in March, not February', async () => {
    const marchBefore = await collected('2026-03-01', '2026-03-31')
    const februaryBefore = await collected('2026-02-01', '2026-02-28')
    at('2026-03-01T07:00:00')
    await register('三月一日早上登记')
    expect(await collected('2026-03-01', '2026-03-31')).toBe(marchBefore + 1)
    expect(await collected('2026-02-01', '2026-02-28')).toBe(februaryBefore)
    // The list's period filter says the same.
    const inMarch = await ok(core, 'issues.list', { filters: { from: '2026-03-01', to: '2026-03-01' }, limit: 500 })
    expect(inMarch.rows.map((r) => r.title)).toContain('三月一日早上登记')
    const inFebruary = await ok(core, 'issues.list', { filters: { from: '2026-02-28', to: '2026-02-28' }, limit: 500 })
    expect(inFebruary.rows.map((r) => r.title)).not.toContain('三月一日早上登记')
  })

  it('counts an issue registered at 23:30 on the last day of February in February', async () => {
    const februaryBefore = await collected('2026-02-01', '2026-02-28')
    at('2026-02-28T23:30:00')
    await register('二月末深夜登记')
    expect(await collected('2026-02-01', '2026-02-28')).toBe(februaryBefore + 1)
  })

  it('takes a visit dated today at 07:00 and 00:30, and refuses tomorrow', async () => {
    const household = core.store.sqlite.prepare('select id from households where village_unit_id = ? limit 1').pluck().get(village) as number
    for (const time of ['2026-03-01T07:00:00', '2026-03-01T00:30:00', '2026-03-01T23:30:00']) {
      at(time)
      const r = await core.dispatch('visits.record', { kind: '入户走访', date: '2026-03-01', householdId: household, visitorKind: '驻点团队' })
      expect(r.ok, `${time}: ${JSON.stringify(r)}`).toBe(true)
      const tomorrow = await core.dispatch('visits.record', { kind: '入户走访', date: '2026-03-02', householdId: household, visitorKind: '驻点团队' })
      expect(tomorrow).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
  })

  it("numbers issues and supervision notices by China's year", async () => {
    at('2027-01-01T07:00:00')
    const first = await register('新年第一件')
    expect(first.code).toBe('SS-2027-000001')
    const version = core.store.sqlite.prepare('select version from issues where id = ?').pluck().get(first.id) as number
    const r = (await core.dispatch('issues.act', {
      id: first.id,
      version,
      actingUnitId: town,
      action: { type: 'supervise', note: '新年督办' }
    })) as Result<unknown>
    expect(r.ok, JSON.stringify(r)).toBe(true)
    const event = core.store.sqlite.prepare("select id from issue_events where issue_id = ? and action = 'supervise'").pluck().get(first.id) as number
    const notice = await ok(core, 'issues.supervisionNotice', { eventId: event })
    expect(notice.number).toBe('狮网督〔2027〕1号')
  })

  it("shows on the wall today's issues from China's midnight and this China month in the trend", async () => {
    at('2026-06-10T23:30:00')
    await register('六月十日深夜')
    at('2026-06-11T00:30:00')
    // The demo's own issues of that China day, and not one of the day before.
    const demoToday = core.store.sqlite
      .prepare("select count(*) from issues where date(created_at, '+8 hours') = '2026-06-11' and status <> 'merged'")
      .pluck()
      .get() as number
    expect((await ok(core, 'wall.summary')).tiles.issuesToday).toBe(demoToday)
    await register('六月十一日凌晨')
    expect((await ok(core, 'wall.summary')).tiles.issuesToday).toBe(demoToday + 1)
    at('2026-07-01T07:00:00')
    const july = await ok(core, 'wall.summary')
    expect(july.trend.at(-1)!.month).toBe('2026-07')
    expect(july.trend[0].month).toBe('2025-08')
  })

  it('names backups and exports by the China date and time', async () => {
    at('2026-03-01T07:00:00')
    const backup = await core.backupNow()
    expect(backup.name).toMatch(/^shishan-20260301-070000/)
    const exported = await ok(core, 'people.export', { registry: 'teams' })
    expect(exported.fileName).toContain('20260301')
  })

  it('composes a March briefing with the issue of 07:00 on 1 March', async () => {
    at('2026-04-01T07:00:00')
    const doc = await ok(core, 'briefings.compose', { kind: '月报', anchor: '2026-03-01', scopeUnitId: village })
    expect(doc.figures.collected).toBe(await collected('2026-03-01', '2026-03-31'))
    expect(doc.figures.collected).toBeGreaterThanOrEqual(1)
  })
})
