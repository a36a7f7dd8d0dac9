// The Electron shell: lifecycle, the console window, and the contract bound to ipcMain.
// Everything the app does lives in electron/core; this file only connects it to Electron.
import { writeFile } from 'node:fs/promises'
import { app, BrowserWindow, dialog, ipcMain, screen } from 'electron'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { startCore, type Core } from '../core/app'
import { DatabaseFileError, defaultBackupFolder } from '../core/db/open'
import { restoreBeforeOpen } from '../core/trust/backups'
import { applySessionSecurity, isTrustedSender, lockDownWindow, secureWebPreferences } from './security'
import { hasCapability, type Capability } from '../core/api/access'
import { readSeatChoice, SeatSettingsError } from './seatSettings'
import { startSeatTransport, type SeatTransport } from './seatTransport'
import { seatSetup, type SeatSetup } from './seatSetup'
import type { SeatSave } from '../shared/seat'
import { contractHash } from '../core/api/contractHash'

const rendererUrl = process.env['ELECTRON_RENDERER_URL']
const here = dirname(fileURLToPath(import.meta.url))
const rendererIndex = join(here, '../renderer/index.html')
const ownUrlPrefix = rendererUrl ?? pathToFileURL(rendererIndex).href.replace(/index\.html$/, '')
const isOwnUrl = (url: string) => url.startsWith(ownUrlPrefix)

let core: Core | undefined
let seat: SeatTransport | undefined

function createConsoleWindow(opts: { hash?: string; bounds?: Electron.Rectangle; kiosk?: boolean } = {}): BrowserWindow {
  const win = new BrowserWindow({
    ...(opts.bounds ?? { width: 1440, height: 900 }),
    minWidth: 1024,
    minHeight: 640,
    kiosk: opts.kiosk ?? false,
    title: opts.kiosk ? '狮山镇网格化指挥中心 · 指挥大屏' : '狮山镇网格化指挥中心',
    backgroundColor: opts.kiosk ? '#060d1a' : '#f5f7fa',
    show: false,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs'))
  })
  lockDownWindow(win, isOwnUrl)
  win.once('ready-to-show', () => win.show())
  if (rendererUrl) void win.loadURL(`${rendererUrl}${opts.hash ?? ''}`)
  else void win.loadFile(rendererIndex, { hash: opts.hash?.replace(/^#/, '') })
  return win
}

/** The wall: fullscreen (kiosk) on the chosen display, remembered for next time. */
const wallSettings = () => join(app.getPath('userData'), 'wall.json')
/** The display the wall went to last time (a missing or damaged file means none). */
function rememberedWallDisplay(): number | undefined {
  try {
    return existsSync(wallSettings()) ? (JSON.parse(readFileSync(wallSettings(), 'utf8')) as { displayId?: number }).displayId : undefined
  } catch {
    return undefined
  }
}
/** The wall window signs in with the opener's session (handed over in the URL, then dropped from it by the page). */
function openWall(displayId: number | undefined, token: string) {
  const displays = screen.getAllDisplays()
  const remembered = rememberedWallDisplay()
  const display =
    displays.find((d) => d.id === (displayId ?? remembered)) ?? displays.find((d) => d.id !== screen.getPrimaryDisplay().id) ?? screen.getPrimaryDisplay()
  writeFileSync(wallSettings(), JSON.stringify({ displayId: display.id }))
  createConsoleWindow({ hash: `#/wall?session=${encodeURIComponent(token)}`, bounds: display.bounds, kiosk: true })
  return { displayId: display.id }
}

/** A small window saying the first start is preparing the demo data (seeding blocks for ~10 s). */
async function showFirstStartNotice(): Promise<BrowserWindow> {
  const notice = new BrowserWindow({
    width: 420,
    height: 140,
    frame: false,
    resizable: false,
    show: true,
    webPreferences: { ...secureWebPreferences(), javascript: false }
  })
  const html = `<meta charset="utf-8"><body style="font:16px sans-serif;display:flex;align-items:center;justify-content:center;height:100vh;margin:0;background:#f5f7fa">
    <div>狮山镇网格化指挥中心<br><small>首次启动：正在生成示例数据（网格、党员、户与走访记录），约需十余秒…</small></div></body>`
  await notice.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
  return notice
}

/** seat.json: whether this PC is 单机 or a seat of the town server (electron/main/seatSettings.ts). */
const seatFile = () => join(app.getPath('userData'), 'seat.json')
const toWindows = (channel: string, payload: unknown) => {
  for (const w of BrowserWindow.getAllWindows()) if (!w.isDestroyed()) w.webContents.send(channel, payload)
}

/**
 * How this PC starts: as a seat of the town server (seat.json says so: no store here, each call goes
 * to the server through electron/main/seatTransport.ts), on its own store (单机), or by asking first —
 * on the very first start (no choice made and no store yet), or when the saved choice cannot be used
 * (seat.json damaged, seat files moved or expired): then 系统设置 → 本机使用方式 opens and says why.
 */
async function startAsSeat(setup: SeatSetup, dbFile: string): Promise<'seat' | 'standalone' | 'ask'> {
  const view = setup.view()
  const firstStart = view.mode === 'unset' && !view.problem && !existsSync(dbFile) && !process.env.SHISHAN_DB
  if (view.problem || firstStart) {
    createConsoleWindow({ hash: `#/seat-setup${firstStart ? '?first=1' : ''}` })
    return 'ask'
  }
  const choice = readSeatChoice(seatFile())
  if (choice?.mode !== 'seat') return 'standalone'
  try {
    seat = startSeatTransport(choice, {
      appVersion: app.getVersion(),
      contractHash: contractHash(),
      onChange: (change) => toWindows('store:changed', change),
      onState: (state) => toWindows('seat:state', state),
      onChecked: (outcome) => toWindows('seat:checked', outcome)
    })
  } catch (e) {
    dialog.showErrorBox('狮山镇网格化指挥中心 · 联网席位', e instanceof SeatSettingsError ? e.message : `无法使用席位证书：${(e as Error).message}`)
    createConsoleWindow({ hash: '#/seat-setup' })
    return 'ask'
  }
  const state = await seat.start()
  if (state.kind === 'incompatible') dialog.showErrorBox('狮山镇网格化指挥中心 · 联网席位', state.message)
  const transport = seat
  registerApiIpc(transport.dispatch)
  registerShellIpc(async (token, capability) => {
    const me = await transport.meOf(token)
    return !!me && hasCapability(me.account.role, [capability])
  })
  createConsoleWindow()
  return 'seat'
}

/** The contract over IPC, for our own pages only: to the store here, or to the town server from a seat. */
function registerApiIpc(dispatch: (method: string, input: unknown, credentials: { token?: string }) => Promise<unknown>) {
  ipcMain.handle('api', (event, method: unknown, input: unknown, token: unknown) => {
    if (!isTrustedSender(event, isOwnUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求。' } }
    return dispatch(String(method), input, { token: typeof token === 'string' ? token : undefined })
  })
}

/**
 * 系统设置 → 本机使用方式 (any of our pages may ask, signed in or not: choosing the server comes before
 * signing in to it). A saved choice restarts the app, which then starts as chosen.
 */
function registerSeatSetupIpc(setup: SeatSetup) {
  const refused = { ok: false, message: '拒绝来自未知页面的请求。' }
  ipcMain.handle('seat:view', (event) => (isTrustedSender(event, isOwnUrl) ? setup.view() : null))
  ipcMain.handle('seat:chooseFolder', async (event) => {
    if (!isTrustedSender(event, isOwnUrl)) return refused
    const window = BrowserWindow.fromWebContents(event.sender)
    const options: Electron.OpenDialogOptions = { title: '选择席位文件夹（含 ca.crt 与本席位的证书和私钥）', properties: ['openDirectory'] }
    const picked = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options))
    return picked.canceled || !picked.filePaths[0] ? null : setup.folder(picked.filePaths[0])
  })
  ipcMain.handle('seat:test', (event, server: unknown, folder: unknown) =>
    isTrustedSender(event, isOwnUrl) && typeof server === 'string' && typeof folder === 'string' ? setup.test(server, folder) : refused
  )
  ipcMain.handle('seat:save', (event, choice: unknown) => {
    if (!isTrustedSender(event, isOwnUrl)) return refused
    const c = choice as Partial<Record<string, unknown>> | null
    const valid = c?.mode === 'standalone' || (c?.mode === 'seat' && typeof c.server === 'string' && typeof c.folder === 'string')
    if (!valid) return { ok: false, message: '请选择本机的使用方式。' }
    const saved = setup.save(c as SeatSave)
    // Answer the page first, then start again as chosen.
    if (saved.ok)
      setTimeout(() => {
        app.relaunch()
        app.exit(0)
      }, 800)
    return saved
  })
}

app.whenReady().then(async () => {
  applySessionSecurity()
  const dbFile = process.env.SHISHAN_DB ?? join(app.getPath('userData'), 'shishan.db')
  const setup = seatSetup({ settingsFile: seatFile(), appVersion: app.getVersion(), contractHash: contractHash(), state: () => seat?.state() ?? null })
  registerSeatSetupIpc(setup)
  if ((await startAsSeat(setup, dbFile)) !== 'standalone') return
  const appRoot = app.getAppPath()
  const notice = existsSync(dbFile) ? null : await showFirstStartNotice()
  try {
    core = startCore({
      dbFile,
      migrationsFolder: join(appRoot, 'drizzle'),
      resourcesFolder: join(appRoot, 'resources'),
      nativeBinding: process.env.SHISHAN_SQLITE_BINDING,
      scheduleBackups: true,
      onInternalError: (e, method) => console.error(`[${method}]`, e),
      onSeedProgress: (stage, fraction) => console.log(`正在生成示例数据：${stage} ${Math.round(fraction * 100)}%`)
    })
    notice?.close()
  } catch (e) {
    notice?.close()
    const message = e instanceof DatabaseFileError ? e.message : `无法打开数据库“${dbFile}”：${(e as Error).message}`
    // A damaged store (the start check failed): offer to restore a backup, then start again.
    if (e instanceof DatabaseFileError && e.reason === 'CORRUPT') {
      const choice = await dialog.showMessageBox({
        type: 'error',
        title: '狮山镇网格化指挥中心',
        message,
        buttons: ['从备份恢复…', '退出'],
        defaultId: 0,
        cancelId: 1
      })
      if (choice.response === 0) {
        const picked = await dialog.showOpenDialog({
          title: '选择备份文件',
          defaultPath: defaultBackupFolder(dbFile),
          filters: [{ name: '备份', extensions: ['db'] }],
          properties: ['openFile']
        })
        if (!picked.canceled && picked.filePaths[0]) {
          try {
            await restoreBeforeOpen(dbFile, picked.filePaths[0], process.env.SHISHAN_SQLITE_BINDING)
            app.relaunch()
          } catch (err) {
            dialog.showErrorBox('恢复失败', (err as Error).message)
          }
        }
      }
    } else dialog.showErrorBox('狮山镇网格化指挥中心', message)
    app.exit(1)
    return
  }
  registerApiIpc(core.dispatch)
  // Every window hears when the store changed (the wall refreshes without being touched).
  core.changes.subscribe((change) => toWindows('store:changed', change))
  registerShellIpc((token, capability) => {
    const session = core?.accounts.sessionOf(token)
    return !!session && !session.locked && hasCapability(core!.accounts.me(session).account.role, [capability])
  })
  createConsoleWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createConsoleWindow()
  })
})

/**
 * The shell's own IPC (displays, the wall, saving a PDF). It answers only our pages, for a signed-in,
 * unlocked session whose role may do it — asked of the store here, or of the town server by a seat.
 */
function registerShellIpc(may: (token: string, capability: Capability) => boolean | Promise<boolean>) {
  const sessionMay = async (event: Electron.IpcMainInvokeEvent, token: unknown, capability: Capability) =>
    isTrustedSender(event, isOwnUrl) && typeof token === 'string' && (await may(token, capability))
  ipcMain.handle('shell:displays', async (event, token: unknown) => {
    if (!(await sessionMay(event, token, 'wall.read'))) return []
    const remembered = rememberedWallDisplay()
    return screen.getAllDisplays().map((d, i) => ({
      id: d.id,
      label: d.label || `显示器 ${i + 1}`,
      width: d.size.width,
      height: d.size.height,
      primary: d.id === screen.getPrimaryDisplay().id,
      remembered: d.id === remembered
    }))
  })
  ipcMain.handle('shell:openWall', async (event, displayId: unknown, token: unknown) =>
    (await sessionMay(event, token, 'wall.read')) ? openWall(typeof displayId === 'number' ? displayId : undefined, token as string) : null
  )
  // Save the page being printed (a briefing, a sheet) as an A4 PDF, through a save dialog.
  ipcMain.handle('shell:savePdf', async (event, defaultName: unknown, token: unknown) => {
    if (!(await sessionMay(event, token, 'data.read'))) return { saved: false }
    const window = BrowserWindow.fromWebContents(event.sender)
    const target = await (window
      ? dialog.showSaveDialog(window, { defaultPath: String(defaultName).replace(/[\\/:*?"<>|]/g, '_'), filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      : dialog.showSaveDialog({ defaultPath: String(defaultName) }))
    if (target.canceled || !target.filePath) return { saved: false }
    const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true })
    await writeFile(target.filePath, pdf)
    return { saved: true, path: target.filePath }
  })
}

app.on('window-all-closed', () => {
  core?.close()
  core = undefined
  seat?.close()
  seat = undefined
  if (process.platform !== 'darwin') app.quit()
})
