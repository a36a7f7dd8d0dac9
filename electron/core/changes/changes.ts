// The change log: every write goes through a batch that records before/after snapshots, so any
// batch can be shown as history and undone as a whole (if nothing touched its rows since).
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { areaHeads, changeBatches, grids, households, issues, persons, rentalBuildings, reportingMembers, reserveContacts, units } from '../db/schema'
import { idList, sqlOn } from '../db/sql'
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
  issue: issues,
  rentalBuilding: rentalBuildings,
  areaHead: areaHeads
} as const
const entityLabel: Record<Entity, string> = {
  grid: '网格',
  unit: '单位',
  person: '人员',
  household: '户',
  reportingMember: '报到党员',
  reserveContact: '储能联系人',
  issue: '事件',
  rentalBuilding: '出租屋',
  areaHead: '三长'
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
/** The snapshot of a row as JSON, keyed like the schema's rows (its property names). */
const snapshotSql = (entity: Entity) =>
  `json_object(${Object.entries(getTableColumns(tableOf[entity]))
    .map(([key, c]) => `'${key}', "${c.name}"`)
    .join(', ')})`
// The statement that logs a row just inserted, made once per entity: an import logs thousands of rows.
const insertedSqlOf = new Map<Entity, string>()
const insertedSql = (entity: Entity) => {
  let text = insertedSqlOf.get(entity)
  if (!text)
    insertedSqlOf.set(
      entity,
      (text = `insert into changes ${changeColumns} select ?, ?, id, 'create', null, ${snapshotSql(entity)}, ? from "${getTableName(tableOf[entity])}" where id = ?`)
    )
  return text
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
  const sql = sqlOn(db)
  const batchId = Number(
    sql.run(
      'insert into change_batches (kind, actor, at, description, undoes) values (?, ?, ?, ?, ?)',
      info.kind,
      info.actor,
      clock.now().toISOString(),
      info.description,
      info.undoes ?? null
    ).lastInsertRowid
  )
  const write = (entity: Entity, entityId: number, action: 'create' | 'update' | 'delete', before: Row | null, after: Row | null, summary: string) =>
    sql.run(
      `insert into changes ${changeColumns} values (?, ?, ?, ?, ?, ?, ?)`,
      batchId,
      entity,
      entityId,
      action,
      before && JSON.stringify(before),
      after && JSON.stringify(after),
      summary
    )
  const inserted = (entity: Entity, id: number | bigint, summary: string) => sql.run(insertedSql(entity), batchId, entity, summary, id)
  return {
    batchId,
    created: (entity, after, summary) => write(entity, after.id, 'create', null, after, summary ?? `新建：${String(after.name)}`),
    inserted: (entity, id, summary) => void inserted(entity, id, summary),
    updated: (entity, before, after, summary) => write(entity, after.id, 'update', before, after, summary ?? describeChange(before, after)),
    deleted: (entity, before) => write(entity, before.id, 'delete', before, null, `删除：${String(before.name)}`)
  }
}

type BatchRow = { id: number; kind: BatchKind; actor: string; at: string; description: string; undoneBy: number | null }

export function createChangeService(db: Db, clock: Clock) {
  const sql = sqlOn(db)

  /** A grid's history, newest first. */
  function gridHistory(gridId: number) {
    return sql.rows<{
      changeId: number
      batchId: number
      action: 'create' | 'update' | 'delete'
      summary: string
      kind: BatchKind
      actor: string
      at: string
      description: string
      undoneBy: number | null
    }>(
      `select c.id changeId, c.batch_id batchId, c.action, c.summary, b.kind, b.actor, b.at, b.description, b.undone_by undoneBy
       from changes c join change_batches b on b.id = c.batch_id where c.entity = 'grid' and c.entity_id = ? order by c.id desc`,
      gridId
    )
  }

  /** Undo a batch: apply its changes' inverses in reverse order, as a new batch. */
  function undo(batchId: number, actor: string): { undoBatchId: number; restored: number } {
    return sql.transaction(() => {
      const batch = sql.find(changeBatches, batchId)
      if (!batch) throw notFound('操作记录', batchId)
      if (batch.undoneBy) throw new AppError('CONFLICT', `该操作已于之前撤销（撤销记录 ${batch.undoneBy}），不能重复撤销。`)
      const list = sql.rows<{ id: number; entity: string; entityId: number; action: string; before: string | null }>(
        'select id, entity, entity_id entityId, action, before from changes where batch_id = ? order by id desc',
        batchId
      )
      if (list.length === 0) throw new AppError('CONFLICT', '该操作没有可撤销的修改。')
      // Refuse if any row was changed again after this batch: undoing would overwrite that work.
      const lastOwn = Math.max(...list.map((c) => c.id))
      for (const entity of Object.keys(tableOf) as Entity[]) {
        const ids = [...new Set(list.filter((c) => c.entity === entity).map((c) => c.entityId))]
        if (ids.length === 0) continue
        const later = sql.value<number>(
          'select entity_id from changes where entity = ? and entity_id in (select value from json_each(?)) and id > ? limit 1',
          entity,
          idList(ids),
          lastOwn
        )
        if (later !== undefined)
          throw new AppError(
            'CONFLICT',
            `此操作涉及的${entityLabel[entity]}（编号 ${later}）之后又被修改过；为免覆盖后来的修改，不能撤销，请先撤销后来的修改。`
          )
      }
      const recorder = beginBatch(db, clock, { kind: 'undo', actor, description: `撤销：${batch.description}`, undoes: batchId })
      for (const c of list) {
        const table = tableOf[c.entity as Entity]
        if (!table) throw new AppError('CONFLICT', `该操作包含不能撤销的记录（${c.entity}）`)
        const before = c.before ? (JSON.parse(c.before) as Row) : null
        const current = sql.find(table, c.entityId) as Row | undefined
        if (c.action === 'create') {
          if (current) {
            sql.remove(table, c.entityId)
            recorder.deleted(c.entity as Entity, current)
          }
        } else if (c.action === 'delete') {
          sql.insert(table, before as never)
          recorder.created(c.entity as Entity, before!)
        } else if (current && before) {
          const restored = { ...before, version: Number(current.version) + 1 }
          // Never SET the primary key: SQLite would then check every table referencing the row.
          const { id: _id, ...columns } = restored
          sql.update(table, c.entityId, columns as never)
          recorder.updated(c.entity as Entity, current, restored)
        }
      }
      sql.update(changeBatches, batchId, { undoneBy: recorder.batchId })
      return { undoBatchId: recorder.batchId, restored: list.length }
    })
  }

  /** Recent batches, newest first (e.g. the imports, to undo one). */
  function list(kind?: BatchKind, limit = 50) {
    const columns = 'select id, kind, actor, at, description, undone_by undoneBy from change_batches'
    return kind
      ? sql.rows<BatchRow>(`${columns} where kind = ? order by id desc limit ?`, kind, limit)
      : sql.rows<BatchRow>(`${columns} order by id desc limit ?`, limit)
  }

  return { gridHistory, undo, list }
}
