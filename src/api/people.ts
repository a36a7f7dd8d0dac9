// Data hooks of the people side (issue 4): villages, registries (as ag-grid datasources paging in
// SQL), person detail, rules, settings, placement. Writes refresh every query and every open table.
import { useContext } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useQuery } from './query'
import type { Input, Output } from '../../electron/shared/contract'
import type { ListQuery, RegistryName } from '../../electron/shared/people'
import { personQuery } from '../../electron/shared/personQuery'
import { call } from './client'
import { MeContext, useCan, useMe } from './auth'
import { markStale } from './write'
import { pagedDatasource } from './pagedDatasource'

const listMethod = {
  persons: 'persons.list',
  households: 'households.list',
  teams: 'teams.list',
  reporting: 'reporting.list',
  reserve: 'reserve.list'
} as const

export type RegistryFilter = Omit<ListQuery, 'offset' | 'limit' | 'sort'>

/** An ag-grid datasource for one registry. */
export const registryDatasource = (registry: RegistryName, filter: RegistryFilter, onTotal: (n: number) => void, onError: (e: Error) => void) =>
  pagedDatasource((q) => call(listMethod[registry], q as Input<'persons.list'>), filter, onTotal, onError)

/** The villages this account may work on: every village, or a clerk's own (the core refuses the rest). */
export const useVillages = () => {
  const scope = useContext(MeContext)?.scopeVillageIds ?? null
  return useQuery({
    queryKey: ['units.villages'],
    queryFn: () => call('units.villages'),
    staleTime: Infinity,
    select: scope ? (rows: Output<'units.villages'>) => rows.filter((v) => scope.includes(v.id)) : undefined
  })
}
export const usePerson = (id: number | null) =>
  useQuery({ queryKey: ['persons.get', id], queryFn: () => call('persons.get', { id: id! }), enabled: id !== null })
export const usePeopleCheck = (villageUnitId?: number, enabled = true) =>
  useQuery({ queryKey: ['people.check', villageUnitId ?? null], queryFn: () => call('people.check', { villageUnitId }), enabled })
export const usePeopleSettings = () => useQuery({ queryKey: ['people.settings'], queryFn: () => call('people.settings') })
export const usePlacementSuggestions = (villageUnitId: number | null) =>
  useQuery({
    queryKey: ['placement.suggest', villageUnitId],
    queryFn: () => call('placement.suggest', { villageUnitId: villageUnitId! }),
    enabled: villageUnitId !== null
  })
export const usePartyGroups = (villageUnitId: number | null) =>
  useQuery({
    queryKey: ['placement.groups', villageUnitId],
    queryFn: () => call('placement.groups', { villageUnitId: villageUnitId! }),
    enabled: villageUnitId !== null
  })

/** A write (people, placement, issues …): afterwards every query and every open paged table reloads. */

/** Undo a people batch (placement, import) and reload everything. */
export function usePeopleUndo() {
  const queryClient = useQueryClient()
  return async (batchId: number) => {
    const r = await call('changes.undo', { batchId })
    markStale(queryClient, 'everything')
    return r
  }
}

export const useVisitStats = (input: { villageUnitId?: number; from: string; to: string }) =>
  useQuery({ queryKey: ['visits.stats', input], queryFn: () => call('visits.stats', input) })
export const useHouseholdVisits = (householdId: number | null) =>
  useQuery({
    queryKey: ['visits.ofHousehold', householdId],
    queryFn: () => call('visits.ofHousehold', { householdId: householdId! }),
    enabled: householdId !== null
  })
export const usePosts = (villageUnitId: number | null) =>
  useQuery({ queryKey: ['posts.list', villageUnitId], queryFn: () => call('posts.list', { villageUnitId: villageUnitId! }), enabled: villageUnitId !== null })
export const useServices = (reportingMemberId: number | null) =>
  useQuery({
    queryKey: ['services.list', reportingMemberId],
    queryFn: () => call('services.list', { reportingMemberId: reportingMemberId! }),
    enabled: reportingMemberId !== null
  })
export const usePrintout = (reportingMemberId: number | null) =>
  useQuery({
    queryKey: ['reporting.printout', reportingMemberId],
    queryFn: () => call('reporting.printout', { reportingMemberId: reportingMemberId! }),
    enabled: reportingMemberId !== null
  })
export const useReserveNotices = (villageUnitId?: number) =>
  useQuery({ queryKey: ['reserve.notices', villageUnitId ?? null], queryFn: () => call('reserve.notices', { villageUnitId }) })
export const useNoticeAnswers = (noticeId: number | null) =>
  useQuery({ queryKey: ['reserve.answers', noticeId], queryFn: () => call('reserve.answers', { noticeId: noticeId! }), enabled: noticeId !== null })
export const usePeoplePoints = (kind: 'reporting' | 'reserve' | null, specialty?: string) =>
  useQuery({ queryKey: ['people.points', kind, specialty ?? null], queryFn: () => call('people.points', { kind: kind!, specialty }), enabled: kind !== null })
/** A tier-3 shading for the map: the people measures, or the 三长 one (heads.mapMeasure). */
export const usePeopleMeasure = (measure: 'contactCoverage' | 'daysSinceVisit' | 'heads' | null) =>
  useQuery({
    queryKey: [measure === 'heads' ? 'heads.mapMeasure' : 'grids.peopleMeasure', measure],
    queryFn: () => (measure === 'heads' ? call('heads.mapMeasure', {}) : call('grids.peopleMeasure', { measure: measure! })),
    enabled: measure !== null
  })
/** The villages' 设岗定责 shading (posts.mapMeasure), fetched while it is chosen. */
export const usePostsMeasure = (enabled: boolean) => useQuery({ queryKey: ['posts.mapMeasure'], queryFn: () => call('posts.mapMeasure', {}), enabled })
export const useTeamMembers = (teamId: number | null) =>
  useQuery({ queryKey: ['teams.members', teamId], queryFn: () => call('teams.members', { teamId: teamId! }), enabled: teamId !== null })
/** Quick person search for pickers (name prefix or ID/phone tail), optionally party members of one village. */
/**
 * People found as the user types: a name at once; digits only once they are the four a mask shows or
 * a whole number (anything between is not searched, see shared/personQuery.ts), so typing an ID
 * number costs one search, not eighteen. `waitingFor` says what the digits typed so far still lack.
 */
export function usePersonSearch(q: string, villageUnitId?: number, partyOnly = false) {
  const query = personQuery(q)
  const found = useQuery({
    queryKey: ['persons.list', 'picker', q, villageUnitId ?? null, partyOnly],
    queryFn: () => call('persons.list', { q: q || undefined, villageUnitId, filters: partyOnly ? { party: true } : undefined, limit: 20 }),
    enabled: q.trim().length > 0 && query.kind !== 'partial',
    staleTime: 10_000
  })
  return { found, waitingFor: query.kind === 'partial' ? query.message : null }
}

/** Whether this account may undo a batch (the core's changes.undo: town roles that keep grids or registries, not the clerks). */
export function useCanUndo() {
  const me = useMe()
  const can = useCan()
  return me.scopeVillageIds === null && (can('grids.write') || can('people.write'))
}
/** 设岗定责: the year's figures and the posts nobody holds, for a village or the town. */
export const usePostFigures = (year: number, villageUnitId?: number) =>
  useQuery({
    queryKey: ['posts.figures', year, villageUnitId],
    queryFn: () => call('posts.figures', { year, villageIds: villageUnitId ? [villageUnitId] : undefined })
  })
export const useMemberClaims = (postId: number | null) =>
  useQuery({ queryKey: ['posts.memberClaims', postId], queryFn: () => call('posts.memberClaims', { postId: postId! }), enabled: postId !== null })
