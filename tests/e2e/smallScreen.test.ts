// An office PC at 1366×768: the legend starts folded so the map stays usable, and unfolds on demand.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, outputDir, searchAndPick } from '../support/browser'

let app: Awaited<ReturnType<typeof openApp>>
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 })
})
afterAll(() => app?.close())

describe('at 1366×768', () => {
  it('keeps the legend folded, the map and panel usable, and the legend one click away', async () => {
    const page = app.page
    await searchAndPick(page, '汀圃', '汀圃社区')
    const legend = page.getByTestId('map-legend')
    expect((await legend.boundingBox())!.width).toBeLessThan(160)
    expect(await page.getByTestId('grid-panel-name').textContent()).toBe('汀圃社区')
    await page.screenshot({ path: join(outputDir, 'small-screen-1366.png') })
    await page.getByRole('button', { name: '展开图层与图例' }).click()
    await expect.poll(() => legend.textContent()).toContain('示意数据，非官方')
    expect(await page.getByTestId('toggle-tier3').isChecked()).toBe(true)
  })
})
