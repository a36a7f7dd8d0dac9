// Grid writes: on success every grid query is refreshed, so the map, tree, panel and header all show
// the new state.
import { useQueryClient } from '@tanstack/react-query'
import type { MethodName } from '../../electron/shared/contract'
import { call } from './client'
import { markStale, useWrite } from './write'

const gridQueries = [
  'grids.summary',
  'grids.tree',
  'grids.geojson',
  'grids.get',
  'grids.search',
  'grids.history',
  'town.outline',
  'units.offices',
  'changes.list'
] as const

export const useApiMutation = <M extends MethodName>(method: M) => useWrite(method, { invalidates: gridQueries })

/** Undo a batch from anywhere, even after the component that offered it is gone (e.g. a toast). */
export function useUndo() {
  const queryClient = useQueryClient()
  return async (batchId: number) => {
    const result = await call('changes.undo', { batchId })
    markStale(queryClient, gridQueries)
    return result
  }
}
