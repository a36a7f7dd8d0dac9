// Backups with SQLite's online backup API (a consistent copy while the app keeps working, never a
// file copy of a live WAL database), each checked with integrity_check after writing; the last N
// kept; a backup's contents previewed before a restore.
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import type { Clock } from '../clock'
import { defaultBackupFolder, type Db } from '../db/open'
import { AppError } from '../errors'
import { chinaStamp } from '../../shared/chinaTime'

const PATTERN = /^shishan-(\d{8}-\d{6})(-恢复前)?(?:_(\d+))?\.db$/
export type BackupInfo = { file: string; name: string; bytes: number; at: string; beforeRestore: boolean }

export { defaultBackupFolder }

/** The backups in a folder, newest first. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return []
  return (
    readdirSync(folder)
      .filter((n) => PATTERN.test(n))
      .map((name) => {
        const file = join(folder, name)
        const [, stamp, , n] = PATTERN.exec(name)!
        return {
          file,
          name,
          bytes: statSync(file).size,
          at: statSync(file).mtime.toISOString(),
          beforeRestore: name.includes('恢复前'),
          order: `${stamp}-${(n ?? '1').padStart(6, '0')}`
        }
      })
      // Newest first: by the time in the name, then the number added when two fell in the same second.
      .sort((a, b) => b.order.localeCompare(a.order))
      .map(({ order: _order, ...b }) => b)
  )
}

/** Open a backup read-only and say whether it is intact and what it holds. */
export function inspectBackup(file: string, nativeBinding?: string) {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `找不到备份文件“${file}”。`)
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  } catch (e) {
    throw new AppError('BAD_INPUT', `“${basename(file)}”不是可读的数据库文件（${(e as Error).message}）。`)
  }
  try {
    const integrity = String(db.pragma('integrity_check(1)', { simple: true }))
    const count = (table: string) => {
      try {
        return db.prepare(`select count(*) from ${table}`).pluck().get() as number
      } catch {
        return null
      }
    }
    const latest = (sql: string) => {
      try {
        return (db.prepare(sql).pluck().get() as string | null) ?? null
      } catch {
        return null
      }
    }
    return {
      file,
      name: basename(file),
      bytes: statSync(file).size,
      integrity,
      counts: {
        grids: count('grids'),
        persons: count('persons'),
        households: count('households'),
        reportingMembers: count('reporting_members'),
        issues: count('issues'),
        briefings: count('briefings'),
        accounts: count('accounts'),
        auditEvents: count('audit_events')
      },
      lastChangeAt: latest('select max(at) from change_batches'),
      lastAuditAt: latest('select max(at) from audit_events'),
      migrations: count('__drizzle_migrations')
    }
  } catch (e) {
    throw new AppError('BAD_INPUT', `“${basename(file)}”不是本系统的数据库或已损坏（${(e as Error).message}）。`)
  } finally {
    db.close()
  }
}

/**
 * A copy of a WAL store is itself in WAL mode: opened (to check it, to preview it), it would grow
 * -wal and -shm files beside it. A backup is one file, in rollback-journal mode.
 */
function settle(file: string, nativeBinding?: string) {
  const copy = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

export function createBackupService(db: Db, clock: Clock, deps: { dbFile: string; folder: () => string | null; keep: () => number; nativeBinding?: string }) {
  /** The folder of the settings; a relative one (stored by an older version) is refused, never resolved against where the app started. */
  function folder(): string {
    const configured = deps.folder()
    if (configured !== null && !isAbsolute(configured))
      throw new AppError(
        'BAD_INPUT',
        `备份目录“${configured}”不是完整路径，未备份。请在 账号与安全 → 安全设置 中重新填写（如 D:\\网格备份），或留空以备份在数据库旁。`
      )
    return resolve(configured ?? defaultBackupFolder(deps.dbFile))
  }

  /**
   * A backup the administrator named, as a file of the backup folder: preview and restore read nothing
   * else of the machine (a path elsewhere could probe or restore any file the app can read).
   */
  function inFolder(file: string): string {
    const dir = folder()
    const resolved = resolve(dir, file)
    if (dirname(resolved) !== dir || !PATTERN.test(basename(resolved)))
      throw new AppError('BAD_INPUT', `只能预览或恢复备份目录（${dir}）中的备份文件（shishan-日期-时间.db）。`, { field: 'file' })
    return resolved
  }

  /** One backup now: written online, verified, then the oldest beyond the kept number removed. */
  async function run(opts: { beforeRestore?: boolean } = {}) {
    const dir = folder()
    try {
      mkdirSync(dir, { recursive: true })
    } catch (e) {
      throw new AppError('BAD_INPUT', `无法使用备份目录“${dir}”（${(e as Error).message}），请在安全设置中另选目录。`)
    }
    const base = join(dir, `shishan-${chinaStamp(clock.now())}${opts.beforeRestore ? '-恢复前' : ''}`)
    let file = `${base}.db`
    for (let n = 2; existsSync(file); n++) file = `${base}_${n}.db`
    try {
      await db.$client.backup(file)
      settle(file, deps.nativeBinding)
    } catch (e) {
      rmSync(file, { force: true })
      throw new AppError('INTERNAL', `备份写入失败（${(e as Error).message}）：可能是磁盘已满或目录不可写。已删除不完整的备份文件，数据库未受影响。`)
    }
    const check = inspectBackup(file, deps.nativeBinding)
    if (check.integrity !== 'ok') {
      rmSync(file, { force: true })
      throw new AppError('INTERNAL', `备份写入后校验未通过（${check.integrity}），已删除该备份。请检查磁盘后重试。`)
    }
    const removed: string[] = []
    // Only regular backups count towards the kept number; the copies taken before a restore stay.
    for (const old of listBackups(dir)
      .filter((b) => !b.beforeRestore)
      .slice(deps.keep())) {
      rmSync(old.file, { force: true })
      removed.push(old.name)
    }
    return { file, name: basename(file), bytes: check.bytes, integrity: 'ok' as const, removed }
  }

  return {
    folder,
    inFolder,
    run,
    list: () => ({ folder: folder(), backups: listBackups(folder()) }),
    preview: (file: string) => inspectBackup(inFolder(file), deps.nativeBinding)
  }
}
export type BackupService = ReturnType<typeof createBackupService>

/**
 * Before the store opens (`--restore`, or the desktop's "restore" after a failed start check): put a
 * checked backup in place of the database file. The file it replaces is kept beside it, renamed.
 */
export async function restoreBeforeOpen(
  dbFile: string,
  backupFile: string,
  nativeBinding?: string
): Promise<{ keptAs: string | null; preview: ReturnType<typeof inspectBackup> }> {
  const preview = inspectBackup(backupFile, nativeBinding)
  if (preview.integrity !== 'ok') throw new AppError('BAD_INPUT', `备份“${preview.name}”校验未通过（${preview.integrity}），不能用于恢复。`)
  if (preview.counts.grids === null) throw new AppError('BAD_INPUT', `“${preview.name}”不是本系统的数据库，不能用于恢复。`)
  let keptAs: string | null = null
  if (existsSync(dbFile)) {
    keptAs = `${dbFile}.恢复前-${chinaStamp(new Date())}`
    renameSync(dbFile, keptAs)
  }
  for (const extra of ['-wal', '-shm']) rmSync(dbFile + extra, { force: true })
  const source = new Database(backupFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    await source.backup(dbFile)
  } finally {
    source.close()
  }
  return { keptAs, preview }
}
