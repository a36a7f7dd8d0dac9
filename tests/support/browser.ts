// Debian Chromium under playwright-core for e2e tests; never a downloaded browser.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { repoRoot } from '../../electron/core/paths'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const outputDir = join(repoRoot, 'test-output', 'e2e')
export const rendererDir = join(repoRoot, 'out', 'renderer')

/** `home`: a HOME for the browser (its certificate store is HOME/.pki/nssdb); `args`: more command-line switches. */
export async function launchChromium(opts: { home?: string; args?: string[] } = {}): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`找不到 Chromium（${chromiumPath}）：请安装 Debian 的 chromium 或设置 CHROMIUM_PATH。`)
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('界面尚未构建：请先运行 npm run build（npm test 会先构建）。')
  mkdirSync(outputDir, { recursive: true })
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(opts.args ?? [])
    ],
    ...(opts.home ? { env: { ...process.env, HOME: opts.home } } : {})
  })
}

/** Wait until the map has drawn everything after whatever was just done. */
export async function waitForMapIdle(page: Page, idleCountBefore: number) {
  await page.waitForFunction(
    (before) => {
      const el = document.querySelector<HTMLElement>('[data-testid="grid-map"]')
      return !!el && el.dataset.idle === '1' && Number(el.dataset.idleCount) > before
    },
    idleCountBefore,
    { timeout: 30_000 }
  )
}

export const idleCount = (page: Page) => page.$eval('[data-testid="grid-map"]', (el) => Number((el as HTMLElement).dataset.idleCount))

/** Pixels of a screenshot within `tolerance` (RGB distance) of a colour. */
export function countColour(png: Buffer, hex: string, tolerance = 40): number {
  const image = PNG.sync.read(png)
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  let n = 0
  for (let i = 0; i < image.data.length; i += 4) {
    const d = Math.hypot(image.data[i] - r, image.data[i + 1] - g, image.data[i + 2] - b)
    if (d <= tolerance) n++
  }
  return n
}

/** A pixel of this colour whose four neighbours are too (inside a drawn dot, not on its rim), left of `maxX`; or null. */
export function findColour(png: Buffer, hex: string, maxX: number, tolerance = 30): { x: number; y: number } | null {
  const image = PNG.sync.read(png)
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  const is = (x: number, y: number) => {
    const i = (y * image.width + x) * 4
    return Math.hypot(image.data[i] - r, image.data[i + 1] - g, image.data[i + 2] - b) <= tolerance
  }
  for (let y = 1; y < image.height - 1; y++)
    for (let x = 1; x < Math.min(maxX, image.width - 1); x++) if (is(x, y) && is(x - 1, y) && is(x + 1, y) && is(x, y - 1) && is(x, y + 1)) return { x, y }
  return null
}

/** Browser mode on a fresh demo store, and a page on it; `requests` collects every URL asked for. */
export async function openApp(viewport = { width: 1600, height: 900 }, opts: { people?: boolean; path?: string; user?: string | null } = {}) {
  const { testCore, testCoreWithPeople, signIn } = await import('./core')
  const { startHttpServer } = await import('../../electron/server/http')
  const core = opts.people ? testCoreWithPeople() : testCore()
  const server = await startHttpServer({
    dispatch: core.dispatch,
    staticDir: rendererDir,
    port: 0,
    changes: core.changes,
    isValidToken: (t) => core.accounts.sessionOf(t) !== null,
    reachOf: core.reachOf
  })
  const browser = await launchChromium()
  // Reduced motion, as an office PC set to show no animations: antd's menus and dialogs appear at
  // once, so a click never lands on an item still zooming in on a loaded machine.
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' })
  // Signed in as a demo account (the organisation office's by default: grids and people), as if the
  // sign-in screen had been passed; tests of the sign-in itself open the page without this.
  const token = opts.user === null ? null : await signIn(core, opts.user ?? 'organiser')
  if (token) await page.addInitScript((t) => sessionStorage.setItem('shishan.session', t), token)
  // The page's clock starts where the core's test clock stands (and runs on), so "today" in a form is
  // the core's today whatever the date the tests run on.
  const { testClock } = await import('./core')
  await page.clock.install({ time: testClock.now() })
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('websocket', (ws) => requests.push(ws.url()))
  await page.goto(server.url)
  if (token) await waitForMapIdle(page, 0)
  return {
    core,
    token,
    server,
    browser,
    page,
    requests,
    close: async () => {
      await browser.close()
      await server.close()
      core.close()
    }
  }
}

/** Type into the grid search and pick a hit; waits until the panel shows it and the map settles. */
export async function searchAndPick(page: Page, text: string, optionName: string) {
  const before = await idleCount(page)
  await page.getByRole('combobox', { name: '搜索网格' }).fill(text)
  await page.locator('[data-testid="search-hit"]', { hasText: optionName }).first().click()
  await page.waitForFunction((name) => document.querySelector('[data-testid="grid-panel-name"]')?.textContent === name, optionName)
  await waitForMapIdle(page, before)
}

/** Where a lon/lat is on the page, from the map's published centre and zoom (Web Mercator, 512 px tiles). */
/** The middle of the map's visible part: an open grid panel lies over the map's right edge. */
export async function visibleMapCentre(page: Page): Promise<{ x: number; y: number }> {
  const map = (await page.getByTestId('grid-map').boundingBox())!
  const panel = (await page.locator('.side-right').count()) ? await page.locator('.side-right').boundingBox() : null
  const right = panel ? panel.x : map.x + map.width
  return { x: (map.x + right) / 2, y: map.y + map.height / 2 }
}

export async function screenPoint(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  const el = page.getByTestId('grid-map')
  const box = (await el.boundingBox())!
  const { center, zoom } = await el.evaluate((e) => ({ center: JSON.parse((e as HTMLElement).dataset.center!), zoom: Number((e as HTMLElement).dataset.zoom) }))
  const world = ([lon, lat]: [number, number]) => {
    const size = 512 * 2 ** zoom
    const s = Math.sin((lat * Math.PI) / 180)
    return { x: ((lon + 180) / 360) * size, y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size }
  }
  const p = world(lonLat)
  const c = world(center)
  return { x: box.x + box.width / 2 + (p.x - c.x), y: box.y + box.height / 2 + (p.y - c.y) }
}

/**
 * The print view now shown, as an A4 PDF the way the browser prints it (print media, CSS page size);
 * a copy and a PNG of its first pages go to the test output. Returns the file and its text.
 */
export async function printViewToPdf(page: Page, name: string, pngPages = 1): Promise<{ file: string; text: string }> {
  const { execFileSync } = await import('node:child_process')
  const { writeFileSync } = await import('node:fs')
  await page.locator('.print-page-host [data-testid="print-doc"]').waitFor()
  await page.emulateMedia({ media: 'print' })
  const file = join(outputDir, `${name}.pdf`)
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  await page.emulateMedia({ media: 'screen' })
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(pngPages), file, join(outputDir, name)])
  return { file, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) }
}
