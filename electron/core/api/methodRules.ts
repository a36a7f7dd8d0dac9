// Every method's access rule, merged from the features' parts (electron/core/<feature>/access.ts).
import type { MethodName, ParsedInput } from '../../shared/contract'
import type { MethodRule } from './access'
import { gridsAccess } from '../grids/access'
import { peopleAccess } from '../people/access'
import { issuesAccess } from '../issues/access'
import { changesAccess } from '../changes/access'
import { briefingsAccess } from '../briefings/access'
import { wallAccess } from '../wall/access'
import { trustAccess } from '../trust/access'
import { rentalsAccess } from '../rentals/access'
import { headsAccess } from '../heads/access'

export const methodRules: { [M in MethodName]: MethodRule<ParsedInput<M>> } = {
  ...gridsAccess,
  ...peopleAccess,
  ...issuesAccess,
  ...changesAccess,
  ...briefingsAccess,
  ...wallAccess,
  ...trustAccess,
  ...rentalsAccess,
  ...headsAccess
}
