// 三长制: who may call each method, on which records (see api/access.ts). Appointing heads and
// recording their work is the people side's (organisation office, office and village clerks), a
// clerk on their own villages; every desk that reads may read.
import type { ParsedInput } from '../../shared/contract'
import { list, none, read, record, town, write, type FeatureRules } from '../api/access'
import type { headsContract } from './contract'

export const headsAccess: FeatureRules<typeof headsContract> = {
  'heads.list': read(list),
  'heads.records': read([record('areaHead', (i: ParsedInput<'heads.records'>) => i.headId)]),
  'heads.figures': read(list),
  'heads.export': { access: ['data.export'], audited: true, scope: [...list] },
  'heads.exportRecords': { access: ['data.export'], audited: true, scope: [...list] },
  // The service narrows the check to a clerk's villages (a village asked outside them gives none).
  'heads.check': read(list),
  'heads.appoint': {
    ...write(
      ['people.write'],
      [record('grid', (i: ParsedInput<'heads.appoint'>) => i.tier3GridId), record('person', (i: ParsedInput<'heads.appoint'>) => i.personId)]
    ),
    creates: { record: 'areaHead', idOf: (v) => (v as { id?: number }).id }
  },
  'heads.end': write(['people.write'], [record('areaHead', (i: ParsedInput<'heads.end'>) => i.id)]),
  'heads.record': write(['people.write'], [record('areaHead', (i: ParsedInput<'heads.record'>) => i.headId)]),
  // Counts by area, no person: reference for the map, as the people measures are.
  'heads.mapMeasure': read(town),
  // The villages' ledgers are imported by the town, as the people registries are.
  'heads.importTemplate': read(town),
  'heads.import': write(['people.write'], none),
  'heads.importReportFile': read(town)
}
