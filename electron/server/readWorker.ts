// One reader of the town server's pool (electron/server/readPool.ts): its own read-only connection to
// the store (WAL lets readers run beside the writer), the same handlers as the main thread, and one
// heavy read at a time. The main thread has already admitted the call; this only computes its answer,
// at the instant the main thread gives (the server's clock is the only clock).
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import * as schema from '../core/db/schema'
import type { Db } from '../core/db/open'
import { createCoreServices } from '../core/app'
import { AppError } from '../core/errors'
import type { CallContext, MethodName } from '../shared/contract'

export type ReadJob = { id: number; method: MethodName; input: unknown; ctx: CallContext; now: string }
export type ReadAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { app?: { code: string; message: string; details?: unknown }; message: string; code?: string } }

const { dbFile, nativeBinding } = workerData as { dbFile: string; nativeBinding?: string }
const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
sqlite.pragma('busy_timeout = 5000')
const db = drizzle(sqlite, { schema }) as Db
let now = new Date()
const { handlers } = createCoreServices(db, { now: () => now }, { dbFile, nativeBinding })

parentPort!.on('message', async (job: ReadJob) => {
  now = new Date(job.now)
  try {
    const handler = handlers[job.method] as (input: unknown, ctx: CallContext) => unknown
    // One snapshot for the whole read, as the main thread's single connection would give it.
    sqlite.exec('begin')
    let value: unknown
    try {
      value = await handler(job.input, job.ctx)
    } finally {
      sqlite.exec('commit')
    }
    parentPort!.postMessage({ id: job.id, ok: true, value } satisfies ReadAnswer)
  } catch (e) {
    const error =
      e instanceof AppError
        ? { app: { code: e.code, message: e.message, details: e.details }, message: e.message }
        : { message: (e as Error).message, code: (e as { code?: string }).code }
    parentPort!.postMessage({ id: job.id, ok: false, error } satisfies ReadAnswer)
  }
})
parentPort!.postMessage({ ready: true })
