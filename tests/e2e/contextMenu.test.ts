// Right-click a grid in the tree or on the map: the grid's actions, right there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, searchAndPick, visibleMapCentre } from '../support/browser'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
beforeAll(async () => {
  app = await openApp()
  page = app.page
})
afterAll(() => app?.close())

describe('right-click menus', () => {
  it('offers “new child grid” on a village in the tree and opens that dialog for it', async () => {
    await page.locator('.grid-tree .ant-tree-title', { hasText: /^穆院社区$/ }).click({ button: 'right' })
    await page.getByRole('menuitem', { name: '新建下级网格' }).click()
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('在“穆院社区”下新建二级网格')
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click()
    expect(await page.getByTestId('grid-panel-name').textContent()).toBe('穆院社区')
  })

  it('offers the grid’s actions on the map too, for the grid under the pointer', async () => {
    await searchAndPick(page, '汀圃', '汀圃社区')
    const centre = await visibleMapCentre(page)
    await page.mouse.click(centre.x, centre.y, { button: 'right' })
    await page.getByRole('menuitem', { name: '编辑属性' }).click()
    const title = await page.getByRole('dialog').locator('.ant-modal-title').textContent()
    expect(title).toMatch(/^编辑网格：.+(党小组|片区)$/)
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click()
    // Closing and reopening the panel does not bring the dialog back.
    await page.getByRole('button', { name: '关闭详情' }).click()
    await searchAndPick(page, '汀圃', '汀圃社区')
    expect(await page.getByRole('dialog').count()).toBe(0)
  })
})
