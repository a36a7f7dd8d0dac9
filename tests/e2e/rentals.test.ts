// The issue's scenario on the screen, as the command centre's operator at 1366×768: a rental building
// registered at a point with its landlord from the registry; an inspection with two hazards and a
// photo (a deadline before the visit refused first, nothing written); a re-inspection that rectifies
// one (refused without the photo the town requires) and leaves the other open; the overdue one turned
// into an issue that 事件处置 shows held by the village; the campaign table and its Excel; and a
// briefing whose 出租屋消防安全隐患整治 section prints the same figures, read back from the PDF.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { countColour, findColour, openApp, outputDir, printViewToPdf } from '../support/browser'
import { solidPng } from '../support/fixtures'
import type { Input, Output } from '../../electron/shared/contract'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
const one = <T>(sql: string, ...p: unknown[]) => app.core.store.sqlite.prepare(sql).get(...p) as T
const address = '狮山镇兴业路测试出租屋 8 号'
let village = ''
let buildingId = 0
type Table = Output<'rentals.campaignTable'>
const year = { startsOn: '2026-01-01', endsOn: '2026-12-31' }
const table = async (input: Input<'rentals.campaignTable'>) => {
  const r = await app.core.dispatch('rentals.campaignTable', input)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as Table
}
const pct = (c: Table['total']) => (c.rate === null ? '—' : `${(Math.round(c.rate * 1000) / 10).toFixed(1)}%`)
const n = (v: number) => v.toLocaleString('zh-CN')
/** The town's and the village's table for the year before the scenario (the demo's own hazards are in them). */
let before: { town: Table['total']; village: Table['total'] }

beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 }, { people: true, user: 'operator' })
  page = app.page
  await page.locator('.app-nav').getByText('出租屋整治', { exact: true }).click()
  await page.getByTestId('rental-total').waitFor()
}, 180_000)
afterAll(() => app?.close())

/** Types a day into an antd date picker found by its label. */
async function pickDay(scope: Locator, label: string, day: string) {
  const input = scope.getByLabel(label, { exact: true })
  await input.click()
  await input.fill(day)
  await input.press('Enter')
}
async function choose(select: Locator, text: string) {
  await select.click()
  await page.keyboard.type(text)
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click()
}

describe('rental fire-safety work on the screen', () => {
  it('registers a building at a point on the map, in its village, with its landlord from the registry', async () => {
    await page.getByTestId('new-rental').click()
    const dialog = page.getByRole('dialog', { name: '登记出租屋' })
    await dialog.getByTestId('rental-address').fill(address)
    const picker = dialog.getByTestId('point-picker')
    await expect.poll(() => picker.getAttribute('data-idle')).toBe('1')
    await page.waitForTimeout(300)
    const box = (await picker.boundingBox())!
    await picker.click({ position: { x: box.width / 2, y: box.height / 2 } })
    await expect.poll(() => dialog.getByTestId('rental-picked-place').textContent()).toMatch(/已选：[^正不]/)
    village = (await dialog.getByTestId('rental-picked-place').textContent())!.replace('已选：', '').split(' › ')[0]
    await choose(dialog.getByTestId('village-select'), village)
    const villageId = one<{ id: number }>('select id from units where name = ?', village).id
    const none = { found: 0, rectified: 0, overdue: 0, rate: null }
    before = { town: (await table(year)).total, village: (await table({ ...year, villageIds: [villageId] })).villages[0] ?? none }
    const landlord = one<{ id: number; name: string }>(
      'select p.id, p.name from persons p join units u on u.id = p.village_unit_id where u.name = ? order by p.id limit 1',
      village
    )
    await dialog.getByTestId('landlord-picker').click()
    await page.keyboard.type(landlord.name)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: landlord.name }).first().click()
    await choose(dialog.getByTestId('rental-risk'), '高风险')
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    const made = one<{ id: number; tier3: number | null; landlord: number; risk: string }>(
      'select id, tier3_grid_id tier3, landlord_person_id landlord, risk_class risk from rental_buildings where address = ?',
      address
    )
    expect(made).toMatchObject({ landlord: landlord.id, risk: '高风险' })
    expect(made.tier3).not.toBeNull()
    buildingId = made.id
    const search = page.getByTestId('rental-search').locator('input')
    await search.fill('兴业路测试')
    await search.press('Enter')
    await page.locator('[data-testid="rental-list"] .ag-row [col-id="address"]', { hasText: address }).click()
    await expect.poll(() => page.getByTestId('rental-panel').textContent()).toContain(landlord.name)
    // The landlord's ID number and phone are nowhere on the page.
    const person = one<{ idNumber: string | null; phone: string | null }>('select id_number idNumber, phone from persons where id = ?', landlord.id)
    const shown = (await page.locator('body').textContent())!
    for (const secret of [person.idNumber, person.phone]) if (secret) expect(shown).not.toContain(secret)
  })

  it('records an inspection with two hazards and a photo; a deadline before the visit is refused first, nothing written', async () => {
    await page.getByTestId('inspect-button').click()
    const dialog = page.getByRole('dialog', { name: /排查登记/ })
    await pickDay(dialog, '排查日期', '2026-11-10')
    await page.getByTestId('add-hazard').click()
    await page.getByTestId('add-hazard').click()
    const [first, second] = [dialog.getByTestId('found-hazard').nth(0), dialog.getByTestId('found-hazard').nth(1)]
    await choose(first.getByTestId('hazard-kind'), '电动车屋内停放充电')
    await pickDay(first, '整改期限', '2026-11-15')
    await first.locator('input[type=file]').setInputFiles({ name: '电动车.png', mimeType: 'image/png', buffer: solidPng(64, 48, [200, 60, 30]) })
    await first.locator('.ant-upload-list-item').waitFor()
    await choose(second.getByTestId('hazard-kind'), '疏散通道堵塞')
    await pickDay(second, '整改期限', '2026-11-05')
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    await expect
      .poll(() => dialog.getByTestId('inspect-error').textContent())
      .toContain('第 2 处隐患（疏散通道堵塞）：整改期限 2026-11-05 早于排查日期 2026-11-10')
    expect(one<{ n: number }>('select count(*) n from rental_inspections where building_id = ?', buildingId).n).toBe(0)
    await page.screenshot({ path: join(outputDir, 'rentals-inspect-refused-1366.png') })
    await pickDay(second, '整改期限', '2026-11-18')
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(
      app.core.store.sqlite
        .prepare(
          'select k.name, h.deadline, (select count(*) from hazard_photos f where f.hazard_id = h.id) photos from fire_hazards h join hazard_kinds k on k.id = h.kind_id where h.building_id = ? order by h.id'
        )
        .all(buildingId)
    ).toEqual([
      { name: '电动车屋内停放充电', deadline: '2026-11-15', photos: 1 },
      { name: '疏散通道堵塞', deadline: '2026-11-18', photos: 0 }
    ])
    await expect.poll(() => page.getByTestId('rental-hazard').count()).toBe(2)
  })

  it('re-inspects: rectified without the required photo is refused naming the row; with it, one rectified and one still open', async () => {
    await page.getByTestId('reinspect-button').click()
    const dialog = page.getByRole('dialog', { name: /复查/ })
    await pickDay(dialog, '复查日期', '2026-11-20')
    const ebike = dialog.getByTestId('reinspect-hazard').filter({ hasText: '电动车屋内停放充电' })
    const exit = dialog.getByTestId('reinspect-hazard').filter({ hasText: '疏散通道堵塞' })
    await ebike.getByText('已整改', { exact: true }).click()
    await exit.getByText('仍未整改', { exact: true }).click()
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    await expect.poll(() => dialog.getByTestId('reinspect-error').textContent()).toContain('（电动车屋内停放充电）：本镇要求此类隐患整改须附整改后的照片')
    expect(one<{ n: number }>('select count(*) n from rental_inspections where building_id = ?', buildingId).n).toBe(1)
    await ebike.locator('input[type=file]').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: solidPng(64, 48, [40, 160, 60]) })
    await ebike.locator('.ant-upload-list-item').waitFor()
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    const hazards = page.getByTestId('rental-hazard')
    await expect.poll(() => hazards.filter({ hasText: '电动车屋内停放充电' }).textContent()).toContain('已整改')
    expect(await hazards.filter({ hasText: '疏散通道堵塞' }).textContent()).toContain('逾期未改')
    // The photos as found and as rectified, opened from the hazard.
    await hazards
      .filter({ hasText: '电动车屋内停放充电' })
      .getByRole('button', { name: /照片 2 张/ })
      .click()
    await expect.poll(() => page.getByTestId('hazard-photo').count()).toBe(2)
    await page.screenshot({ path: join(outputDir, 'rentals-registry-1366.png') })
  })

  it('turns the overdue hazard into an issue that 事件处置 shows held by the village', async () => {
    await page.getByTestId('escalate-hazard').click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: '转为事件' }).click()
    const link = page.getByTestId('hazard-issue')
    await link.waitFor()
    const issue = one<{ code: string; category: string; holder: string }>(
      'select i.code, i.category, u.name holder from fire_hazards h join issues i on i.id = h.issue_id join units u on u.id = i.holder_unit_id where h.building_id = ?',
      buildingId
    )
    expect(issue).toEqual({ code: expect.any(String), category: '消防安全', holder: village })
    expect(await link.textContent()).toContain(issue.code)
    await link.click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/issues')
    await expect.poll(() => page.getByTestId('issue-panel').textContent()).toContain(issue.code)
    expect(await page.getByTestId('issue-holder').textContent()).toContain(village)
    await page.screenshot({ path: join(outputDir, 'rentals-issue-1366.png') })
  })

  it('shows the campaign table updated, and exports it to Excel with the same figures', async () => {
    await page.locator('.app-nav').getByText('出租屋整治', { exact: true }).click()
    await page.getByRole('tab', { name: '整治进度' }).click()
    const total = page.getByTestId('campaign-total')
    await expect.poll(() => total.textContent()).toContain('截至 2026-11-22')
    // The scenario's hazards on top of the demo's: two found, one rectified, one overdue.
    const now = await table(year)
    expect(now.total).toMatchObject({ found: before.town.found + 2, rectified: before.town.rectified + 1, overdue: before.town.overdue + 1 })
    await expect
      .poll(async () => (await total.textContent())!.replace(/\s+/g, ''))
      .toContain(`${n(now.total.found)}已整改${n(now.total.rectified)}整改率${pct(now.total)}逾期未改${n(now.total.overdue)}`)
    const v = now.villages.find((r) => r.village === village)!
    expect(v).toMatchObject({ found: before.village.found + 2, rectified: before.village.rectified + 1, overdue: before.village.overdue + 1 })
    const row = page.getByTestId('campaign-villages').locator('tbody tr', { hasText: village })
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual([village, String(v.found), String(v.rectified), pct(v), String(v.overdue)])
    const exit = now.kinds.find((k) => k.kind === '疏散通道堵塞')!
    const kinds = page.getByTestId('campaign-kinds')
    expect((await kinds.locator('tbody tr', { hasText: '疏散通道堵塞' }).locator('td').allTextContents()).slice(1)).toEqual([
      String(exit.found),
      String(exit.rectified),
      pct(exit),
      String(exit.overdue)
    ])
    await page.screenshot({ path: join(outputDir, 'rentals-progress-1366.png') })
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('campaign-export').click()])
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile((await download.path())!)
    const values = (book.getWorksheet('按村居')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1))
    expect(values).toContainEqual([village, v.found, v.rectified, pct(v), v.overdue])
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.screenshot({ path: join(outputDir, 'rentals-progress-1920.png') })
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  it('prints the same figures in the briefing’s 出租屋消防安全隐患整治 section (through the PDF)', async () => {
    await page.locator('.app-nav').getByText('工作简报', { exact: true }).click()
    const period = page.getByTestId('briefing-period')
    await period.click()
    await period.fill('2026-11')
    await period.press('Enter')
    await page.getByTestId('briefing-scope').click()
    await page.keyboard.type(village)
    await page.locator('.ant-select-item-option', { hasText: village }).first().click()
    await page.getByTestId('compose-briefing').click()
    await page.locator('.briefing-preview [data-testid="print-doc"]').waitFor()
    const villageId = one<{ id: number }>('select id from units where name = ?', village).id
    const nov = (await table({ startsOn: '2026-11-01', endsOn: '2026-11-30', villageIds: [villageId] })).villages[0]
    const words = `2026年11月，${village}出租屋排查发现消防安全隐患${nov.found}处，截至11月22日已整改${nov.rectified}处，整改率${pct(nov)}；逾期未改${nov.overdue}处`
    await expect.poll(() => page.locator('.briefing-preview').textContent()).toContain(words)
    await page.getByLabel('下一步工作文字').fill('一是督促逾期隐患限期整改。')
    await page.getByTestId('issue-briefing').click()
    await page
      .getByRole('dialog', { name: '签发简报' })
      .getByRole('button', { name: /签\s*发/ })
      .click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/print\/briefing\/\d+$/)
    const { text } = await printViewToPdf(page, 'briefing-rentals', 4)
    const flat = text.replace(/\s+/g, '')
    expect(flat).toContain('出租屋消防安全隐患整治')
    expect(flat).toContain(words)
    const novKinds = (await table({ startsOn: '2026-11-01', endsOn: '2026-11-30', villageIds: [villageId] })).kinds
    for (const k of novKinds) expect(flat).toContain(`${k.kind}${k.found}${k.countedBy}${k.rectified}${k.countedBy}${pct(k)}${k.overdue}${k.countedBy}`)
  })
})

describe('the rental ledgers imported from Excel', () => {
  it('checks the landlords’ register row by row, names the broken rows, and imports the good ones', async () => {
    await page.evaluate(() => (window.location.hash = '#/rentals'))
    await page.getByRole('tab', { name: '出租屋台账' }).click()
    await page.getByTestId('rental-import-button').click()
    const dialog = page.getByRole('dialog', { name: '导入出租屋台账' })
    const rows = [
      ['地址', '所在村居', '用途', '风险等级', '出租间数', '在住租客'],
      ['导入测试楼1号', village, '居住', '中风险', '8', '15'],
      ['导入测试楼2号', village, '宿舍', '中风险', '8', '15']
    ]
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '出租屋台账.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.map((r) => r.join(',')).join('\n')) })
    const report = dialog.getByTestId('rental-import-report')
    await expect.poll(() => report.textContent()).toContain('可导入 1 行，不能导入 1 行')
    expect(await report.textContent()).toContain('“用途”应为 居住/生产/混合，不是“宿舍”')
    await page.screenshot({ path: join(outputDir, 'rentals-import-1366.png') })
    await dialog.getByTestId('rental-import-commit').click()
    await dialog.waitFor({ state: 'hidden' })
    expect(one<{ n: number }>("select count(*) n from rental_buildings where address like '导入测试楼%'").n).toBe(1)
  })

  it('exports the registry as filtered to Excel: the high-risk buildings, as many as the list counts', async () => {
    await choose(page.locator('.people-toolbar .ant-select').filter({ hasText: '风险等级' }), '高风险')
    const count = one<{ n: number }>("select count(*) n from rental_buildings where risk_class = '高风险'").n
    await expect.poll(() => page.getByTestId('rental-total').textContent()).toBe(`共 ${n(count)} 栋`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rental-export').click()])
    expect(download.suggestedFilename()).toMatch(/^出租屋台账_\d{8}\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile((await download.path())!)
    const sheet = book.getWorksheet('出租屋台账')!
    expect(sheet.actualRowCount - 1).toBe(count)
    expect(
      sheet
        .getColumn(5)
        .values.slice(2)
        .every((v) => v === '高风险')
    ).toBe(true)
    // Audited as an export, by the operator.
    expect(one<{ n: number }>("select count(*) n from audit_events where action = 'rentals.buildings.export' and username = 'operator'").n).toBe(1)
  })
})

describe('the map’s rental layer', () => {
  it('shades the villages by their progress in the newest campaign and shows the buildings with open hazards', async () => {
    // From the printed briefing back to the console's map.
    await page.evaluate(() => (window.location.hash = '#/map'))
    await page.getByRole('button', { name: '展开图层与图例' }).click()
    const before = await page.screenshot()
    await page.getByTestId('toggle-rentals').click()
    const legend = page.getByTestId('rentals-legend')
    const open = one<{ n: number }>(
      'select count(distinct b.id) n from fire_hazards h join rental_buildings b on b.id = h.building_id where h.rectified_on is null and b.lon is not null'
    ).n
    expect(open).toBeGreaterThan(0)
    await expect.poll(() => legend.textContent()).toContain(`共 ${open.toLocaleString('zh-CN')} 栋有未整改隐患`)
    expect(await legend.textContent()).toContain('2026年出租屋消防安全隐患专项整治，截至 2026-11-22')
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="grid-map"]')?.dataset.idle === '1')
    await page.waitForTimeout(300)
    const after = await page.screenshot({ path: join(outputDir, 'rentals-map-1366.png') })
    // The high-risk buildings' red is drawn where it was not.
    expect(countColour(after, '#c62828', 30)).toBeGreaterThan(countColour(before, '#c62828', 30) + 20)
  })

  it('opens a building clicked on the map in 出租屋整治, beside the registry', async () => {
    // A high-risk building's red dot, left of the legend.
    const legend = (await page.getByTestId('map-legend').boundingBox())!
    const dot = findColour(await page.screenshot(), '#c62828', legend.x - 4)
    expect(dot).not.toBeNull()
    await page.mouse.click(dot!.x, dot!.y)
    await page.waitForFunction(() => window.location.hash === '#/rentals')
    const panel = page.getByTestId('rental-panel')
    await panel.waitFor()
    const id = Number(await panel.getAttribute('data-building-id'))
    // The building opened is one the layer draws red: high risk, with a hazard open today; its address heads the panel.
    const building = one<{ address: string; risk: string; open: number }>(
      'select b.address, b.risk_class risk, (select count(*) from fire_hazards h where h.building_id = b.id and h.rectified_on is null) open from rental_buildings b where b.id = ?',
      id
    )
    expect(building.risk).toBe('高风险')
    expect(building.open).toBeGreaterThan(0)
    expect(await panel.locator('.rental-panel-title').textContent()).toContain(building.address)
    expect(await page.getByRole('tab', { name: '出租屋台账', selected: true }).count()).toBe(1)
    await page.screenshot({ path: join(outputDir, 'rentals-from-map-1366.png') })
  })

  it('registers a household of the registry as living in the building, and its count follows', async () => {
    const panel = page.getByTestId('rental-panel')
    const id = Number(await panel.getAttribute('data-building-id'))
    const registered = () =>
      one<{ n: number; m: number }>(
        'select count(*) n, coalesce(sum(h.members), 0) m from rental_tenancies t join households h on h.id = t.household_id where t.building_id = ?',
        id
      )
    const before = registered()
    await expect.poll(() => panel.getByTestId('rental-tenant-count').textContent()).toBe(`${before.n} 户 ${before.m} 人`)
    const household = one<{ id: number; name: string; members: number }>(
      'select h.id, h.name, h.members from households h join rental_buildings b on b.village_unit_id = h.village_unit_id where b.id = ? and h.id not in (select household_id from rental_tenancies) order by h.id limit 1',
      id
    )
    await panel.getByTestId('add-tenant').click()
    const dialog = page.getByRole('dialog', { name: /登记住户/ })
    await dialog.getByTestId('tenant-household').click()
    await page.keyboard.type(household.name)
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${household.name}户` })
      .first()
      .click()
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => panel.getByTestId('rental-tenant-count').textContent()).toBe(`${before.n + 1} 户 ${before.m + household.members} 人`)
    expect(registered()).toEqual({ n: before.n + 1, m: before.m + household.members })
    await page.screenshot({ path: join(outputDir, 'rentals-tenants-1366.png') })
  })

  it('turns two overdue hazards into issues at once from 逾期隐患, each held by its village', async () => {
    await page.getByRole('tab', { name: '逾期隐患' }).click()
    const waiting = () =>
      one<{ n: number }>("select count(*) n from fire_hazards where rectified_on is null and issue_id is null and deadline < '2026-11-22'").n
    const before = waiting()
    await expect.poll(() => page.getByTestId('overdue-total').textContent()).toContain(`尚未转为事件的隐患 ${before.toLocaleString('zh-CN')} 处`)
    const rows = page.getByTestId('overdue-table').locator('tbody tr.ant-table-row')
    await rows.nth(0).locator('input[type=checkbox]').check()
    await rows.nth(1).locator('input[type=checkbox]').check()
    const chosen = await Promise.all([0, 1].map(async (i) => Number(await rows.nth(i).getAttribute('data-row-key'))))
    await page.getByTestId('escalate-many').click()
    await page.getByRole('button', { name: '转为事件' }).last().click()
    await expect.poll(() => page.getByTestId('overdue-total').textContent()).toContain(`尚未转为事件的隐患 ${(before - 2).toLocaleString('zh-CN')} 处`)
    const made = app.core.store.sqlite
      .prepare(
        'select h.village_unit_id village, i.holder_unit_id holder, i.category from fire_hazards h join issues i on i.id = h.issue_id where h.id in (?, ?)'
      )
      .all(...chosen) as { village: number; holder: number; category: string }[]
    expect(made).toHaveLength(2)
    for (const m of made) expect(m).toMatchObject({ holder: m.village, category: '消防安全' })
    await page.screenshot({ path: join(outputDir, 'rentals-overdue-1366.png') })
  })
})
