// The one way a screen writes: a contract method as a mutation, and what the write makes stale —
// every query and every open paged table ('everything'), the queries of some methods (their names,
// the heads of their query keys), or nothing (a read that produces a file, a check run on demand).
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Input, MethodName, Output } from '../../electron/shared/contract'
import { call } from './client'

export type Stale = 'everything' | 'nothing' | readonly MethodName[]

// Paged tables read their pages themselves (ag-grid's datasource), outside the query cache: a write
// that makes everything stale tells them to read again.
const tables = new Set<() => void>()
export const onTablesStale = (f: () => void) => {
  tables.add(f)
  return () => void tables.delete(f)
}

/** Every open paged table reads its pages again (a shown one now; a hidden one when shown). */
export const refreshTables = () => tables.forEach((f) => f())

/** Marks what a write made stale (not awaited: a caller's own success handling must not wait for the refetch). */
export function markStale(queryClient: QueryClient, stale: Stale) {
  if (stale === 'nothing') return
  if (stale === 'everything') {
    void queryClient.invalidateQueries()
    refreshTables()
    return
  }
  const heads = new Set<string>(stale)
  void queryClient.invalidateQueries({ predicate: (q) => heads.has(String(q.queryKey[0])) })
}

export function useWrite<M extends MethodName>(method: M, { invalidates, onSuccess }: { invalidates: Stale; onSuccess?: (output: Output<M>) => void }) {
  const queryClient = useQueryClient()
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: (output) => {
      markStale(queryClient, invalidates)
      onSuccess?.(output)
    }
  })
}
