// What only the desktop shell can do for a page: save the current print view as a PDF file
// (Electron's printToPDF behind a save dialog). In browser mode the browser's own print dialog does it.
declare global {
  interface Window {
    shell?: { savePdf: (defaultName: string) => Promise<{ saved: boolean; path?: string }> }
  }
}

export const canSavePdf = () => typeof window.shell?.savePdf === 'function'
export const savePdf = (defaultName: string) => window.shell!.savePdf(defaultName)
