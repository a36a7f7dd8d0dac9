// What SQL a call runs and how SQLite plans it: the contract test uses this to prove that no method
// reads a whole log table (the change log, audit trail and issue log grow without bound).
import type Database from 'better-sqlite3'

export type RanStatement = { source: string; args: unknown[] }

/** Run `call`, recording every statement it executes through better-sqlite3 (text and parameters). */
export async function captureStatements<T>(sqlite: Database.Database, call: () => Promise<T>): Promise<{ value: T; statements: RanStatement[] }> {
  const proto = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<'all' | 'get' | 'run' | 'iterate', (...a: unknown[]) => unknown>
  const originals = { all: proto.all, get: proto.get, run: proto.run, iterate: proto.iterate }
  const statements: RanStatement[] = []
  for (const method of ['all', 'get', 'run', 'iterate'] as const)
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      statements.push({ source: this.source, args })
      return originals[method].apply(this, args)
    }
  try {
    return { value: await call(), statements }
  } finally {
    Object.assign(proto, originals)
  }
}

/** The plan lines that read one of `tables` from end to end (SCAN, with or without an index). */
export function fullScansOf(sqlite: Database.Database, statement: RanStatement, tables: string[]): string[] {
  if (!/^\s*(select|insert|update|delete|with)\b/i.test(statement.source)) return []
  const plan = sqlite.prepare(`explain query plan ${statement.source}`).all(...statement.args) as { detail: string }[]
  return plan.map((p) => p.detail).filter((d) => tables.some((t) => new RegExp(`^SCAN ${t}\\b`).test(d)))
}
