// useQuery for the screens' data: as TanStack's, but paused while its kept screen is hidden
// (src/api/screenShown.ts). A write made elsewhere marks a hidden screen's queries stale and they
// are read once, when it is shown again, instead of on every write while nobody looks at them.
import { useQuery as useTanStackQuery, type DefaultError, type QueryKey, type UseQueryOptions } from '@tanstack/react-query'
import { useContext } from 'react'
import { ScreenShownContext } from './screenShown'

export function useQuery<TQueryFnData = unknown, TError = DefaultError, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>
) {
  const shown = useContext(ScreenShownContext)
  const own = options.enabled
  // A function, read by the cache when it decides what to refetch: no re-render when the screen toggles.
  const enabled: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>['enabled'] = shown
    ? (query) => shown.active && (typeof own === 'function' ? own(query) : own !== false)
    : own
  return useTanStackQuery({ ...options, enabled })
}
