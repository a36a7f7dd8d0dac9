// An ag-grid table on the infinite row model: every block is a page from the store, sorted there,
// so 100,000 rows scroll as lightly as 100. Writes elsewhere in the app refresh what it shows.
import { useEffect, useRef, useState } from 'react'
import { AgGridReact } from 'ag-grid-react'
import { AllCommunityModule, themeQuartz, type ColDef, type GridApi, type IDatasource, type RowClickedEvent, type RowClassRules } from 'ag-grid-community'
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale'
import { onPeopleChanged } from '../api/people'

const theme = themeQuartz.withParams({ fontFamily: 'inherit', fontSize: 13, headerBackgroundColor: '#eef2f7', rowHeight: 34, headerHeight: 36 })
const modules = [AllCommunityModule]

export function PagedTable({ datasource, columnDefs, onRowClick, testId, rowClassRules }: { datasource: IDatasource; columnDefs: ColDef[]; onRowClick?: (row: Record<string, unknown>) => void; testId: string; rowClassRules?: RowClassRules }) {
  const api = useRef<GridApi | null>(null)
  const [ready, setReady] = useState(false)
  useEffect(() => {
    if (ready) api.current?.setGridOption('datasource', datasource)
  }, [datasource, ready])
  useEffect(() => onPeopleChanged(() => api.current?.refreshInfiniteCache()), [])
  return (
    <div className="registry-table" data-testid={testId}>
      <AgGridReact
        modules={modules}
        theme={theme}
        localeText={AG_GRID_LOCALE_CN}
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={20}
        columnDefs={columnDefs}
        defaultColDef={{ resizable: true, suppressMovable: true }}
        getRowId={(p) => String(p.data.id)}
        rowClassRules={rowClassRules}
        onGridReady={(e) => {
          api.current = e.api
          setReady(true)
        }}
        onRowClicked={(e: RowClickedEvent) => e.data && onRowClick?.(e.data)}
      />
    </div>
  )
}
