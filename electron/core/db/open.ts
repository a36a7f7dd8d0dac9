// Opening the store: refuse anything that is not a healthy SQLite file of a schema we know,
// without writing to it; then set pragmas and apply pending migrations.
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export type OpenedStore = { db: Db; sqlite: Database.Database; file: string; isNew: boolean; close: () => void }

/** Why a database file was refused. The message names the file and says what to do. */
export class DatabaseFileError extends Error {
  constructor(
    readonly reason: 'NOT_SQLITE' | 'CORRUPT' | 'NEWER_SCHEMA' | 'UNREADABLE',
    readonly file: string,
    message: string
  ) {
    super(message)
    this.name = 'DatabaseFileError'
  }
}

const SQLITE_MAGIC = 'SQLite format 3\u0000'

/** Where backups go unless the administrator chose a folder: beside the database. */
export const defaultBackupFolder = (dbFile: string) => join(dirname(dbFile), 'shishan-backups')

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, 16, 0)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

type JournalEntry = { idx: number; when: number; tag: string }
function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }
  return journal.entries
}

/** Check an existing file read-only: is it SQLite, intact, and of a schema this build knows? */
function inspectExisting(file: string, migrationsFolder: string): void {
  const header = readHeader(file)
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw new DatabaseFileError('NOT_SQLITE', file, `数据库文件“${file}”不是 SQLite 数据库，已拒绝打开，文件未作任何改动。请确认选择了正确的文件。`)
  }
  let ro: Database.Database | undefined
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true })
    const check = ro.pragma('quick_check(1)', { simple: true })
    if (check !== 'ok') throw new Error(String(check))
    const hasLedger = ro.prepare("select 1 from sqlite_master where type='table' and name='__drizzle_migrations'").get()
    if (hasLedger) {
      const newest = ro.prepare('select max(created_at) as t from __drizzle_migrations').get() as { t: number | null }
      const known = Math.max(0, ...readJournal(migrationsFolder).map((e) => e.when))
      if (newest.t !== null && Number(newest.t) > known) {
        throw new DatabaseFileError(
          'NEWER_SCHEMA',
          file,
          `数据库文件“${file}”由更新版本的程序创建（数据结构版本高于本程序），已拒绝打开，文件未作任何改动。请升级本程序后再打开。`
        )
      }
    }
  } catch (e) {
    if (e instanceof DatabaseFileError) throw e
    throw new DatabaseFileError(
      'CORRUPT',
      file,
      `数据库文件“${file}”已损坏或无法读取（${(e as Error).message}），已拒绝打开，文件未作任何改动。请从备份恢复：备份默认在“${defaultBackupFolder(file)}”；浏览器模式运行 npm run serve -- --db 该文件 --restore 备份文件，桌面端在提示框中选择“从备份恢复”。`
    )
  } finally {
    ro?.close()
  }
}

/**
 * Open (or create) the store at `file`. An existing file is inspected read-only first and refused
 * with a DatabaseFileError if it is not SQLite, is corrupt, or was written by a newer schema.
 */
export function openStore(file: string, opts: { migrationsFolder: string; nativeBinding?: string }): OpenedStore {
  const memory = file === ':memory:'
  const exists = !memory && existsSync(file) && statSync(file).size > 0
  if (exists) inspectExisting(file, opts.migrationsFolder)
  let sqlite: Database.Database
  try {
    sqlite = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {})
  } catch (e) {
    throw new DatabaseFileError('UNREADABLE', file, `无法打开数据库文件“${file}”：${(e as Error).message}`)
  }
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  // Workflow and audit writes must survive power loss; WAL keeps FULL cheap.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema }) as Db
  migrate(db, { migrationsFolder: opts.migrationsFolder })
  return { db, sqlite, file, isNew: !exists, close: () => sqlite.close() }
}
