// The map screen in Debian Chromium against browser mode on a real SQLite file: the whole town
// draws (pixels, all three tiers), search and clicks open the right grid, the tree follows the
// map, and nothing is requested from anywhere but 127.0.0.1.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RunningServer } from '../../electron/server/http'
import { tierColour } from '../../src/features/map/mapStyle'
import { countColour, idleCount, openApp, outputDir, searchAndPick as pick, visibleMapCentre, waitForMapIdle } from '../support/browser'
import { demoPassword } from '../support/core'

let server: RunningServer
let page: Page

const mapShot = async (name: string) => {
  const png = await page.locator('[data-testid="grid-map"]').screenshot()
  writeFileSync(join(outputDir, `${name}.png`), png)
  return png
}

async function showOnlyTiers(tiers: number[]) {
  for (const t of [1, 2, 3]) {
    const box = page.getByTestId(`toggle-tier${t}`)
    if ((await box.isChecked()) !== tiers.includes(t)) {
      const before = await idleCount(page)
      await box.click()
      await waitForMapIdle(page, before)
    }
  }
}

let app: Awaited<ReturnType<typeof openApp>>
beforeAll(async () => {
  app = await openApp()
  ;({ page, server } = app)
})
afterAll(() => app?.close())

const searchAndPick = (text: string, name: string) => pick(page, text, name)

describe('the map screen', () => {
  it('opens on the whole town with the headline figures and the illustrative-data note', async () => {
    await expect.poll(() => page.getByTestId('count-tier1').textContent()).toBe('84')
    expect(await page.getByTestId('count-tier2').textContent()).toBe('600')
    expect(await page.getByTestId('count-tier3').textContent()).toBe('1400')
    expect(await page.getByTestId('map-legend-note').textContent()).toMatch(/示意数据，非官方/)
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outputDir, 'map-town.png') })
    const png = await mapShot('map-town-canvas')
    expect(countColour(png, tierColour[1])).toBeGreaterThan(400)
    // At the town's zoom a click picks the village whose name is drawn, not the 经济社 under it.
    const centre = await visibleMapCentre(page)
    await page.mouse.click(centre.x, centre.y)
    await expect.poll(() => page.getByTestId('grid-panel').textContent()).toContain('一级网格')
    // The export button says what it does.
    expect(await page.getByTestId('grid-export').textContent()).toContain('导出')
  })

  it('finds 汀圃社区 by search, flies there and shows its panel', async () => {
    await searchAndPick('汀圃', '汀圃社区')
    // The list of hits closes with the choice, by mouse or by keyboard.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0)
    const box = page.getByRole('combobox', { name: '搜索网格' })
    await box.fill('汀圃')
    await page.locator('[data-testid="search-hit"]', { hasText: '汀圃社区' }).first().waitFor()
    await box.press('ArrowDown')
    await box.press('Enter')
    await page.waitForTimeout(500)
    expect(await page.locator('.ant-select-dropdown:visible').count()).toBe(0)
    const panel = page.getByTestId('grid-panel')
    await expect.poll(() => panel.textContent()).toContain('440605124056')
    const text = (await panel.textContent()) ?? ''
    expect(text).toContain('一级网格')
    expect(text).toContain('官窑社会管理处')
    expect(text).toContain('示意')
    await page.screenshot({ path: join(outputDir, 'map-tingpu.png') })
  })

  it('draws each of the three tiers (pixels of each tier’s own colour, absent when it is hidden)', async () => {
    await showOnlyTiers([])
    const none = await mapShot('tiers-none')
    const counts: Record<number, number> = {}
    for (const t of [1, 2, 3] as const) {
      await showOnlyTiers([t])
      const png = await mapShot(`tier${t}-only`)
      counts[t] = countColour(png, tierColour[t])
      expect(counts[t], `tier ${t} pixels`).toBeGreaterThan(400)
      expect(countColour(none, tierColour[t]) * 4, `tier ${t} colour with the tier hidden`).toBeLessThan(counts[t])
    }
    await showOnlyTiers([1, 2, 3])
    await mapShot('tiers-all')
  })

  it('selects the finest grid under a click, outlines it, and opens the tree down to it', async () => {
    const box = (await page.getByTestId('grid-map').boundingBox())!
    // The fly put 汀圃 in the middle of what the panel leaves visible.
    const centre = await visibleMapCentre(page)
    await page.mouse.click(centre.x, centre.y)
    await expect.poll(() => page.getByTestId('grid-panel').textContent()).toContain('三级网格')
    const chain = (await page.getByTestId('grid-panel-chain').textContent()) ?? ''
    expect(chain).toContain('汀圃社区')
    const name = (await page.getByTestId('grid-panel-name').textContent()) ?? ''
    expect(name).toMatch(/党小组|片区/)
    const treeSelected = page.locator('.grid-tree .ant-tree-node-selected')
    await expect.poll(() => treeSelected.count()).toBe(1)
    expect(name.endsWith((await treeSelected.textContent()) ?? '∅')).toBe(true)
    await page.mouse.move(box.x + 5, box.y + 5)
    await page.waitForTimeout(400)
    expect(countColour(await mapShot('click-selected'), '#e0282e', 50)).toBeGreaterThan(150)
    await page.screenshot({ path: join(outputDir, 'map-click-tier3.png') })
  })

  it('highlights the grid under the pointer (feature-state hover)', async () => {
    const box = (await page.getByTestId('grid-map').boundingBox())!
    // Park the pointer in a corner of the legend-free area, take the picture, then hover mid-map.
    await page.mouse.move(box.x + 40, box.y + box.height - 60)
    await page.waitForTimeout(300)
    const away = await mapShot('hover-away')
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5)
    await expect.poll(() => page.getByTestId('grid-map').evaluate((el) => getComputedStyle(el.querySelector('canvas')!).cursor)).toBe('pointer')
    await page.waitForTimeout(300)
    const hovering = await mapShot('hover-on')
    const { PNG } = await import('pngjs')
    const a = PNG.sync.read(away).data
    const b = PNG.sync.read(hovering).data
    let changed = 0
    for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 12) changed++
    expect(changed, 'pixels that changed when hovering').toBeGreaterThan(2000)
  })

  it('selecting in the tree selects on the map', async () => {
    const before = await idleCount(page)
    // The virtual tree only renders what is in view: scroll back to the top, where 官窑's villages are.
    await page.locator('.grid-tree .ant-tree-list-holder').evaluate((el) => (el.scrollTop = 0))
    await page.locator('.grid-tree .ant-tree-title', { hasText: /^穆院社区$/ }).click()
    await expect.poll(() => page.getByTestId('grid-panel-name').textContent()).toBe('穆院社区')
    await waitForMapIdle(page, before)
    expect(countColour(await mapShot('tree-selected'), '#e0282e', 50)).toBeGreaterThan(300)
  })

  it('a window opened on the map with an expired session asks for sign-in, then draws the grids and the tree', async () => {
    // The map's code and grids are read during boot, before the session is checked: with a dead token
    // those reads fail, and must be read again once signed in rather than leave an empty map.
    const other = await app.browser.newPage({ viewport: { width: 1600, height: 900 } })
    try {
      await other.addInitScript(() => sessionStorage.setItem('shishan.session', 'a-session-that-has-ended'))
      await other.goto(`${server.url}#/map`)
      await other.getByTestId('login-username').fill('organiser')
      await other.getByTestId('login-password').fill(demoPassword)
      await other.getByTestId('login-submit').click()
      await other.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="grid-map"]')?.dataset.tiersDrawn === '3', undefined, {
        timeout: 30_000
      })
      // The tree is read once the map has drawn: it opens on the town's offices.
      await other
        .locator('.grid-tree .ant-tree-title', { hasText: /管理处/ })
        .first()
        .waitFor({ timeout: 30_000 })
      expect(await other.locator('.grid-tree .ant-tree-treenode').count()).toBeGreaterThan(5)
    } finally {
      await other.close()
    }
  })

  it('asked nothing of any host but 127.0.0.1', () => {
    const origin = server.url.replace(/\/$/, '')
    const requests = app.requests
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith(`blob:${origin}`) && !u.startsWith('data:'))
    expect(requests.length).toBeGreaterThan(5)
    expect(foreign).toEqual([])
  })
})
