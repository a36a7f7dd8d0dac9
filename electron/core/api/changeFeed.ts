// Tells listeners (the wall, other windows) that the store changed, whoever changed it: after every
// dispatched call, SQLite's count of rows changed on this connection is compared with the last one.
// The feed outlives a connection: after a restore the new connection reports to the same listeners.
import type { Dispatch } from './dispatch'
import { type Sql } from '../db/sql'

export type StoreChange = { version: number }
export type ChangeFeed = { subscribe: (listener: (c: StoreChange) => void) => () => void; version: () => number; notify: () => void }

export function createChangeFeed(): ChangeFeed {
  const listeners = new Set<(c: StoreChange) => void>()
  let version = 0
  return {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    version: () => version,
    notify: () => {
      version++
      for (const l of listeners) l({ version })
    }
  }
}

export function withChangeFeed(sql: Sql, dispatch: Dispatch, feed: ChangeFeed = createChangeFeed()): { dispatch: Dispatch; changes: ChangeFeed } {
  const totalChanges = () => sql.value<number>('select total_changes()')
  let seen = totalChanges()
  const watched: Dispatch = async (method, input, ctx) => {
    const result = await dispatch(method, input, ctx)
    // A restore closes this connection during the call; the new one has already told the listeners.
    if (!sql.sqlite.open) return result
    const now = totalChanges()
    if (now !== seen) {
      seen = now
      feed.notify()
    }
    return result
  }
  return { dispatch: watched, changes: feed }
}
