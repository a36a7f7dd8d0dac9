// Import in browser mode: choose a zipped GBK Shapefile, see the preview on the map, commit,
// find the new grids, and undo the whole import.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { fromGeoJsonGeometry } from '../../electron/core/kernel/geometry'
import { partition, spreadPoints } from '../../electron/core/demo/partition'
import { createRng } from '../../electron/core/demo/prng'
import { importColour } from '../../src/features/map/mapStyle'
import { countColour, idleCount, openApp, outputDir, searchAndPick, waitForMapIdle } from '../support/browser'
import { tempDir } from '../support/core'
import { zippedShapefile } from '../support/fixtures'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
let file: string
const children = () =>
  (
    app.core.store.sqlite.prepare("select count(*) n from grids where parent_id = (select id from grids where tier = 1 and name = '汀圃社区')").get() as {
      n: number
    }
  ).n

beforeAll(async () => {
  app = await openApp()
  page = app.page
  const village = app.core.store.sqlite.prepare("select code, geometry from grids where tier = 1 and name = '汀圃社区'").get() as {
    code: string
    geometry: string
  }
  const shape = fromGeoJsonGeometry(JSON.parse(village.geometry))
  const cells = partition(shape, spreadPoints(shape, 3, createRng(5), 2))
  file = join(tempDir(), '汀圃社区二级网格.zip')
  writeFileSync(
    file,
    zippedShapefile({
      shapes: cells,
      fields: [
        { name: '名称', type: 'C', length: 40 },
        { name: '上级编码', type: 'C', length: 20 }
      ],
      records: ['东片经济社', '西片经济社', '北片经济社'].map((name) => ({ 名称: name, 上级编码: village.code }))
    })
  )
  await page.getByRole('tab', { name: '导入' }).click()
})
afterAll(() => app?.close())

describe('import screen', () => {
  it('previews the file on the map with its report', async () => {
    await page.getByTestId('import-panel').locator('input[type=file]').setInputFiles(file)
    await page.getByText('汀圃社区二级网格.zip').waitFor()
    await page.getByText('按位置（落在哪个上级网格内）').click()
    await page.locator('.ant-select-item-option', { hasText: '按上级编码字段' }).click()
    await page.getByText('替换上级中原有的同级网格').click()
    const before = await idleCount(page)
    await page.getByRole('button', { name: /预览校验/ }).click()
    const report = page.getByTestId('import-report')
    await expect.poll(() => report.textContent()).toContain('可导入 3 个')
    expect(await report.textContent()).toContain('将替换原有')
    expect(await report.textContent()).toContain('GBK')
    await waitForMapIdle(page, before)
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outputDir, 'import-preview.png') })
    expect(countColour(await page.getByTestId('grid-map').screenshot(), importColour.accepted, 70)).toBeGreaterThan(1000)
    expect(children()).toBe(10)
  })

  it('commits the import, and undoes it as a whole', async () => {
    await page.getByRole('button', { name: /确认导入/ }).click()
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('已导入 3 个网格')
    expect(children()).toBe(3)
    // The new grid is on the map: find it, and it is drawn and selected there.
    await page.getByRole('tab', { name: '网格' }).click()
    await searchAndPick(page, '东片', '东片经济社')
    await page.waitForTimeout(300)
    expect(countColour(await page.getByTestId('grid-map').screenshot(), '#e0282e', 50)).toBeGreaterThan(300)
    await page.screenshot({ path: join(outputDir, 'import-committed.png') })
    await page.getByRole('tab', { name: '导入' }).click()
    await page.getByRole('button', { name: /撤销本次导入/ }).click()
    await expect.poll(children).toBe(10)
    await expect.poll(() => page.getByTestId('import-panel').textContent()).toContain('已撤销')
  })
})
