// The store's migrations as releases shipped them: the journal, and a folder with only the first N.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultMigrationsFolder } from '../../electron/core/paths'
import { tempDir } from './core'

export const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] }

/** A migrations folder as an older release shipped it: the first `count` migrations only. */
export function migrationsUpTo(count: number): string {
  const old = tempDir()
  mkdirSync(join(old, 'meta'))
  for (const e of journal.entries.slice(0, count)) {
    copyFileSync(join(defaultMigrationsFolder, `${e.tag}.sql`), join(old, `${e.tag}.sql`))
    copyFileSync(join(defaultMigrationsFolder, 'meta', `${e.tag.slice(0, 4)}_snapshot.json`), join(old, 'meta', `${e.tag.slice(0, 4)}_snapshot.json`))
  }
  writeFileSync(join(old, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }))
  return old
}
