// The pure rules behind accounts and the audit trail: password policy, lock-out arithmetic, expiry,
// the hash chain (any change to any row is found, at that row), and what an audit row may keep.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { afterFailure, MAX_FAILURES, minutesLocked, mustChangePassword, passwordProblems } from '../../electron/core/trust/domain/passwordPolicy'
import { auditHash, firstBrokenLink, GENESIS, redactForAudit, type AuditFields, type ChainedRow } from '../../electron/core/trust/domain/auditChain'
import { hasCapability, roleCapabilities } from '../../electron/core/api/access'
import { methodRules } from '../../electron/core/api/methodRules'
import { roles } from '../../electron/shared/accounts'

describe('password policy', () => {
  it('wants 8 characters of three kinds, without the username', () => {
    expect(passwordProblems('Shishan#2026', 'operator')).toEqual([])
    expect(passwordProblems('short#A1')).toEqual([])
    expect(passwordProblems('Sh#1')).toContain('至少 8 位')
    expect(passwordProblems('alllowercase')).toContain('须包含大写字母、小写字母、数字、符号中的至少三类')
    expect(passwordProblems('Operator#2026', 'operator')).toContain('不能包含用户名')
    expect(passwordProblems('Aaaaa#1111', 'x')).toContain('不能有四个以上相同的连续字符')
  })

  it('locks after exactly five failures in a row, for ten minutes', () => {
    const now = new Date('2026-11-22T01:00:00Z')
    let failures = 0
    for (let i = 1; i < MAX_FAILURES; i++) {
      const r = afterFailure(failures, now)
      expect(r.lockedUntil).toBeNull()
      failures = r.failures
    }
    const locked = afterFailure(failures, now)
    expect(locked.lockedUntil).toBe('2026-11-22T01:10:00.000Z')
    expect(minutesLocked(locked.lockedUntil, new Date('2026-11-22T01:09:01Z'))).toBe(1)
    expect(minutesLocked(locked.lockedUntil, new Date('2026-11-22T01:10:00Z'))).toBe(0)
  })

  it('expires a password after the set days, and an initial one at once', () => {
    expect(mustChangePassword(null, 90, new Date())).toBe(true)
    expect(mustChangePassword('2026-08-24T00:00:00Z', 90, new Date('2026-11-21T23:59:59Z'))).toBe(false)
    expect(mustChangePassword('2026-08-24T00:00:00Z', 90, new Date('2026-11-22T00:00:00Z'))).toBe(true)
  })
})

const field = fc.string({ maxLength: 12 })
const entry = fc.record({
  at: fc.constant('2026-11-22T01:00:00.000Z'),
  accountId: fc.option(fc.nat(), { nil: null }),
  username: field,
  role: fc.option(field, { nil: null }),
  action: field,
  outcome: fc.constantFrom('ok', 'denied', 'failed'),
  target: fc.option(field, { nil: null }),
  detail: fc.option(field, { nil: null }),
  before: fc.option(field, { nil: null }),
  after: fc.option(field, { nil: null }),
  seat: fc.option(field, { nil: null }),
  address: fc.option(fc.ipV4(), { nil: null })
})
function chain(entries: AuditFields[]): ChainedRow[] {
  let prev = GENESIS
  return entries.map((e, i) => {
    const hash = auditHash(prev, e)
    const row = { ...e, id: i + 1, prevHash: prev, hash }
    prev = hash
    return row
  })
}

describe('the audit chain', () => {
  it('verifies an untouched chain', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        expect(firstBrokenLink(chain(entries))).toBeNull()
      })
    )
  })

  it('finds any changed field of any row, at that row', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.constantFrom('username', 'action', 'outcome', 'detail', 'after', 'seat', 'address'),
        (entries, pick, key) => {
          const rows = chain(entries)
          const i = pick % rows.length
          const row = rows[i] as unknown as Record<string, unknown>
          row[key] = `${String(row[key])}改`
          expect(firstBrokenLink(rows)?.id).toBe(i + 1)
        }
      )
    )
  })

  it('keeps the hash of a row written before seats and addresses were recorded', () => {
    // The formula of migrations 0004–0005, written out: a store's existing chain must still verify.
    const old = { at: '2026-11-22T01:00:00.000Z', accountId: 3, username: 'operator', role: 'operator', action: 'issues.act', outcome: 'ok' }
    const f = { ...old, target: 'id=7', detail: '{}', before: null, after: null }
    const before = createHash('sha256')
      .update(JSON.stringify([GENESIS, f.at, f.accountId, f.username, f.role, f.action, f.outcome, f.target, f.detail, f.before, f.after]))
      .digest('hex')
    expect(auditHash(GENESIS, { ...f, seat: null, address: null })).toBe(before)
    expect(auditHash(GENESIS, { ...f, seat: '汀圃社区-01', address: '10.1.2.3' })).not.toBe(before)
  })

  it('finds a removed row at the row after it', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 30 }), fc.nat(), (entries, pick) => {
        const rows = chain(entries)
        const i = pick % (rows.length - 1)
        rows.splice(i, 1)
        expect(firstBrokenLink(rows)?.id).toBe(i + 2)
      })
    )
  })

  it('keeps no password, full ID number, phone, address or file in a row', () => {
    const kept = JSON.stringify(
      redactForAudit({
        password: 'Shishan#2026',
        patch: { idNumber: '440605198507150031', phone: '13800001234', homeAddress: '汀圃社区杨坳经济社12号' },
        contentBase64: 'A'.repeat(4000)
      })
    )
    expect(kept).not.toContain('Shishan#2026')
    expect(kept).not.toContain('440605198507150031')
    expect(kept).not.toContain('13800001234')
    expect(kept).not.toContain('12号')
    expect(kept).toContain('4406**********0031')
    expect(kept).toContain('〔文件 3000 字节〕')
  })
})

describe('roles', () => {
  it('keeps the three administrators apart from each other and from business data (三员分立)', () => {
    const business = ['data.read', 'grids.write', 'people.write', 'people.unmask', 'data.export', 'issues.handle', 'briefings.write'] as const
    for (const admin of ['sysadmin', 'secadmin', 'auditor'] as const) for (const c of business) expect(hasCapability(admin, [c])).toBe(false)
    expect(hasCapability('sysadmin', ['roles.manage'])).toBe(false)
    expect(hasCapability('secadmin', ['accounts.manage'])).toBe(false)
    expect(hasCapability('auditor', ['accounts.manage', 'roles.manage', 'settings.manage'])).toBe(false)
    for (const r of roles) if (r !== 'auditor') expect(roleCapabilities[r]).not.toContain('audit.read')
  })

  it('gives no role a capability that no method needs, and every write a capability', () => {
    const used = new Set(Object.values(methodRules).flatMap((r) => (Array.isArray(r.access) ? r.access : [])))
    for (const r of roles) for (const c of roleCapabilities[r]) expect(used.has(c), `${r}: ${c}`).toBe(true)
    for (const [m, r] of Object.entries(methodRules)) if ('write' in r && r.write) expect(Array.isArray(r.access), m).toBe(true)
  })
})
