// Change history and undo: who may call each method of this feature, on which records (see api/access.ts).
import { none, read, write, type FeatureRules } from '../api/access'
import type { changesContract } from './contract'

export const changesAccess: FeatureRules<typeof changesContract> = {
  'changes.undo': write(['grids.write', 'people.write'], none),
  'changes.list': read(none)
}
