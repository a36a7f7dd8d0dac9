// The Electron side without Electron: the preload exposes exactly the contract's methods over
// one IPC channel, and windows refuse navigation, new windows and foreign IPC senders.
import { describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { methodNames } from '../../electron/shared/contract'
import { repoRoot } from '../../electron/core/paths'

const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from-main' }))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), on: vi.fn(), removeListener: vi.fn() },
  session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() } }
}))

describe('preload bridge', () => {
  it('exposes window.api with one function per contract method, each invoking the api channel', async () => {
    await import('../../electron/preload/index')
    const api = exposed.api as Record<string, (input?: unknown, token?: string) => Promise<unknown>>
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort())
    // The session token travels with every call; the main process hands it to the core's guard.
    await expect(api['grids.get']({ id: 7 }, 'session-token')).resolves.toEqual({ ok: true, value: 'from-main' })
    expect(invoke).toHaveBeenCalledWith('api', 'grids.get', { id: 7 }, 'session-token')
    // …and window.shell with the desktop's page services: save as PDF, displays and the wall, store changes.
    const shell = exposed.shell as Record<string, (name: string, token?: string) => Promise<unknown>>
    expect(Object.keys(shell)).toEqual(['savePdf', 'displays', 'openWall', 'onStoreChanged', 'seat'])
    await shell.savePdf('简报.pdf', 'session-token')
    expect(invoke).toHaveBeenCalledWith('shell:savePdf', '简报.pdf', 'session-token')
    // …and 系统设置 → 本机使用方式 with the seat's connection: each on a channel of its own.
    const seat = shell.seat as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>
    expect(Object.keys(seat)).toEqual(['view', 'chooseFolder', 'test', 'save', 'onState', 'onChecked'])
    await seat.test('10.20.30.40:5443', 'D:\\席位')
    expect(invoke).toHaveBeenCalledWith('seat:test', '10.20.30.40:5443', 'D:\\席位')
    await seat.save({ mode: 'standalone' })
    expect(invoke).toHaveBeenCalledWith('seat:save', { mode: 'standalone' })
  })
})

describe('window security', () => {
  const own = (url: string) => url.startsWith('file:///app/renderer/')

  it('denies window.open and navigation away from the app', async () => {
    const { lockDownWindow } = await import('../../electron/main/security')
    const handlers: Record<string, (...a: unknown[]) => void> = {}
    let openHandler: (() => { action: string }) | undefined
    const win = {
      webContents: {
        setWindowOpenHandler: (h: () => { action: string }) => (openHandler = h),
        on: (event: string, h: (...a: unknown[]) => void) => (handlers[event] = h)
      }
    }
    lockDownWindow(win as never, own)
    expect(openHandler?.()).toEqual({ action: 'deny' })
    const away = { preventDefault: vi.fn() }
    handlers['will-navigate'](away, 'https://example.com/')
    expect(away.preventDefault).toHaveBeenCalled()
    const inside = { preventDefault: vi.fn() }
    handlers['will-navigate'](inside, 'file:///app/renderer/index.html#/x')
    expect(inside.preventDefault).not.toHaveBeenCalled()
    const webview = { preventDefault: vi.fn() }
    handlers['will-attach-webview'](webview)
    expect(webview.preventDefault).toHaveBeenCalled()
  })

  it('gives every window isolated, sandboxed web preferences without Node', async () => {
    const { secureWebPreferences } = await import('../../electron/main/security')
    expect(secureWebPreferences('/app/preload/index.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/preload/index.cjs'
    })
    // Every BrowserWindow the shell creates takes them (no window may set its own, weaker ones).
    const main = readFileSync(join(repoRoot, 'electron/main/index.ts'), 'utf8')
    const windows = main.split('new BrowserWindow(').slice(1)
    expect(windows.length).toBeGreaterThanOrEqual(2)
    for (const w of windows) expect(w.slice(0, w.indexOf('\n})') > 0 ? w.indexOf('\n})') : 600)).toMatch(/webPreferences: (\{ \.\.\.)?secureWebPreferences\(/)
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/)
  })

  it('sets a strict Content-Security-Policy on every response: nothing from outside, no eval', async () => {
    const { contentSecurityPolicy } = await import('../../electron/shared/csp')
    expect(contentSecurityPolicy).toMatch(/default-src 'self'/)
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/)
    const { applySessionSecurity } = await import('../../electron/main/security')
    const { session } = await import('electron')
    applySessionSecurity()
    const onHeaders = vi.mocked(session.defaultSession.webRequest.onHeadersReceived).mock.calls[0][0] as unknown as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void
    ) => void
    let headers: Record<string, string[]> = {}
    onHeaders({ responseHeaders: { 'x-a': ['1'] } }, (r) => (headers = r.responseHeaders))
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy])
    // Every permission (camera, location, notifications …) is refused.
    const permission = vi.mocked(session.defaultSession.setPermissionRequestHandler).mock.calls[0][0] as unknown as (
      wc: unknown,
      p: string,
      cb: (ok: boolean) => void
    ) => void
    let granted = true
    permission(null, 'geolocation', (ok) => (granted = ok))
    expect(granted).toBe(false)
  })

  it('answers IPC only from the app’s own pages', async () => {
    const { isTrustedSender } = await import('../../electron/main/security')
    expect(isTrustedSender({ senderFrame: { url: 'file:///app/renderer/index.html' } } as never, own)).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/' } } as never, own)).toBe(false)
    expect(isTrustedSender({ senderFrame: null } as never, own)).toBe(false)
  })
})
