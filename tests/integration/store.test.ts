// The store on real SQLite files: migrations, the demo seed, and refusing files we must not touch.
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openStore, DatabaseFileError } from '../../electron/core/db/open'
import { defaultMigrationsFolder } from '../../electron/core/paths'
import { tempDbFile, tempDir, testCore } from '../support/core'
import { journal, migrationsUpTo } from '../support/migrations'

const fileHash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')

function expectRefusedUntouched(file: string, reason: DatabaseFileError['reason'], messagePart: RegExp) {
  const before = fileHash(file)
  const size = statSync(file).size
  let error: unknown
  try {
    testCore({ dbFile: file })
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(DatabaseFileError)
  expect((error as DatabaseFileError).reason).toBe(reason)
  expect((error as Error).message).toContain(file)
  expect((error as Error).message).toMatch(messagePart)
  expect(fileHash(file)).toBe(before)
  expect(statSync(file).size).toBe(size)
}

describe('opening the store', () => {
  it('migrates an empty database: all tables, every migration recorded, WAL and foreign keys on', () => {
    const store = openStore(tempDbFile(), { migrationsFolder: defaultMigrationsFolder })
    const tables = store.sqlite.prepare("select name from sqlite_master where type='table' order by name").all() as { name: string }[]
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['units', 'grids', 'app_meta', '__drizzle_migrations']))
    expect((store.sqlite.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n).toBe(journal.entries.length)
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.isNew).toBe(true)
    store.close()
  })

  it('creates the demo town once; reopening keeps the data and adds nothing', () => {
    const file = tempDbFile()
    const first = testCore({ dbFile: file })
    expect(first.createdDemo).toBe(true)
    const count = () => (first.store.sqlite.prepare('select count(*) n from grids').get() as { n: number }).n
    expect(count()).toBe(84 + 600 + 1400)
    first.store.sqlite.prepare("update grids set name = '改过的名字' where code = '440605124056'").run()
    first.close()
    const second = testCore({ dbFile: file })
    expect(second.createdDemo).toBe(false)
    expect(second.store.isNew).toBe(false)
    const row = second.store.sqlite.prepare("select name from grids where code = '440605124056'").get() as { name: string }
    expect(row.name).toBe('改过的名字')
    expect((second.store.sqlite.prepare('select count(*) n from grids').get() as { n: number }).n).toBe(2084)
    second.close()
  })

  it('upgrades a store made by the first release (foundation migration only): grids kept, people tables added', () => {
    // A migrations folder holding only 0000, as the first release shipped it.
    const old = tempDir()
    mkdirSync(join(old, 'meta'))
    copyFileSync(join(defaultMigrationsFolder, '0000_foundation.sql'), join(old, '0000_foundation.sql'))
    copyFileSync(join(defaultMigrationsFolder, 'meta', '0000_snapshot.json'), join(old, 'meta', '0000_snapshot.json'))
    writeFileSync(join(old, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }))
    const file = tempDbFile()
    const first = testCore({ dbFile: file, migrationsFolder: old })
    first.store.sqlite.prepare("update grids set inspector = '旧版本巡查员' where code = '440605124056'").run()
    expect(() => first.store.sqlite.prepare('select count(*) from persons').get()).toThrow()
    first.close()
    const upgraded = testCore({ dbFile: file })
    expect((upgraded.store.sqlite.prepare("select inspector from grids where code = '440605124056'").get() as { inspector: string }).inspector).toBe(
      '旧版本巡查员'
    )
    expect((upgraded.store.sqlite.prepare('select count(*) n from persons').get() as { n: number }).n).toBe(0)
    expect((upgraded.store.sqlite.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n).toBe(journal.entries.length)
    upgraded.close()
  })

  it('upgrades a store made before peak levels (0000–0004): issues kept, the peak of each read from its hand-offs', () => {
    const file = tempDbFile()
    const old = openStore(file, { migrationsFolder: migrationsUpTo(5) })
    const sqlite = old.sqlite
    const insertUnit = sqlite.prepare('insert into units (code, name, kind, parent_id) values (?, ?, ?, ?) returning id')
    const id = (r: unknown) => (r as { id: number }).id
    const district = id(insertUnit.get('440605', '南海区', 'district', null))
    const town = id(insertUnit.get('440605124', '狮山镇', 'town', district))
    const office = id(insertUnit.get('X1', '官窑社会管理处', 'office', town))
    const village = id(insertUnit.get('440605124056', '汀圃社区', 'village', office))
    const issue = sqlite.prepare(
      `insert into issues (code, title, description, category, urgency, source, village_unit_id, status, holder_unit_id, created_at, closed_level, escalations)
       values (?, ?, '旧版本的问题', '环境卫生', '一般', '网格巡查', ?, 'closed', ?, '2026-05-10T01:00:00Z', 1, ?) returning id`
    )
    const event = sqlite.prepare(
      "insert into issue_events (issue_id, at, action, from_unit_id, to_unit_id, actor, status_after) values (?, '2026-05-10T01:00:00Z', ?, ?, ?, '旧版本', 'reported')"
    )
    const climbed = id(issue.get('SS-2026-000001', '上到区又回村', village, village, 3))
    for (const [action, from, to] of [
      ['create', null, village],
      ['escalate', village, office],
      ['escalate', office, town],
      ['escalate', town, district],
      ['dispatch', district, town],
      ['dispatch', town, office],
      ['dispatch', office, village],
      ['verify', office, null]
    ] as const)
      event.run(climbed, action, from, to)
    const stayed = id(issue.get('SS-2026-000002', '在村解决', village, village, 0))
    event.run(stayed, 'create', null, village)
    old.close()

    const upgraded = openStore(file, { migrationsFolder: defaultMigrationsFolder })
    const rows = upgraded.sqlite.prepare('select code, title, closed_level closedLevel, peak_level peakLevel from issues order by id').all()
    expect(rows).toEqual([
      { code: 'SS-2026-000001', title: '上到区又回村', closedLevel: 1, peakLevel: 4 },
      { code: 'SS-2026-000002', title: '在村解决', closedLevel: 1, peakLevel: 1 }
    ])
    expect(upgraded.sqlite.prepare('select count(*) from issue_events').pluck().get()).toBe(9)
    upgraded.close()
  })

  it('refuses a file that is not SQLite, names it, and leaves it untouched', () => {
    const file = join(tempDir(), '台账.db')
    writeFileSync(file, '姓名,电话\n张三,13800138000\n')
    expectRefusedUntouched(file, 'NOT_SQLITE', /不是 SQLite 数据库/)
  })

  it('refuses a corrupt SQLite file and leaves it untouched', () => {
    const good = tempDbFile()
    testCore({ dbFile: good }).close()
    const file = join(tempDir(), 'corrupt.db')
    copyFileSync(good, file)
    const bytes = readFileSync(file)
    // Keep the header, scribble over the pages behind it.
    for (let i = 100; i < bytes.length; i += 7) bytes[i] = (bytes[i] + 91) & 0xff
    writeFileSync(file, bytes)
    expectRefusedUntouched(file, 'CORRUPT', /已损坏/)
  })

  it('refuses a database written by a newer schema and leaves it untouched', () => {
    const file = tempDbFile()
    testCore({ dbFile: file }).close()
    const raw = new Database(file)
    raw
      .prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
      .run('from-a-newer-version', Math.max(...journal.entries.map((e) => e.when)) + 1000)
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.close()
    expectRefusedUntouched(file, 'NEWER_SCHEMA', /更新版本/)
  })
})
