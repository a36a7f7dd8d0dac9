// `npm run serve`: build the renderer if it is missing or older than the sources, then start
// browser mode (electron/server/cli.ts) with the same arguments.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const built = join(root, 'out', 'renderer', 'index.html')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

const stale = !existsSync(built) || ['src', 'electron/shared'].some((d) => newestMtime(join(root, d)) > statSync(built).mtimeMs)
if (stale) {
  console.log('正在构建界面（electron-vite build）…')
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit'
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'server', 'cli.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit'
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
