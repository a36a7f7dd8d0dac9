// Briefings:
// one short function per method of this feature's contract part, each calling a service.
import type { FeatureHandlers } from '../api/handlers'
import type { briefingsContract } from './contract'
import { createBriefingService } from './briefings'
import type { Db } from '../db/open'
import type { Clock } from '../clock'

export function createBriefingsHandlers({ db, clock }: { db: Db; clock: Clock }): FeatureHandlers<typeof briefingsContract> {
  const briefings = createBriefingService(db, clock)
  return {
    'briefings.compose': (input) => briefings.compose(input),
    'briefings.issue': (input, { actor }) => briefings.issue(input, actor),
    'briefings.get': ({ id }) => briefings.get(id),
    'briefings.list': (input, ctx) => briefings.list(input, ctx.scopeVillageIds && [...ctx.scopeVillageIds, ...(ctx.unitId ? [ctx.unitId] : [])])
  }
}
