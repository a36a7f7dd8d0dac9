// The change log: every write goes through a batch that records before/after snapshots, so any
// batch can be shown as history and undone as a whole (if nothing touched its rows since).
import type Database from 'better-sqlite3'
import { and, desc, eq, getTableColumns, getTableName, gt, inArray } from 'drizzle-orm'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { changeBatches, changes, grids, households, issues, persons, reportingMembers, reserveContacts, units } from '../db/schema'
import { AppError, notFound } from '../errors'
import { describeChange } from './describeChange'

type Entity = keyof typeof tableOf
type Row = Record<string, unknown> & { id: number }
export type BatchKind = (typeof changeBatches.$inferInsert)['kind']

const tableOf = {
  grid: grids,
  unit: units,
  person: persons,
  household: households,
  reportingMember: reportingMembers,
  reserveContact: reserveContacts,
  issue: issues
} as const
const entityLabel: Record<Entity, string> = {
  grid: '网格',
  unit: '单位',
  person: '人员',
  household: '户',
  reportingMember: '报到党员',
  reserveContact: '储能联系人',
  issue: '事件'
}

export type Recorder = {
  batchId: number
  created: (entity: Entity, after: Row, summary?: string) => void
  /** A row just inserted, its snapshot written by SQLite from the stored row (an import's thousands of rows never round-trip through JS). */
  inserted: (entity: Entity, id: number | bigint, summary: string) => void
  updated: (entity: Entity, before: Row, after: Row, summary?: string) => void
  deleted: (entity: Entity, before: Row) => void
}

const changeColumns = '(batch_id, entity, entity_id, action, before, after, summary)'
/** The snapshot of a row as JSON, keyed like the rows drizzle reads (its property names). */
const snapshotSql = (entity: Entity) =>
  `json_object(${Object.entries(getTableColumns(tableOf[entity]))
    .map(([key, c]) => `'${key}', "${c.name}"`)
    .join(', ')})`

const statementsOf = new WeakMap<Database.Database, ReturnType<typeof recorderStatements>>()
function recorderStatements(sqlite: Database.Database) {
  const insertedOf = new Map<Entity, Database.Statement>()
  return {
    batch: sqlite.prepare('insert into change_batches (kind, actor, at, description, undoes) values (?, ?, ?, ?, ?)'),
    change: sqlite.prepare(`insert into changes ${changeColumns} values (?, ?, ?, ?, ?, ?, ?)`),
    inserted: (entity: Entity) => {
      let statement = insertedOf.get(entity)
      if (!statement) {
        statement = sqlite.prepare(
          `insert into changes ${changeColumns} select ?, ?, id, 'create', null, ${snapshotSql(entity)}, ? from "${getTableName(tableOf[entity])}" where id = ?`
        )
        insertedOf.set(entity, statement)
      }
      return statement
    }
  }
}

/**
 * Start a batch inside a transaction; record each row change through the returned recorder. It writes
 * through the store's own connection, which is inside the caller's transaction (drizzle's or SQLite's).
 */
/**
 * SQL for one field of a logged row as it stood at the instant bound to `:asOf`, read from the change
 * log: the snapshot after the last change before that instant; else, if it changed only later, the
 * snapshot before the first of those changes; else, never changed, the row as it is (`current`).
 * A row created later reads null there, as does one deleted before.
 */
export function asOfSql(entity: Entity, idExpr: string, key: string, current: string): string {
  const logged = `from changes c join change_batches b on b.id = c.batch_id where c.entity = '${entity}' and c.entity_id = ${idExpr}`
  return `(case
    when exists (select 1 ${logged} and b.at < :asOf) then (select json_extract(c.after, '$.${key}') ${logged} and b.at < :asOf order by c.id desc limit 1)
    when exists (select 1 ${logged}) then (select json_extract(c.before, '$.${key}') ${logged} and b.at >= :asOf order by c.id limit 1)
    else ${current} end)`
}

export function beginBatch(db: Db, clock: Clock, info: { kind: BatchKind; actor: string; description: string; undoes?: number }): Recorder {
  const sqlite = db.$client
  let statements = statementsOf.get(sqlite)
  if (!statements) statementsOf.set(sqlite, (statements = recorderStatements(sqlite)))
  const { change, inserted } = statements
  const batchId = Number(statements.batch.run(info.kind, info.actor, clock.now().toISOString(), info.description, info.undoes ?? null).lastInsertRowid)
  const write = (entity: Entity, entityId: number, action: 'create' | 'update' | 'delete', before: Row | null, after: Row | null, summary: string) =>
    change.run(batchId, entity, entityId, action, before && JSON.stringify(before), after && JSON.stringify(after), summary)
  return {
    batchId,
    created: (entity, after, summary) => write(entity, after.id, 'create', null, after, summary ?? `新建：${String(after.name)}`),
    inserted: (entity, id, summary) => void inserted(entity).run(batchId, entity, summary, id),
    updated: (entity, before, after, summary) => write(entity, after.id, 'update', before, after, summary ?? describeChange(before, after)),
    deleted: (entity, before) => write(entity, before.id, 'delete', before, null, `删除：${String(before.name)}`)
  }
}

export function createChangeService(db: Db, clock: Clock) {
  /** A grid's history, newest first. */
  function gridHistory(gridId: number) {
    return db
      .select({
        changeId: changes.id,
        batchId: changes.batchId,
        action: changes.action,
        summary: changes.summary,
        kind: changeBatches.kind,
        actor: changeBatches.actor,
        at: changeBatches.at,
        description: changeBatches.description,
        undoneBy: changeBatches.undoneBy
      })
      .from(changes)
      .innerJoin(changeBatches, eq(changeBatches.id, changes.batchId))
      .where(and(eq(changes.entity, 'grid'), eq(changes.entityId, gridId)))
      .orderBy(desc(changes.id))
      .all()
  }

  /** Undo a batch: apply its changes' inverses in reverse order, as a new batch. */
  function undo(batchId: number, actor: string): { undoBatchId: number; restored: number } {
    return db.transaction((tx) => {
      const batch = tx.select().from(changeBatches).where(eq(changeBatches.id, batchId)).get()
      if (!batch) throw notFound('操作记录', batchId)
      if (batch.undoneBy) throw new AppError('CONFLICT', `该操作已于之前撤销（撤销记录 ${batch.undoneBy}），不能重复撤销。`)
      const list = tx.select().from(changes).where(eq(changes.batchId, batchId)).orderBy(desc(changes.id)).all()
      if (list.length === 0) throw new AppError('CONFLICT', '该操作没有可撤销的修改。')
      // Refuse if any row was changed again after this batch: undoing would overwrite that work.
      const lastOwn = Math.max(...list.map((c) => c.id))
      for (const entity of Object.keys(tableOf) as Entity[]) {
        const ids = [...new Set(list.filter((c) => c.entity === entity).map((c) => c.entityId))]
        if (ids.length === 0) continue
        const later = tx
          .select({ entityId: changes.entityId })
          .from(changes)
          .where(and(eq(changes.entity, entity), inArray(changes.entityId, ids), gt(changes.id, lastOwn)))
          .get()
        if (later)
          throw new AppError(
            'CONFLICT',
            `此操作涉及的${entityLabel[entity]}（编号 ${later.entityId}）之后又被修改过；为免覆盖后来的修改，不能撤销，请先撤销后来的修改。`
          )
      }
      const recorder = beginBatch(db, clock, { kind: 'undo', actor, description: `撤销：${batch.description}`, undoes: batchId })
      for (const c of list) {
        const table = tableOf[c.entity as Entity]
        if (!table) throw new AppError('CONFLICT', `该操作包含不能撤销的记录（${c.entity}）`)
        const before = c.before ? (JSON.parse(c.before) as Row) : null
        const current = tx.select().from(table).where(eq(table.id, c.entityId)).get() as Row | undefined
        if (c.action === 'create') {
          if (current) {
            tx.delete(table).where(eq(table.id, c.entityId)).run()
            recorder.deleted(c.entity as Entity, current)
          }
        } else if (c.action === 'delete') {
          tx.insert(table)
            .values(before as never)
            .run()
          recorder.created(c.entity as Entity, before!)
        } else if (current && before) {
          const restored = { ...before, version: Number(current.version) + 1 }
          // Never SET the primary key: SQLite would then check every table referencing the row.
          const { id: _id, ...columns } = restored
          tx.update(table)
            .set(columns as never)
            .where(eq(table.id, c.entityId))
            .run()
          recorder.updated(c.entity as Entity, current, restored)
        }
      }
      tx.update(changeBatches).set({ undoneBy: recorder.batchId }).where(eq(changeBatches.id, batchId)).run()
      return { undoBatchId: recorder.batchId, restored: list.length }
    })
  }

  /** Recent batches, newest first (e.g. the imports, to undo one). */
  function list(kind?: BatchKind, limit = 50) {
    return db
      .select({
        id: changeBatches.id,
        kind: changeBatches.kind,
        actor: changeBatches.actor,
        at: changeBatches.at,
        description: changeBatches.description,
        undoneBy: changeBatches.undoneBy
      })
      .from(changeBatches)
      .where(kind ? eq(changeBatches.kind, kind) : undefined)
      .orderBy(desc(changeBatches.id))
      .limit(limit)
      .all()
  }

  return { gridHistory, undo, list }
}
