// The audit trail's hash chain: each row's hash covers its fields and the previous row's hash, so
// changing, removing or reordering any row breaks the chain from that row on.
import { createHash } from 'node:crypto'
import { maskAddress, maskIdNumber, maskNumbersInText, maskPhone } from '../../kernel/personalData'

export type AuditFields = {
  at: string
  accountId: number | null
  username: string
  role: string | null
  action: string
  outcome: string
  target: string | null
  detail: string | null
  before: string | null
  after: string | null
  /** Null in every row written before the town network (issue 20); see auditHash. */
  seat: string | null
  address: string | null
}
export type ChainedRow = AuditFields & { id: number; prevHash: string; hash: string }

/** The first row's predecessor. */
export const GENESIS = '0'.repeat(64)

export function auditHash(prevHash: string, f: AuditFields): string {
  const fields: unknown[] = [prevHash, f.at, f.accountId, f.username, f.role, f.action, f.outcome, f.target, f.detail, f.before, f.after]
  // Seat and address are covered when a row has them; rows from before they existed keep their hashes.
  if (f.seat != null || f.address != null) fields.push(f.seat, f.address)
  const canonical = JSON.stringify(fields)
  return createHash('sha256').update(canonical).digest('hex')
}

/**
 * Walk rows in id order from a known predecessor. Returns the first broken link: a row whose
 * recorded predecessor is not the hash before it (a row removed or inserted), or whose own hash does
 * not match its fields (a row changed).
 */
export function firstBrokenLink(rows: Iterable<ChainedRow>, prevHash = GENESIS): { id: number; reason: string } | null {
  let prev = prevHash
  for (const row of rows) {
    if (row.prevHash !== prev) return { id: row.id, reason: `第 ${row.id} 条记录的前序哈希与上一条不符（其前有记录被删除、插入或修改）` }
    if (auditHash(row.prevHash, row) !== row.hash) return { id: row.id, reason: `第 ${row.id} 条记录的内容与其哈希不符（该记录被修改）` }
    prev = row.hash
  }
  return null
}

/**
 * What an audit row may keep of a request or a record: passwords never; ID numbers, phones and
 * addresses masked; file contents as their size; long text cut. The audit trail must not become a
 * second copy of the personal data it protects.
 */
export function redactForAudit(value: unknown, depth = 0): unknown {
  if (depth > 6) return '…'
  if (Array.isArray(value))
    return value.length > 50
      ? [...value.slice(0, 50).map((v) => redactForAudit(v, depth + 1)), `…共 ${value.length} 项`]
      : value.map((v) => redactForAudit(v, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (/password/i.test(k)) out[k] = '******'
      else if (/base64/i.test(k) && typeof v === 'string') out[k] = `〔文件 ${Math.round((v.length * 3) / 4)} 字节〕`
      else if (/^id_?number$/i.test(k) && typeof v === 'string') out[k] = maskIdNumber(v)
      else if (/phone/i.test(k) && typeof v === 'string') out[k] = maskPhone(v)
      else if (/address/i.test(k) && typeof v === 'string') out[k] = maskAddress(v)
      else out[k] = redactForAudit(v, depth + 1)
    }
    return out
  }
  if (typeof value === 'string') return maskNumbersInText(value.length > 300 ? `${value.slice(0, 300)}…` : value)
  return value
}
