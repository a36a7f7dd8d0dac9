import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './electron/shared/csp'

// frame-ancestors is not allowed in a meta policy; the HTTP header carries it in browser mode.
const metaPolicy = contentSecurityPolicy
  .split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ')

/** The built page carries its CSP in a meta tag too (file:// in Electron has no response headers). */
const cspMeta = (): Plugin => ({
  name: 'csp-meta',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy}" />`)
})

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } }
    }
  },
  preload: {
    // A sandboxed preload must be one CommonJS file with its dependencies inlined.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    root: resolve('src'),
    base: './',
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve('out/renderer'),
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve('src/index.html') } }
    }
  }
})
