// Security defaults for every window: no navigation away, no new windows, a strict CSP,
// and IPC answered only for our own pages.
import { session, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { contentSecurityPolicy } from '../shared/csp'

export function applySessionSecurity(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } })
  })
  // Deny every permission request (camera, geolocation, notifications …): the app needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
}

/** Every window's web preferences: isolated, sandboxed, no Node in the page, web security on. */
export function secureWebPreferences(preload?: string): Electron.WebPreferences {
  return {
    ...(preload ? { preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false
  }
}

export function lockDownWindow(win: BrowserWindow, isOwnUrl: (url: string) => boolean): void {
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
}

export function isTrustedSender(event: IpcMainInvokeEvent, isOwnUrl: (url: string) => boolean): boolean {
  const url = event.senderFrame?.url
  return typeof url === 'string' && isOwnUrl(url)
}
