// A browser seat (issue 20) in Debian Chromium: the town server over HTTPS at the name in its
// certificate, the town's CA installed in the browser's certificate store (as the /ca page tells a
// town PC to do — here with NSS's certutil), no seat certificate. A village clerk signs in and works,
// hears another desk's change without a reload; the system administrator is refused in words; the
// audit names the browser seat; a browser without the CA gets the certificate error, not the app.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, outputDir, rendererDir } from '../support/browser'
import { demoPassword, tempDir, testClock, testCore } from '../support/core'
import { signInThroughScreen } from '../support/screens'
import { createTownCa } from '../../electron/server/townCa'
import { loadTownTls } from '../../electron/server/seats'
import { startHttpServer, type RunningServer } from '../../electron/server/http'

const dir = tempDir()
let core: ReturnType<typeof testCore>
let server: RunningServer
let browser: Browser
let url: string
// The server's name resolves to this machine, as the town's DNS (or hosts file) would make it.
const resolve = '--host-resolver-rules=MAP shishan-server 127.0.0.1'

beforeAll(async () => {
  createTownCa(dir, ['shishan-server', '10.0.0.5'])
  core = testCore()
  await core.seedDemoAccounts(demoPassword)
  server = await startHttpServer({
    dispatch: core.dispatch,
    staticDir: rendererDir,
    port: 0,
    tls: loadTownTls(dir),
    // One machine plays both ends here: no address counts as the server's console.
    consoleAddresses: [],
    changes: core.changes,
    isValidToken: (t) => core.accounts.sessionOf(t) !== null,
    reachOf: core.reachOf
  })
  url = `https://shishan-server:${server.port}/`
  // A town PC with the CA installed: an NSS store in the browser user's home, the CA trusted for servers.
  const home = tempDir()
  const nss = join(home, '.pki', 'nssdb')
  mkdirSync(nss, { recursive: true })
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password'])
  execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', '狮山镇根证书', '-t', 'C,,', '-i', join(dir, 'ca.crt')])
  browser = await launchChromium({ home, args: [resolve] })
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
  core?.close()
})

async function newPage(width = 1366, height = 768) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce' })
  await page.clock.install({ time: testClock.now() })
  return page
}

describe('a browser seat', () => {
  it('opens the app over HTTPS with the town’s CA, and a village clerk works and hears other desks', async () => {
    const page = await newPage()
    await page.goto(url)
    expect(await page.evaluate(() => window.isSecureContext && location.protocol)).toBe('https:')
    const streamOpen = page.waitForResponse((r) => r.url().includes('/api/events?ticket=') && r.status() === 200)
    await signInThroughScreen(page, 'tingpu')
    await page.locator('.app-header').waitFor()
    await page.evaluate(() => (window.location.hash = '#/issues'))
    await page.getByTestId('issue-list').waitFor()
    await streamOpen
    // Another desk registers an issue in 汀圃: the clerk's list shows it without a reload.
    const village = core.store.sqlite.prepare("select id from units where name = '汀圃社区'").pluck().get() as number
    const spot = core.store.sqlite
      .prepare('select label_lon lon, label_lat lat from grids where tier = 3 and village_unit_id = ? limit 1')
      .get(village) as object
    const r = await core.dispatch('issues.create', {
      title: '另一席位登记的事',
      description: '浏览器席位测试',
      category: '环境卫生',
      urgency: '一般',
      source: '网格巡查',
      ...spot
    })
    expect(r.ok).toBe(true)
    await page.getByText('另一席位登记的事').first().waitFor({ timeout: 10_000 })
    const audit = core.store.sqlite
      .prepare("select seat, address from audit_events where action = 'auth.login' and username = 'tingpu' order by id desc limit 1")
      .get()
    expect(audit).toEqual({ seat: '浏览器', address: '127.0.0.1' })
    mkdirSync(outputDir, { recursive: true })
    await page.screenshot({ path: join(outputDir, 'browser-seat-issues-1366.png') })
    await page.close()
  })

  it('refuses the system administrator in words: that role works at desktop seats', async () => {
    const page = await newPage()
    await page.goto(url)
    await signInThroughScreen(page, 'admin')
    await page.getByText('系统管理员的账号不能在浏览器中使用').waitFor()
    await page.getByText('数据仅保存在镇服务器（shishan-server）').waitFor()
    await page.screenshot({ path: join(outputDir, 'browser-seat-refused-1366.png') })
    await page.close()
  })

  it('shows the page on installing the CA, with its fingerprint', async () => {
    const page = await newPage(1366, 768)
    await page.goto(`${url}ca`)
    await page.getByText(loadTownTls(dir).caFingerprint).waitFor()
    await page.screenshot({ path: join(outputDir, 'browser-seat-ca-page-1366.png'), fullPage: true })
    await page.close()
  })

  it('without the CA the browser refuses the server: trust comes from the town’s CA alone', async () => {
    const bare = await launchChromium({ home: tempDir(), args: [resolve] })
    try {
      const page = await bare.newPage()
      await expect(page.goto(url)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/)
    } finally {
      await bare.close()
    }
  })
})
