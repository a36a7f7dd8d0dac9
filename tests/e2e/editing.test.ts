// Keeping grids right from the panel, in Debian Chromium against browser mode: edit, history and
// undo, a new child grid, deleting with undo, and moving a village to another office.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, outputDir, searchAndPick } from '../support/browser'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
const panel = () => page.getByTestId('grid-panel')
/** The details tab only (antd keeps the hidden history tab in the page). */
const factsText = async () => (await panel().locator('.grid-panel-facts').textContent()) ?? ''
const dialog = () => page.getByRole('dialog')
/** antd puts a space between two Chinese characters on a button (保 存), so match either way. */
const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`)
const button = (name: string) => page.getByRole('button', { name: label(name) })

beforeAll(async () => {
  app = await openApp()
  page = app.page
  await searchAndPick(page, '汀圃', '汀圃社区')
})
afterAll(() => app?.close())

describe('editing grids in the panel', () => {
  it('edits the party organisation, shows the change in the history, and undoes it', async () => {
    await panel().getByRole('button', { name: '编辑' }).click()
    const field = dialog().getByLabel('党组织')
    expect(await field.inputValue()).toBe('汀圃社区党委')
    await field.fill('汀圃社区党委（新）')
    await dialog()
      .getByRole('button', { name: label('保存') })
      .click()
    await expect.poll(factsText).toContain('汀圃社区党委（新）')
    await panel().getByRole('tab', { name: '修改记录' }).click()
    const history = page.getByTestId('grid-history')
    await expect.poll(() => history.textContent()).toContain('党组织：汀圃社区党委 → 汀圃社区党委（新）')
    expect(await history.textContent()).toContain('组织办干部（organiser）')
    await page.screenshot({ path: join(outputDir, 'edit-history.png') })
    await history.getByRole('button', { name: '撤销' }).first().click()
    await expect.poll(() => history.textContent()).toContain('已撤销')
    await panel().getByRole('tab', { name: '详情' }).click()
    await expect.poll(factsText).not.toContain('（新）')
  })

  it('creates a child grid, which opens with no shape yet and appears in the tree', async () => {
    await panel().getByRole('button', { name: '新建下级' }).click()
    await dialog().getByLabel('名称').fill('测试新建经济社')
    await dialog()
      .getByRole('button', { name: label('新建') })
      .click()
    await expect.poll(() => page.getByTestId('grid-panel-name').textContent()).toBe('测试新建经济社')
    await expect.poll(factsText).toContain('尚未绘制边界')
    expect(await factsText()).toMatch(/440605124056\d{3}/)
    await expect.poll(() => page.locator('.grid-tree .ant-tree-node-selected').textContent()).toBe('测试新建经济社')
  })

  it('deletes it, and the undo in the message brings it back', async () => {
    await panel().getByRole('button', { name: '删除' }).click()
    await dialog()
      .getByRole('button', { name: label('删除') })
      .click()
    await expect.poll(() => page.getByTestId('grid-panel').count()).toBe(0)
    await expect.poll(() => page.locator('.grid-tree .ant-tree-title', { hasText: '测试新建经济社' }).count()).toBe(0)
    await button('撤销').click()
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已撤销删除')
    const r = await app.core.dispatch('grids.search', { q: '测试新建经济社' })
    expect(r.ok && (r.value as unknown[]).length).toBe(1)
  })

  it('refuses to delete a village with children until told what to do with them', async () => {
    await searchAndPick(page, '汀圃', '汀圃社区')
    await panel().getByRole('button', { name: '删除' }).click()
    expect(await dialog().textContent()).toMatch(/下有 \d+ 个下级网格/)
    const ok = dialog().getByRole('button', { name: label('删除') })
    expect(await ok.isDisabled()).toBe(true)
    await dialog()
      .getByRole('button', { name: label('取消') })
      .click()
  })

  it('moves the village to another office; the 示意 mark goes once a person has decided', async () => {
    expect(await page.getByTestId('grid-panel-chain').textContent()).toContain('官窑社会管理处（示意）')
    await panel().getByRole('button', { name: '划归管理处' }).click()
    await dialog().getByTestId('office-select').click()
    await page.locator('.ant-select-item-option', { hasText: '罗村社会管理处' }).click()
    await dialog()
      .getByRole('button', { name: label('划归') })
      .click()
    await expect.poll(() => page.getByTestId('grid-panel-chain').textContent()).toContain('罗村社会管理处')
    expect(await page.getByTestId('grid-panel-chain').textContent()).not.toContain('示意')
    await page.screenshot({ path: join(outputDir, 'edit-office-moved.png') })
  })
})
