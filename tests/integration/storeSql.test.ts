// The one way to the store (electron/core/db/sql.ts): statements kept per connection, whole rows
// typed and mapped by the schema, writes through the same mapping.
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type OpenedStore } from '../../electron/core/db/open'
import { grids, units } from '../../electron/core/db/schema'
import { idList, sqlOn } from '../../electron/core/db/sql'
import { defaultMigrationsFolder } from '../../electron/core/paths'
import { tempDbFile } from '../support/core'

let store: OpenedStore
afterEach(() => store?.close())
const open = () => (store = openStore(tempDbFile(), { migrationsFolder: defaultMigrationsFolder }))

describe('sqlOn', () => {
  it('is one set of helpers per connection, whichever handle it is given', () => {
    open()
    expect(sqlOn(store.db)).toBe(sqlOn(store.sqlite))
  })

  it('reads rows, one row, a value and values; one statement text serves rows and values alike', () => {
    const sql = sqlOn(open().db)
    sql.run("insert into app_meta (key, value) values ('a', '1'), ('b', '2')")
    expect(sql.rows<{ key: string; value: string }>('select key, value from app_meta order by key')).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' }
    ])
    expect(sql.row<{ value: string }>('select value from app_meta where key = ?', 'b')).toEqual({ value: '2' })
    expect(sql.row('select value from app_meta where key = ?', 'zz')).toBeUndefined()
    // The same text as a value (pluck) and as a row: two statements, neither changes the other.
    const text = 'select value from app_meta where key = ?'
    expect(sql.value<string>(text, 'a')).toBe('1')
    expect(sql.row<{ value: string }>(text, 'a')).toEqual({ value: '1' })
    expect(sql.values<string>('select key from app_meta order by key')).toEqual(['a', 'b'])
    expect(sql.values<number>('select value from json_each(?)', idList([3, 1, 2]))).toEqual([3, 1, 2])
    expect([...sql.iterate<{ key: string }>('select key from app_meta order by key')].map((r) => r.key)).toEqual(['a', 'b'])
  })

  it('keeps working past its cache bound (the cache starts again, nothing fails)', () => {
    const sql = sqlOn(open().db)
    for (let i = 0; i < 1100; i++) expect(sql.value<number>(`select ${i}`)).toBe(i)
  })

  it('inserts, finds, updates and removes whole rows through the schema: booleans read as booleans', () => {
    const sql = sqlOn(open().db)
    const unit = sql.insert(units, { code: '440605124001', name: '测试村', kind: 'village', villageType: '村', illustrative: true })
    expect(unit).toMatchObject({ code: '440605124001', name: '测试村', kind: 'village', illustrative: true, parentId: null, version: 1 })
    expect(sql.value<number>('select illustrative from units where id = ?', unit.id)).toBe(1)
    const grid = sql.insert(grids, { tier: 1, code: '440605124001', name: '测试村', label: '测试村', kind: '村', villageUnitId: unit.id, illustrative: false })
    expect(sql.find(grids, grid.id)).toEqual(grid)
    expect(grid.illustrative).toBe(false)
    const after = sql.update(grids, grid.id, { name: '新名', illustrative: true, version: grid.version + 1, label: undefined })
    expect(after).toMatchObject({ name: '新名', label: '测试村', illustrative: true, version: 2 })
    expect(sql.where(grids, 'village_unit_id = ? order by id', unit.id)).toEqual([after])
    expect(sql.update(grids, 999_999, { name: 'x' })).toBeUndefined()
    sql.remove(grids, grid.id)
    expect(sql.find(grids, grid.id)).toBeUndefined()
  })

  it('a transaction is all or nothing, and nests', () => {
    const sql = sqlOn(open().db)
    expect(() =>
      sql.transaction(() => {
        sql.run("insert into app_meta (key, value) values ('x', '1')")
        sql.transaction(() => sql.run("insert into app_meta (key, value) values ('y', '1')"))
        throw new Error('stop')
      })
    ).toThrow('stop')
    expect(sql.value<number>("select count(*) from app_meta where key in ('x', 'y')")).toBe(0)
    sql.transaction(() => sql.run("insert into app_meta (key, value) values ('x', '1')"))
    expect(sql.value<string>("select value from app_meta where key = 'x'")).toBe('1')
  })
})

describe('sql.statement', () => {
  it('is prepared on first use: a service made on a store without the table fails only when it runs it', () => {
    const sql = sqlOn(open().db)
    const missing = sql.statement('insert into no_such_table (x) values (?)')
    expect(() => missing.run(1)).toThrow(/no such table/)
    const insert = sql.statement("insert into app_meta (key, value) values (?, '1')")
    for (const key of ['p', 'q']) insert.run(key)
    expect(sql.statement<{ key: string }>("select key from app_meta where key in ('p', 'q') order by key").rows()).toEqual([{ key: 'p' }, { key: 'q' }])
  })
})
