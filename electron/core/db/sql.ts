// The one way the core reaches the store: SQL text, run through these helpers (issue 19).
//
// - A projection (a list's columns, a figure, a join): `sql.rows<Row>(text, ...params)`, `sql.row`,
//   `sql.value` (the first column), `sql.values`, `sql.iterate`; writes: `sql.run`. The row type is
//   written once, at the statement.
// - A whole row of one table, typed by the schema (db/schema.ts): `sql.find(table, id)`,
//   `sql.where(table, condition, ...params)`, `sql.insert`, `sql.update`, `sql.remove`. Values go
//   through the schema's column mappings, so a boolean column reads as a boolean, as drizzle reads it.
//
// Drizzle describes the schema and makes the migrations; it builds no query. Statements are prepared
// on first use and kept per connection: a service can be built on a store whose older schema lacks
// some of its tables (a store being upgraded, a test of an old release) and fail only if used, and
// SQLite compiling a list's joins anew cost as much as running them on a page of 100 (issue 9).
import type Database from 'better-sqlite3'
import { getTableColumns, getTableName, type InferInsertModel, type InferSelectModel } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'

/** A table of the schema with an integer `id` key (every table the services edit row by row). */
type KeyedTable = SQLiteTable & { id: SQLiteColumn }

export type Sql = ReturnType<typeof makeSql>

const sqlOf = new WeakMap<Database.Database, Sql>()

/** The helpers on a connection (made once per connection). Accepts the drizzle handle or the raw connection. */
export function sqlOn(store: Database.Database | { $client: Database.Database }): Sql {
  const sqlite = '$client' in store ? store.$client : store
  let sql = sqlOf.get(sqlite)
  if (!sql) sqlOf.set(sqlite, (sql = makeSql(sqlite)))
  return sql
}

/**
 * Texts are mostly literals, plus the combinations of a list's filters; the cache is bounded and,
 * when full, starts again (rare, and cheaper than keeping an order on every call).
 */
const cacheLimit = 1000

// A table's columns as [property, column] pairs, listed once per table: insert, update and the row
// mapping run for every row of an import.
const columnsByTable = new WeakMap<SQLiteTable, [string, SQLiteColumn][]>()
function columnsOf(table: SQLiteTable): [string, SQLiteColumn][] {
  let columns = columnsByTable.get(table)
  if (!columns) columnsByTable.set(table, (columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][]))
  return columns
}

function makeSql(sqlite: Database.Database) {
  const rowStatements = new Map<string, Database.Statement>()
  const valueStatements = new Map<string, Database.Statement>()

  function statement(text: string, pluck = false): Database.Statement {
    const cache = pluck ? valueStatements : rowStatements
    let s = cache.get(text)
    if (!s) {
      if (cache.size >= cacheLimit) cache.clear()
      s = sqlite.prepare(text)
      if (pluck) s.pluck()
      cache.set(text, s)
    }
    return s
  }

  /** A raw row (column names, driver values) as the schema types it (property names, mapped values). */
  function entity<T extends SQLiteTable>(table: T, raw: Record<string, unknown>): InferSelectModel<T> {
    const out: Record<string, unknown> = {}
    for (const [prop, column] of columnsOf(table)) {
      const v = raw[column.name]
      out[prop] = v === null || v === undefined ? null : column.mapFromDriverValue(v)
    }
    return out as InferSelectModel<T>
  }

  /** Property → column name and driver value, for the properties given. */
  function driverValues(table: SQLiteTable, values: Record<string, unknown>): { names: string[]; params: unknown[] } {
    const names: string[] = []
    const params: unknown[] = []
    for (const [prop, column] of columnsOf(table)) {
      if (!(prop in values) || values[prop] === undefined) continue
      const v = values[prop]
      names.push(`"${column.name}"`)
      params.push(v === null ? null : column.mapToDriverValue(v))
    }
    return { names, params }
  }

  return {
    /** The connection, for what is not a statement (pragmas, backups, `sqlite.transaction`). */
    sqlite,
    row: <Row = unknown>(text: string, ...params: unknown[]) => statement(text).get(...params) as Row | undefined,
    rows: <Row = unknown>(text: string, ...params: unknown[]) => statement(text).all(...params) as Row[],
    value: <T = unknown>(text: string, ...params: unknown[]) => statement(text, true).get(...params) as T | undefined,
    values: <T = unknown>(text: string, ...params: unknown[]) => statement(text, true).all(...params) as T[],
    iterate: <Row = unknown>(text: string, ...params: unknown[]) => statement(text).iterate(...params) as IterableIterator<Row>,
    run: (text: string, ...params: unknown[]) => statement(text).run(...params),
    /** One statement kept at hand, for a loop that runs it many times (an import, the demo town). */
    statement<Row = unknown>(text: string) {
      // Prepared on first use, like every statement here (a service made on an older store must not fail until used).
      let s: Database.Statement | undefined
      const prepared = () => (s ??= statement(text))
      return {
        run: (...params: unknown[]) => prepared().run(...params),
        row: (...params: unknown[]) => prepared().get(...params) as Row | undefined,
        rows: (...params: unknown[]) => prepared().all(...params) as Row[]
      }
    },
    /** Runs `fn` in one transaction (a savepoint inside another). */
    transaction: <T>(fn: () => T): T => sqlite.transaction(fn)(),

    find<T extends KeyedTable>(table: T, id: number): InferSelectModel<T> | undefined {
      const raw = statement(`select * from "${getTableName(table)}" where id = ?`).get(id) as Record<string, unknown> | undefined
      return raw && entity(table, raw)
    },
    /** Whole rows of a table; `condition` is SQL on its column names (`parent_id = ? order by id`). */
    where<T extends SQLiteTable>(table: T, condition: string, ...params: unknown[]): InferSelectModel<T>[] {
      const raws = statement(`select * from "${getTableName(table)}" where ${condition}`).all(...params) as Record<string, unknown>[]
      return raws.map((raw) => entity(table, raw))
    },
    insert<T extends SQLiteTable>(table: T, values: InferInsertModel<T>): InferSelectModel<T> {
      const { names, params } = driverValues(table, values as Record<string, unknown>)
      const text = `insert into "${getTableName(table)}" (${names.join(', ')}) values (${names.map(() => '?').join(', ')}) returning *`
      return entity(table, statement(text).get(...params) as Record<string, unknown>)
    },
    /** Sets the given properties of row `id`; returns the row as it now stands (undefined when there is none). */
    update<T extends KeyedTable>(table: T, id: number, patch: Partial<InferInsertModel<T>>): InferSelectModel<T> | undefined {
      const { names, params } = driverValues(table, patch as Record<string, unknown>)
      const text = names.length
        ? `update "${getTableName(table)}" set ${names.map((n) => `${n} = ?`).join(', ')} where id = ? returning *`
        : `select * from "${getTableName(table)}" where id = ?`
      const raw = statement(text).get(...params, id) as Record<string, unknown> | undefined
      return raw && entity(table, raw)
    },
    remove<T extends KeyedTable>(table: T, id: number): void {
      statement(`delete from "${getTableName(table)}" where id = ?`).run(id)
    }
  }
}

/** One bound parameter holding a list of ids: `id in (select value from json_each(?))`. */
export const idList = (ids: readonly number[]) => JSON.stringify(ids)
