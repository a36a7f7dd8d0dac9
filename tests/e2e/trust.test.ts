// Accounts in the browser: a new database asks for the administrator's password first; the
// administrator creates an account; a wrong password is counted; a village clerk acts only as their
// own village; an idle screen locks and unlocks; the auditor searches and verifies the trail.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, outputDir } from '../support/browser'
import { demoPassword } from '../support/core'
import { signInThroughScreen, signOutThroughMenu } from '../support/screens'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
beforeAll(async () => {
  app = await openApp({ width: 1440, height: 900 }, { user: null })
  page = app.page
})
afterAll(() => app?.close())

const signInAs = (username: string, password = demoPassword) => signInThroughScreen(page, username, password)
const signOut = () => signOutThroughMenu(page)

describe('accounts in the browser', () => {
  it('asks a new database for the administrator’s password, then opens the accounts screen', async () => {
    await page.getByText('首次使用：设置系统管理员密码').waitFor()
    await page.screenshot({ path: join(outputDir, 'trust-setup.png') })
    await page.getByTestId('setup-password').fill('weakpass')
    await page.getByTestId('setup-confirm').fill('weakpass')
    await page.getByRole('button', { name: '设置并登录' }).click()
    await page.getByText('至少 8 位，含大写字母、小写字母、数字、符号中的至少三类').waitFor()
    await page.getByTestId('setup-password').fill('Shishan#Setup26')
    await page.getByTestId('setup-confirm').fill('Shishan#Setup26')
    await page.getByRole('button', { name: '设置并登录' }).click()
    await page.getByTestId('accounts-screen').waitFor()
    // The administrator of accounts sees no business screen.
    await expect.poll(() => page.locator('.app-nav').textContent()).toContain('账号与安全')
    expect(await page.locator('.app-nav').textContent()).not.toContain('网格地图')
  })

  it('creates an account that has no role until one is granted', async () => {
    await page.getByTestId('create-account').click()
    await page.getByTestId('new-username').fill('xiaotang')
    await page.getByTestId('new-display-name').fill('小塘专干')
    await page.getByTestId('new-password-initial').fill('Initial#2026')
    await page
      .getByRole('button', { name: /新\s*建/ })
      .last()
      .click()
    const row = page.locator('tr', { hasText: 'xiaotang' })
    await row.waitFor()
    expect(await row.textContent()).toContain('未授权')
    expect(await row.textContent()).toContain('须改密码')
    await page.screenshot({ path: join(outputDir, 'trust-accounts.png') })
    // The administrator's screens asked for nothing the role may not have: no denial in the trail.
    expect(app.core.store.sqlite.prepare("select action from audit_events where username = 'admin' and outcome = 'denied'").all()).toEqual([])
    await signOut()
  })

  it('counts wrong passwords on the sign-in screen', async () => {
    await app.core.seedDemoAccounts(demoPassword)
    await signInAs('tingpu', 'Wrong#pass1')
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('再错 4 次')
    await page.screenshot({ path: join(outputDir, 'trust-login.png') })
  })

  it('a village clerk acts only as their own village, and an idle screen locks', async () => {
    await signInAs('tingpu')
    await page.locator('.app-nav').getByText('事件处置').click()
    const acting = page.getByTestId('acting-unit')
    await expect.poll(() => acting.textContent()).toContain('汀圃社区')
    expect(
      (await acting.locator('.ant-select-disabled').count()) + (await acting.evaluate((el) => (el.className.includes('disabled') ? 1 : 0)))
    ).toBeGreaterThan(0)
    expect(await page.locator('.app-nav').textContent()).not.toContain('账号与安全')
    // Fifteen idle minutes lock the screen; the password opens it again where it was.
    await page.clock.fastForward('16:00')
    await page.getByText('屏幕已锁定').waitFor()
    await page.screenshot({ path: join(outputDir, 'trust-locked.png') })
    // Wrong passwords at the lock screen count as at sign-in.
    await page.getByTestId('unlock-password').fill('Wrong#pass1')
    await page.getByTestId('unlock-submit').click()
    await expect.poll(() => page.locator('.auth-error').textContent()).toContain('密码错误，未能解锁（再错 4 次将锁定 10 分钟）')
    await page.getByTestId('unlock-password').fill(demoPassword)
    await page.getByTestId('unlock-submit').click()
    await page.getByTestId('acting-unit').waitFor()
    // No screen asks for what the role may not have: the trail holds no denial of the clerk's.
    for (const screen of ['网格地图', '人员台账', '党员编组', '工作简报', '事件处置']) {
      await page.locator('.app-nav').getByText(screen, { exact: true }).click()
      await page.waitForTimeout(1500)
    }
    // Registering, the clerk's map opens on their own village and names where the point fell.
    await page.getByTestId('new-issue').click()
    const dialog = page.getByRole('dialog', { name: '登记事件' })
    const picker = dialog.getByTestId('point-picker')
    const code = app.core.store.sqlite.prepare("select code from units where name = '汀圃社区'").pluck().get() as string
    await expect.poll(() => picker.getAttribute('data-framed')).toBe(code)
    await expect.poll(() => picker.getAttribute('data-idle')).toBe('1')
    const box = (await picker.boundingBox())!
    await picker.click({ position: { x: box.width / 2, y: box.height / 2 } })
    await expect.poll(() => dialog.getByTestId('picked-place').textContent()).toMatch(/已选：汀圃社区 › .+ › .+/)
    await page.screenshot({ path: join(outputDir, 'trust-clerk-register.png') })
    await dialog.getByRole('button', { name: /取\s*消/ }).click()
    await page.getByTestId('issue-figures-button').click()
    await page.getByTestId('issue-figures').getByTestId('figures-kpis').waitFor()
    const denied = app.core.store.sqlite.prepare("select action, detail from audit_events where username = 'tingpu' and outcome = 'denied'").all()
    expect(denied).toEqual([])
    await page.keyboard.press('Escape')
    await signOut()
  })

  it('the auditor finds the failed sign-in and verifies the chain', async () => {
    await signInAs('auditor')
    await page.getByTestId('audit-screen').waitFor()
    await page.getByTestId('audit-username').locator('input').fill('tingpu')
    await page.getByTestId('audit-username').locator('input').press('Enter')
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain('失败')
    // Rows read as words: the operation, its object, the details as labelled lines.
    await page.getByTestId('audit-username').locator('input').fill('')
    await page.getByTestId('audit-username').locator('input').press('Enter')
    await page.getByTestId('audit-action').locator('input').fill('锁屏')
    await page.getByTestId('audit-action').locator('input').press('Enter')
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain('解除锁屏')
    expect(await page.locator('.ant-table-tbody').textContent()).not.toContain('auth.')
    await page.getByTestId('audit-action').locator('input').fill('')
    await page.getByTestId('audit-action').locator('input').press('Enter')
    await page.getByTestId('audit-verify').click()
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toContain('哈希链完整')
    await page.screenshot({ path: join(outputDir, 'trust-audit.png') })
    // A row changed behind the app's back is found.
    app.core.store.sqlite.exec('drop trigger audit_events_no_update')
    app.core.store.sqlite.prepare("update audit_events set username = '某人' where id = 2").run()
    await page.getByTestId('audit-verify').click()
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toContain('第 2 条记录')
  })
})
