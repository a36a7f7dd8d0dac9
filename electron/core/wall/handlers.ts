// The wall:
// one short function per method of this feature's contract part, each calling a service.
import type { FeatureHandlers } from '../api/handlers'
import type { wallContract } from './contract'
import { createWallService } from './wall'
import type { Db } from '../db/open'
import type { Clock } from '../clock'

export function createWallHandlers({ db, clock }: { db: Db; clock: Clock }): FeatureHandlers<typeof wallContract> {
  const wall = createWallService(db, clock)
  return {
    'wall.summary': () => wall.summary(),
    'wall.measure': (input) => wall.measure(input),
    'wall.points': () => wall.points()
  }
}
