// The narrow bridge: `window.api.<method>(input)` for each contract method, and `window.shell.savePdf`.
import { contextBridge, ipcRenderer } from 'electron'
import { methodNames, type ApiBridge } from '../shared/contract'
import type { StoreChange } from '../shared/storeChanges'
import type { CheckedOutcome, SeatSave, SeatState } from '../shared/seat'

const api = Object.fromEntries(methodNames.map((m) => [m, (input?: unknown, token?: string) => ipcRenderer.invoke('api', m, input, token)])) as ApiBridge
contextBridge.exposeInMainWorld('api', api)
// The desktop shell's own services for pages (not core methods): save the print view as a PDF, and
// hear when the store changed.
contextBridge.exposeInMainWorld('shell', {
  savePdf: (defaultName: string, token?: string) => ipcRenderer.invoke('shell:savePdf', defaultName, token),
  /** The displays attached, for choosing where the wall goes. */
  displays: (token?: string) => ipcRenderer.invoke('shell:displays', token),
  /** Open the wall fullscreen on a display (remembered for next time). */
  openWall: (displayId: number | undefined, token?: string) => ipcRenderer.invoke('shell:openWall', displayId, token),
  /** Called whenever the store changed; returns the function that stops listening. */
  onStoreChanged: (listener: (change: StoreChange) => void) => {
    const handler = (_event: unknown, change: StoreChange) => listener(change)
    ipcRenderer.on('store:changed', handler)
    return () => ipcRenderer.removeListener('store:changed', handler)
  },
  /** 系统设置 → 本机使用方式, and a seat's connection (banner) and checked writes (notices). */
  seat: {
    view: () => ipcRenderer.invoke('seat:view'),
    chooseFolder: () => ipcRenderer.invoke('seat:chooseFolder'),
    test: (server: string, folder: string) => ipcRenderer.invoke('seat:test', server, folder),
    save: (choice: SeatSave) => ipcRenderer.invoke('seat:save', choice),
    onState: (listener: (state: SeatState) => void) => {
      const handler = (_event: unknown, state: SeatState) => listener(state)
      ipcRenderer.on('seat:state', handler)
      return () => ipcRenderer.removeListener('seat:state', handler)
    },
    onChecked: (listener: (outcome: CheckedOutcome) => void) => {
      const handler = (_event: unknown, outcome: CheckedOutcome) => listener(outcome)
      ipcRenderer.on('seat:checked', handler)
      return () => ipcRenderer.removeListener('seat:checked', handler)
    }
  }
})
