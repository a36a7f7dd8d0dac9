// Data hooks for components: each wraps one contract method in TanStack Query.
import { useEffect } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useQuery } from './query'
import type { Tier } from '../../electron/shared/contract'
import { call } from './client'
import { markStale, useWrite } from './write'

// Grid data changes only through this app; keep it until something invalidates it.
const stable = { staleTime: Infinity, gcTime: Infinity } as const

export const useGridSummary = (enabled = true) => useQuery({ queryKey: ['grids.summary'], queryFn: () => call('grids.summary'), enabled, ...stable })
export const useGridTree = (enabled = true) => useQuery({ queryKey: ['grids.tree'], queryFn: () => call('grids.tree'), enabled, ...stable })
const townOutlineQuery = { queryKey: ['town.outline'], queryFn: () => call('town.outline'), ...stable }
export const useTownOutline = () => useQuery(townOutlineQuery)
const tierGeoJsonQuery = (tier: Tier) => ({ queryKey: ['grids.geojson', tier], queryFn: () => call('grids.geojson', { tier }), ...stable })
export const useTierGeoJson = (tier: Tier) => useQuery(tierGeoJsonQuery(tier))

/**
 * Start reading the map's grids before the map exists: at city scale the three tiers are megabytes
 * (issue 9). Queries already running or read are not asked again.
 */
export function prefetchMapData(queryClient: QueryClient) {
  void queryClient.prefetchQuery(townOutlineQuery)
  for (const tier of [1, 2, 3] as const) void queryClient.prefetchQuery(tierGeoJsonQuery(tier))
}

/** The same, as soon as the map screen is chosen, while its code is still loading. */
export function usePrefetchMapData(enabled: boolean) {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (enabled) prefetchMapData(queryClient)
  }, [enabled, queryClient])
}

export const useGrid = (id: number | null) =>
  useQuery({ queryKey: ['grids.get', id], queryFn: () => call('grids.get', { id: id! }), enabled: id !== null, ...stable })

export const useGridSearch = (q: string) =>
  useQuery({ queryKey: ['grids.search', q], queryFn: () => call('grids.search', { q, limit: 20 }), enabled: q.trim().length > 0, staleTime: 30_000 })

export const useGridHistory = (id: number) => useQuery({ queryKey: ['grids.history', id], queryFn: () => call('grids.history', { id }) })
export const useOffices = () => useQuery({ queryKey: ['units.offices'], queryFn: () => call('units.offices'), ...stable })

/** The health check runs when asked (it is a read, but not a cheap one to repeat on every render). */

export const useGridImport = () => {
  const queryClient = useQueryClient()
  return useWrite('grids.import', { invalidates: 'nothing', onSuccess: (report) => report.committed && markStale(queryClient, 'everything') })
}
export const useRecentImports = () => useQuery({ queryKey: ['changes.list', 'import'], queryFn: () => call('changes.list', { kind: 'import', limit: 10 }) })
