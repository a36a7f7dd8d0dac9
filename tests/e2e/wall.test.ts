// The wall (#/wall) in Debian Chromium: at 1920×1080 and 3840×2160 (and a 5760×1080 wall) nothing
// overflows the screen, no text is below the distance minimum (labels 24 px, figures 48 px at 1080p,
// scaled with the height), and screenshots are kept. An issue registered through the API shows on the
// wall within a second without a reload; 1,000 updates leave the page's JS heap where it was.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, outputDir } from '../support/browser'
import { percentText } from '../../electron/shared/percent'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
beforeAll(async () => {
  app = await openApp({ width: 1920, height: 1080 }, { people: true })
  page = app.page
  await page.evaluate(() => (window.location.hash = '#/wall'))
  await ready()
})
afterAll(() => app?.close())

async function ready() {
  await page.getByTestId('wall-tiles').locator('.wall-tile').first().waitFor()
  await page.waitForFunction(() => (document.querySelector('[data-testid="wall-map"]') as HTMLElement | null)?.dataset.idle === '1', null, { timeout: 30_000 })
  await page.locator('[data-testid="wall-flow"] svg text').first().waitFor()
  await page.waitForTimeout(500)
}
/** A new size: the map must draw again before the wall is measured. */
async function resize(width: number, height: number) {
  await page.evaluate(() => delete (document.querySelector('[data-testid="wall-map"]') as HTMLElement).dataset.idle)
  await page.setViewportSize({ width, height })
  await ready()
}
const tile = (label: string) => page.locator(`[data-tile="${label}"] .wall-figure`).textContent()
const spot = () =>
  app.core.store.sqlite.prepare('select label_lon lon, label_lat lat from grids where tier = 3 order by id limit 1').get() as { lon: number; lat: number }
const register = (title: string) =>
  app.core.dispatch('issues.create', { title, description: '大屏测试登记的问题', category: '环境卫生', urgency: '一般', source: '网格巡查', ...spot() })

/** Everything that would make the wall unreadable across a room, measured in the page. */
const layoutProblems = () =>
  page.evaluate(() => {
    const scale = window.innerHeight / 1080
    const problems: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > window.innerWidth || root.scrollHeight > window.innerHeight) problems.push(`页面出现滚动条 ${root.scrollWidth}×${root.scrollHeight}`)
    for (const el of document.querySelectorAll<HTMLElement | SVGElement>('.wall *')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      if (r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1 || r.left < -1 || r.top < -1)
        problems.push(`越出屏幕：${el.tagName}.${el.getAttribute('class') ?? ''}`)
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
      if (!hasText) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      const min = (el.closest('.wall-figure') ? 48 : 24) * scale - 0.5
      if (size < min) problems.push(`字号 ${size.toFixed(1)}px < ${min.toFixed(1)}px：“${el.textContent!.trim().slice(0, 12)}”`)
    }
    // The regions never overlap one another.
    const boxes = ['.wall-header', '.wall-left', '.wall-centre', '.wall-right', '.wall-bottom'].map(
      (s) => [s, document.querySelector(s)!.getBoundingClientRect()] as const
    )
    for (const [a, ra] of boxes)
      for (const [b, rb] of boxes)
        if (a < b && ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) problems.push(`重叠：${a} 与 ${b}`)
    // Tiles and panels hold their contents.
    for (const el of document.querySelectorAll<HTMLElement>('.wall-tile, .wall-panel, .wall-list'))
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        problems.push(`内容溢出：${el.className} ${el.textContent!.slice(0, 10)}`)
    return problems
  })

describe('the wall display', () => {
  it('fits 1920×1080 with readable text, and shows the town’s figures', async () => {
    expect(await layoutProblems()).toEqual([])
    expect(await tile('三级网格')).toBe('1,400')
    expect(await tile('驻点团队')).toBe('73')
    // The rental campaign's tile: the newest campaign's rate, as the 整治进度 table gives it today.
    const layer = await app.core.dispatch('rentals.mapLayer', {})
    if (!layer.ok) throw new Error(layer.error.message)
    const table = await app.core.dispatch('rentals.campaignTable', { startsOn: layer.value.campaign.startsOn, endsOn: layer.value.campaign.endsOn })
    if (!table.ok) throw new Error(table.error.message)
    expect(await tile('出租屋隐患整治')).toBe(percentText(table.value.total.rate))
    expect(await page.locator('[data-tile="出租屋隐患整治"] .wall-label').textContent()).toBe(
      `出租屋隐患整改率 · 逾期 ${table.value.total.overdue.toLocaleString('zh-CN')}`
    )
    // The 三长制 tile: heads.figures for the year and heads.check, as 人员台账 → 三长 shows them.
    const heads = await app.core.dispatch('heads.figures', { from: '2026-01-01', to: '2026-12-31' })
    const check = await app.core.dispatch('heads.check', {})
    if (!heads.ok || !check.ok) throw new Error('三长')
    const n = (x: number) => x.toLocaleString('zh-CN')
    const stat = (label: string) => page.locator(`[data-testid="wall-heads"] [data-stat="${label}"] .wall-stat-figure`).textContent()
    expect(await stat('在任三长')).toBe(n(heads.value.total.heads))
    expect(await stat('解决问题')).toBe(n(heads.value.total.problems))
    expect(await stat('调解纠纷')).toBe(n(heads.value.total.disputes))
    expect(await stat('无三长网格')).toBe(n(check.value.withoutHead.length))
    // The 设岗定责 tile: posts.figures today, as 设岗定责 and the briefing show them.
    const posts = await app.core.dispatch('posts.figures', { year: 2026 })
    if (!posts.ok) throw new Error(posts.error.message)
    expect(await tile('设岗定责')).toBe(n(posts.value.members))
    expect(await page.locator('[data-tile="设岗定责"] .wall-label').textContent()).toBe(
      `领岗党员 · 岗位 ${n(posts.value.posts)} · 无人认领 ${n(posts.value.unclaimed.length)}`
    )
    await page.screenshot({ path: join(outputDir, 'wall-1920x1080.png') })
  })

  it('scales to 3840×2160 and stretches over a 5760×1080 wall', async () => {
    await resize(3840, 2160)
    // The charts redraw for the new size a moment after the window changes.
    await expect.poll(layoutProblems, { timeout: 5000 }).toEqual([])
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.wall-figure')!).fontSize))).toBeGreaterThanOrEqual(96)
    await page.screenshot({ path: join(outputDir, 'wall-3840x2160.png') })
    await resize(5760, 1080)
    await expect.poll(layoutProblems, { timeout: 5000 }).toEqual([])
    await page.screenshot({ path: join(outputDir, 'wall-5760x1080.png') })
    await resize(1920, 1080)
  })

  it('shows an issue registered elsewhere within a second, without reloading', async () => {
    const before = Number((await tile('今日事件'))!.replace(/,/g, ''))
    const marker = await page.evaluate(() => ((window as unknown as { wallMarker: number }).wallMarker = Math.random()))
    const t0 = Date.now()
    const made = await register('大屏实时测试')
    expect(made.ok).toBe(true)
    await expect.poll(() => tile('今日事件'), { timeout: 1000, interval: 50 }).toBe(String(before + 1))
    await expect.poll(() => page.getByTestId('wall-newest').textContent(), { timeout: 1000, interval: 50 }).toContain('大屏实时测试')
    const latency = Date.now() - t0
    expect(latency).toBeLessThan(1000)
    // Same page: nothing reloaded.
    expect(await page.evaluate(() => (window as unknown as { wallMarker: number }).wallMarker)).toBe(marker)
    console.log(`大屏更新延迟：${latency} ms`)
  })

  it('keeps its memory through 1,000 updates', async () => {
    const cdp = await page.context().newCDPSession(page)
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      await page.waitForTimeout(200)
      await cdp.send('HeapProfiler.collectGarbage')
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize
    }
    // Updates that change figures but not how much there is to show: the command centre supervises
    // open issues over and over, so any growth would be the page's, not the data's.
    const open = app.core.store.sqlite.prepare("select id from issues where status in ('reported', 'accepted') order by id limit 20").all() as { id: number }[]
    const town = (app.core.store.sqlite.prepare("select id from units where kind = 'town'").get() as { id: number }).id
    const version = app.core.store.sqlite.prepare('select version from issues where id = ?').pluck()
    const burst = async (count: number) => {
      for (let k = 0; k < count; k++) {
        const id = open[k % open.length].id
        const r = await app.core.dispatch('issues.act', {
          id,
          version: version.get(id),
          actingUnitId: town,
          action: { type: 'supervise', note: `压力测试督办 ${k}` }
        })
        if (!r.ok) throw new Error(r.error.message)
        await page.waitForTimeout(15)
      }
      await page.waitForTimeout(800)
    }
    await burst(100) // warm up: caches and chart internals reach their working size
    const start = await heap()
    await burst(1000)
    const end = await heap()
    console.log(`大屏 JS 堆：${(start / 1e6).toFixed(1)} MB → ${(end / 1e6).toFixed(1)} MB（1,000 次更新）`)
    expect(end).toBeLessThan(start * 1.1 + 1e6)
    expect(await layoutProblems()).toEqual([])
  }, 120_000)
})
