// One registry as an ag-grid table on the infinite row model: every block is a page from the store,
// sorted there, so 100,000 rows scroll as lightly as 100.
import { useEffect, useMemo, useRef, useState } from 'react'
import { AgGridReact } from 'ag-grid-react'
import { AllCommunityModule, themeQuartz, type GridApi, type RowClickedEvent } from 'ag-grid-community'
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale'
import type { RegistryName } from '../../../electron/shared/people'
import { onPeopleChanged, registryDatasource, type RegistryFilter } from '../../api/people'
import { registryColumns } from './registryColumns'

const theme = themeQuartz.withParams({ fontFamily: 'inherit', fontSize: 13, headerBackgroundColor: '#eef2f7', rowHeight: 34, headerHeight: 36 })
const modules = [AllCommunityModule]

export function RegistryTable({ registry, filter, onTotal, onError, onRowClick }: {
  registry: RegistryName
  filter: RegistryFilter
  onTotal: (n: number) => void
  onError: (e: Error | null) => void
  onRowClick?: (row: Record<string, unknown>) => void
}) {
  const api = useRef<GridApi | null>(null)
  const [ready, setReady] = useState(false)
  const key = JSON.stringify(filter)
  const datasource = useMemo(
    () => registryDatasource(registry, filter, (n) => (onTotal(n), onError(null)), onError),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [registry, key]
  )
  useEffect(() => {
    if (ready) api.current?.setGridOption('datasource', datasource)
  }, [datasource, ready])
  useEffect(() => onPeopleChanged(() => api.current?.refreshInfiniteCache()), [])
  return (
    <div className="registry-table" data-testid={`registry-${registry}`}>
      <AgGridReact
        modules={modules}
        theme={theme}
        localeText={AG_GRID_LOCALE_CN}
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={20}
        columnDefs={registryColumns[registry]}
        defaultColDef={{ resizable: true, suppressMovable: true }}
        getRowId={(p) => String(p.data.id)}
        onGridReady={(e) => {
          api.current = e.api
          setReady(true)
        }}
        onRowClicked={(e: RowClickedEvent) => e.data && onRowClick?.(e.data)}
      />
    </div>
  )
}
