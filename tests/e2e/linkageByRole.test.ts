// One issue up to the district and back down, each level at its own desk: the village clerk
// registers and reports it up, the office clerk passes it on, the command centre's operator (acting
// as the town by default) sends it to the district, the district's desk dispatches it back down
// through the town and the office to the village, which does the work, and the office that
// dispatched it checks and closes it. Then a read-only leader sees it without controls or hints for
// what the role cannot do. At 1366×768, the office PCs' size.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { openApp, outputDir } from '../support/browser'
import { demoPassword } from '../support/core'
import { doIssueAction, openNewIssue, signInThroughScreen, signOutThroughMenu } from '../support/screens'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
const one = <T>(sql: string, ...p: unknown[]) => app.core.store.sqlite.prepare(sql).get(...p) as T
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 }, { people: true, user: null })
  page = app.page
  // The demo accounts exist before the page asks whether the store needs its first administrator.
  await app.core.seedDemoAccounts(demoPassword)
  await page.goto(`${app.server.url}#/issues`)
  await page.reload()
}, 180_000)
afterAll(() => app?.close())

async function signInAs(username: string) {
  await signInThroughScreen(page, username)
  await page.getByTestId('issue-kpis').waitFor()
}
const signOut = () => signOutThroughMenu(page)
const panel = () => page.getByTestId('issue-panel')
async function openIssue(code: string) {
  await page.getByPlaceholder('编号或标题').fill(code)
  await page.getByPlaceholder('编号或标题').press('Enter')
  const cell = page.locator('[data-testid="issue-list"] .ag-row [col-id="code"]', { hasText: code }).first()
  await cell.click()
  await expect.poll(() => panel().textContent()).toContain(code)
}
const doAction = (action: string, fill?: (dialog: Locator) => Promise<void>) => doIssueAction(page, action, fill)
const dispatchTo = (unit: string, note: string) => async (d: Locator) => {
  await d.getByTestId('dispatch-target').click()
  await page.keyboard.type(unit.slice(0, 2))
  await page.locator('.ant-select-item-option', { hasText: unit }).click()
  await d.getByLabel('交办意见').fill(note)
}
const holder = () => panel().getByTestId('issue-holder').textContent()
const office = '官窑社会管理处'

describe('the four levels, each at its own desk', () => {
  let code = ''

  it('the village clerk registers a report in the village and reports it up to the office', async () => {
    await signInAs('tingpu')
    const dialog = await openNewIssue(page, {
      title: '工业园排污口异味',
      description: '村民反映工业园排污口夜间异味明显，疑似偷排',
      categoryTyped: '环境',
      category: '环境卫生'
    })
    const picker = dialog.getByTestId('point-picker')
    await expect.poll(() => picker.getAttribute('data-framed')).toBeTruthy()
    await expect.poll(() => picker.getAttribute('data-idle')).toBe('1')
    const box = (await picker.boundingBox())!
    await picker.click({ position: { x: box.width / 2, y: box.height / 2 } })
    await expect.poll(() => dialog.getByTestId('picked-place').textContent()).toMatch(/已选：汀圃社区/)
    await dialog.getByRole('button', { name: /登\s*记/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    code = one<{ code: string }>("select code from issues where title = '工业园排污口异味'").code
    await expect.poll(holder).toBe('汀圃社区')
    // The clerk's own report is being handled at once: no 受理 asked of the same desk.
    expect(await page.getByTestId('action-accept').count()).toBe(0)
    await doAction('escalate', (d) => d.getByLabel('上报理由').fill('涉及园区企业，需管理处协调环保执法'))
    await expect.poll(holder).toBe(office)
    await signOut()
  })

  it('the office clerk accepts and reports it up to the town', async () => {
    await signInAs('guanyao')
    await openIssue(code)
    await doAction('accept')
    await doAction('escalate', (d) => d.getByLabel('上报理由').fill('跨村排污，需镇统筹'))
    await expect.poll(holder).toBe('狮山镇')
    await signOut()
  })

  it('the operator acts as the town by default, never as the district, and reports it up to the district', async () => {
    await signInAs('operator')
    await expect.poll(() => page.getByTestId('acting-unit').textContent()).toBe('狮山镇')
    expect(await page.getByTestId('acting-for').count()).toBe(0)
    // The district is not on the operator's list.
    await page.getByTestId('acting-unit').click()
    await page.keyboard.type('南海区')
    await expect
      .poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-empty, .ant-select-dropdown:visible .ant-empty').count())
      .toBeGreaterThan(0)
    expect(await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents()).not.toContain('南海区')
    await page.keyboard.press('Escape')
    await openIssue(code)
    await doAction('accept')
    await doAction('escalate', (d) => d.getByLabel('上报理由').fill('涉及区属环保执法，请区协调'))
    await expect.poll(holder).toBe('南海区')
    await page.screenshot({ path: join(outputDir, 'linkage-operator-1366.png') })
    await signOut()
  })

  it('the district’s desk acts as the district only, accepts and dispatches it back to the town', async () => {
    await signInAs('nanhai')
    await expect.poll(() => page.getByTestId('acting-unit').textContent()).toBe('南海区')
    expect(await page.getByTestId('acting-unit').evaluate((el) => el.className.includes('disabled'))).toBe(true)
    await openIssue(code)
    await doAction('accept')
    await doAction('dispatch', dispatchTo('狮山镇', '区生态环境分局已介入，请镇组织整改'))
    await expect.poll(holder).toBe('狮山镇')
    await signOut()
  })

  it('the town and the office dispatch it down to the village, which does the work', async () => {
    await signInAs('operator')
    await openIssue(code)
    await doAction('accept')
    await doAction('dispatch', dispatchTo(office, '请管理处督促企业整改'))
    await signOut()
    await signInAs('guanyao')
    await openIssue(code)
    await doAction('accept')
    await doAction('dispatch', dispatchTo('汀圃社区', '请社区配合巡查'))
    await signOut()
    await signInAs('tingpu')
    await openIssue(code)
    await doAction('accept')
    await doAction('resolve', (d) => d.getByLabel('办理结果').fill('企业已封堵暗管，夜间巡查三晚无异味'))
    await expect.poll(() => panel().getByTestId('issue-waiting-on').textContent()).toBe(office)
    await signOut()
  })

  it('the office that dispatched it checks and closes it; the log holds every hand-off', async () => {
    await signInAs('guanyao')
    await openIssue(code)
    await doAction('verify', (d) => d.getByLabel('意见').fill('现场核查属实'))
    await expect.poll(() => panel().textContent()).toContain('已办结')
    const timeline = (await panel().locator('.issue-timeline').textContent())!
    for (const step of [
      '登记 汀圃社区',
      `上报上级 汀圃社区 → ${office}`,
      `上报上级 ${office} → 狮山镇`,
      '上报上级 狮山镇 → 南海区',
      '交办 南海区 → 狮山镇',
      `交办 狮山镇 → ${office}`,
      `交办 ${office} → 汀圃社区`,
      `办结 汀圃社区 → ${office}`
    ])
      expect(timeline).toContain(step)
    // Reached the district, closed back in the village: counted in neither 小事不出村 nor 大事不出镇.
    expect(one('select status, closed_level closedLevel, peak_level peakLevel from issues where code = ?', code)).toEqual({
      status: 'closed',
      closedLevel: 1,
      peakLevel: 4
    })
    await page.screenshot({ path: join(outputDir, 'linkage-closed-1366.png') })
    await signOut()
  })

  it('the read-only leader sees the issue and the clocks, and no control or hint for what the role cannot do', async () => {
    await signInAs('leader')
    expect(await page.getByTestId('acting-unit').count()).toBe(0)
    expect(await page.getByTestId('new-issue').count()).toBe(0)
    // The list marks overdue rows red and sorts by time left, the most overdue first.
    await page.getByTestId('issue-list').locator('.ag-header-cell[col-id="timeLeft"]').click()
    const firstRow = page.locator('[data-testid="issue-list"] .ag-row[row-index="0"]').first()
    await expect.poll(() => firstRow.getAttribute('class')).toContain('issue-row-red')
    await expect
      .poll(() => page.locator('[data-testid="issue-list"] .ag-row[row-index="0"] [col-id="timeLeft"]').first().textContent())
      .toMatch(/^超期 \d+ (分钟|小时|天)$/)
    await page.screenshot({ path: join(outputDir, 'linkage-leader-list-1366.png') })
    // Closed now: found among all statuses.
    await page.getByTestId('issue-status-filter').click()
    await page.locator('.ant-select-item-option', { hasText: '全部状态' }).click()
    await openIssue(code)
    expect(await page.getByTestId('issue-actions').count()).toBe(0)
    expect(await panel().textContent()).not.toContain('选择')
    await page.getByTestId('routing-rules-button').click()
    await page.getByTestId('rules-read-only').waitFor()
    expect(await page.getByTestId('save-rules').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.getByTestId('overdue-units-button').click()
    await page.getByTestId('overdue-units').locator('.ant-table-row').first().waitFor()
    expect(await page.getByTestId('overdue-units').getByRole('button', { name: '约谈问责' }).count()).toBe(0)
    await page.keyboard.press('Escape')
    // Nothing the leader was shown asked the core for what the role may not do.
    expect(app.core.store.sqlite.prepare("select action from audit_events where username = 'leader' and outcome = 'denied'").all()).toEqual([])
  })
})
