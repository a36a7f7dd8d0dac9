// Issues:
// one short function per method of this feature's contract part, each calling a service.
import type { FeatureHandlers } from '../api/handlers'
import { scoped } from '../api/scoped'
import type { issuesContract } from './contract'
import { createIssueService } from './issues'
import { createIssueFigureService } from './issueFigures'
import { createIssuePrintService } from './issuePrints'
import type { Db } from '../db/open'
import type { Clock } from '../clock'

export function createIssuesHandlers({ db, clock }: { db: Db; clock: Clock }): FeatureHandlers<typeof issuesContract> {
  const issues = createIssueService(db, clock)
  const issueFigures = createIssueFigureService(db, clock)
  const issuePrints = createIssuePrintService(db)
  return {
    'issues.create': (input, { actor, scopeVillageIds }) => issues.create(input, actor, scopeVillageIds),
    'issues.act': (input, { actor }) => issues.act(input, actor),
    'issues.get': ({ id, actingUnitId }) => issues.get(id, actingUnitId),
    'issues.photo': ({ id }) => issues.photo(id),
    'issues.supervisionNotice': ({ eventId }) => issuePrints.supervisionNotice(eventId),
    'issues.list': (q, ctx) => issueFigures.list(scoped(q, ctx)),
    'issues.place': ({ lon, lat }, { scopeVillageIds }) => issues.place(lon, lat, scopeVillageIds),
    'issues.similar': (input, ctx) => issueFigures.similar(input, ctx.scopeVillageIds),
    'issues.points': (input, ctx) => issueFigures.points(input, ctx.scopeVillageIds),
    'issues.overdueUnits': () => issueFigures.overdueUnits(),
    'accountability.record': (input, { actor }) => issueFigures.recordAccountability(input, actor),
    'accountability.list': ({ unitId }) => issueFigures.accountability(unitId),
    'stats.kpis': ({ from, to, scope }) => issueFigures.kpis({ from, to, scopeUnitId: scope }),
    'routing.rules.get': () => issueFigures.rules(),
    'routing.rules.set': (input) => issueFigures.setRules(input)
  }
}
