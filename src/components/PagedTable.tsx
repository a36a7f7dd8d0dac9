// An ag-grid table on the infinite row model: every block is a page from the store, sorted there,
// so 100,000 rows scroll as lightly as 100. Writes elsewhere in the app refresh what it shows.
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { AgGridReact } from 'ag-grid-react'
import {
  CellStyleModule,
  ColumnAutoSizeModule,
  InfiniteRowModelModule,
  LocaleModule,
  RowApiModule,
  RowStyleModule,
  TooltipModule,
  themeQuartz,
  type ColDef,
  type GridApi,
  type IDatasource,
  type RowClickedEvent,
  type CellMouseDownEvent,
  type RowClassRules
} from 'ag-grid-community'
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale'
import { pageBlock } from '../api/pagedDatasource'
import { onTablesStale } from '../api/write'
import { useIsShown, useOnScreenShown } from '../api/screenShown'

/** The grid's Chinese, with an empty table reading 暂无数据 as antd's tables do (the locale's 无显示行 reads oddly). */
const localeText = { ...AG_GRID_LOCALE_CN, noRowsToShow: '暂无数据' }
const theme = themeQuartz.withParams({ fontFamily: 'inherit', fontSize: 13, headerBackgroundColor: '#eef2f7', rowHeight: 34, headerHeight: 36 })
// Only what the tables use (AllCommunityModule was 2.2 MB of the first list screen's code to load).
const modules = [InfiniteRowModelModule, ColumnAutoSizeModule, CellStyleModule, RowStyleModule, TooltipModule, LocaleModule, RowApiModule]

/**
 * Read the shown pages again, keeping the rows up meanwhile. An empty table has no page loaded, which
 * refreshing would leave as it is: it is read from the start instead (a first row arriving elsewhere).
 */
function readAgain(api: GridApi) {
  if (api.getDisplayedRowCount() === 0) api.purgeInfiniteCache()
  else api.refreshInfiniteCache()
}

// Memoised: a screen re-rendering around it (a record chosen beside the list) does not redraw the grid.
export const PagedTable = memo(function PagedTable({
  datasource,
  columnDefs,
  onRowClick,
  onRowPress,
  testId,
  rowClassRules
}: {
  datasource: IDatasource
  columnDefs: ColDef[]
  onRowClick?: (row: Record<string, unknown>) => void
  /** The mouse button went down on a row: what its click will need can be read meanwhile. */
  onRowPress?: (row: Record<string, unknown>) => void
  testId: string
  rowClassRules?: RowClassRules
}) {
  const api = useRef<GridApi | null>(null)
  const [ready, setReady] = useState(false)
  // The infinite row model shows no overlay of its own for an empty result: say 暂无数据 when a page comes back with none.
  const counted = useMemo<IDatasource>(
    () => ({
      getRows: (params) =>
        datasource.getRows({
          ...params,
          successCallback: (rows, lastRow) => {
            params.successCallback(rows, lastRow)
            api.current?.setGridOption('activeOverlay', lastRow === 0 ? 'agNoRowsOverlay' : undefined)
          }
        })
    }),
    [datasource]
  )
  // Told to read again before the grid was ready: the page fetched early may predate the change.
  const staleBeforeReady = useRef(false)
  useEffect(() => {
    if (!ready) return
    if (staleBeforeReady.current) (datasource as Partial<{ dropEarlyPage: () => void }>).dropEarlyPage?.()
    staleBeforeReady.current = false
    api.current?.setGridOption('datasource', counted)
  }, [counted, ready, datasource])
  const reread = () => {
    if (api.current) readAgain(api.current)
    else staleBeforeReady.current = true
  }
  // A hidden table reads again when shown (below), not on every write made while it is hidden.
  const isShown = useIsShown()
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => onTablesStale(() => isShown() && reread()), [])
  // A kept screen shown again reads its pages again (the rows stay up meanwhile): clocks and counts move on.
  useOnScreenShown(reread)
  return (
    <div className="registry-table" data-testid={testId}>
      <AgGridReact
        modules={modules}
        theme={theme}
        localeText={localeText}
        rowModelType="infinite"
        cacheBlockSize={pageBlock}
        maxBlocksInCache={20}
        columnDefs={columnDefs}
        defaultColDef={{ resizable: true, suppressMovable: true }}
        getRowId={(p) => String(p.data.id)}
        rowClassRules={rowClassRules}
        onGridReady={(e) => {
          api.current = e.api
          setReady(true)
        }}
        // A click on a row's own action (marked data-row-action) is that action's, not the row's.
        onCellMouseDown={(e: CellMouseDownEvent) => e.data && onRowPress?.(e.data)}
        onRowClicked={(e: RowClickedEvent) => e.data && !(e.event?.target as Element | null)?.closest?.('[data-row-action]') && onRowClick?.(e.data)}
      />
    </div>
  )
})
