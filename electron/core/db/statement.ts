// Statements prepared on first use: a service can be built on a store whose older schema lacks
// some of its tables (a store being upgraded, a test of an old release) and fail only if used.
import type Database from 'better-sqlite3'

export function prepared(sqlite: Database.Database, sql: string, opts: { pluck?: boolean } = {}): () => Database.Statement {
  let statement: Database.Statement | undefined
  return () => (statement ??= opts.pluck ? sqlite.prepare(sql).pluck() : sqlite.prepare(sql))
}
