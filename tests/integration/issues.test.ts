// Issues on a real store: created on a map point (all three grids found), taken through the four
// levels and back with every hand-off logged, refused when out of order or stale, and the figures
// computed by hand for a small known set.
import type { Input } from '../../electron/shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Clock } from '../../electron/core/clock'
import { createHash } from 'node:crypto'
import { demoPassword, ok, signIn, testCore } from '../support/core'
import { solidPng } from '../support/fixtures'

let now = Date.parse('2026-11-02T01:00:00Z')
const clock: Clock = { now: () => new Date(now) }
const hours = (h: number) => (now += h * 3_600_000)
let core: Core
const one = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
let spot: { lon: number; lat: number; village: number; office: number; town: number; t3: number; t2: number; t1: number }
let dept: number

beforeAll(() => {
  core = testCore({ clock })
  spot = one(
    `select g.label_lon lon, g.label_lat lat, g.village_unit_id village, v.parent_id office, o.parent_id town, g.id t3, p.id t2, p.parent_id t1
     from grids g join grids p on p.id = g.parent_id join units v on v.id = g.village_unit_id join units o on o.id = v.parent_id where g.tier = 3 order by g.id limit 1`
  )
  dept = one<{ id: number }>("select id from units where kind = 'department' and name = '城管办'").id
})
afterAll(() => core.close())
const create = (extra: Record<string, unknown> = {}) =>
  ok(core, 'issues.create', {
    title: '巷道垃圾堆放',
    description: '巷口生活垃圾堆放多日',
    category: '环境卫生',
    urgency: '一般',
    source: '网格巡查',
    lon: spot.lon,
    lat: spot.lat,
    ...extra
  })
const get = (id: number, actingUnitId?: number) => ok(core, 'issues.get', { id, actingUnitId })
const act = async (id: number, actingUnitId: number, action: Input<'issues.act'>['action']) => {
  const { version } = await get(id)
  return ok(core, 'issues.act', { id, version, actingUnitId, action })
}

describe('an issue through the four levels', () => {
  it('is created on a map point, in the grids of all three tiers, at the village', async () => {
    const png = solidPng(4, 3, [200, 30, 30]).toString('base64')
    // The same picture twice is stored once (content hash); a text file named .jpg is refused.
    const refused = await core.dispatch('issues.create', {
      title: '巷道垃圾堆放',
      description: '巷口生活垃圾堆放多日',
      category: '环境卫生',
      urgency: '一般',
      source: '网格巡查',
      lon: spot.lon,
      lat: spot.lat,
      photos: [{ fileName: '现场.jpg', mimeType: 'image/jpeg', contentBase64: Buffer.from('不是图片').toString('base64') }]
    })
    expect(refused.ok === false && refused.error.message).toContain('现场.jpg')
    expect(one<{ n: number }>('select count(*) n from issues').n).toBe(0)
    const c = await create({
      photos: [
        { fileName: 'a.png', mimeType: 'image/jpeg', contentBase64: png },
        { fileName: 'b.png', mimeType: 'image/png', contentBase64: png }
      ]
    })
    expect(c.code).toBe('SS-2026-000001')
    expect(c.holderUnitId).toBe(spot.village)
    const row = one<{ tier1_grid_id: number; tier2_grid_id: number; tier3_grid_id: number }>(
      'select tier1_grid_id, tier2_grid_id, tier3_grid_id from issues where id = ?',
      c.id
    )
    expect(row).toEqual({ tier1_grid_id: spot.t1, tier2_grid_id: spot.t2, tier3_grid_id: spot.t3 })
    const [photo] = (await get(c.id)).photos
    expect(photo).toMatchObject({ fileName: 'a.png', mimeType: 'image/png', sha256: createHash('sha256').update(Buffer.from(png, 'base64')).digest('hex') })
    expect((await ok(core, 'issues.photo', { id: photo.id })).contentBase64).toBe(png)
  })

  it('climbs to the town, goes down to a department, is resolved and verified; the log tells who handed what to whom', async () => {
    const id = 1
    hours(1)
    await act(id, spot.village, { type: 'accept' })
    await act(id, spot.village, { type: 'escalate', reason: '需要执法力量' })
    await act(id, spot.office, { type: 'escalate', reason: '涉及城管执法' })
    expect((await get(id, spot.town)).actions).toEqual(expect.arrayContaining(['accept', 'dispatch', 'escalate']))
    await act(id, spot.town, { type: 'dispatch', toUnitId: dept, deadline: new Date(now + 48 * 3_600_000).toISOString() })
    hours(2)
    await act(id, dept, { type: 'accept' })
    hours(10)
    expect((await get(id)).waitingOn).toBeNull()
    await act(id, dept, { type: 'resolve', result: '已清运并设置垃圾收集点' })
    // Reported done, it waits on the unit that dispatched it.
    expect((await get(id)).waitingOn).toMatchObject({ unitId: spot.town, for: '核查' })
    const closed = await act(id, spot.town, { type: 'verify', approved: true, note: '现场核实' })
    expect(closed.status).toBe('closed')
    const issue = await get(id)
    expect(issue.events.map((e) => [e.action, e.fromUnitId, e.toUnitId])).toEqual([
      ['create', null, spot.village],
      ['accept', spot.village, null],
      ['escalate', spot.village, spot.office],
      ['escalate', spot.office, spot.town],
      ['dispatch', spot.town, dept],
      ['accept', dept, null],
      ['resolve', dept, spot.town],
      ['verify', spot.town, null]
    ])
    expect(one<{ closed_level: number; closed_on_time: number }>('select closed_level, closed_on_time from issues where id = ?', id)).toEqual({
      closed_level: 3,
      closed_on_time: 1
    })
  })

  it('refuses a stale version, the wrong unit and actions on a closed issue — and changes nothing', async () => {
    const c = await create()
    const before = await get(c.id)
    const stale = await core.dispatch('issues.act', { id: c.id, version: before.version + 1, actingUnitId: spot.village, action: { type: 'accept' } })
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT')
    const wrong = await core.dispatch('issues.act', { id: c.id, version: before.version, actingUnitId: spot.office, action: { type: 'accept' } })
    expect(wrong.ok === false && wrong.error.message).toContain('只有当前承办单位')
    const closed = await core.dispatch('issues.act', { id: 1, version: (await get(1)).version, actingUnitId: dept, action: { type: 'accept' } })
    expect(closed.ok === false && closed.error.message).toContain('已办结')
    expect((await get(c.id)).events).toHaveLength(1)
    expect(() => core.store.sqlite.prepare("update issue_events set note = '改写' where issue_id = ?").run(c.id)).toThrow(/只能追加/)
    expect(() => core.store.sqlite.prepare('delete from issue_events where issue_id = ?').run(c.id)).toThrow(/只能追加/)
  })

  it('registers a confirmed duplicate and merges it in one step; the original log names the new report', async () => {
    const original = await create()
    const dup = await create({ title: '巷口垃圾又堆满了', reporterName: '李女士', duplicateOf: original.id })
    expect((await get(dup.id)).status).toBe('merged')
    expect((await get(dup.id)).events.map((e) => e.action)).toEqual(['create', 'merge'])
    const log = (await get(original.id)).events
    expect(log.at(-1)).toMatchObject({ action: 'absorb', note: `${dup.code}：巷口垃圾又堆满了（反映人 李女士）` })
    // Into a closed issue: refused, and the new report is not half-registered.
    const count = one<{ n: number }>('select count(*) n from issues').n
    const refused = await core.dispatch('issues.create', {
      title: '垃圾',
      description: '巷口垃圾',
      category: '环境卫生',
      urgency: '一般',
      source: '来访',
      lon: spot.lon,
      lat: spot.lat,
      duplicateOf: 1
    })
    expect(refused.ok === false && refused.error.message).toContain('已结束')
    expect(one<{ n: number }>('select count(*) n from issues').n).toBe(count)
  })

  it('numbers supervision notices per year and tells the deadline missed and the new one', async () => {
    const c = await create()
    await act(c.id, spot.village, { type: 'accept' })
    const due = (await get(c.id)).events.at(-1)!.dueAt as string
    hours(24 * 7) // handling limit for 一般 is 120 h: two days overdue
    await act(c.id, spot.town, { type: 'supervise', note: '请于三日内办结并反馈', deadline: '2026-11-20T15:59:59.999Z' })
    await act(c.id, spot.town, { type: 'supervise', note: '再次督办' })
    const events = (await get(c.id)).events.filter((e) => e.action === 'supervise')
    const first = await ok(core, 'issues.supervisionNotice', { eventId: events[0].id })
    expect(first).toMatchObject({
      number: '狮网督〔2026〕1号',
      nth: 1,
      supervisor: '狮山镇',
      note: '请于三日内办结并反馈',
      previousDueAt: due,
      overdueDays: 2,
      dueAt: '2026-11-20T15:59:59.999Z',
      issue: { code: c.code, title: '巷道垃圾堆放' }
    })
    expect((first.holder as string).length).toBeGreaterThan(1)
    const second = await ok(core, 'issues.supervisionNotice', { eventId: events[1].id })
    expect(second).toMatchObject({ number: '狮网督〔2026〕2号', nth: 2, previousDueAt: '2026-11-20T15:59:59.999Z' })
    const notSupervision = await core.dispatch('issues.supervisionNotice', { eventId: (await get(c.id)).events[0].id })
    expect(notSupervision.ok).toBe(false)
  })

  it("refuses a clerk's report placed outside their villages before writing anything, naming the village it fell in", async () => {
    await core.seedDemoAccounts(demoPassword)
    const tingpu = await signIn(core, 'tingpu')
    const own = one<{ id: number; parent: number }>("select id, parent_id parent from units where name = '汀圃社区'")
    const elsewhere = one<{ lon: number; lat: number; village: string }>(
      "select g.label_lon lon, g.label_lat lat, v.name village from grids g join units v on v.id = g.village_unit_id where g.tier = 3 and v.name = '大学城社区' limit 1"
    )
    const before = one<{ n: number }>('select count(*) n from issues').n
    const r = await core.dispatch(
      'issues.create',
      {
        title: '隔壁村的问题',
        description: '汀圃专干在大学城选了点',
        category: '环境卫生',
        urgency: '一般',
        source: '网格巡查',
        lon: elsewhere.lon,
        lat: elsewhere.lat,
        reportingUnitId: own.id
      },
      { token: tingpu }
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (!r.ok) expect(r.error.message).toContain(`所选位置在${elsewhere.village}`)
    expect(one<{ n: number }>('select count(*) n from issues').n).toBe(before)
    // The form can say so before saving: where the point fell, and that it is out of reach.
    const place = await core.dispatch('issues.place', { lon: elsewhere.lon, lat: elsewhere.lat }, { token: tingpu })
    expect(place).toMatchObject({ ok: true, value: { village: elsewhere.village, inReach: false } })
    if (place.ok) expect((place.value as { tier3: string }).tier3).toBeTruthy()
    // In their own village it is taken.
    const inside = one<{ lon: number; lat: number }>(`select label_lon lon, label_lat lat from grids where tier = 3 and village_unit_id = ${own.id} limit 1`)
    expect(await core.dispatch('issues.place', inside, { token: tingpu })).toMatchObject({ ok: true, value: { village: '汀圃社区', inReach: true } })
    expect(
      (
        await core.dispatch(
          'issues.create',
          {
            title: '本村的问题',
            description: '汀圃专干在本村选点',
            category: '环境卫生',
            urgency: '一般',
            source: '网格巡查',
            ...inside,
            reportingUnitId: own.id
          },
          { token: tingpu }
        )
      ).ok
    ).toBe(true)
  })

  it('sends a new issue to the level its rule names', async () => {
    const rules = await ok(core, 'routing.rules.get', {})
    const rule = rules.rules.find((r) => r.category === '矛盾纠纷' && r.urgency === '较急')!
    await ok(core, 'routing.rules.set', { rules: [{ ...rule, defaultLevel: 2 }] })
    const c = await create({ category: '矛盾纠纷', urgency: '较急' })
    expect(c.holderUnitId).toBe(spot.office)
    const bad = await core.dispatch('routing.rules.set', { rules: [{ ...rule, acceptHours: 500, handleHours: 10 }] })
    expect(bad.ok === false && bad.error.message).toContain('受理时限')
    // A new category comes with rules for each urgency; a retired one is no longer offered or accepted.
    const names = (rules as unknown as { categories: { name: string; active: boolean }[] }).categories.filter((c) => c.active).map((c) => c.name)
    const after = await ok(core, 'routing.rules.set', {
      categories: [...names.filter((n) => n !== '交通安全'), '噪音扰民']
    })
    expect(after.rules.filter((r) => r.category === '噪音扰民')).toHaveLength(3)
    expect(after.categories.find((c) => c.name === '交通安全')?.active).toBe(false)
    expect((await create({ category: '噪音扰民' })).holderUnitId).toBe(spot.village)
    const retired = await core.dispatch('issues.create', {
      title: '路口拥堵',
      description: '早高峰拥堵',
      category: '交通安全',
      urgency: '一般',
      source: '来访',
      lon: spot.lon,
      lat: spot.lat
    })
    expect(retired.ok === false && retired.error.message).toContain('不在类别表中')
  })
})

describe('figures (stats.kpis), by hand', () => {
  it('counts collected, resolved, rates, levels and overdue for a known set', async () => {
    const c2 = core
    core = testCore({ clock })
    try {
      now = Date.parse('2026-10-01T01:00:00Z')
      const a = await create()
      const b = await create()
      const c = await create()
      const d = await create({ category: '城市管理' }) // default level 2: held by the office
      hours(1)
      for (const id of [a.id, b.id]) {
        await act(id, spot.village, { type: 'accept' })
        await act(id, spot.village, { type: 'resolve', result: '已清理' })
        await act(id, spot.town, { type: 'verify', approved: true, note: '' })
      }
      await act(c.id, spot.village, { type: 'accept' })
      await act(c.id, spot.village, { type: 'escalate', reason: '需管理处协调' })
      await act(c.id, spot.office, { type: 'accept' })
      hours(9)
      await act(c.id, spot.office, { type: 'resolve', result: '已协调处置' })
      await act(c.id, spot.town, { type: 'verify', approved: true, note: '' })
      hours(24 * 10) // d waits past its acceptance deadline, and the town supervises it
      await act(d.id, spot.town, { type: 'supervise', note: '请尽快受理' })
      const k = await ok(core, 'stats.kpis', { from: '2026-10-01', to: '2026-10-31' })
      expect(k).toMatchObject({
        collected: 4,
        resolved: 3,
        resolutionRate: 0.75,
        onTimeRate: 1,
        villageShare: 0.6667,
        townShare: 1,
        overdue: 1,
        supervised: 1,
        escalations: 1
      })
      expect(k.medianByLevel).toEqual([
        { level: 1, resolved: 2, medianHours: 1 },
        { level: 2, resolved: 1, medianHours: 10 },
        { level: 3, resolved: 0, medianHours: null },
        { level: 4, resolved: 0, medianHours: null }
      ])
      expect(k.escalationsByLevel).toEqual([
        { level: 1, escalations: 1 },
        { level: 2, escalations: 0 },
        { level: 3, escalations: 0 }
      ])
      expect(k.byCategory).toEqual([
        { category: '环境卫生', collected: 3, resolved: 3, overdue: 0 },
        { category: '城市管理', collected: 1, resolved: 0, overdue: 1 }
      ])
      expect(k.byUnit).toEqual([expect.objectContaining({ unitId: spot.village, collected: 4, resolved: 3, overdue: 1 })])
      expect(k.byOffice).toEqual([expect.objectContaining({ unitId: spot.office, collected: 4, resolved: 3, overdue: 1 })])
      const scoped = await ok(core, 'stats.kpis', { from: '2026-10-01', to: '2026-10-31', scope: spot.office })
      expect(scoped.collected).toBe(4)
      const list = await ok(core, 'issues.list', { filters: { overdue: true } })
      expect(list.rows.map((r) => r.id)).toEqual([d.id])
      const open = await ok(core, 'issues.list', { filters: { status: 'open', level: 2 } })
      expect(open.total).toBe(1)
      // The overdue unit is listed, and an accountability record can be written against it.
      const units = await ok(core, 'issues.overdueUnits', {})
      expect(units).toEqual([expect.objectContaining({ unitId: spot.office, overdue: 1 })])
      await ok(core, 'accountability.record', { unitId: spot.office, issueId: d.id, kind: '约谈', note: '城市管理事件超期未受理' })
      const records = await ok(core, 'accountability.list', { unitId: spot.office })
      expect(records).toEqual([expect.objectContaining({ unitId: spot.office, issueCode: d.code, kind: '约谈' })])
      const bad = await core.dispatch('accountability.record', { unitId: spot.office, kind: '约谈', note: '' })
      expect(bad.ok).toBe(false)
    } finally {
      core.close()
      core = c2
    }
  })
})
