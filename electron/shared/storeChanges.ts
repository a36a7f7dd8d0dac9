// What a change to the store says (issue 20): which kinds of record changed and in which villages, so
// a desk is told only of changes within its reach, and refreshes only the screens that show them.
// Shared by the core (which describes each write), the transports and the renderer.
import { featureOf, type Feature, type MethodName } from './contract'

/** The kinds of record a write may change: the features that write. */
export const changeKinds = ['grids', 'people', 'issues', 'briefings', 'trust', 'rentals', 'heads'] as const
export type ChangeKind = (typeof changeKinds)[number]

/**
 * `version` counts changes since the server started; `villageIds` null means the change is town-wide
 * (a grid redrawn, an import, settings) and concerns every desk.
 */
export type StoreChange = { version: number; kinds: ChangeKind[]; villageIds: number[] | null }

/** Which kinds of change each feature's reads show: the wall and the briefings are made of the others. */
const shows: Record<Feature, readonly ChangeKind[]> = {
  grids: ['grids', 'people'],
  changes: ['grids', 'people'],
  people: ['people', 'grids'],
  issues: ['issues', 'grids'],
  briefings: ['briefings', 'issues', 'people', 'grids', 'rentals', 'heads'],
  wall: ['issues', 'people', 'grids', 'rentals', 'heads'],
  trust: ['trust'],
  rentals: ['rentals', 'grids', 'people'],
  heads: ['heads', 'grids', 'people', 'issues']
}

/** Whether a read of this method (a query's first key) shows what this change changed. */
export function showsChange(method: string, change: Pick<StoreChange, 'kinds'>): boolean {
  const feature = Object.hasOwn(featureOf, method) ? featureOf[method as MethodName] : undefined
  // A query that is no method of the contract (none today) is refreshed, to be safe.
  return feature === undefined || change.kinds.some((k) => shows[feature].includes(k))
}

/** The kinds of change a read of this method shows (every kind for a query that is no method). */
export function kindsShownBy(method: string): ChangeKind[] {
  const feature = Object.hasOwn(featureOf, method) ? featureOf[method as MethodName] : undefined
  return feature === undefined ? [...changeKinds] : [...shows[feature]]
}

/** Whether a desk whose reach is `scope` (village ids; null = the whole town) is concerned by a change. */
export const concerns = (scope: readonly number[] | null, change: Pick<StoreChange, 'villageIds'>) =>
  scope === null || change.villageIds === null || change.villageIds.some((v) => scope.includes(v))
