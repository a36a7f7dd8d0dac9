// `npm run serve -- --port <n> --db <file>`: browser mode on http://127.0.0.1:<n>/.
// `npm run serve -- --listen 0.0.0.0:5443 --tls <town CA folder> --db <file>`: the town server, HTTPS on
// the network for every seat (the folder made by `npm run town:ca`; electron/server/seats.ts).
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startCore } from '../core/app'
import { DatabaseFileError } from '../core/db/open'
import { defaultMigrationsFolder, defaultResourcesFolder, repoRoot } from '../core/paths'
import { startHttpServer } from './http'
import { loadTownTls, type TownTls } from './seats'
import { startReadPool } from './readPool'

/** `0.0.0.0:5443`, `[::]:5443` or `10.1.2.3:5443`: where to listen; a message when it is no such thing. */
function parseListen(text: string): { host: string; port: number } | string {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text)
  const port = m ? Number(m[3]) : NaN
  if (!m || port > 65535) return `监听地址“${text}”无效：应写成 地址:端口，如 0.0.0.0:5443。`
  return { host: m[1] ?? m[2], port }
}
import { defaultBackupFolder, listBackups, restoreBeforeOpen } from '../core/trust/backups'

async function main() {
  let args
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '5180' },
        listen: { type: 'string' },
        tls: { type: 'string' },
        host: { type: 'string', multiple: true },
        readers: { type: 'string' },
        db: { type: 'string', default: 'shishan-demo.db' },
        'demo-password': { type: 'string' },
        restore: { type: 'string' }
      }
    }).values
  } catch (e) {
    console.error(`参数有误：${(e as Error).message}。用法：npm run serve -- --port 5180 --db 数据库文件.db`)
    process.exit(2)
  }
  const listen = parseListen(args.listen ?? `127.0.0.1:${args.port}`)
  if (typeof listen === 'string') {
    console.error(listen)
    process.exit(2)
  }
  let tls: TownTls | undefined
  if (args.tls) {
    try {
      tls = loadTownTls(resolve(process.env.INIT_CWD ?? process.cwd(), args.tls))
    } catch (e) {
      console.error(`--tls：${(e as Error).message}`)
      process.exit(2)
    }
  } else if (!['127.0.0.1', '::1', 'localhost'].includes(listen.host)) {
    console.error(`在 ${listen.host} 上监听须使用 HTTPS：请加上 --tls <镇证书目录>（先运行 npm run town:ca，见 README“镇服务器部署”）。`)
    process.exit(2)
  }
  const staticDir = join(repoRoot, 'out', 'renderer')
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error('界面尚未构建：请先运行 npm run build。')
    process.exit(1)
  }
  // npm runs scripts in the package folder; a relative --db is meant from where the user typed.
  const dbFile = resolve(process.env.INIT_CWD ?? process.cwd(), args.db)
  if (args.restore) {
    const backupFile = resolve(process.env.INIT_CWD ?? process.cwd(), args.restore)
    try {
      const { keptAs, preview } = await restoreBeforeOpen(dbFile, backupFile)
      console.log(
        `已从备份“${preview.name}”恢复到 ${dbFile}（网格 ${preview.counts.grids}、人员 ${preview.counts.persons ?? 0}、事件 ${preview.counts.issues ?? 0}）。${keptAs ? `原文件保留为 ${keptAs}。` : ''}`
      )
    } catch (e) {
      console.error(`恢复失败：${(e as Error).message}`)
      process.exit(1)
    }
  }
  // The town server reads its heavy reports on worker threads (electron/server/readPool.ts); a single
  // PC's browser mode needs none unless asked (--readers N).
  const readers = args.readers !== undefined ? Number(args.readers) : tls ? undefined : 0
  if (readers !== undefined && (!Number.isInteger(readers) || readers < 0 || readers > 16)) {
    console.error(`--readers“${args.readers}”无效：请给出 0–16 之间的整数。`)
    process.exit(2)
  }
  const pool = readers === 0 ? undefined : startReadPool({ dbFile, size: readers })
  let core
  try {
    core = startCore({
      offload: pool,
      scheduleBackups: true,
      dbFile,
      migrationsFolder: defaultMigrationsFolder,
      resourcesFolder: defaultResourcesFolder,
      onInternalError: (e, method) => console.error(`[${method}]`, e),
      onSeedProgress: (stage, fraction) => console.log(`首次启动，正在生成示例数据：${stage} ${Math.round(fraction * 100)}%`)
    })
  } catch (e) {
    if (e instanceof DatabaseFileError) {
      console.error(e.message)
      const backups = listBackups(defaultBackupFolder(dbFile)).slice(0, 5)
      if (backups.length)
        console.error(`最近的备份：\n${backups.map((b) => `  ${b.file}（${new Date(b.at).toLocaleString('zh-CN', { hour12: false })}）`).join('\n')}`)
      process.exit(1)
    }
    throw e
  }
  pool?.warm()
  if (core.createdDemo) console.log(`已创建演示数据库（狮山镇示意网格）：${dbFile}`)
  const demoPassword = args['demo-password']
  if (demoPassword !== undefined) {
    try {
      await core.seedDemoAccounts(demoPassword)
    } catch (e) {
      console.error(`--demo-password：${(e as Error).message}`)
      core.close()
      process.exit(2)
    }
    console.log(
      '演示账号已设置（密码均为 --demo-password 所给）：admin（系统管理员）、operator、organiser、leader、guanyao（官窑管理处）、tingpu（汀圃社区）、secadmin、auditor'
    )
  } else if (core.accounts.status().needsSetup) console.log('新数据库：请在浏览器中打开下面的地址，先设置系统管理员（admin）的密码。')
  let running
  try {
    running = await startHttpServer({
      dispatch: core.dispatch,
      staticDir,
      port: listen.port,
      host: listen.host,
      tls,
      extraHosts: args.host,
      changes: core.changes,
      isValidToken: (t) => core.accounts.sessionOf(t) !== null,
      reachOf: core.reachOf
    })
  } catch (e) {
    console.error(`无法在 ${listen.host}:${listen.port} 上监听：${(e as Error).message}`)
    core.close()
    process.exit(1)
  }
  if (tls)
    console.log(
      `镇服务器已启动：${running.url}  （数据库：${dbFile}；监听 ${listen.host}:${running.port}；浏览器席位安装根证书：${running.url}ca；按 Ctrl+C 停止）`
    )
  else console.log(`浏览器模式已启动：${running.url}  （数据库：${dbFile}；按 Ctrl+C 停止）`)
  const stop = async () => {
    await running.close()
    await pool?.close()
    core.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error('浏览器模式启动失败：', e)
  process.exit(1)
})
