// Grids and units:
// one short function per method of this feature's contract part, each calling a service.
import type { FeatureHandlers } from '../api/handlers'
import type { gridsContract } from './contract'
import { createGridService } from './grids'
import { createGridEditService } from './gridEdits'
import { createChangeService } from '../changes/changes'
import { createGridHealthService } from './gridHealthCheck'
import { createGridExportService } from './gridExport'
import { createGridImportService } from './gridImport'
import type { Db } from '../db/open'
import type { Clock } from '../clock'

export function createGridsHandlers({ db, clock }: { db: Db; clock: Clock }): FeatureHandlers<typeof gridsContract> {
  const grids = createGridService(db)
  const edits = createGridEditService(db, clock)
  const changes = createChangeService(db, clock)
  const health = createGridHealthService(db)
  const exporter = createGridExportService(db, clock)
  const importer = createGridImportService(db, clock)
  return {
    'grids.summary': () => grids.summary(),
    'grids.tree': () => grids.tree(),
    'grids.geojson': ({ tier }) => grids.geojson(tier),
    'grids.get': ({ id }) => grids.get(id),
    'grids.search': ({ q, limit }) => grids.search(q, limit),
    'town.outline': () => grids.outline(),
    'units.offices': () => grids.offices(),
    'grids.create': (input, { actor }) => edits.create(input, actor),
    'grids.update': (input, { actor }) => edits.update(input, actor),
    'grids.setGeometry': (input, { actor }) => edits.setGeometry(input, actor),
    'grids.split': (input, { actor }) => edits.split(input, actor),
    'grids.move': (input, { actor }) => edits.move(input, actor),
    'grids.delete': (input, { actor }) => edits.remove(input, actor),
    'grids.history': ({ id }) => changes.gridHistory(id),
    'grids.check': ({ gridId }) => health.check(gridId),
    'grids.export': (input) => exporter.export(input),
    'grids.import': (input, { actor }) => importer.run(input, actor),
    'units.moveVillage': (input, { actor }) => edits.moveVillage(input, actor),
    'units.villages': () => grids.villages(),
    'units.all': () => grids.allUnits()
  }
}
