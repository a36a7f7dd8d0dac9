// The narrow bridge: `window.api.<method>(input)` for each contract method, and `window.shell.savePdf`.
import { contextBridge, ipcRenderer } from 'electron'
import { methodNames, type ApiBridge } from '../shared/contract'

const api = Object.fromEntries(methodNames.map((m) => [m, (input?: unknown) => ipcRenderer.invoke('api', m, input)])) as ApiBridge
contextBridge.exposeInMainWorld('api', api)
// The desktop shell's own services for pages (not core methods): save the print view as a PDF.
contextBridge.exposeInMainWorld('shell', { savePdf: (defaultName: string) => ipcRenderer.invoke('shell:savePdf', defaultName) })
