// An ag-grid datasource over any paged list method: each block is one SQL page, sorted as the grid asks.
import type { IDatasource, IGetRowsParams } from 'ag-grid-community'

/** Rows a paged table reads at a time (ag-grid's block). */
export const pageBlock = 100

/**
 * An ag-grid datasource over a paged list method. Its first page is asked for when the datasource
 * is made, while the table is still being built, rather than after (a first visit waited for both
 * one after the other).
 */
export function pagedDatasource<Q extends object>(
  fetchPage: (query: Q & { offset: number; limit: number; sort?: { field: string; dir: 'asc' | 'desc' } }) => Promise<{ total: number; rows: unknown[] }>,
  filter: Q,
  onTotal: (n: number) => void,
  onError: (e: Error) => void
): IDatasource & { dropEarlyPage: () => void } {
  let firstPage: Promise<{ total: number; rows: unknown[] }> | null = fetchPage({ ...filter, offset: 0, limit: pageBlock })
  firstPage.catch(() => undefined) // a failure is reported when the table takes the page
  return {
    /** The store changed before the table took its first page: that page is read again, not taken as it was. */
    dropEarlyPage: () => void (firstPage = null),
    getRows: (params: IGetRowsParams) => {
      const sort = params.sortModel[0]
      const early = firstPage !== null && params.startRow === 0 && params.endRow === pageBlock && !sort ? firstPage : null
      firstPage = null
      ;(
        early ??
        fetchPage({
          ...filter,
          offset: params.startRow,
          limit: params.endRow - params.startRow,
          sort: sort ? { field: sort.colId, dir: sort.sort } : undefined
        })
      ).then(
        (page) => {
          onTotal(page.total)
          params.successCallback(page.rows, page.total)
        },
        (e: Error) => {
          onError(e)
          params.failCallback()
        }
      )
    }
  }
}
