// Tells listeners (the wall, other windows) that the store changed, whoever changed it: after every
// dispatched call, SQLite's count of rows changed on this connection is compared with the last one.
import type Database from 'better-sqlite3'
import type { Dispatch } from './dispatch'

export type StoreChange = { version: number }
export type ChangeFeed = { subscribe: (listener: (c: StoreChange) => void) => () => void; version: () => number }

export function withChangeFeed(sqlite: Database.Database, dispatch: Dispatch): { dispatch: Dispatch; changes: ChangeFeed } {
  const totalChanges = sqlite.prepare('select total_changes() n').pluck()
  const listeners = new Set<(c: StoreChange) => void>()
  let seen = totalChanges.get() as number
  let version = 0
  const watched: Dispatch = async (method, input, ctx) => {
    const result = await dispatch(method, input, ctx)
    const now = totalChanges.get() as number
    if (now !== seen) {
      seen = now
      version++
      for (const l of listeners) l({ version })
    }
    return result
  }
  return {
    dispatch: watched,
    changes: {
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      version: () => version
    }
  }
}
