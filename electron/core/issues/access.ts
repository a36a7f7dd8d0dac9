// Issues: who may call each method of this feature, on which records (see api/access.ts).
import type { ParsedInput } from '../../shared/contract'
import { town, list, none, read, write, record, unit, type FeatureRules } from '../api/access'
import type { issuesContract } from './contract'

export const issuesAccess: FeatureRules<typeof issuesContract> = {
  'routing.rules.get': read(town),
  'issues.create': {
    ...write(['issues.handle'], [{ kind: 'acting', unitOf: (i: ParsedInput<'issues.create'>) => i.reportingUnitId }]),
    creates: { record: 'issue', idOf: (v) => (v as { id?: number }).id }
  },
  'issues.act': write(
    ['issues.handle'],
    [{ kind: 'acting', unitOf: (i: ParsedInput<'issues.act'>) => i.actingUnitId }, record('issue', (i: ParsedInput<'issues.act'>) => i.id)]
  ),
  'issues.get': read([
    { kind: 'acting', unitOf: (i: ParsedInput<'issues.get'>) => i.actingUnitId, optional: true },
    record('issue', (i: ParsedInput<'issues.get'>) => i.id)
  ]),
  'issues.photo': read([record('issuePhoto', (i: ParsedInput<'issues.photo'>) => i.id)]),
  'issues.supervisionNotice': read([record('issueEvent', (i: ParsedInput<'issues.supervisionNotice'>) => i.eventId)]),
  'issues.list': read(list),
  // Grids and village names only; whether the point is in the caller's reach is part of the answer.
  'issues.place': read(town),
  'issues.similar': read(list),
  'issues.points': read(list),
  'issues.overdueUnits': read(none),
  'accountability.record': write(['issues.configure'], none),
  'accountability.list': read([unit((i: ParsedInput<'accountability.list'>) => i.unitId)]),
  'stats.kpis': read([unit((i: ParsedInput<'stats.kpis'>) => i.scope)]),
  'routing.rules.set': write(['issues.configure'], none)
}
