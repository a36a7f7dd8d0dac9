// "The same SQL run directly": record the statements one app call runs (through better-sqlite3's
// Statement methods), then replay exactly those — same text, same parameters — as the reference.
// The guard's own lookups (session, account, settings, scope) are app overhead and are left out of
// the replay, so the ratio shows what the app adds around the feature's queries.
import type Database from 'better-sqlite3'

type Recorded = { source: string; method: 'all' | 'get' | 'run'; args: unknown[] }
const overhead = /\bfrom accounts\b|\bapp_meta\b|from units where parent_id|\baudit_events\b|total_changes\(\)|change_batches/

export async function recordStatements(sqlite: Database.Database, call: () => Promise<unknown>): Promise<Recorded[]> {
  const proto = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<'all' | 'get' | 'run', (...a: unknown[]) => unknown>
  const originals = { all: proto.all, get: proto.get, run: proto.run }
  const recorded: Recorded[] = []
  for (const method of ['all', 'get', 'run'] as const)
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      if (!overhead.test(this.source)) recorded.push({ source: this.source, method, args })
      return originals[method].apply(this, args)
    }
  try {
    await call()
  } finally {
    Object.assign(proto, originals)
  }
  return recorded
}

/** Prepare the recorded statements once; the returned function runs them all, as the app did. */
export function replayer(sqlite: Database.Database, recorded: Recorded[]): () => void {
  const prepared = recorded.map((r) => ({ ...r, statement: sqlite.prepare(r.source) }))
  return () => {
    for (const r of prepared) (r.statement[r.method] as (...a: unknown[]) => unknown)(...r.args)
  }
}
