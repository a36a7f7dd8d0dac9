// People on the map (issue 4): reporting members' homes as clustered points, and party groups
// shaded by days since the last visit — checked by the colours actually drawn.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { pointColour } from '../../src/features/map/mapStyle'
import { countColour, idleCount, openApp, outputDir, searchAndPick, waitForMapIdle } from '../support/browser'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
beforeAll(async () => {
  app = await openApp({ width: 1600, height: 900 }, { people: true })
  page = app.page
})
afterAll(() => app?.close())

const choose = async (testId: string, label: string) => {
  await page.getByTestId(testId).click()
  await page.locator('.ant-select-item-option', { hasText: label }).click()
}

describe('people layers', () => {
  it('shows reporting members’ homes clustered, and single homes when zoomed in', async () => {
    const before = await idleCount(page)
    await choose('people-points-select', '报到党员住址')
    const total = (app.core.store.sqlite.prepare('select count(*) n from reporting_members').get() as { n: number }).n
    await expect.poll(() => page.getByTestId('people-points-count').textContent()).toContain(`共 ${total} 人`)
    await waitForMapIdle(page, before)
    const town = await page.getByTestId('grid-map').screenshot()
    expect(countColour(town, '#3d85c6', 30) + countColour(town, '#6fa8dc', 30) + countColour(town, '#0b5394', 30)).toBeGreaterThan(500)
    await page.screenshot({ path: join(outputDir, 'people-clusters.png') })
    await searchAndPick(page, '大学城', '大学城社区')
    await page.waitForTimeout(400)
    const close = await page.getByTestId('grid-map').screenshot()
    expect(countColour(close, pointColour.placed, 40) + countColour(close, '#3d85c6', 30)).toBeGreaterThan(100)
  })

  it('shades party groups by days since the last visit, with a legend', async () => {
    const before = await idleCount(page)
    await choose('people-shading-select', '按距上次走访天数着色')
    await page.getByTestId('shading-legend').waitFor()
    await waitForMapIdle(page, before)
    await page.waitForTimeout(400)
    const shot = await page.getByTestId('grid-map').screenshot()
    // Demo households were last visited 0–6 months ago: green to yellow shades appear.
    expect(countColour(shot, '#1a9850', 60) + countColour(shot, '#fee08b', 60) + countColour(shot, '#8bc26c', 60)).toBeGreaterThan(2000)
    await page.screenshot({ path: join(outputDir, 'people-shading.png') })
  })

  it('shades party groups by their 三长: red with no head in office, yellow to green by the heads’ work this year', async () => {
    const before = await idleCount(page)
    await choose('people-shading-select', '按三长在任与工作着色')
    const missing = app.core.store.sqlite
      .prepare(
        "select count(*) n from grids g where g.tier = 3 and not exists (select 1 from area_heads h where h.tier3_grid_id = g.id and h.appointed_on <= '2026-11-22' and (h.ended_on is null or h.ended_on > '2026-11-22'))"
      )
      .get() as { n: number }
    expect(missing.n).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('shading-legend').textContent()).toContain(`无在任三长 ${missing.n} 个`)
    await waitForMapIdle(page, before)
    await page.waitForTimeout(400)
    const shot = await page.getByTestId('grid-map').screenshot()
    expect(
      countColour(shot, '#d73027', 60) + countColour(shot, '#fee08b', 60) + countColour(shot, '#8bc26c', 60) + countColour(shot, '#1a9850', 60)
    ).toBeGreaterThan(2000)
    await page.screenshot({ path: join(outputDir, 'heads-shading.png') })
  })

  it('shades the villages by the share of their 设岗定责 posts someone holds, the legend counting the posts nobody holds', async () => {
    const village = app.core.store.sqlite.prepare("select id from units where name = '大学城社区'").pluck().get() as number
    const made = await app.core.dispatch('posts.create', { villageUnitId: village, name: '地图测试空岗', capacity: 2, audience: '无职党员' })
    if (!made.ok) throw new Error(made.error.message)
    const figures = await app.core.dispatch('posts.figures', { year: 2026 })
    if (!figures.ok) throw new Error(figures.error.message)
    expect(figures.value.unclaimed.length).toBeGreaterThan(0)
    const before = await idleCount(page)
    await choose('people-shading-select', '按设岗定责岗位认领着色')
    await expect.poll(() => page.getByTestId('shading-legend').textContent()).toContain(`无人认领的岗位 ${figures.value.unclaimed.length} 个`)
    await waitForMapIdle(page, before)
    await page.waitForTimeout(400)
    // The villages are drawn in the ramp's green (all posts held) to yellow; the 三长 red is gone with the tier-3 shading.
    const shot = await page.getByTestId('grid-map').screenshot()
    expect(countColour(shot, '#1a9850', 60) + countColour(shot, '#8bc26c', 60) + countColour(shot, '#fee08b', 60)).toBeGreaterThan(2000)
    await page.screenshot({ path: join(outputDir, 'posts-shading.png') })
  })
})
