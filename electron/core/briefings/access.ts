// Briefings: who may call each method of this feature, on which records (see api/access.ts).
import type { ParsedInput } from '../../shared/contract'
import { list, read, write, record, unit, type FeatureRules } from '../api/access'
import type { briefingsContract } from './contract'

export const briefingsAccess: FeatureRules<typeof briefingsContract> = {
  'briefings.compose': read([unit((i: ParsedInput<'briefings.compose'>) => i.scopeUnitId)]),
  'briefings.issue': write(['briefings.write'], [unit((i: ParsedInput<'briefings.issue'>) => i.scopeUnitId)]),
  'briefings.get': read([record('briefing', (i: ParsedInput<'briefings.get'>) => i.id)]),
  'briefings.list': read(list)
}
