// What several browser tests do through the screens the same way: sign in and out as a person
// would, open the new-issue form with its first fields filled, take an issue action through its dialog.
import type { Locator, Page } from 'playwright-core'
import { demoPassword } from './core'

export async function signInThroughScreen(page: Page, username: string, password = demoPassword) {
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

export async function signOutThroughMenu(page: Page) {
  await page.getByTestId('account-menu').click()
  await page.getByRole('menuitem', { name: '退出登录' }).click()
  // On failure, say what the page showed instead (a CI run once saw no sign-in screen here).
  await page
    .getByTestId('login-submit')
    .waitFor({ timeout: 15_000 })
    .catch(async (e: Error) => {
      throw new Error(`退出登录后未见登录页，页面显示：${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: e })
    })
}

/** 登记事件 opened with its title, description and category (typed, then picked); the place is the caller's. */
export async function openNewIssue(page: Page, issue: { title: string; description: string; categoryTyped: string; category: string }): Promise<Locator> {
  await page.getByTestId('new-issue').click()
  const dialog = page.getByRole('dialog', { name: '登记事件' })
  await dialog.getByLabel('标题').fill(issue.title)
  await dialog.getByLabel('描述').fill(issue.description)
  await dialog.getByTestId('issue-category').click()
  await page.keyboard.type(issue.categoryTyped)
  await page.locator('.ant-select-item-option', { hasText: issue.category }).click()
  return dialog
}

/** One action on the open issue through its button and dialog (filled by `fill`), confirmed. */
export async function doIssueAction(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByTestId(`action-${action}`).click()
  const dialog = page.getByRole('dialog')
  if (fill) await fill(dialog)
  await dialog.getByRole('button', { name: /确\s*定/ }).click()
  await dialog.waitFor({ state: 'hidden' })
}
