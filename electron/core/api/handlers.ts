// The handler map: one short function per contract method, each calling a service.
// A method declared in the contract without a handler here is a type error.
import type { CallContext, MethodName, Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { createChangeService } from '../services/changes'
import { createGridEditService } from '../services/gridEdits'
import { createGridService } from '../services/grids'
import { createGridHealthService } from '../services/gridHealthCheck'
import { createGridExportService } from '../services/gridExport'
import { createGridImportService } from '../services/gridImport'

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>> }

export function createHandlers(deps: { db: Db; clock: Clock }): Handlers {
  const grids = createGridService(deps.db)
  const edits = createGridEditService(deps.db, deps.clock)
  const changes = createChangeService(deps.db, deps.clock)
  const health = createGridHealthService(deps.db)
  const exporter = createGridExportService(deps.db, deps.clock)
  const importer = createGridImportService(deps.db, deps.clock)
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
    'changes.undo': ({ batchId }, { actor }) => changes.undo(batchId, actor),
    'grids.check': ({ gridId }) => health.check(gridId),
    'grids.export': (input) => exporter.export(input),
    'grids.import': (input, { actor }) => importer.run(input, actor),
    'changes.list': ({ kind, limit }) => changes.list(kind, limit),
    'units.moveVillage': (input, { actor }) => edits.moveVillage(input, actor)
  }
}
