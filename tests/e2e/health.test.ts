// 网格健康检查 in the browser: the generated town is clean; after an edit breaks it, the problem is
// listed, and clicking it zooms the map to the problem and highlights it.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { problemColour } from '../../src/features/map/mapStyle'
import { countColour, idleCount, openApp, outputDir, waitForMapIdle } from '../support/browser'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
/**
 * Runs a check and waits for its answer. The result of an earlier check stays on the page until the
 * new one is pending, so waiting for the result element alone could read the old one (it did, once,
 * on a loaded machine): the answer is awaited, then the text is polled.
 */
const runCheck = async () => {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/grids.check'))
  await page.getByRole('button', { name: /开始检查/ }).click()
  await answered
  await page.getByTestId('health-result').waitFor()
}

beforeAll(async () => {
  app = await openApp()
  page = app.page
  await page.getByRole('tab', { name: '健康检查' }).click()
})
afterAll(() => app?.close())

describe('health check screen', () => {
  it('finds the generated town clean', async () => {
    await runCheck()
    await expect.poll(() => page.getByTestId('health-result').textContent()).toContain('未发现问题')
    expect(await page.getByTestId('health-result').textContent()).toContain('检查 2084 个网格')
  })

  it('lists the overlap an edit creates; clicking it zooms there and highlights the area', async () => {
    const sqlite = app.core.store.sqlite
    const village = sqlite.prepare("select id from grids where tier = 1 and name = '汀圃社区'").get() as { id: number }
    const [a, b] = sqlite.prepare('select id, version, geometry from grids where parent_id = ? order by id limit 2').all(village.id) as {
      id: number
      version: number
      geometry: string
    }[]
    const r = await app.core.dispatch('grids.setGeometry', { id: a.id, version: a.version, geometry: JSON.parse(b.geometry) })
    expect(r.ok).toBe(true)
    await runCheck()
    const result = page.getByTestId('health-result')
    await expect.poll(() => result.textContent()).toContain('相互重叠')
    const before = await idleCount(page)
    await page.getByTestId('health-problem').filter({ hasText: '重叠' }).first().click()
    await waitForMapIdle(page, before)
    await page.waitForTimeout(300)
    const png = await page.getByTestId('grid-map').screenshot()
    await page.screenshot({ path: join(outputDir, 'health-overlap.png') })
    expect(countColour(png, problemColour, 60)).toBeGreaterThan(2000)
    expect(await page.getByTestId('grid-panel-name').textContent()).toBeTruthy()
  })
})
