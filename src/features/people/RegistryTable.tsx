// One registry as a paged table (see PagedTable): the registry's columns over its list method.
import { useMemo } from 'react'
import type { ColDef } from 'ag-grid-community'
import type { RegistryName } from '../../../electron/shared/people'
import { registryDatasource, type RegistryFilter } from '../../api/people'
import { PagedTable } from '../../components/PagedTable'
import { registryColumns } from './registryColumns'

export function RegistryTable({
  registry,
  filter,
  onTotal,
  onError,
  onRowClick,
  onEdit
}: {
  registry: RegistryName
  filter: RegistryFilter
  /** The count of rows matching; null while a refused query shows its error instead. */
  onTotal: (n: number | null) => void
  onError: (e: Error | null) => void
  onRowClick?: (row: Record<string, unknown>) => void
  /** Given, each row gets an 操作 column whose 编辑 opens the record for editing. */
  onEdit?: (row: Record<string, unknown>) => void
}) {
  const key = JSON.stringify(filter)
  const datasource = useMemo(
    () =>
      registryDatasource(
        registry,
        filter,
        (n) => (onTotal(n), onError(null)),
        (e) => (onTotal(null), onError(e))
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [registry, key]
  )
  const columns = useMemo<ColDef[]>(
    () =>
      onEdit
        ? [
            ...registryColumns[registry],
            {
              colId: 'actions',
              headerName: '操作',
              width: 80,
              pinned: 'right',
              sortable: false,
              cellRenderer: (p: { data?: Record<string, unknown> }) =>
                p.data ? (
                  <a
                    onClick={(e) => {
                      e.stopPropagation()
                      onEdit(p.data!)
                    }}
                    data-testid="row-edit"
                    data-row-action
                  >
                    编辑
                  </a>
                ) : null
            }
          ]
        : registryColumns[registry],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [registry, !!onEdit]
  )
  return <PagedTable datasource={datasource} columnDefs={columns} onRowClick={onRowClick} testId={`registry-${registry}`} />
}
