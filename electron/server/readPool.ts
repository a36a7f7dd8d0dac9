// The town server's heavy reads on worker threads (issue 20). better-sqlite3 runs on the thread that
// calls it, so one town-wide health check (1.6 s) or ledger export (3 s) on the main thread makes every
// other desk wait that long. These methods run instead on a pool of readers, each with a read-only
// connection; the main thread stays free for the small calls and the writes, which stay serialised
// there. The guard still admits (and audits) every call on the main thread.
import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import type { CallContext, MethodName } from '../shared/contract'
import { AppError } from '../core/errors'
import type { ReadAnswer, ReadJob } from './readWorker'

/** The reads that take long enough to stall others: exports, the health check, briefings, statistics, the wall. */
export const pooledMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'grids.export',
  'grids.check',
  'people.export',
  'people.check',
  'audit.export',
  'briefings.compose',
  'stats.kpis',
  'wall.summary',
  'wall.measure',
  'visits.stats',
  'issues.overdueUnits'
])

/** The longest of them (seconds): they may occupy all readers but one, which stays for the short ones (the wall, statistics). */
const longReads: ReadonlySet<MethodName> = new Set<MethodName>(['grids.export', 'grids.check', 'people.export', 'people.check', 'audit.export'])

export type ReadPool = {
  /** Whether this method runs on the pool. */
  takes: (method: MethodName) => boolean
  run: (method: MethodName, input: unknown, ctx: CallContext, now: Date) => Promise<unknown>
  /** Start the readers now (once the store file exists), so the first heavy read does not wait for them to load. */
  warm: () => void
  /** Readers open the store file anew (after a restore replaced it). */
  restart: () => Promise<void>
  close: () => Promise<void>
}

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; job: ReadJob }
type Reader = { worker: Worker; busy: Pending | null; ready: Promise<void> }

export function startReadPool(opts: { dbFile: string; nativeBinding?: string; size?: number }): ReadPool {
  // Two at least, so one long export does not hold a short wall refresh back; more with more cores.
  const size = opts.size ?? Math.max(2, Math.min(4, availableParallelism() - 1))
  const queue: Pending[] = []
  let readers: Reader[] = []
  let nextId = 1
  let closed = false

  function spawn(): Reader {
    // The server runs its TypeScript through tsx; each reader registers it in its own thread first.
    const entry = new URL('./readWorker.ts', import.meta.url).href
    const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`, {
      eval: true,
      workerData: { dbFile: opts.dbFile, nativeBinding: opts.nativeBinding }
    })
    worker.unref()
    const reader: Reader = {
      worker,
      busy: null,
      ready: new Promise((resolve, reject) => {
        worker.once('message', () => resolve())
        worker.once('error', reject)
      })
    }
    worker.on('message', (answer: ReadAnswer | { ready: true }) => {
      if ('ready' in answer) return
      const pending = reader.busy
      reader.busy = null
      if (pending) {
        if (answer.ok) pending.resolve(answer.value)
        else
          pending.reject(
            answer.error.app
              ? new AppError(answer.error.app.code as never, answer.error.app.message, answer.error.app.details)
              : Object.assign(new Error(answer.error.message), { code: answer.error.code })
          )
      }
      pump()
    })
    // A reader that dies takes its call with it (answered as an internal error) and is replaced.
    worker.on('error', (e) => {
      const pending = reader.busy
      reader.busy = null
      pending?.reject(e)
    })
    worker.on('exit', () => {
      if (closed || !readers.includes(reader)) return
      readers = readers.map((r) => (r === reader ? spawn() : r))
      pump()
    })
    return reader
  }

  function pump() {
    // Readers start with the first heavy read: the store file exists by then (a first start creates it).
    if (readers.length === 0 && !closed) readers = Array.from({ length: size }, spawn)
    for (const reader of readers) {
      if (reader.busy || queue.length === 0) continue
      const longBusy = readers.filter((r) => r.busy && longReads.has(r.busy.job.method)).length
      const at = longBusy >= readers.length - 1 && readers.length > 1 ? queue.findIndex((p) => !longReads.has(p.job.method)) : 0
      if (at < 0) continue
      const [pending] = queue.splice(at, 1)
      reader.busy = pending
      void reader.ready.then(
        () => reader.worker.postMessage(pending.job),
        (e) => pending.reject(e)
      )
    }
  }

  return {
    takes: (method) => pooledMethods.has(method),
    warm: () => pump(),
    run: (method, input, ctx, now) =>
      new Promise((resolve, reject) => {
        // The session token stays on the main thread.
        const job: ReadJob = { id: nextId++, method, input, ctx: { ...ctx, token: undefined }, now: now.toISOString() }
        queue.push({ resolve, reject, job })
        pump()
      }),
    async restart() {
      const old = readers
      // A read under way on the old file is read again on the new one.
      for (const r of old) if (r.busy) queue.unshift(r.busy)
      readers = []
      await Promise.all(old.map((r) => r.worker.terminate()))
      if (queue.length) pump()
    },
    async close() {
      closed = true
      await Promise.all(readers.map((r) => r.worker.terminate()))
    }
  }
}
