// One registry as a paged table (see PagedTable): the registry's columns over its list method.
import { useMemo } from 'react'
import type { RegistryName } from '../../../electron/shared/people'
import { registryDatasource, type RegistryFilter } from '../../api/people'
import { PagedTable } from '../../components/PagedTable'
import { registryColumns } from './registryColumns'

export function RegistryTable({ registry, filter, onTotal, onError, onRowClick }: {
  registry: RegistryName
  filter: RegistryFilter
  /** The count of rows matching; null while a refused query shows its error instead. */
  onTotal: (n: number | null) => void
  onError: (e: Error | null) => void
  onRowClick?: (row: Record<string, unknown>) => void
}) {
  const key = JSON.stringify(filter)
  const datasource = useMemo(
    () => registryDatasource(registry, filter, (n) => (onTotal(n), onError(null)), (e) => (onTotal(null), onError(e))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [registry, key]
  )
  return <PagedTable datasource={datasource} columnDefs={registryColumns[registry]} onRowClick={onRowClick} testId={`registry-${registry}`} />
}
