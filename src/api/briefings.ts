// Data hooks of briefings (issue 6): compose a draft from the store, the issued list, one issued
// briefing (its frozen snapshot).
import { useQuery } from './query'
import type { Input } from '../../electron/shared/contract'
import { call } from './client'

export type BriefingRequest = Input<'briefings.compose'>
export const useComposedBriefing = (input: BriefingRequest | null) =>
  useQuery({ queryKey: ['briefings.compose', input], queryFn: () => call('briefings.compose', input!), enabled: input !== null, staleTime: Infinity })
export const useBriefingList = (q: string) => useQuery({ queryKey: ['briefings.list', q], queryFn: () => call('briefings.list', { q: q.trim() || undefined }) })
export const issuedBriefingQuery = (id: number) => ({ queryKey: ['briefings.get', id], queryFn: () => call('briefings.get', { id }), staleTime: Infinity })
export const useIssuedBriefing = (id: number) => useQuery(issuedBriefingQuery(id))
