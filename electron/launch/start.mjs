// `npm start`: the desktop app on the demo database in the user-data folder.
// Where the Electron binary is absent (it is downloaded lazily and some machines cannot), say so
// in one line and point to browser mode instead of letting electron print a stack trace.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const electronDir = join(root, 'node_modules', 'electron')
const browserMode = 'npm run serve -- --port 5180 --db shishan.db'

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
if (!binary) {
  console.error(`未找到 Electron 可执行文件（本机未能下载），无法启动桌面版；请改用浏览器模式：${browserMode}`)
  process.exit(1)
}

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts }).status === 0

// better-sqlite3 in node_modules is built for Node (the tests use it); Electron needs its own ABI.
// Build a copy for Electron once, aside, and hand its path to the main process.
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
const nativeDir = join(root, '.cache', `electron-${electronVersion}`, 'better-sqlite3')
const nativeFile = join(nativeDir, 'build', 'Release', 'better_sqlite3.node')
if (!existsSync(nativeFile)) {
  console.log(`正在为 Electron ${electronVersion} 编译 better-sqlite3（仅首次）…`)
  cpSync(join(root, 'node_modules', 'better-sqlite3'), nativeDir, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) })
  const prebuilt = join(root, 'node_modules', 'prebuild-install', 'bin.js')
  const ok =
    (existsSync(prebuilt) && run(process.execPath, [prebuilt, '--runtime', 'electron', '--target', electronVersion], { cwd: nativeDir })) ||
    (process.env.npm_config_node_gyp &&
      run(
        process.execPath,
        [process.env.npm_config_node_gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
        { cwd: nativeDir }
      ))
  if (!ok || !existsSync(nativeFile)) {
    console.error(`无法为 Electron 编译 better-sqlite3；请检查网络与编译工具，或改用浏览器模式：${browserMode}`)
    process.exit(1)
  }
}

if (!run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'])) process.exit(1)
const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, SHISHAN_SQLITE_BINDING: nativeFile } })
child.on('exit', (code) => process.exit(code ?? 0))
