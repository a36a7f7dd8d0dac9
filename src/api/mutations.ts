// Writes: each wraps one contract method; on success every grid query is refreshed, so the map,
// tree, panel and header all show the new state.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Input, MethodName, Output } from '../../electron/shared/contract'
import { call } from './client'

const gridKeys = new Set(['grids.summary', 'grids.tree', 'grids.geojson', 'grids.get', 'grids.search', 'grids.history', 'town.outline', 'units.offices', 'changes.list'])

const isGridQuery = (q: { queryKey: readonly unknown[] }) => gridKeys.has(String(q.queryKey[0]))

export function useApiMutation<M extends MethodName>(method: M) {
  const queryClient = useQueryClient()
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => call(method, input),
    // Not awaited: the caller's own success handling must not wait for (or be unmounted by) the refetch.
    onSuccess: () => void queryClient.invalidateQueries({ predicate: isGridQuery })
  })
}

/** Undo a batch from anywhere, even after the component that offered it is gone (e.g. a toast). */
export function useUndo() {
  const queryClient = useQueryClient()
  return async (batchId: number) => {
    const result = await call('changes.undo', { batchId })
    void queryClient.invalidateQueries({ predicate: isGridQuery })
    return result
  }
}
