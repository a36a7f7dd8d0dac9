// One issue taken through the four levels in browser mode: registered at a village, escalated twice
// to the town, dispatched down to a department, accepted, resolved and verified; the timeline shows
// every hand-off. Registering on the map with a photo, merging a confirmed duplicate, and the
// printed 流转单 and 督办单 (A4 PDFs checked with poppler).
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { openApp, outputDir, printViewToPdf } from '../support/browser'
import { solidPng } from '../support/fixtures'
import { doIssueAction, openNewIssue } from '../support/screens'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
const one = <T>(sql: string, ...p: unknown[]) => app.core.store.sqlite.prepare(sql).get(...p) as T
beforeAll(async () => {
  app = await openApp({ width: 1600, height: 900 }, { people: true, user: 'operator' })
  page = app.page
  await page.getByText('事件处置', { exact: true }).click()
  await page.getByTestId('issue-kpis').waitFor()
})
afterAll(() => app?.close())

const actAs = async (unit: string) => {
  if ((await page.getByTestId('acting-unit').textContent()) === unit) return
  await page.getByTestId('acting-unit').click()
  await page.keyboard.type(unit)
  await page
    .locator('.ant-select-item-option', { hasText: new RegExp(`^${unit}$`) })
    .first()
    .click()
  await expect.poll(() => page.getByTestId('acting-unit').textContent()).toBe(unit)
  // The issue panel reloads the actions open to the new unit.
  await page.waitForTimeout(300)
}
const doAction = (action: string, fill?: (dialog: Locator) => Promise<void>) => doIssueAction(page, action, fill)

/** Clicks the middle of the town on the new-issue map (the picker fits the town's outline). */
const pickMiddleOfTown = async (dialog: ReturnType<Page['getByRole']>) => {
  const picker = dialog.getByTestId('point-picker')
  await expect.poll(() => picker.getAttribute('data-idle')).toBe('1')
  await page.waitForTimeout(300)
  const box = (await picker.boundingBox())!
  await picker.click({ position: { x: box.width / 2, y: box.height / 2 } })
  await expect.poll(() => dialog.textContent()).toContain('已选：')
}

describe('an issue through the four-level linkage', () => {
  it('shows this year’s figures computed from the store', async () => {
    const collected = one<{ n: number }>("select count(*) n from issues where created_at >= '2026-01-01' and status <> 'merged'").n
    await expect.poll(() => page.getByTestId('issue-kpis').textContent()).toContain(collected.toLocaleString('zh-CN'))
  })

  it('registers an issue on the map at a village, climbs to the town, goes down to a department and is closed', async () => {
    const dialog = await openNewIssue(page, {
      title: '汀圃路口占道经营',
      description: '早市摊档长期占用人行道，影响通行',
      categoryTyped: '矛盾',
      category: '矛盾纠纷'
    })
    await pickMiddleOfTown(dialog)
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    const panel = page.getByTestId('issue-panel')
    const issue = one<{ id: number; code: string; village: string }>(
      "select i.id, i.code, v.name village from issues i join units v on v.id = i.village_unit_id where i.title = '汀圃路口占道经营'"
    )
    await expect.poll(() => panel.getByTestId('issue-holder').textContent()).toBe(issue.village)

    await actAs(issue.village)
    await doAction('accept')
    await doAction('escalate', (d) => d.getByLabel('上报理由').fill('涉及占道执法，需管理处协调'))
    await expect.poll(() => panel.getByTestId('issue-holder').textContent()).not.toBe(issue.village)
    const office = one<{ name: string }>('select h.name from issues i join units h on h.id = i.holder_unit_id where i.id = ?', issue.id).name
    await actAs(office)
    await doAction('accept')
    await doAction('escalate', (d) => d.getByLabel('上报理由').fill('需城管执法力量'))
    await actAs('狮山镇')
    await doAction('dispatch', async (d) => {
      await d.getByTestId('dispatch-target').click()
      await page.keyboard.type('城管')
      await page.locator('.ant-select-item-option', { hasText: '城管办' }).click()
      await d.getByLabel('交办意见').fill('请三日内清理')
    })
    await expect.poll(() => panel.getByTestId('issue-holder').textContent()).toBe('城管办')
    await actAs('城管办')
    await doAction('accept')
    await doAction('resolve', (d) => d.getByLabel('办理结果').fill('已清理摊档并设置便民疏导点'))
    // Reported done, it waits on the unit that dispatched it: the panel says so.
    await expect.poll(() => panel.getByTestId('issue-waiting-on').textContent()).toBe('狮山镇')
    await actAs('狮山镇')
    await doAction('verify', (d) => d.getByLabel('意见').fill('现场核查属实'))
    await expect.poll(() => panel.textContent()).toContain('已办结')
    const timeline = await panel.locator('.issue-timeline').textContent()
    for (const step of [
      `登记 → ${issue.village}`,
      `上报上级 ${issue.village} → ${office}`,
      `上报上级 ${office} → 狮山镇`,
      '交办 狮山镇 → 城管办',
      '办结 城管办 → 狮山镇',
      '核查 狮山镇'
    ])
      expect(timeline).toContain(step)
    // create, accept, escalate, accept, escalate, dispatch, accept, resolve, verify
    expect(one<{ n: number }>('select count(*) n from issue_events where issue_id = ?', issue.id).n).toBe(9)
    expect(one<{ status: string; closed_level: number }>('select status, closed_level from issues where id = ?', issue.id)).toEqual({
      status: 'closed',
      closed_level: 3
    })
    await page.screenshot({ path: join(outputDir, 'issue-closed.png') })
  })

  it('registers an issue by a point on the map, in its party group, and warns of a likely duplicate', async () => {
    const register = async (title: string) => {
      const dialog = await openNewIssue(page, { title, description: '河涌边堆放建筑垃圾', categoryTyped: '环境', category: '环境卫生' })
      await pickMiddleOfTown(dialog)
      return dialog
    }
    const first = await register('河涌边建筑垃圾')
    await first.locator('input[type=file]').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: solidPng(64, 48, [30, 120, 200]) })
    await first.locator('.ant-upload-list-item').waitFor()
    await first.getByRole('button', { name: /登\s*记/ }).click()
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(outputDir, 'issue-new-point.png') })
    await first.waitFor({ state: 'hidden' })
    const made = one<{ id: number; code: string; tier3: number | null }>("select id, code, tier3_grid_id tier3 from issues where title = '河涌边建筑垃圾'")
    expect(made.tier3).not.toBeNull()
    // The photo is stored and shown on the issue page.
    expect(one<{ n: number }>("select count(*) n from issue_photos where issue_id = ? and mime_type = 'image/png'", made.id).n).toBe(1)
    await page.getByTestId('issue-panel').getByTestId('issue-photo').locator('img').waitFor()
    const second = await register('河涌边又见建筑垃圾')
    await expect.poll(() => second.getByTestId('similar-issues').textContent()).toContain(made.code)
    await page.screenshot({ path: join(outputDir, 'issue-new-duplicate.png') })
    // The officer confirms the duplicate: registered and merged at once; the original's log names it.
    await second.getByTestId(`merge-into-${made.id}`).click()
    await second.waitFor({ state: 'hidden' })
    const dup = one<{ code: string; status: string; merged_into: number }>("select code, status, merged_into from issues where title = '河涌边又见建筑垃圾'")
    expect(dup).toMatchObject({ status: 'merged', merged_into: made.id })
    await expect.poll(() => page.getByTestId('issue-panel').locator('.issue-timeline').textContent()).toContain(`${dup.code}：河涌边又见建筑垃圾`)
    expect(await page.getByTestId('issue-panel').locator('.issue-timeline').textContent()).toContain('并入重复反映')
  })

  it('pins open issues on the map, coloured by their clock', async () => {
    await page.getByText('网格地图', { exact: true }).click()
    await expect.poll(() => page.getByTestId('grid-map').getAttribute('data-idle')).toBe('1')
    const { idleCount, waitForMapIdle, countColour } = await import('../support/browser')
    const before = await idleCount(page)
    await page.getByTestId('toggle-issues').click()
    const open = one<{ n: number }>("select count(*) n from issues where status in ('reported', 'accepted', 'resolved', 'suspended') and lon is not null").n
    await expect.poll(async () => (await page.getByTestId('map-legend').textContent())?.match(/未办结事件（\d+ 件）/)?.[0]).toBe(`未办结事件（${open} 件）`)
    await waitForMapIdle(page, before)
    await page.waitForTimeout(300)
    const shot = await page.getByTestId('grid-map').screenshot()
    expect(
      countColour(shot, '#389e0d', 40) + countColour(shot, '#faad14', 40) + countColour(shot, '#d4380d', 40) + countColour(shot, '#ad6800', 40)
    ).toBeGreaterThan(60)
    await page.screenshot({ path: join(outputDir, 'issue-pins.png') })
    // Close in on one open issue's party group; its pin opens the issue.
    const target = one<{ id: number; code: string; lon: number; lat: number; gcode: string; gname: string }>(
      "select i.id, i.code, i.lon, i.lat, g.code gcode, g.name gname from issues i join grids g on g.id = i.tier3_grid_id where i.status in ('reported', 'accepted') and i.lon is not null order by i.id desc limit 1"
    )
    const { searchAndPick, screenPoint } = await import('../support/browser')
    await searchAndPick(page, target.gcode, target.gname)
    await page.waitForTimeout(500)
    const at = await screenPoint(page, [target.lon, target.lat])
    await page.mouse.click(at.x, at.y)
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/issues')
    await expect.poll(() => page.getByTestId('issue-panel').textContent()).toContain(target.code)
  })

  it('lists the units holding overdue issues and records a 约谈 against one', async () => {
    await page.getByTestId('overdue-units-button').click()
    const drawer = page.getByTestId('overdue-units')
    const first = drawer.locator('.ant-table-row').first()
    await first.waitFor()
    await first.getByRole('button', { name: '约谈问责' }).click()
    const dialog = page.getByRole('dialog', { name: /约谈问责：/ })
    await dialog.getByLabel('事由').fill('超期未办结，约谈单位负责人')
    await dialog.getByRole('button', { name: /记\s*录/ }).click()
    await expect.poll(() => one<{ n: number }>("select count(*) n from accountability_records where note = '超期未办结，约谈单位负责人'").n).toBe(1)
    await expect.poll(() => drawer.textContent()).toContain('超期未办结，约谈单位负责人')
    await page.locator('.ant-drawer-open .ant-drawer-close').click()
    // The drawer's mask must be gone before the next test reaches for the toolbar.
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' })
  })

  it('offers a unit only the actions it may take now', async () => {
    await actAs('狮山镇')
    const waiting = one<{ code: string }>(
      "select i.code from issues i join units h on h.id = i.holder_unit_id where i.status = 'reported' and h.kind = 'village' order by i.id desc limit 1"
    )
    await page.getByPlaceholder('编号或标题').fill(waiting.code)
    await page.getByPlaceholder('编号或标题').press('Enter')
    const first = page.locator('[data-testid="issue-list"] .ag-row [col-id="code"]').first()
    await expect.poll(() => first.textContent()).toBe(waiting.code)
    await first.click()
    // The town may supervise a village's issue but not accept it for the village.
    await expect.poll(() => page.getByTestId('issue-actions').textContent()).toContain('督')
    expect(await page.getByTestId('issue-actions').textContent()).not.toContain('受理')
  })

  it('prints the routing sheet (流转单) and a supervision notice (督办单) on A4', async () => {
    const pdfText = async (name: string) => {
      const { file, text } = await printViewToPdf(page, name)
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/)
      return text.replace(/\s+/g, '')
    }
    // The town supervises the waiting village issue chosen in the previous test.
    const panel = page.getByTestId('issue-panel')
    const code = (await panel.locator('.issue-code').textContent())!.replace('流转单', '').trim()
    await doAction('supervise', (d) => d.getByLabel('督办意见').fill('群众反映强烈，请三日内办结'))
    await panel.getByTestId('print-supervision').last().click()
    const notice = await pdfText('issue-supervision-notice')
    const holder = one<{ name: string }>('select h.name from issues i join units h on h.id = i.holder_unit_id where i.code = ?', code).name
    for (const words of ['督办通知单', `狮网督〔2026〕`, `${holder}：`, code, '群众反映强烈，请三日内办结', '狮山镇（盖章）', '签收人'])
      expect(notice).toContain(words)
    // Back on the issue screen with the same issue open.
    await page.goBack()
    await expect.poll(() => page.getByTestId('issue-panel').textContent()).toContain(code)
    // The closed four-level issue: its 流转单 lists every hand-off.
    const closed = one<{ id: number; code: string }>("select id, code from issues where title = '汀圃路口占道经营'")
    await page.evaluate((id) => (window.location.hash = `#/print/issue/${id}`), closed.id)
    const sheet = await pdfText('issue-routing-sheet')
    for (const words of [
      '狮山镇网格化管理事件流转单',
      closed.code,
      '汀圃路口占道经营',
      '流转记录',
      '上报上级',
      '交办',
      '城管办',
      '已清理摊档并设置便民疏导点',
      '已办结'
    ])
      expect(sheet).toContain(words)
    await page.goBack()
  })

  it('filters the list in SQL by holder and source', async () => {
    await page.getByPlaceholder('编号或标题').fill('')
    await page.getByPlaceholder('编号或标题').press('Enter')
    await page.getByTestId('holder-filter').click()
    await page.keyboard.type('城管办')
    await page.locator('.ant-select-item-option', { hasText: '城管办' }).first().click()
    const expected = one<{ n: number }>(
      "select count(*) n from issues i join units h on h.id = i.holder_unit_id where h.name = '城管办' and i.status in ('reported', 'accepted', 'resolved', 'suspended')"
    ).n
    await expect.poll(() => page.getByTestId('issue-total').textContent()).toBe(`共 ${expected.toLocaleString('zh-CN')} 件`)
    await page.getByTestId('holder-filter').locator('.ant-select-clear').click({ force: true })
  })

  it('shows the figures for a period and an office, the same as stats.kpis', async () => {
    await page.getByTestId('issue-figures-button').click()
    const drawer = page.getByTestId('issue-figures')
    const office = one<{ id: number; name: string }>("select id, name from units where kind = 'office' order by id limit 1")
    await drawer.getByTestId('figures-scope').click()
    await page.keyboard.type(office.name)
    await page.locator('.ant-select-item-option', { hasText: office.name }).first().click()
    const year = new Date().getFullYear()
    const k = await app.core.dispatch('stats.kpis', { from: `${year}-01-01`, to: `${year}-12-31`, scope: office.id })
    if (!k.ok) throw new Error(k.error.message)
    const v = k.value as { collected: number; resolved: number; byUnit: unknown[] }
    await expect
      .poll(() => drawer.getByTestId('figures-kpis').textContent())
      .toContain(`收集问题${v.collected.toLocaleString('zh-CN')}解决${v.resolved.toLocaleString('zh-CN')}`)
    await expect.poll(() => drawer.getByTestId('figures-by-village').locator('.ant-table-row').count()).toBe(Math.min(20, v.byUnit.length))
    await page.screenshot({ path: join(outputDir, 'issue-figures.png') })
    await page.locator('.ant-drawer-open .ant-drawer-close').click()
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' })
  })

  it('lets the town edit the routing rules and the category list, and names a bad row', async () => {
    // An office PC without a network reports itself offline; the local store must still answer.
    await page.evaluate(() => window.dispatchEvent(new Event('offline')))
    await page.getByTestId('routing-rules-button').click()
    const drawer = page.getByTestId('routing-rules')
    const handle = drawer.getByLabel('环境卫生·一般 handleHours')
    await handle.fill('96')
    await drawer.getByTestId('save-rules').click()
    await expect.poll(() => one<{ h: number }>("select handle_hours h from routing_rules where category = '环境卫生' and urgency = '一般'").h).toBe(96)
    // Saved: nothing left to save until the next edit.
    await expect.poll(() => drawer.getByTestId('save-rules').isDisabled()).toBe(true)
    // Acceptance longer than handling is refused, with the row named; nothing is saved.
    await drawer.getByLabel('环境卫生·一般 acceptHours').fill('200')
    await drawer.getByTestId('save-rules').click()
    await expect.poll(() => drawer.getByTestId('rules-error').textContent()).toContain('环境卫生·一般')
    expect(one<{ a: number }>("select accept_hours a from routing_rules where category = '环境卫生' and urgency = '一般'").a).toBe(24)
    await drawer.getByLabel('环境卫生·一般 acceptHours').fill('24')
    await page.screenshot({ path: join(outputDir, 'issue-routing-rules.png') })
    await drawer.getByRole('tab', { name: /事件类别/ }).click()
    await drawer.getByTestId('new-category').fill('噪音扰民')
    await drawer.getByRole('button', { name: /添\s*加/ }).click()
    await drawer.getByTestId('save-rules').click()
    await expect.poll(() => one<{ n: number }>("select count(*) n from routing_rules where category = '噪音扰民'").n).toBe(3)
    expect(one<{ active: number }>("select active from issue_categories where name = '噪音扰民'").active).toBe(1)
    // The saved-message toast lies over the drawer's close button, and stays while the pointer rests on it.
    await page.mouse.move(10, 700)
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' })
    await page.locator('.ant-drawer-open .ant-drawer-close').click()
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' })
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
  })
})
