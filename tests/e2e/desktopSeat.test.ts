// The desktop app as a seat (issue 20), in Debian Chromium: the Electron binary is absent here, so the
// page gets the desktop's bridge from a stand-in for the preload whose every function goes — through
// playwright's exposeFunction, in place of Electron's IPC — to the main process's own modules under
// Node (electron/main/seatSetup.ts, electron/main/seatTransport.ts), and they to the town server in a
// process of its own over mutual TLS, through a link the test can cut.
// On first start the PC is made a seat (wrong folder, test, wrong address, save); after the "restart"
// a village clerk signs in at the seat and works; the cable is pulled: the banner says so; mended,
// it goes; a write whose answer was lost is reported once checked.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, outputDir, rendererDir } from '../support/browser'
import { tempDbFile, tempDir, testClock } from '../support/core'
import { signInThroughScreen } from '../support/screens'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { startLink, type Link } from '../support/cuttableLink'
import { createTownCa, issueSeat } from '../../electron/server/townCa'
import { startHttpServer, type RunningServer } from '../../electron/server/http'
import { seatSetup, type SeatSetup } from '../../electron/main/seatSetup'
import { readSeatChoice } from '../../electron/main/seatSettings'
import { startSeatTransport, type SeatTransport } from '../../electron/main/seatTransport'
import { contractHash } from '../../electron/core/api/contractHash'
import { appVersion } from '../../electron/core/paths'
import type { SeatSave } from '../../electron/shared/seat'

const town = tempDir()
const userData = tempDir()
const settingsFile = join(userData, 'seat.json')
let townServer: ServerProcess
let link: Link
let pages: RunningServer
let pagesAsked = 0
let browser: Browser
let page: Page
let setup: SeatSetup
let transport: SeatTransport | undefined
/** The folder the folder dialog "picks" next. */
let picked = ''

/** The seat's files as the IT person copies them to a desk. */
function deskFolder(withCa = true) {
  const dir = join(tempDir(), '席位证书')
  mkdirSync(dir)
  if (withCa) copyFileSync(join(town, 'ca.crt'), join(dir, 'ca.crt'))
  for (const ext of ['crt', 'key']) copyFileSync(join(town, 'seats', `汀圃社区-01.${ext}`), join(dir, `汀圃社区-01.${ext}`))
  return dir
}

/** What the main process sends to the windows (webContents.send), delivered to the stand-in's listeners. */
const toPage = (channel: string, payload: unknown) =>
  page.evaluate(([c, p]) => (window as unknown as { __heard: (c: string, p: unknown) => void }).__heard(c, p), [channel, payload] as const).catch(() => {})

beforeAll(async () => {
  createTownCa(town, ['127.0.0.1'])
  issueSeat(town, '汀圃社区-01')
  townServer = await startServerProcess(tempDbFile(), tempDir(), { SHISHAN_TLS_DIR: town })
  link = await startLink(Number(new URL(townServer.url).port))
  // The renderer's files from a plain loopback server that answers no call: every call must go through the bridge.
  pages = await startHttpServer({
    dispatch: async () => {
      pagesAsked++
      return { ok: false, error: { code: 'FORBIDDEN', message: '此服务只提供页面' } }
    },
    staticDir: rendererDir,
    port: 0,
    isValidToken: () => false
  })
  setup = seatSetup({ settingsFile, appVersion: appVersion(), contractHash: contractHash(), state: () => transport?.state() ?? null })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, reducedMotion: 'reduce' })
  await page.clock.install({ time: testClock.now() })
  // The main process's IPC handlers (electron/main/index.ts), reached from the page.
  await page.exposeFunction('__main', async (channel: string, ...args: unknown[]) => {
    if (channel === 'seat:view') return setup.view()
    if (channel === 'seat:chooseFolder') return setup.folder(picked)
    if (channel === 'seat:test') return setup.test(args[0] as string, args[1] as string)
    if (channel === 'seat:save') return setup.save(args[0] as SeatSave)
    if (channel === 'api') {
      if (!transport) return { ok: false, error: { code: 'UNAVAILABLE', message: '席位尚未启动' } }
      return transport.dispatch(args[0] as string, args[1], { token: args[2] as string | undefined })
    }
    throw new Error(`unknown channel ${channel}`)
  })
  // The preload's bridge (electron/preload/index.ts), one function per channel as there.
  await page.addInitScript(() => {
    const main = (window as unknown as { __main: (c: string, ...a: unknown[]) => Promise<unknown> }).__main
    const listeners: Record<string, Set<(p: unknown) => void>> = { 'store:changed': new Set(), 'seat:state': new Set(), 'seat:checked': new Set() }
    const on = (channel: string) => (l: (p: unknown) => void) => {
      listeners[channel].add(l)
      return () => listeners[channel].delete(l)
    }
    Object.assign(window, {
      __heard: (channel: string, payload: unknown) => listeners[channel].forEach((l) => l(payload)),
      api: new Proxy({}, { get: (_t, method) => (input?: unknown, token?: string) => main('api', method, input, token) }),
      shell: {
        savePdf: async () => ({ saved: false }),
        displays: async () => [],
        openWall: async () => null,
        onStoreChanged: on('store:changed'),
        seat: {
          view: () => main('seat:view'),
          chooseFolder: () => main('seat:chooseFolder'),
          test: (server: string, folder: string) => main('seat:test', server, folder),
          save: (choice: unknown) => main('seat:save', choice),
          onState: on('seat:state'),
          onChecked: on('seat:checked')
        }
      }
    })
  })
}, 120_000)
afterAll(async () => {
  await browser?.close()
  transport?.close()
  await pages?.close()
  await link?.close()
  await townServer?.stop()
})

describe('a desktop PC made a seat of the town server', () => {
  it('asks on first start, checks the folder, tests the connection and saves', async () => {
    const address = `127.0.0.1:${link.port}`
    await page.goto(`${pages.url}#/seat-setup?first=1`)
    await page.getByText('首次启动：请选择这台电脑的使用方式').waitFor()
    expect(await page.getByTestId('seat-save').isDisabled()).toBe(true)
    expect(await page.getByRole('link', { name: /返\s*回/ }).count()).toBe(0)
    await page.getByTestId('seat-mode-seat').click()
    await page.getByTestId('seat-server').fill(address)
    // A folder without the town's CA: said, and nothing chosen.
    picked = deskFolder(false)
    await page.getByTestId('seat-folder').click()
    await page.getByTestId('seat-folder-error').getByText('没有 ca.crt').waitFor()
    expect(await page.getByTestId('seat-name').count()).toBe(0)
    picked = deskFolder()
    await page.getByTestId('seat-folder').click()
    await page.getByTestId('seat-name').getByText('席位：汀圃社区-01').waitFor()
    await page.getByTestId('seat-test').click()
    await page.getByTestId('seat-test-result').getByText(`已连接镇服务器（${address}，版本 ${appVersion()}）`).waitFor()
    await page.screenshot({ path: join(outputDir, 'seat-setup-tested-1366.png') })
    // A wrong port: the reason, in Chinese.
    await page.getByTestId('seat-server').fill('127.0.0.1:1')
    await page.getByTestId('seat-test').click()
    await page.getByTestId('seat-test-result').getByText('没有应答').waitFor()
    // Saving untested settings asks first.
    await page.getByTestId('seat-save').click()
    await page.locator('.ant-modal-confirm-title', { hasText: '尚未连通镇服务器' }).waitFor()
    await page.getByRole('button', { name: '先测试连接' }).click()
    expect(readSeatChoice(settingsFile)).toBeNull()
    await page.getByTestId('seat-server').fill(address)
    await page.getByTestId('seat-test').click()
    await page.getByTestId('seat-test-result').getByText('已连接镇服务器').waitFor()
    await page.getByTestId('seat-save').click()
    await page.getByText('已保存，正在重新启动').waitFor()
    expect(readSeatChoice(settingsFile)).toEqual({
      mode: 'seat',
      serverUrl: `https://${address}/`,
      caFile: join(picked, 'ca.crt'),
      certFile: join(picked, '汀圃社区-01.crt'),
      keyFile: join(picked, '汀圃社区-01.key')
    })
  })

  it('after the restart a clerk signs in at the seat; the cable pulled shows the banner, mended it goes', async () => {
    // What electron/main/index.ts does on the next start: seat.json says seat, so the transport starts.
    const choice = readSeatChoice(settingsFile)
    if (choice?.mode !== 'seat') throw new Error('seat.json should say seat')
    transport = startSeatTransport(choice, {
      appVersion: appVersion(),
      contractHash: contractHash(),
      onChange: (c) => void toPage('store:changed', c),
      onState: (s) => void toPage('seat:state', s),
      onChecked: (o) => void toPage('seat:checked', o)
    })
    expect((await transport.start()).kind).toBe('connected')
    await page.goto(`${pages.url}?restarted#/issues`)
    await page.getByTestId('login-submit').waitFor()
    expect(await page.locator('.auth-footer').innerText()).toContain('数据仅保存在镇服务器（127.0.0.1）')
    expect(await page.getByTestId('seat-settings-link').innerText()).toBe('系统设置')
    await page.screenshot({ path: join(outputDir, 'seat-sign-in-1366.png') })
    await signInThroughScreen(page, 'tingpu')
    await page.getByTestId('account-menu').waitFor()
    await expect.poll(() => page.locator('.app-nav').innerText()).toContain('事件处置')
    expect(await page.getByTestId('seat-banner').count()).toBe(0)

    // The cable pulled while the screens are still loading what they show.
    link.cut()
    // The next call finds the server gone: the banner, and the seat keeps trying.
    await page.getByText('人员台账').click()
    await page.getByTestId('seat-banner').getByText('与镇服务器的连接已断开，正在重连').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('seat-banner').innerText()).toContain('连接恢复前不能保存修改')
    // The village chosen shows as a name or says the list could not be read, never as its number.
    await expect.poll(() => page.locator('.ant-select-content:visible').first().getAttribute('title')).toBe('（村居列表未能读取）')
    await page.screenshot({ path: join(outputDir, 'seat-banner-down-1366.png') })
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.screenshot({ path: join(outputDir, 'seat-banner-down-1920.png') })
    await page.setViewportSize({ width: 1366, height: 768 })
    link.mend()
    await page.getByTestId('seat-banner').waitFor({ state: 'detached', timeout: 30_000 })
    // What failed to load while down is read again once the seat is back (the village list too, which is otherwise kept as read).
    await expect.poll(() => page.locator('.ant-select-content:visible').first().getAttribute('title'), { timeout: 15_000 }).toBe('汀圃社区')
    expect(await page.locator('.ant-alert-error:visible').count()).toBe(0)
    // The screen that was open when the cable was pulled reads again when shown.
    await page.getByText('事件处置', { exact: true }).click()
    await expect.poll(() => page.locator('[data-testid="acting-unit"] .ant-select-content').getAttribute('title'), { timeout: 15_000 }).toBe('汀圃社区')
    await expect.poll(() => page.locator('.ant-alert-error:visible').count()).toBe(0)
    // No call ever went to the page server: the seat's bridge carried them all.
    expect(pagesAsked).toBe(0)
  }, 90_000)

  it('reports a write whose answer was lost, once the seat has checked it', async () => {
    // The seat's check of an unknown outcome (tested against the server in seatConnection.test.ts), as the main process passes it on.
    await toPage('seat:checked', {
      key: 'k1',
      method: 'issues.create',
      methodName: '登记事件',
      sentAt: new Date(testClock.now()).toISOString(),
      accountId: 7,
      made: true
    })
    await page.getByText('已核对：“登记事件”已保存').waitFor()
    expect(await page.locator('.ant-notification').innerText()).toContain('无需重新提交')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.screenshot({ path: join(outputDir, 'seat-checked-1920.png') })
  })

  it('opens 系统设置 from the account menu with the saved choice, and returns', async () => {
    await page.getByTestId('account-menu').click()
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    await page.getByTestId('seat-name').getByText('席位：汀圃社区-01').waitFor()
    expect(await page.getByTestId('seat-server').inputValue()).toBe(`127.0.0.1:${link.port}`)
    await page.screenshot({ path: join(outputDir, 'seat-setup-saved-1920.png') })
    await page.getByRole('link', { name: /返\s*回/ }).click()
    await page.getByTestId('account-menu').waitFor()
  })
})
