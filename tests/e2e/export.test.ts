// Export from the browser: the dialog produces real files the officer can open.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, searchAndPick } from '../support/browser'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
const okButton = () => page.getByRole('dialog').getByRole('button', { name: /^\s*导\s*出\s*$/ })

async function download(choose: () => Promise<void>) {
  await page.getByRole('button', { name: '导出' }).click()
  await choose()
  const [file] = await Promise.all([page.waitForEvent('download'), okButton().click()])
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) }
}

beforeAll(async () => {
  app = await openApp()
  page = app.page
})
afterAll(() => app?.close())

describe('export dialog', () => {
  it('downloads the selected village with its tiers as GeoJSON', async () => {
    await searchAndPick(page, '汀圃', '汀圃社区')
    const { name, bytes } = await download(async () => {})
    expect(name).toMatch(/^汀圃社区网格_WGS84_\d{8}\.geojson$/)
    const fc = JSON.parse(bytes.toString('utf8'))
    expect(fc.features.length).toBeGreaterThan(10)
    expect(fc.features.every((f: { properties: { village: string } }) => f.properties.village === '汀圃社区')).toBe(true)
  })

  it('downloads the whole town’s ledger as Excel', async () => {
    const { name, bytes } = await download(async () => {
      await page.getByRole('dialog').getByText('全镇').click()
      await page.getByRole('dialog').getByText('Excel 台账').click()
    })
    expect(name).toMatch(/^狮山镇网格_台账_\d{8}\.xlsx$/)
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(bytes.length).toBeGreaterThan(50_000)
  })
})
