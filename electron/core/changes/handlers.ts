// Change history and undo:
// one short function per method of this feature's contract part, each calling a service.
import type { FeatureHandlers } from '../api/handlers'
import type { changesContract } from './contract'
import { createChangeService } from './changes'
import type { Db } from '../db/open'
import type { Clock } from '../clock'

export function createChangesHandlers({ db, clock }: { db: Db; clock: Clock }): FeatureHandlers<typeof changesContract> {
  const changes = createChangeService(db, clock)
  return {
    'changes.undo': ({ batchId }, { actor }) => changes.undo(batchId, actor),
    'changes.list': ({ kind, limit }) => changes.list(kind, limit)
  }
}
