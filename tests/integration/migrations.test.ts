// One test per migration: a store made by the release before it — its tables filled with rows of the
// demo town (grids, people, issues, briefings, accounts, as far as that release had them) — opens under
// this release, takes every later migration, and keeps every row and every value it had.
import { describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { openStore } from '../../electron/core/db/open'
import * as schema from '../../electron/core/db/schema'
import type { Trigger } from '../../electron/core/db/triggers'
import { defaultMigrationsFolder } from '../../electron/core/paths'
import { signIn, tempDbFile, testCoreWithPeople } from '../support/core'
import { journal, migrationsUpTo } from '../support/migrations'

/** Rows copied per table: every table filled, the test still quick (foreign keys are not checked while copying). */
const sample = 1500

const tablesOf = (db: Database.Database, schema = 'main') =>
  (
    db
      .prepare(`select name from ${schema}.sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations' order by rowid`)
      .all() as { name: string }[]
  ).map((t) => t.name)
const columnsOf = (db: Database.Database, table: string, schema = 'main') =>
  (db.prepare(`pragma ${schema}.table_info(${JSON.stringify(table)})`).all() as { name: string }[]).map((c) => c.name)
const quoted = (cols: string[]) => cols.map((c) => JSON.stringify(c)).join(', ')

let source: string
async function demoStore(): Promise<string> {
  if (source) return source
  const core = testCoreWithPeople()
  // A briefing issued and an audit trail, so those tables have rows too.
  const token = await signIn(core, 'operator')
  const issued = await core.dispatch(
    'briefings.issue',
    { kind: '月报', anchor: '2026-10-15', sections: [{ key: 'nextSteps', paragraphs: ['迁移测试。'] }] },
    { token }
  )
  if (!issued.ok) throw new Error(JSON.stringify(issued.error))
  source = core.store.sqlite.name
  core.close()
  return source
}

describe('every migration keeps what the store before it held', () => {
  for (let before = 1; before < journal.entries.length; before++) {
    const next = journal.entries[before].tag
    it(`${next}: a store of ${journal.entries[before - 1].tag} opens, is migrated, and keeps its rows`, async () => {
      const file = tempDbFile()
      const old = openStore(file, { migrationsFolder: migrationsUpTo(before) })
      old.sqlite.pragma('foreign_keys = OFF')
      old.sqlite.prepare('attach database ? as demo').run(await demoStore())
      const kept: Record<string, { columns: string[]; rows: unknown[] }> = {}
      for (const table of tablesOf(old.sqlite)) {
        const columns = columnsOf(old.sqlite, table).filter((c) => columnsOf(old.sqlite, table, 'demo').includes(c))
        old.sqlite.prepare(`delete from main.${JSON.stringify(table)}`).run()
        old.sqlite
          .prepare(
            `insert into main.${JSON.stringify(table)} (${quoted(columns)}) select ${quoted(columns)} from demo.${JSON.stringify(table)} order by rowid limit ${sample}`
          )
          .run()
        kept[table] = {
          columns,
          rows: old.sqlite
            .prepare(`select ${quoted(columns)} from main.${JSON.stringify(table)} order by rowid`)
            .raw()
            .all()
        }
      }
      old.sqlite.prepare('detach database demo').run()
      old.close()
      // The tables that matter had rows to keep (the demo town fills them all by the last release).
      expect(Object.values(kept).filter((k) => k.rows.length > 0).length).toBeGreaterThan(before === 1 ? 2 : 8)

      const upgraded = openStore(file, { migrationsFolder: defaultMigrationsFolder })
      expect(upgraded.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(journal.entries.length)
      for (const [table, { columns, rows }] of Object.entries(kept))
        expect(
          upgraded.sqlite
            .prepare(`select ${quoted(columns)} from ${JSON.stringify(table)} order by rowid`)
            .raw()
            .all(),
          table
        ).toEqual(rows)
      upgraded.close()
    }, 60_000)
  }
})

describe('the triggers declared beside their tables', () => {
  it('are exactly the triggers a migrated store holds, word for word', () => {
    const declared = Object.entries(schema)
      .filter(([name]) => name.endsWith('Triggers'))
      .flatMap(([, triggers]) => triggers as Trigger[])
    expect(declared.map((t) => t.name).sort()).toEqual([
      'audit_events_no_delete',
      'audit_events_no_update',
      'briefings_frozen_delete',
      'briefings_frozen_update',
      'issue_events_append_only_delete',
      'issue_events_append_only_update'
    ])
    const store = openStore(tempDbFile(), { migrationsFolder: defaultMigrationsFolder })
    const held = store.sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all() as Trigger[]
    store.close()
    expect(held).toEqual([...declared].sort((a, b) => a.name.localeCompare(b.name)))
  })
})
