// The wall: who may call each method of this feature, on which records (see api/access.ts).
import { none, type FeatureRules } from '../api/access'
import type { wallContract } from './contract'

export const wallAccess: FeatureRules<typeof wallContract> = {
  'wall.summary': { access: ['wall.read'], scope: [...none] },
  'wall.measure': { access: ['wall.read'], scope: [...none] },
  'wall.points': { access: ['wall.read'], scope: [...none] }
}
