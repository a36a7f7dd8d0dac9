// The trail's words are worked out from whatever a row stores: any text at all (an old row, a row
// written by a later version, a row tampered with) gives words and never an exception.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { actionsNamed, describeAudit, type AuditLookup } from '../../electron/core/trust/domain/auditWords'
import { actionName as name } from '../../electron/core/trust/audit'

const look: AuditLookup = {
  unit: (id) => ({ 1: '汀圃社区', 2: '官窑社会管理处' })[id],
  issueCode: (id) => (id === 7 ? 'SS-2026-000007' : undefined),
  grid: () => undefined,
  person: () => '黄*晓',
  briefing: () => undefined,
  account: () => undefined
}

describe('describeAudit', () => {
  it('names a hand-off from the stored input and result', () => {
    const words = describeAudit(
      {
        action: 'issues.act',
        target: 'id=7',
        detail: JSON.stringify({ input: { id: 7, version: 3, actingUnitId: 1, action: { type: 'escalate', reason: '需协调' } } }),
        after: JSON.stringify({ holderUnitId: 2 })
      },
      name,
      look
    )
    expect(words.operation).toBe('事件上报上级')
    expect(words.object).toBe('SS-2026-000007 汀圃社区 → 官窑社会管理处')
    expect(words.details).toEqual([
      { label: '记录', value: '7' },
      { label: '办理单位', value: '汀圃社区' },
      { label: '动作', value: '上报上级（理由：需协调）' }
    ])
  })

  it('never throws, whatever the row holds', () => {
    const text = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ input: v })),
      fc.constant('{"input":{"constructor":1,"action":{"type":"__proto__"}},"toString":2}')
    )
    fc.assert(
      fc.property(
        fc.constantFrom('issues.act', 'issues.create', 'persons.unmask', 'grids.update', 'auth.login', '__proto__', 'constructor', 'toString'),
        fc.option(fc.string()),
        text,
        text,
        (action, target, detail, after) => {
          const w = describeAudit({ action, target, detail, after }, name, look)
          expect(typeof w.operation).toBe('string')
          for (const d of w.details) expect([typeof d.label, typeof d.value]).toEqual(['string', 'string'])
        }
      ),
      { numRuns: 400 }
    )
  })

  it('finds methods by their words, in order when not as they stand', () => {
    const methods = ['issues.act', 'persons.unmask']
    expect(actionsNamed('交办', methods, name).issueActions).toEqual(['dispatch'])
    expect(actionsNamed('查看完整', methods, name).methods).toEqual(['persons.unmask'])
    expect(actionsNamed('完整证件号', methods, name).methods).toEqual(['persons.unmask'])
  })
})
