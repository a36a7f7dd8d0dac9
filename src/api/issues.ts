// Data hooks of the issue linkage (issue 5): units, the paged list, one issue with its log and the
// actions open to the acting unit, figures, rules. Writes refresh every query and open table.
import { useCallback } from 'react'
import { keepPreviousData, useQueryClient } from '@tanstack/react-query'
import { useQuery } from './query'
import type { Input } from '../../electron/shared/contract'
import type { ListQuery } from '../../electron/shared/people'
import { call } from './client'
import { pagedDatasource } from './pagedDatasource'

export const useUnits = () => useQuery({ queryKey: ['units.all'], queryFn: () => call('units.all'), staleTime: Infinity })
/**
 * One issue. While the next one chosen is on its way the panel keeps the last one (isPlaceholderData,
 * shown dimmed and not clickable) rather than a spinner: swapping the panel out unmounts antd's
 * components, which takes their styles out of the page and puts them back, a third of a click's wait.
 */
const issueQuery = (id: number | null, actingUnitId: number | null) => ({
  queryKey: ['issues.get', id, actingUnitId],
  queryFn: () => call('issues.get', { id: id!, actingUnitId: actingUnitId ?? undefined })
})
export const useIssue = (id: number | null, actingUnitId: number | null) =>
  useQuery({ ...issueQuery(id, actingUnitId), enabled: id !== null, placeholderData: keepPreviousData })
/** Starts reading an issue (as the mouse button goes down on its row, so the panel has it by the click); settles when read. */
export function usePrefetchIssue(actingUnitId: number | null) {
  const client = useQueryClient()
  return useCallback((id: number) => client.prefetchQuery(issueQuery(id, actingUnitId)), [client, actingUnitId])
}
export const useKpis = (input: Input<'stats.kpis'>, enabled = true) =>
  useQuery({ queryKey: ['stats.kpis', input], queryFn: () => call('stats.kpis', input), enabled })
export const useRoutingRules = () => useQuery({ queryKey: ['routing.rules.get'], queryFn: () => call('routing.rules.get') })

export type IssueFilter = Omit<ListQuery, 'offset' | 'limit' | 'sort'>
export const issueDatasource = (filter: IssueFilter, onTotal: (n: number) => void, onError: (e: Error) => void) =>
  pagedDatasource((q) => call('issues.list', q as Input<'issues.list'>), filter, onTotal, onError)
export const useIssuePoints = (enabled: boolean) => useQuery({ queryKey: ['issues.points'], queryFn: () => call('issues.points', {}), enabled })
/** Where a picked point falls (village and the three grids) and whether this account may register there. */
export const useIssuePlace = (point?: [number, number]) =>
  useQuery({ queryKey: ['issues.place', point], queryFn: () => call('issues.place', { lon: point![0], lat: point![1] }), enabled: !!point })
export const useSimilarIssues = (input: { category?: string; lon?: number; lat?: number }) =>
  useQuery({
    queryKey: ['issues.similar', input],
    queryFn: () => call('issues.similar', { category: input.category!, lon: input.lon!, lat: input.lat! }),
    enabled: !!input.category && input.lon !== undefined && input.lat !== undefined
  })
export const useOverdueUnits = (enabled: boolean) => useQuery({ queryKey: ['issues.overdueUnits'], queryFn: () => call('issues.overdueUnits'), enabled })
export const useAccountability = (enabled: boolean) => useQuery({ queryKey: ['accountability.list'], queryFn: () => call('accountability.list', {}), enabled })
/** One photo as a data URL (photos are few and small; the query cache keeps them). */
export const useIssuePhoto = (id: number) =>
  useQuery({
    queryKey: ['issues.photo', id],
    queryFn: async () => {
      const p = await call('issues.photo', { id })
      return `data:${p.mimeType};base64,${p.contentBase64}`
    },
    staleTime: Infinity
  })
/** Open issues another one may be merged into: the likely duplicates, or a search by code or title. */
export const useMergeTargets = (issue: { id: number; category: string; lonLat: [number, number] | null }, q: string) =>
  useQuery({
    queryKey: ['issues.mergeTargets', issue.id, q],
    queryFn: async () => {
      const found = q.trim()
        ? (await call('issues.list', { q: q.trim(), filters: { status: 'open' }, limit: 20 })).rows
        : issue.lonLat
          ? await call('issues.similar', { category: issue.category, lon: issue.lonLat[0], lat: issue.lonLat[1], days: 30 })
          : []
      return found.filter((i) => i.id !== issue.id && i.status !== 'closed').map((i) => ({ id: i.id, code: i.code, title: i.title }))
    }
  })
export const useSupervisionNotice = (eventId: number) =>
  useQuery({ queryKey: ['issues.supervisionNotice', eventId], queryFn: () => call('issues.supervisionNotice', { eventId }) })
