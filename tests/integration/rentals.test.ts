// Rental buildings, inspections and re-inspections through the core, as the desks call them: a
// building placed from its point; an inspection with two hazards and a photo; one rectified on
// re-inspection, the other still open and then overdue — and the campaign table counting exactly
// that; bad input refused in Chinese naming the row, with nothing written; a clerk kept to their villages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Clock } from '../../electron/core/clock'
import { demoPassword, ok, signIn, testCore } from '../support/core'
import { solidPng } from '../support/fixtures'
import ExcelJS from 'exceljs'

let now = Date.parse('2026-11-10T02:00:00Z')
const clock: Clock = { now: () => new Date(now) }
let core: Core
let village: number
let otherVillage: number
let spot: { lon: number; lat: number; tier3: number }
const kind = (name: string) => core.store.sqlite.prepare('select id from hazard_kinds where name = ?').pluck().get(name) as number
const count = (table: string) => core.store.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
const png = (colour: number) => ({ fileName: `现场${colour}.png`, mimeType: 'image/png', contentBase64: solidPng(2, 2, [colour, 0, 0]).toString('base64') })

beforeAll(async () => {
  core = testCore({ clock })
  await core.seedDemoAccounts(demoPassword)
  const unit = (name: string) => core.store.sqlite.prepare('select id from units where name = ?').pluck().get(name) as number
  village = unit('汀圃社区')
  otherVillage = unit('大学城社区')
  spot = core.store.sqlite
    .prepare('select label_lon lon, label_lat lat, id tier3 from grids where tier = 3 and village_unit_id = ? order by id limit 1')
    .get(village) as typeof spot
})
afterAll(() => core.close())

describe('rental fire-safety work', () => {
  let building: number
  let hazards: number[]

  it('places a building in its tier-3 grid from its point, and refuses one whose point is in another village', async () => {
    const made = await ok(core, 'rentals.buildings.create', {
      address: '汀圃社区兴业路 8 号',
      villageUnitId: village,
      lon: spot.lon,
      lat: spot.lat,
      use: '居住',
      riskClass: '高风险',
      rentalRooms: 14,
      tenants: 32
    })
    expect(made.tier3GridId).toBe(spot.tier3)
    building = made.id
    const wrong = await core.dispatch('rentals.buildings.create', {
      address: '错村',
      villageUnitId: otherVillage,
      lon: spot.lon,
      lat: spot.lat,
      use: '居住',
      riskClass: '低风险',
      rentalRooms: 1,
      tenants: 1
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('另一个村居') } })
    const outside = await core.dispatch('rentals.buildings.create', {
      address: '镇外',
      villageUnitId: village,
      lon: 100,
      lat: 30,
      use: '居住',
      riskClass: '低风险',
      rentalRooms: 1,
      tenants: 1
    })
    expect(outside).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('不在镇内任何三级网格内') } })
  })

  it('records an inspection with two hazards and a photo; a deadline before the inspection is refused, nothing written', async () => {
    const before = [count('rental_inspections'), count('fire_hazards')]
    const early = await core.dispatch('rentals.inspect', {
      buildingId: building,
      inspectedOn: '2026-11-08',
      inspector: '网格员陈志明',
      hazards: [
        { kindId: kind('电动车屋内停放充电'), deadline: '2026-11-15' },
        { kindId: kind('疏散通道堵塞'), deadline: '2026-11-07' }
      ]
    })
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '第 2 处隐患（疏散通道堵塞）：整改期限 2026-11-07 早于排查日期 2026-11-08。' }
    })
    expect([count('rental_inspections'), count('fire_hazards')]).toEqual(before)
    const future = await core.dispatch('rentals.inspect', { buildingId: building, inspectedOn: '2026-11-11', inspector: '网格员', hazards: [] })
    expect(future).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('晚于今天（2026-11-10）') } })
    const done = await ok(core, 'rentals.inspect', {
      buildingId: building,
      inspectedOn: '2026-11-08',
      inspector: '网格员陈志明',
      hazards: [
        { kindId: kind('电动车屋内停放充电'), deadline: '2026-11-15', photos: [png(1)] },
        { kindId: kind('疏散通道堵塞'), deadline: '2026-11-12' }
      ]
    })
    hazards = done.hazardIds
    expect(hazards).toHaveLength(2)
    expect(core.store.sqlite.prepare("select count(*) from hazard_photos where stage = '发现'").pluck().get()).toBe(1)
  })

  it('re-inspects: a rectification without the photo the town requires is refused; with it, one is rectified and one stays open', async () => {
    now = Date.parse('2026-11-11T02:00:00Z')
    const noPhoto = await core.dispatch('rentals.reinspect', {
      buildingId: building,
      inspectedOn: '2026-11-11',
      inspector: '网格员陈志明',
      results: [{ hazardId: hazards[0], rectified: true }]
    })
    expect(noPhoto).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: `第 1 项（隐患编号 ${hazards[0]}）（电动车屋内停放充电）：本镇要求此类隐患整改须附整改后的照片。` }
    })
    const r = await ok(core, 'rentals.reinspect', {
      buildingId: building,
      inspectedOn: '2026-11-11',
      inspector: '网格员陈志明',
      results: [
        { hazardId: hazards[0], rectified: true, photos: [png(2)] },
        { hazardId: hazards[1], rectified: false, note: '杂物未清' }
      ]
    })
    expect(r).toMatchObject({ rectified: [hazards[0]], stillOpen: [hazards[1]] })
    const again = await core.dispatch('rentals.reinspect', {
      buildingId: building,
      inspectedOn: '2026-11-11',
      inspector: '网格员',
      results: [{ hazardId: hazards[0], rectified: true, photos: [png(3)] }]
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已于 2026-11-11 整改完毕') } })
  })

  it('counts the campaign table exactly: found 2, rectified 1, and the open one overdue once its deadline passed', async () => {
    const period = { startsOn: '2026-11-01', endsOn: '2026-12-31' }
    const on11 = await ok(core, 'rentals.campaignTable', { ...period, asOf: '2026-11-11' })
    expect(on11.total).toEqual({ found: 2, rectified: 1, overdue: 0, rate: 0.5 })
    now = Date.parse('2026-11-14T02:00:00Z')
    const today = await ok(core, 'rentals.campaignTable', period)
    expect(today.asOf).toBe('2026-11-14')
    expect(today.total).toEqual({ found: 2, rectified: 1, overdue: 1, rate: 0.5 })
    expect(today.villages).toEqual([{ villageId: village, village: '汀圃社区', found: 2, rectified: 1, overdue: 1, rate: 0.5 }])
    expect(today.kinds).toEqual([
      { kindId: kind('电动车屋内停放充电'), kind: '电动车屋内停放充电', countedBy: '处', found: 1, rectified: 1, overdue: 0, rate: 1 },
      { kindId: kind('疏散通道堵塞'), kind: '疏散通道堵塞', countedBy: '栋', found: 1, rectified: 0, overdue: 1, rate: 0 }
    ])
  })

  it('exports the same table to Excel: by village and by kind, the period and the day in words', async () => {
    const file = await ok(core, 'rentals.campaignExport', { table: { startsOn: '2026-11-01', endsOn: '2026-12-31' }, title: '冬季专项整治' })
    expect(file.fileName).toBe('出租屋隐患整治进度_2026-11-14.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1))
    expect(rows('按村居').slice(0, 3)).toEqual([
      ['村（社区）', '发现隐患', '已整改', '整改率', '逾期未改'],
      ['汀圃社区', 2, 1, '50.0%', 1],
      ['合计', 2, 1, '50.0%', 1]
    ])
    expect(rows('按类别').slice(1, 3)).toEqual([
      ['电动车屋内停放充电（按处）', 1, 1, '100.0%', 0],
      ['疏散通道堵塞（按栋）', 1, 0, '0.0%', 1]
    ])
    expect(rows('按村居').flat()).toContain('冬季专项整治（2026-11-01 至 2026-12-31，截至 2026-11-14）')
  })

  it('prints the same figures in the briefing’s 出租屋消防安全隐患整治 section, as of the briefing’s day', async () => {
    const table = await ok(core, 'rentals.campaignTable', { startsOn: '2026-11-01', endsOn: '2026-11-30', villageIds: [village] })
    const doc = await ok(core, 'briefings.compose', { kind: '月报', anchor: '2026-11-01', scopeUnitId: village })
    const section = doc.sections.find((s) => s.key === 'rentals')!
    expect(section.paragraphs[0]).toBe(
      '2026年11月，汀圃社区出租屋排查发现消防安全隐患2处，截至11月14日已整改1处，整改率50.0%；逾期未改1处，请所在村（社区）督促限期整改，逾期仍未整改的转为事件办理。'
    )
    expect(section.tables.map((t) => t.rows)).toEqual([
      table.kinds.map((k) => [
        k.kind,
        `${k.found}${k.countedBy}`,
        `${k.rectified}${k.countedBy}`,
        k.rate === 1 ? '100.0%' : '0.0%',
        `${k.overdue}${k.countedBy}`
      ])
    ])
    expect(doc.figures).toMatchObject({ rentalHazardsFound: 2, rentalHazardsRectified: 1, rentalRectificationRate: 0.5, rentalHazardsOverdue: 1 })
    // An earlier month's briefing counts as of its own end: October found nothing.
    const october = await ok(core, 'briefings.compose', { kind: '月报', anchor: '2026-10-01', scopeUnitId: village })
    expect(october.sections.find((s) => s.key === 'rentals')!.paragraphs[0]).toBe('2026年10月，汀圃社区出租屋排查未发现消防安全隐患。')
    // The town's briefing has the table by village too.
    const town = await ok(core, 'briefings.compose', { kind: '月报', anchor: '2026-11-01' })
    expect(town.sections.find((s) => s.key === 'rentals')!.tables[0].rows).toEqual([['汀圃社区', '2处', '1处', '50.0%', '1处']])
  })

  it('turns the overdue hazard into a 消防安全 issue held by the village, once; a rectified or not yet due one is refused', async () => {
    const rectified = await core.dispatch('rentals.escalate', { hazardId: hazards[0] })
    expect(rectified).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已于 2026-11-11 整改完毕') } })
    const made = await ok(core, 'rentals.escalate', { hazardId: hazards[1] })
    const issue = core.store.sqlite
      .prepare('select category, village_unit_id village, holder_unit_id holder, status, tier3_grid_id tier3, description from issues where id = ?')
      .get(made.issueId) as { category: string; village: number; holder: number; status: string; tier3: number; description: string }
    expect(issue).toMatchObject({ category: '消防安全', village, holder: village, status: 'reported', tier3: spot.tier3 })
    expect(issue.description).toContain('疏散通道堵塞，2026-11-08 排查发现，整改期限 2026-11-12')
    expect(core.store.sqlite.prepare('select issue_id from fire_hazards where id = ?').pluck().get(hazards[1])).toBe(made.issueId)
    // It is in the village clerk's 事件处置 list.
    const token = await signIn(core, 'tingpu')
    const listed = await core.dispatch('issues.list', { filters: { status: 'open' } }, { token })
    expect(listed.ok && listed.value.rows.some((r: { id: number }) => r.id === made.issueId)).toBe(true)
    const twice = await core.dispatch('rentals.escalate', { hazardId: hazards[1] })
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `隐患（编号 ${hazards[1]}）已转为事件 ${made.code}，不再重复登记。` } })
    const fresh = await ok(core, 'rentals.inspect', {
      buildingId: building,
      inspectedOn: '2026-11-14',
      inspector: '网格员',
      hazards: [{ kindId: kind('电气线路不规范'), deadline: '2026-11-20' }]
    })
    const notDue = await core.dispatch('rentals.escalate', { hazardId: fresh.hazardIds[0] })
    expect(notDue).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('整改期限 2026-11-20 尚未过') } })
  })

  it('lists the registry with open and overdue counts as of today, and a building’s hazards with their states', async () => {
    const page = await ok(core, 'rentals.buildings.list', { filters: { overdue: true }, sort: { field: 'overdueHazards', dir: 'desc' } })
    expect(page.total).toBe(1)
    expect(page.rows[0]).toMatchObject({
      id: building,
      village: '汀圃社区',
      riskClass: '高风险',
      openHazards: 2,
      overdueHazards: 1,
      lastInspectedOn: '2026-11-14',
      sample: false
    })
    expect((await ok(core, 'rentals.buildings.list', { q: '兴业路' })).rows.map((r) => r.id)).toEqual([building])
    const bad = await core.dispatch('rentals.buildings.list', { filters: { landlordPhone: '1' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('不能按“landlordPhone”筛选') } })
    const list = await ok(core, 'rentals.hazards', { buildingId: building })
    expect(list.map((h) => [h.kind, h.state, h.photos, h.issueCode !== null])).toEqual([
      ['电气线路不规范', '整改中', 0, false],
      ['疏散通道堵塞', '逾期未改', 0, true],
      ['电动车屋内停放充电', '已整改', 2, false]
    ])
  })

  it('gives a hazard’s photos as found and as rectified, the bytes as they were sent', async () => {
    const rectified = (await ok(core, 'rentals.hazards', { buildingId: building })).find((h) => h.state === '已整改')!
    const photos = await ok(core, 'rentals.hazardPhotos', { hazardId: rectified.id })
    expect(photos.map((p) => [p.stage, p.mimeType])).toEqual([
      ['发现', 'image/png'],
      ['整改', 'image/png']
    ])
    expect(photos[0].contentBase64).toBe(png(1).contentBase64)
    expect(await core.dispatch('rentals.hazardPhotos', { hazardId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('keeps the town’s kinds: adds, renames and stops one; a kind with hazards cannot be deleted; duplicates refused, nothing written', async () => {
    const before = await ok(core, 'rentals.kinds')
    const electric = before.find((k) => k.name === '电气线路不规范')!
    const unused = before.find((k) => k.name === '防盗网未设逃生窗')!
    const kept = before.filter((k) => k.id !== unused.id)
    const after = await ok(core, 'rentals.setKinds', {
      kinds: [
        ...kept.map((k) => (k.id === electric.id ? { ...k, name: '电气线路私拉乱接', active: false } : k)),
        { name: '液化气瓶违规存放', countedBy: '处', photoRequired: true, active: true }
      ]
    })
    expect(after.map((k) => k.name)).toEqual([...kept.map((k) => (k.id === electric.id ? '电气线路私拉乱接' : k.name)), '液化气瓶违规存放'])
    expect(after.find((k) => k.id === electric.id)!.active).toBe(false)
    // The hazards of a renamed kind are read under its new name.
    expect((await ok(core, 'rentals.hazards', { buildingId: building })).map((h) => h.kind)).toContain('电气线路私拉乱接')
    const snapshot = JSON.stringify(await ok(core, 'rentals.kinds'))
    const dropUsed = await core.dispatch('rentals.setKinds', { kinds: after.filter((k) => k.id !== electric.id) })
    expect(dropUsed).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('“电气线路私拉乱接”已有 1 处隐患，不能删除，只能停用') }
    })
    const twice = await core.dispatch('rentals.setKinds', {
      kinds: [...after, { name: '液化气瓶违规存放', countedBy: '栋', photoRequired: false, active: true }]
    })
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining(`第 ${after.length + 1} 行：类别“液化气瓶违规存放”重复`) }
    })
    expect(JSON.stringify(await ok(core, 'rentals.kinds'))).toBe(snapshot)
    // A stopped kind is not offered for a new inspection.
    const stopped = await core.dispatch('rentals.inspect', {
      buildingId: building,
      inspectedOn: '2026-11-14',
      inspector: '网格员',
      hazards: [{ kindId: electric.id, deadline: '2026-11-30' }]
    })
    expect(stopped).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('不存在或已停用') } })
  })

  it('keeps campaigns as named periods over villages; a second of the same name or a village of no town refused', async () => {
    const made = await ok(core, 'rentals.campaigns.create', {
      name: '2026年冬季出租屋消防安全专项整治',
      startsOn: '2026-11-01',
      endsOn: '2027-01-31',
      villageIds: [village]
    })
    expect(await ok(core, 'rentals.campaigns')).toEqual([
      { id: made.id, name: '2026年冬季出租屋消防安全专项整治', startsOn: '2026-11-01', endsOn: '2027-01-31', villageIds: [village] }
    ])
    expect(
      await core.dispatch('rentals.campaigns.create', { name: '2026年冬季出租屋消防安全专项整治', startsOn: '2026-12-01', endsOn: '2026-12-31' })
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    expect(
      await core.dispatch('rentals.campaigns.create', { name: '错范围', startsOn: '2026-12-01', endsOn: '2026-12-31', villageIds: [999_999] })
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('不是本镇的村（社区）') }
    })
    expect(await core.dispatch('rentals.campaigns.create', { name: '倒序', startsOn: '2026-12-31', endsOn: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('结束日期不能早于开始日期') }
    })
    expect(count('rental_campaigns')).toBe(1)
  })

  it('gives the map the campaign’s village rows on their tier-1 grids and the buildings with open hazards', async () => {
    const layer = await ok(core, 'rentals.mapLayer', {})
    expect(layer.campaign).toEqual({ name: '2026年冬季出租屋消防安全专项整治', startsOn: '2026-11-01', endsOn: '2027-01-31' })
    const table = await ok(core, 'rentals.campaignTable', { startsOn: '2026-11-01', endsOn: '2027-01-31', villageIds: [village] })
    const tier1 = core.store.sqlite.prepare('select id from grids where tier = 1 and village_unit_id = ?').pluck().get(village) as number
    const { village: _name, ...row } = table.villages[0]
    expect(layer.villages).toEqual([{ ...row, gridId: tier1 }])
    expect(layer.buildings.features.map((f) => f.properties)).toEqual([
      { id: building, address: '汀圃社区兴业路 8 号', riskClass: '高风险', open: 2, overdue: 1 }
    ])
    expect(layer.buildings.features[0].geometry.coordinates).toEqual([spot.lon, spot.lat])
    expect(await core.dispatch('rentals.mapLayer', { campaignId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('keeps a village clerk to their villages: another village’s building is refused, the table shows only theirs', async () => {
    const other = await ok(core, 'rentals.buildings.create', {
      address: '大学城某出租屋',
      villageUnitId: otherVillage,
      use: '混合',
      riskClass: '中风险',
      rentalRooms: 3,
      tenants: 5
    })
    const token = await signIn(core, 'tingpu')
    const refused = await core.dispatch('rentals.inspect', { buildingId: other.id, inspectedOn: '2026-11-13', inspector: '汀圃专干', hazards: [] }, { token })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const table = await core.dispatch('rentals.campaignTable', { startsOn: '2026-11-01', endsOn: '2026-12-31', villageIds: [village, otherVillage] }, { token })
    expect(table.ok && table.value.villages.map((v) => v.villageId)).toEqual([village])
    const layer = await core.dispatch('rentals.mapLayer', {}, { token })
    expect(layer.ok && layer.value.buildings.features.every((f) => f.properties.address.startsWith('汀圃'))).toBe(true)
  })

  it('exports the registry as filtered on screen to Excel, the landlord by name only; a clerk gets their villages', async () => {
    const sheetRows = async (file: { contentBase64: string }) => {
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
      return (book.getWorksheet('出租屋台账')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1))
    }
    const file = await ok(core, 'rentals.buildings.export', { filters: { overdue: true } })
    expect(file.count).toBe(1)
    const [header, row] = await sheetRows(file)
    expect(header).toEqual([
      '地址',
      '村（社区）',
      '三级网格',
      '用途',
      '风险等级',
      '出租间数',
      '在住租客（申报）',
      '登记住户（户）',
      '登记住户（人）',
      '房东',
      '未整改隐患（2026-11-14）',
      '其中逾期',
      '最近排查',
      '示意数据'
    ])
    const tier3 = core.store.sqlite.prepare('select g.name from rental_buildings b join grids g on g.id = b.tier3_grid_id where b.id = ?').pluck().get(building)
    const listed = (await ok(core, 'rentals.buildings.list', { filters: { overdue: true } })).rows[0]
    expect(row).toEqual([
      listed.address,
      '汀圃社区',
      tier3,
      listed.use,
      '高风险',
      listed.rentalRooms,
      listed.tenants,
      0,
      0,
      listed.landlord ?? '',
      2,
      1,
      '2026-11-14',
      ''
    ])
    // A clerk's export holds their villages only, as their list does.
    const token = await signIn(core, 'tingpu')
    const theirs = await core.dispatch('rentals.buildings.export', {}, { token })
    if (!theirs.ok) throw new Error(theirs.error.message)
    const rows = (await sheetRows(theirs.value)).slice(1)
    const theirList = await core.dispatch('rentals.buildings.list', { limit: 500 }, { token })
    expect(theirList.ok && rows.length === theirList.value.total && rows.length > 0).toBe(true)
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['汀圃社区']))
  })

  it('lists the overdue hazards not yet issues, and turns several into issues at once — all, or none with each reason named', async () => {
    const active = core.store.sqlite.prepare('select id from hazard_kinds where active = 1 order by id limit 1').pluck().get() as number
    const far = await ok(core, 'rentals.buildings.create', {
      address: '大学城逾期楼',
      villageUnitId: otherVillage,
      use: '居住',
      riskClass: '高风险',
      rentalRooms: 4,
      tenants: 8
    })
    const farHazard = (
      await ok(core, 'rentals.inspect', {
        buildingId: far.id,
        inspectedOn: '2026-11-14',
        inspector: '网格员',
        hazards: [{ kindId: active, deadline: '2026-11-18' }]
      })
    ).hazardIds[0]
    const notDue = (
      await ok(core, 'rentals.inspect', {
        buildingId: far.id,
        inspectedOn: '2026-11-14',
        inspector: '网格员',
        hazards: [{ kindId: active, deadline: '2026-12-30' }]
      })
    ).hazardIds[0]
    now = Date.parse('2026-11-25T02:00:00Z')
    const expected = core.store.sqlite
      .prepare("select id from fire_hazards where rectified_on is null and issue_id is null and deadline < '2026-11-25' order by deadline, id")
      .pluck()
      .all() as number[]
    expect(expected).toContain(farHazard)
    const town = await ok(core, 'rentals.overdueHazards', {})
    expect(town.total).toBe(expected.length)
    expect(town.rows.map((r) => r.hazardId)).toEqual(expected)
    expect(town.rows.find((r) => r.hazardId === farHazard)).toMatchObject({
      address: '大学城逾期楼',
      riskClass: '高风险',
      village: '大学城社区',
      tier3: null,
      deadline: '2026-11-18',
      daysOverdue: 7
    })
    // Each row's party group is its building's, where the building lies in one.
    const gridOf = core.store.sqlite.prepare('select g.name from rental_buildings b left join grids g on g.id = b.tier3_grid_id where b.id = ?').pluck()
    for (const r of town.rows) expect(r.tier3).toBe(gridOf.get(r.buildingId) ?? null)
    // A clerk sees their villages' and may not turn another village's.
    const token = await signIn(core, 'tingpu')
    const theirs = await core.dispatch('rentals.overdueHazards', {}, { token })
    expect(theirs.ok && theirs.value.rows.every((r) => r.village === '汀圃社区')).toBe(true)
    const issuesBefore = count('issues')
    expect(await core.dispatch('rentals.escalateMany', { hazardIds: [farHazard] }, { token })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: `隐患（编号 ${farHazard}）不在您负责的村居` }
    })
    // One not yet due: none is registered.
    expect(await core.dispatch('rentals.escalateMany', { hazardIds: [...expected, notDue] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(new RegExp(`本次一处也未登记：隐患（编号 ${notDue}）的整改期限 2026-12-30 尚未过`)) }
    })
    expect(count('issues')).toBe(issuesBefore)
    const made = await ok(core, 'rentals.escalateMany', { hazardIds: expected })
    expect(made.map((m) => m.hazardId)).toEqual(expected)
    expect(count('issues')).toBe(issuesBefore + expected.length)
    expect((await ok(core, 'rentals.overdueHazards', {})).total).toBe(0)
    const held = core.store.sqlite
      .prepare('select holder_unit_id from issues where id = ?')
      .pluck()
      .get(made.find((m) => m.hazardId === farHazard)!.issueId)
    expect(held).toBe(otherVillage)
  })

  it('keeps the registry’s households living in a building: one building at a time, of its village, counted in the registry’s row', async () => {
    const household = (code: string, v: number, members: number) =>
      Number(
        core.store.sqlite
          .prepare("insert into households (code, kind, name, address, members, village_unit_id) values (?, '非户籍家庭户', ?, '兴业路 8 号', ?, ?)")
          .run(code, `租户${code}`, members, v).lastInsertRowid
      )
    const [a, b, far] = [household('T-1', village, 3), household('T-2', village, 2), household('T-3', otherVillage, 4)]
    expect(await ok(core, 'rentals.addTenant', { buildingId: building, householdId: a, since: '2026-09-01' })).toEqual({ households: 1, residents: 3 })
    expect(await ok(core, 'rentals.addTenant', { buildingId: building, householdId: b, since: '2026-10-01' })).toEqual({ households: 2, residents: 5 })
    const refusals = [
      [{ householdId: far, since: '2026-10-01' }, '租户T-3户不在这栋出租屋所在的村（社区）'],
      [{ householdId: a, since: '2026-10-01' }, '租户T-1户已登记住在“汀圃社区兴业路 8 号”'],
      [{ householdId: b, since: '2026-12-30' }, '入住日期 2026-12-30 晚于今天']
    ] as const
    for (const [input, words] of refusals)
      expect(await core.dispatch('rentals.addTenant', { buildingId: building, ...input })).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining(words) }
      })
    expect((await ok(core, 'rentals.tenants', { buildingId: building })).map((t) => [t.code, t.members, t.since])).toEqual([
      ['T-2', 2, '2026-10-01'],
      ['T-1', 3, '2026-09-01']
    ])
    const row = (await ok(core, 'rentals.buildings.list', { filters: { id: building } })).rows[0]
    expect(row).toMatchObject({ registeredHouseholds: 2, registeredResidents: 5 })
    expect(await ok(core, 'rentals.removeTenant', { buildingId: building, householdId: b })).toEqual({ households: 1, residents: 3 })
    expect(await core.dispatch('rentals.removeTenant', { buildingId: building, householdId: b })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
