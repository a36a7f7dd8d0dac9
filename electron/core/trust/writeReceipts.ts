// Exactly once (issue 20): a write sent with an idempotency key leaves a receipt in its own savepoint.
// Sent again with the same key — a seat retrying after a lost answer — it gets the first answer and
// nothing is written twice; the same key with another method or body is refused. Receipts are kept
// for a week: far longer than any seat retries.
import { createHash } from 'node:crypto'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import { AppError } from '../errors'
import { actionName } from './audit'

const KEEP_DAYS = 7

export type WriteKey = { accountId: number; key: string; method: string; input: unknown }
type Receipt = { method: string; bodyHash: string; result: string; at: string }

export const bodyHashOf = (input: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(input ?? null))
    .digest('hex')

export function createWriteReceipts(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const find = (accountId: number, key: string) =>
    sql.row<Receipt>('select method, body_hash bodyHash, result, at from write_receipts where account_id = ? and key = ?', accountId, key)

  /** The first answer to this write, if it was made; a refusal if the key was used for another. */
  function earlier(w: WriteKey): { value: unknown } | null {
    const r = find(w.accountId, w.key)
    if (!r) return null
    if (r.method !== w.method || r.bodyHash !== bodyHashOf(w.input))
      throw new AppError(
        'CONFLICT',
        `此操作的防重凭据（Idempotency-Key）已用于另一项操作（${actionName(r.method)}，${new Date(r.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}），本次未执行。`
      )
    return { value: JSON.parse(r.result) as unknown }
  }

  /** Inside the write's savepoint: the receipt exists exactly when the write does. */
  function record(w: WriteKey, value: unknown) {
    const at = clock.now()
    sql.run(
      'insert into write_receipts (account_id, key, method, body_hash, result, at) values (?, ?, ?, ?, ?, ?)',
      w.accountId,
      w.key,
      w.method,
      bodyHashOf(w.input),
      JSON.stringify(value ?? null),
      at.toISOString()
    )
    sql.run('delete from write_receipts where at < ?', new Date(at.getTime() - KEEP_DAYS * 86_400_000).toISOString())
  }

  /** Whether a write with this key was made (a seat checks a write whose answer never came). */
  function status(accountId: number, key: string) {
    const r = find(accountId, key)
    return r ? { made: true, method: r.method, methodName: actionName(r.method), at: r.at } : { made: false, method: null, methodName: null, at: null }
  }

  return { earlier, record, status }
}
export type WriteReceipts = ReturnType<typeof createWriteReceipts>
