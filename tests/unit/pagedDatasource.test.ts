// The paged tables' datasource reads its first page while the table is being built and hands it to
// the table's first request; any other request (a later block, a sort) is read anew, and a failed
// early read is reported to the table, not lost.
import { describe, expect, it } from 'vitest'
import type { IGetRowsParams } from 'ag-grid-community'
import { pageBlock, pagedDatasource } from '../../src/api/pagedDatasource'
import { chosenIssue } from '../../src/features/issues/chosenIssue'

type Query = { q?: string; offset: number; limit: number; sort?: { field: string; dir: 'asc' | 'desc' } }

function rowsRequest(startRow: number, endRow: number, sort?: { colId: string; sort: 'asc' | 'desc' }) {
  const got: { rows?: unknown[]; last?: number; failed?: boolean } = {}
  let settle: () => void = () => undefined
  const done = new Promise<void>((r) => (settle = r))
  const params = {
    startRow,
    endRow,
    sortModel: sort ? [sort] : [],
    filterModel: {},
    context: undefined,
    successCallback: (rows: unknown[], last?: number) => (Object.assign(got, { rows, last }), settle()),
    failCallback: () => ((got.failed = true), settle())
  } as unknown as IGetRowsParams
  return { params, got, done }
}

describe('pagedDatasource', () => {
  it('asks for the first page when made and gives it to the first request, once', async () => {
    const asked: Query[] = []
    const fetchPage = async (q: Query) => (asked.push(q), { total: 250, rows: [`page@${q.offset}${q.sort ? ' sorted' : ''}`] })
    const totals: number[] = []
    const ds = pagedDatasource(
      fetchPage,
      { q: '汀圃' },
      (n) => totals.push(n),
      () => undefined
    )
    expect(asked).toEqual([{ q: '汀圃', offset: 0, limit: pageBlock }])

    const first = rowsRequest(0, pageBlock)
    ds.getRows(first.params)
    await first.done
    expect(first.got).toEqual({ rows: ['page@0'], last: 250 })
    expect(asked).toHaveLength(1)

    // The same block asked again (a refresh) is read again, not served from the early read.
    const again = rowsRequest(0, pageBlock)
    ds.getRows(again.params)
    await again.done
    expect(asked).toHaveLength(2)

    const next = rowsRequest(pageBlock, 2 * pageBlock)
    ds.getRows(next.params)
    await next.done
    expect(asked[2]).toEqual({ q: '汀圃', offset: pageBlock, limit: pageBlock, sort: undefined })
    expect(totals).toEqual([250, 250, 250])
  })

  it('reads a sorted first request anew', async () => {
    const asked: Query[] = []
    const ds = pagedDatasource(
      async (q: Query) => (asked.push(q), { total: 1, rows: [q.sort?.dir ?? 'none'] }),
      {},
      () => undefined,
      () => undefined
    )
    const sorted = rowsRequest(0, pageBlock, { colId: 'createdAt', sort: 'desc' })
    ds.getRows(sorted.params)
    await sorted.done
    expect(sorted.got.rows).toEqual(['desc'])
    expect(asked.map((q) => q.sort)).toEqual([undefined, { field: 'createdAt', dir: 'desc' }])
  })

  it('reports a failed early read to the table that takes it', async () => {
    const errors: string[] = []
    const ds = pagedDatasource(
      async () => Promise.reject(new Error('无权查看')),
      {},
      () => undefined,
      (e) => errors.push(e.message)
    )
    // Nothing is reported (nor left unhandled) before the table asks.
    await new Promise((r) => setTimeout(r, 10))
    expect(errors).toEqual([])
    const first = rowsRequest(0, pageBlock)
    ds.getRows(first.params)
    await first.done
    expect(first.got.failed).toBe(true)
    expect(errors).toEqual(['无权查看'])
  })
})

describe('chosenIssue', () => {
  it('tells its readers when another issue is chosen, and only then', () => {
    const chosen = chosenIssue(null)
    const seen: (number | null)[] = []
    const stop = chosen.subscribe(() => seen.push(chosen.get()))
    chosen.set(7)
    chosen.set(7)
    chosen.set(9)
    stop()
    chosen.set(11)
    expect(seen).toEqual([7, 9])
    expect(chosen.get()).toBe(11)
  })
})
