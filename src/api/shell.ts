// What only the desktop shell can do for a page: save the current print view as a PDF file
// (Electron's printToPDF behind a save dialog), list displays and open the wall fullscreen on one,
// and say when the store changed. In browser mode the browser prints, `#/wall` opens in any tab,
// and store changes arrive as server-sent events (src/api/storeEvents.ts).
import { sessionToken } from './session'
import type { StoreChange } from '../../electron/shared/storeChanges'
import type { CheckedOutcome, SeatAnswer, SeatFolder, SeatSave, SeatState, SeatTest, SeatView } from '../../electron/shared/seat'

export type DisplayInfo = { id: number; label: string; width: number; height: number; primary: boolean; remembered: boolean }
declare global {
  interface Window {
    shell?: {
      savePdf: (defaultName: string, token?: string) => Promise<{ saved: boolean; path?: string }>
      displays: (token?: string) => Promise<DisplayInfo[]>
      openWall: (displayId: number | undefined, token?: string) => Promise<{ displayId: number } | null>
      onStoreChanged: (listener: (change: StoreChange) => void) => () => void
      /** Only the desktop app (electron/preload): 系统设置 → 本机使用方式 and the seat's connection. */
      seat?: {
        view: () => Promise<SeatView>
        chooseFolder: () => Promise<SeatAnswer<SeatFolder> | null>
        test: (server: string, folder: string) => Promise<SeatAnswer<SeatTest>>
        save: (choice: SeatSave) => Promise<SeatAnswer<unknown>>
        onState: (listener: (state: SeatState) => void) => () => void
        onChecked: (listener: (outcome: CheckedOutcome) => void) => () => void
      }
    }
  }
}

export const canSavePdf = () => typeof window.shell?.savePdf === 'function'
export const savePdf = (defaultName: string) => window.shell!.savePdf(defaultName, sessionToken() ?? undefined)
export const isDesktop = () => window.shell !== undefined
export const displays = () => window.shell!.displays(sessionToken() ?? undefined)
export const openWallOn = (displayId?: number) => window.shell!.openWall(displayId, sessionToken() ?? undefined)
