// Paged lists in SQL: a registry declares its columns, sortable fields, filters and search; a query
// becomes one counted SELECT with LIMIT/OFFSET, so 100,000 rows page as fast as 100.
import { AppError } from '../errors'
import { checkIdNumber, checkPhone } from '../kernel/personalData'
import { personQuery } from '../../shared/personQuery'
import { type Sql } from './sql'

export type Clause = { sql: string; params: unknown[] }
export type ListSpec = {
  from: string
  /** The main table's row key (p.id): a page is found by keys first, then only its rows are built. */
  key: string
  /** The main table with only the joins the filters and search need: the count reads no more. */
  countFrom: string
  select: string
  /** Sort field (as the client names it) → SQL expression. */
  sortable: Record<string, string>
  /** Sort fields whose rows without a value come last either way (an issue with no clock running has no time left). */
  nullsLast?: string[]
  defaultOrder: string
  /** The column holding the village, for the village scope. */
  villageColumn: string
  filters: Record<string, { label: string; clause: (value: string | number | boolean) => Clause }>
  search?: (q: string) => Clause
}
export type ListInput = {
  q?: string
  villageUnitId?: number
  filters?: Record<string, string | number | boolean>
  sort?: { field: string; dir: 'asc' | 'desc' }
  offset: number
  limit: number
  /** A clerk's villages (set by the core from the session, never by the client); null = the whole town. */
  scopeVillageIds?: number[] | null
}

/** Rows of the given villages only, when a scope applies (one bound JSON parameter, any number of villages). */
export const inScope = (column: string, villageIds: number[] | null | undefined): Clause =>
  villageIds ? { sql: `${column} in (select value from json_each(?))`, params: [JSON.stringify(villageIds)] } : { sql: '1', params: [] }

/**
 * A table's entry for a name the client sent: its own entries only, never what every object inherits
 * (`constructor`, `__proto__`, `toString` would otherwise reach the SQL).
 */
export const ownEntry = <T>(table: Record<string, T>, name: string): T | undefined => (Object.hasOwn(table, name) ? table[name] : undefined)

/** JSON gives true/false; SQLite binds numbers and text, and stores booleans as 1 and 0. */
const bindable = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)

export function whereOf(spec: ListSpec, input: Omit<ListInput, 'offset' | 'limit' | 'sort'>): Clause {
  const parts: string[] = []
  const params: unknown[] = []
  const add = (c: Clause) => {
    parts.push(`(${c.sql})`)
    params.push(...c.params.map(bindable))
  }
  if (input.villageUnitId) add({ sql: `${spec.villageColumn} = ?`, params: [input.villageUnitId] })
  if (input.scopeVillageIds) add(inScope(spec.villageColumn, input.scopeVillageIds))
  for (const [key, value] of Object.entries(input.filters ?? {})) {
    const f = ownEntry(spec.filters, key)
    if (!f)
      throw new AppError(
        'BAD_INPUT',
        `不能按“${key.slice(0, 40)}”筛选；可用的筛选：${
          Object.values(spec.filters)
            .map((x) => x.label)
            .join('、') || '无'
        }`,
        { field: `filters.${key}` }
      )
    if (value === '' || value === null) continue
    add(f.clause(value))
  }
  const q = input.q?.trim()
  if (q && spec.search) add(spec.search(q))
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params }
}

export function runList<T>(sql: Sql, spec: ListSpec, input: ListInput): { total: number; rows: T[] } {
  const where = whereOf(spec, input)
  let order = spec.defaultOrder
  if (input.sort) {
    const expr = ownEntry(spec.sortable, input.sort.field)
    if (!expr) throw new AppError('BAD_INPUT', `不能按“${input.sort.field.slice(0, 40)}”排序`, { field: 'sort.field' })
    const nulls = spec.nullsLast?.includes(input.sort.field) ? ' nulls last' : ''
    order = `${expr} ${input.sort.dir === 'desc' ? 'desc' : 'asc'}${nulls}, ${spec.defaultOrder}`
  }
  const n = sql.value<number>(`select count(*) from ${spec.countFrom} ${where.sql}`, ...where.params) ?? 0
  // Deferred join: skipping `offset` rows walks keys only; the joins and per-row subqueries run
  // for the page's rows alone, so a deep page costs little more than the first.
  const rows = sql.rows<T>(
    `select ${spec.select} from ${spec.from} where ${spec.key} in (select ${spec.key} from ${spec.from} ${where.sql} order by ${order} limit ? offset ?) order by ${order}`,
    ...where.params,
    input.limit,
    input.offset
  )
  return { total: n, rows }
}

/**
 * Quick search over people (shared/personQuery.ts): a name by prefix (uses the name index), the four
 * characters a mask shows (the tail indexes), or one whole ID number or phone, matched exactly.
 * Digits of any other length are refused: a search by the hidden digits would reveal them.
 */
export function personSearch(alias: string) {
  return (raw: string): Clause => {
    const q = personQuery(raw)
    switch (q.kind) {
      case 'name':
        return prefix(`${alias}.name`)(q.text)
      case 'tail':
        return { sql: `${alias}.id_tail = ? or ${alias}.phone_tail = ?`, params: [q.tail, q.tail] }
      case 'idNumber': {
        const id = checkIdNumber(q.value)
        if (!id.ok) throw new AppError('BAD_INPUT', `${id.problem}。`, { field: 'q' })
        return { sql: `${alias}.id_number = ?`, params: [id.idNumber] }
      }
      case 'phone': {
        const phone = checkPhone(q.value)
        if (!phone.ok) throw new AppError('BAD_INPUT', `${phone.problem}。`, { field: 'q' })
        return { sql: `${alias}.phone_tail = ? and ${alias}.phone = ?`, params: [phone.phone.slice(-4), phone.phone] }
      }
      case 'partial':
        throw new AppError('BAD_INPUT', q.message, { field: 'q' })
    }
  }
}

/** `column` starts with the text: a range on the index rather than LIKE (which cannot use it for CJK). */
export const prefix =
  (column: string) =>
  (q: string): Clause => ({ sql: `${column} >= ? and ${column} < ?`, params: [q, `${q}\uffff`] })

export const boolFilter = (value: string | number | boolean) => value === true || value === 'true' || value === 1 || value === '1' || value === '是'
