// Tells listeners (the wall, other windows, every desk's event stream) what a call changed: after
// each write that succeeded, which kinds of record (its feature) and in which villages (from the
// records and units its access rule names, or the record it created); null villages when the write
// is town-wide. The transports deliver a change only to sessions whose reach it concerns.
// The feed outlives a connection: after a restore the new connection reports to the same listeners.
import { randomBytes } from 'node:crypto'
import type { Dispatch } from './dispatch'
import { featureOf, type MethodName } from '../../shared/contract'
import { changeKinds, type ChangeKind, type StoreChange } from '../../shared/storeChanges'
import { methodRules } from './methodRules'
import type { MethodRule } from './access'
import type { AccessScope } from '../trust/accessScope'

export type { StoreChange }
export type ChangeFeed = {
  subscribe: (listener: (c: StoreChange) => void) => () => void
  version: () => number
  /** This run of the store's feed (versions count from 0 again in another): a stamp is `<feed>.<version>`. */
  feed: string
  notify: (what?: Omit<StoreChange, 'version'>) => void
}

/** Everything, everywhere: a restore, or a change nobody described. */
export const wholeStore: Omit<StoreChange, 'version'> = { kinds: [...changeKinds], villageIds: null }

export function createChangeFeed(): ChangeFeed {
  const listeners = new Set<(c: StoreChange) => void>()
  let version = 0
  return {
    feed: randomBytes(6).toString('base64url'),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    version: () => version,
    notify: (what = wholeStore) => {
      version++
      for (const l of listeners) l({ version, ...what })
    }
  }
}

/** The kinds a write of this feature changes; an undo may put back grids or people. */
const kindsOf = (method: MethodName): ChangeKind[] => {
  const feature = featureOf[method]
  if (feature === 'changes') return ['grids', 'people']
  if (!(changeKinds as readonly string[]).includes(feature)) return [...changeKinds]
  const rule = methodRules[method] as MethodRule<unknown>
  const also = rule.access === 'public' || rule.access === 'session' ? [] : (rule.alsoChanges ?? [])
  return [...new Set([feature as ChangeKind, ...also])]
}

/** Which villages a successful write touched; null when it is town-wide (or cannot be told). */
export function villagesTouched(method: MethodName, input: unknown, value: unknown, scope: AccessScope): number[] | null {
  const rule = methodRules[method] as MethodRule<unknown>
  if (rule.access === 'public' || rule.access === 'session') return null
  const villages = new Set<number>()
  const add = (unitId: number | null | undefined) => {
    if (!unitId) return false
    const of = scope.villagesOf(unitId)
    if (of === null) return false
    for (const v of of) villages.add(v)
    return true
  }
  let told = false
  for (const check of rule.scope) {
    if (check.kind === 'town' || check.kind === 'list' || check.kind === 'none') return null
    if (check.kind === 'unit' && !add(check.unitOf(input))) return null
    if (check.kind === 'record') {
      const id = check.idOf(input)
      if (id && !add(scope.unitOfRecord(check.record, id))) return null
    }
    told ||= check.kind !== 'acting'
  }
  if (rule.creates) {
    const id = rule.creates.idOf(value)
    if (!id || !add(scope.unitOfRecord(rule.creates.record, id))) return null
    told = true
  }
  return told ? [...villages] : null
}

/** Wrap the dispatcher: each successful write is told to the feed, with what it changed and where. */
export function withChangeFeed(
  deps: { scope: () => AccessScope; isOpen: () => boolean },
  dispatch: Dispatch,
  feed: ChangeFeed = createChangeFeed()
): { dispatch: Dispatch; changes: ChangeFeed } {
  const watched: Dispatch = async (method, input, ctx) => {
    const result = await dispatch(method, input, ctx)
    // A restore closes this connection during the call; the new one has already told the listeners.
    if (!result.ok || !Object.hasOwn(methodRules, method) || !deps.isOpen()) return result
    const name = method as MethodName
    const rule = methodRules[name] as MethodRule<unknown>
    if (rule.access === 'public' || rule.access === 'session' || !rule.write) return result
    feed.notify({ kinds: kindsOf(name), villageIds: villagesTouched(name, input, result.value, deps.scope()) })
    return result
  }
  return { dispatch: watched, changes: feed }
}
