// The handler map: one short function per contract method, each calling a service.
// A method declared in the contract without a handler here is a type error.
import type { MethodName, Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { createGridService } from '../services/grids'

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> }

export function createHandlers(deps: { db: Db; clock: Clock }): Handlers {
  const grids = createGridService(deps.db)
  return {
    'grids.summary': () => grids.summary(),
    'grids.tree': () => grids.tree(),
    'grids.geojson': ({ tier }) => grids.geojson(tier),
    'grids.get': ({ id }) => grids.get(id),
    'grids.search': ({ q, limit }) => grids.search(q, limit),
    'town.outline': () => grids.outline()
  }
}
