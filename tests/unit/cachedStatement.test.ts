// Statements built at run time are prepared once per text, and the cache stays bounded.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cachedStatement } from '../../electron/core/db/statement'

describe('cachedStatement', () => {
  it('prepares a text once and answers with it again; drops the least recently used past 200 texts', () => {
    const sqlite = new Database(':memory:')
    try {
      const first = cachedStatement(sqlite, 'select 1 as n')
      expect(cachedStatement(sqlite, 'select 1 as n')).toBe(first)
      expect((first.get() as { n: number }).n).toBe(1)
      const second = cachedStatement(sqlite, 'select 2 as n')
      for (let i = 1; i < 199; i++) cachedStatement(sqlite, `select ${i + 2} as n`)
      // 'select 1' was used just now (200 texts held): reading it again keeps it.
      expect(cachedStatement(sqlite, 'select 1 as n')).toBe(first)
      cachedStatement(sqlite, 'select 1000 as n')
      // The oldest ('select 2') made room; 'select 1', used recently, stayed.
      expect(cachedStatement(sqlite, 'select 1 as n')).toBe(first)
      const again = cachedStatement(sqlite, 'select 2 as n')
      expect(again).not.toBe(second)
      expect((again.get() as { n: number }).n).toBe(2)
      // Another connection has its own statements.
      const other = new Database(':memory:')
      expect(cachedStatement(other, 'select 1 as n')).not.toBe(first)
      other.close()
    } finally {
      sqlite.close()
    }
  })
})
