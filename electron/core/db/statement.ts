// Statements prepared on first use: a service can be built on a store whose older schema lacks
// some of its tables (a store being upgraded, a test of an old release) and fail only if used.
import type Database from 'better-sqlite3'

export function prepared(sqlite: Database.Database, sql: string, opts: { pluck?: boolean } = {}): () => Database.Statement {
  let statement: Database.Statement | undefined
  return () => (statement ??= opts.pluck ? sqlite.prepare(sql).pluck() : sqlite.prepare(sql))
}

const cacheOf = new WeakMap<Database.Database, Map<string, Database.Statement>>()
const cacheLimit = 200

/**
 * A statement built at run time (a list's filters and sort), prepared once per text and kept: SQLite
 * compiling a list's joins anew cost as much as running them on a page of 100 (issue 9). The texts
 * are few (the combinations of filters), but the cache is bounded, dropping the oldest.
 */
export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = cacheOf.get(sqlite)
  if (!cache) cacheOf.set(sqlite, (cache = new Map()))
  let statement = cache.get(sql)
  if (statement) {
    // Most recently used last, so the first key is the one to drop.
    cache.delete(sql)
  } else {
    statement = sqlite.prepare(sql)
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!)
  }
  cache.set(sql, statement)
  return statement
}
