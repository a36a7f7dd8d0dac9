// Drawing on the map in Debian Chromium: a new boundary that snaps to its parent's edge, editing
// a vertex, and splitting a grid along a drawn line — each saved through the core.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { idleCount, openApp, outputDir, screenPoint, searchAndPick, waitForMapIdle } from '../support/browser'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
const pageErrors: string[] = []
const row = <T>(q: string, ...a: unknown[]) => app.core.store.sqlite.prepare(q).get(...a) as T
const button = (name: string) => page.getByRole('button', { name: new RegExp(`^\\s*${[...name].join('\\s*')}\\s*$`) })

async function selectInPanel(name: string) {
  const before = await idleCount(page)
  await page
    .getByTestId('grid-panel')
    .locator('.grid-panel-child a', { hasText: new RegExp(`^${name}$`) })
    .click()
  await page.waitForFunction((n) => document.querySelector('[data-testid="grid-panel-name"]')?.textContent === n, name)
  await waitForMapIdle(page, before)
}

beforeAll(async () => {
  app = await openApp()
  page = app.page
  page.on('pageerror', (e) => pageErrors.push(e.message))
  await searchAndPick(page, '汀圃', '汀圃社区')
})
afterAll(() => app?.close())

describe('drawing on the map', () => {
  it('splits a tier-2 grid along a drawn line', async () => {
    const target = row<{ id: number; name: string; min_lon: number; max_lon: number; label_lat: number; households: number }>(
      "select id, name, min_lon, max_lon, label_lat, households from grids where parent_id = (select id from grids where tier = 1 and name = '汀圃社区') order by id limit 1"
    )
    await selectInPanel(target.name)
    await page.getByTestId('grid-panel').getByRole('button', { name: /拆分/ }).click()
    await page.getByTestId('draw-toolbar').waitFor()
    // From 30 px left of the grid to 30 px right of it, through its label point.
    const a = await screenPoint(page, [target.min_lon, target.label_lat])
    const b = await screenPoint(page, [target.max_lon, target.label_lat])
    await page.mouse.click(a.x - 30, a.y)
    await page.mouse.click(b.x + 30, b.y)
    await page.mouse.click(b.x + 30, b.y) // clicking the last point again finishes the line
    await expect.poll(() => page.getByTestId('grid-panel-name').textContent()).toBe(`${target.name}（拆分）`)
    const parts = app.core.store.sqlite.prepare('select households from grids where id = ? or name = ?').all(target.id, `${target.name}（拆分）`) as {
      households: number
    }[]
    expect(parts).toHaveLength(2)
    expect(parts.reduce((s, p) => s + p.households, 0)).toBe(target.households)
    await page.screenshot({ path: join(outputDir, 'draw-split.png') })
  })

  it('draws a new party group’s boundary, snapping its first point to the parent’s corner', async () => {
    await searchAndPick(page, '汀圃', '汀圃社区')
    const parent = row<{ id: number; name: string; geometry: string; label_lon: number; label_lat: number }>(
      "select id, name, geometry, label_lon, label_lat from grids where parent_id = (select id from grids where tier = 1 and name = '汀圃社区') order by id limit 1 offset 1"
    )
    await selectInPanel(parent.name)
    await page
      .getByTestId('grid-panel')
      .getByRole('button', { name: /新建下级/ })
      .click()
    await page.getByRole('dialog').getByLabel('名称').fill('画出来的党小组')
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /新\s*建/ })
      .click()
    await expect.poll(() => page.getByTestId('grid-panel-name').textContent()).toBe('画出来的党小组')
    await page
      .getByTestId('grid-panel')
      .getByRole('button', { name: /绘制边界/ })
      .click()
    await page.getByTestId('draw-toolbar').waitFor()
    const ring = JSON.parse(parent.geometry).coordinates[0] as [number, number][]
    const corner = ring[0]
    const mid = (a: [number, number], b: [number, number]): [number, number] => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]
    // A quadrilateral: the parent's corner (clicked a few pixels off: it must land exactly on it),
    // half-way along its two edges from that corner, and the parent's label point.
    const c = await screenPoint(page, corner)
    const pts = [{ x: c.x + 4, y: c.y - 3 }]
    for (const p of [mid(corner, ring[1]), [parent.label_lon, parent.label_lat] as [number, number], mid(corner, ring[ring.length - 2])])
      pts.push(await screenPoint(page, p))
    for (const p of pts) await page.mouse.click(p.x, p.y)
    await page.keyboard.press('Enter')
    await expect.poll(() => row<{ geometry: string | null }>("select geometry from grids where name = '画出来的党小组'").geometry).not.toBeNull()
    const drawn = JSON.parse(row<{ geometry: string }>("select geometry from grids where name = '画出来的党小组'").geometry).coordinates[0] as number[][]
    expect(drawn.some((p) => Math.abs(p[0] - corner[0]) < 1e-7 && Math.abs(p[1] - corner[1]) < 1e-7)).toBe(true)
    await expect.poll(() => page.getByTestId('grid-panel').textContent()).toContain('修改边界')
    await page.screenshot({ path: join(outputDir, 'draw-new.png') })
  })

  it('moves a vertex of an existing boundary and saves it', async () => {
    const before = JSON.parse(row<{ geometry: string }>("select geometry from grids where name = '画出来的党小组'").geometry).coordinates[0] as [
      number,
      number
    ][]
    await page
      .getByTestId('grid-panel')
      .getByRole('button', { name: /修改边界/ })
      .click()
    await page.getByTestId('draw-toolbar').waitFor()
    await page.waitForTimeout(300)
    const v = await screenPoint(page, before[1])
    await page.mouse.move(v.x, v.y)
    await page.mouse.down()
    await page.mouse.move(v.x + 10, v.y + 10, { steps: 5 })
    await page.mouse.move(v.x + 25, v.y + 20, { steps: 5 })
    await page.mouse.up()
    await button('保存').click()
    await expect
      .poll(() => row<{ geometry: string }>("select geometry from grids where name = '画出来的党小组'").geometry)
      .not.toBe(JSON.stringify({ type: 'Polygon', coordinates: [before] }))
    const after = JSON.parse(row<{ geometry: string }>("select geometry from grids where name = '画出来的党小组'").geometry).coordinates[0] as [
      number,
      number
    ][]
    expect(after.some((p) => !before.some((q) => Math.abs(p[0] - q[0]) < 1e-9 && Math.abs(p[1] - q[1]) < 1e-9))).toBe(true)
    const history = row<{ n: number }>(
      "select count(*) n from changes c join change_batches b on b.id = c.batch_id where b.kind = 'geometry' and c.entity_id = (select id from grids where name = '画出来的党小组')"
    )
    expect(history.n).toBe(2)
  })
})

describe('the page during drawing', () => {
  it('raised no script error', () => {
    expect(pageErrors).toEqual([])
  })
})
