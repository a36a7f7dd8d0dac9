// What only the desktop shell can do for a page: save the current print view as a PDF file
// (Electron's printToPDF behind a save dialog), list displays and open the wall fullscreen on one,
// and say when the store changed. In browser mode the browser prints, `#/wall` opens in any tab,
// and store changes arrive as server-sent events (src/api/storeEvents.ts).
import { sessionToken } from './session'
import type { StoreChange } from '../../electron/shared/storeChanges'

export type DisplayInfo = { id: number; label: string; width: number; height: number; primary: boolean; remembered: boolean }
declare global {
  interface Window {
    shell?: {
      savePdf: (defaultName: string, token?: string) => Promise<{ saved: boolean; path?: string }>
      displays: (token?: string) => Promise<DisplayInfo[]>
      openWall: (displayId: number | undefined, token?: string) => Promise<{ displayId: number } | null>
      onStoreChanged: (listener: (change: StoreChange) => void) => () => void
    }
  }
}

export const canSavePdf = () => typeof window.shell?.savePdf === 'function'
export const savePdf = (defaultName: string) => window.shell!.savePdf(defaultName, sessionToken() ?? undefined)
export const isDesktop = () => window.shell !== undefined
export const displays = () => window.shell!.displays(sessionToken() ?? undefined)
export const openWallOn = (displayId?: number) => window.shell!.openWall(displayId, sessionToken() ?? undefined)

/** Where the data this window shows is kept: this PC (the desktop app, browser mode on loopback) or the town server it is reached on. */
export const dataKeptAt = () =>
  isDesktop() || ['127.0.0.1', 'localhost', '[::1]'].includes(window.location.hostname) ? '本机' : `镇服务器（${window.location.hostname}）`
