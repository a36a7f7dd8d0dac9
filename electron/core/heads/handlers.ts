// 三长制: one short function per method of this feature's contract part, each calling the service.
import type { FeatureHandlers } from '../api/handlers'
import { scoped } from '../api/scoped'
import type { headsContract } from './contract'
import { createHeadService } from './heads'
import { createHeadImportService } from './headImport'
import { headTemplates } from './domain/ledgerRows'
import { ledgerTemplateFile, rejectedRowsFile } from '../kernel/ledger'
import { chinaDate } from '../../shared/chinaTime'
import type { Db } from '../db/open'
import type { Clock } from '../clock'

export function createHeadsHandlers({ db, clock }: { db: Db; clock: Clock }): FeatureHandlers<typeof headsContract> {
  const heads = createHeadService(db, clock)
  const imports = createHeadImportService(db, clock)
  return {
    'heads.list': (q, ctx) => heads.list(scoped(q, ctx)),
    'heads.records': ({ headId }) => heads.records(headId),
    'heads.figures': (input, { scopeVillageIds }) => heads.figures(input, scopeVillageIds),
    'heads.export': (q, ctx) => heads.exportList(scoped(q, ctx)),
    'heads.exportRecords': (input, { scopeVillageIds }) => heads.exportRecords(input, scopeVillageIds),
    'heads.check': ({ villageUnitId }, { scopeVillageIds }) => heads.check(villageUnitId, scopeVillageIds),
    'heads.appoint': (input) => heads.appoint(input),
    'heads.end': (input) => heads.end(input),
    'heads.record': (input, { actor }) => heads.record(input, actor),
    'heads.mapMeasure': () => heads.mapMeasure(),
    'heads.importTemplate': ({ kind }) => ledgerTemplateFile(headTemplates[kind].title, headTemplates[kind].columns, clock.now(), ['idNumber']),
    'heads.import': (input, { actor }) => imports.run(input, actor),
    'heads.importReportFile': ({ kind, rejected }) =>
      rejectedRowsFile(headTemplates[kind].title, rejected, clock.now(), chinaDate(clock.now()).replaceAll('-', ''))
  }
}
