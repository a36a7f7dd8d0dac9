// Hand a file from the core to the user: a download in the browser, a save dialog in Electron.
import type { Output } from '../../electron/shared/contract'

export function saveFile(file: Output<'grids.export'>) {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
