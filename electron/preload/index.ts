// The one narrow bridge: `window.api.<method>(input)` for each contract method, nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import { methodNames, type ApiBridge } from '../shared/contract'

const api = Object.fromEntries(methodNames.map((m) => [m, (input?: unknown) => ipcRenderer.invoke('api', m, input)])) as ApiBridge
contextBridge.exposeInMainWorld('api', api)
