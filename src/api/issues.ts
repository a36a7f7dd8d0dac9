// Data hooks of the issue linkage (issue 5): units, the paged list, one issue with its log and the
// actions open to the acting unit, figures, rules. Writes refresh every query and open table.
import { useQuery } from '@tanstack/react-query'
import type { Input } from '../../electron/shared/contract'
import type { ListQuery } from '../../electron/shared/people'
import { call } from './client'
import { pagedDatasource } from './people'

export const useUnits = () => useQuery({ queryKey: ['units.all'], queryFn: () => call('units.all'), staleTime: Infinity, retry: false })
export const useIssue = (id: number | null, actingUnitId: number | null) =>
  useQuery({ queryKey: ['issues.get', id, actingUnitId], queryFn: () => call('issues.get', { id: id!, actingUnitId: actingUnitId ?? undefined }), enabled: id !== null, retry: false })
export const useKpis = (input: Input<'stats.kpis'>) => useQuery({ queryKey: ['stats.kpis', input], queryFn: () => call('stats.kpis', input), retry: false })
export const useRoutingRules = () => useQuery({ queryKey: ['routing.rules.get'], queryFn: () => call('routing.rules.get'), retry: false })

export type IssueFilter = Omit<ListQuery, 'offset' | 'limit' | 'sort'>
export const issueDatasource = (filter: IssueFilter, onTotal: (n: number) => void, onError: (e: Error) => void) =>
  pagedDatasource((q) => call('issues.list', q as Input<'issues.list'>), filter, onTotal, onError)
export const useIssuePoints = (enabled: boolean) => useQuery({ queryKey: ['issues.points'], queryFn: () => call('issues.points', {}), enabled, retry: false })
export const useSimilarIssues = (input: { category?: string; lon?: number; lat?: number }) =>
  useQuery({
    queryKey: ['issues.similar', input],
    queryFn: () => call('issues.similar', { category: input.category!, lon: input.lon!, lat: input.lat! }),
    enabled: !!input.category && input.lon !== undefined && input.lat !== undefined,
    retry: false
  })
export const useOverdueUnits = (enabled: boolean) => useQuery({ queryKey: ['issues.overdueUnits'], queryFn: () => call('issues.overdueUnits'), enabled, retry: false })
export const useAccountability = (enabled: boolean) => useQuery({ queryKey: ['accountability.list'], queryFn: () => call('accountability.list', {}), enabled, retry: false })
