// The four-level linkage state machine: hand-built walks with known answers, and random action
// sequences that must keep the invariants (one holder, log only grows, time never goes back,
// closed means nothing but reopen).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  availableActions,
  clockColour,
  decide,
  defaultHolder,
  initialState,
  type IssueAction,
  type IssueState,
  type RoutingContext,
  type RoutingRule,
  type RoutingUnit
} from '../../electron/core/issues/domain/issueRouting'

const unitList: RoutingUnit[] = [
  { id: 1, name: '南海区', kind: 'district', parentId: null },
  { id: 2, name: '狮山镇', kind: 'town', parentId: 1 },
  { id: 3, name: '官窑社会管理处', kind: 'office', parentId: 2 },
  { id: 4, name: '罗村社会管理处', kind: 'office', parentId: 2 },
  { id: 5, name: '汀圃社区', kind: 'village', parentId: 3 },
  { id: 6, name: '官窑社区', kind: 'village', parentId: 3 },
  { id: 7, name: '状元社区', kind: 'village', parentId: 4 },
  { id: 8, name: '城管办', kind: 'department', parentId: 2 }
]
const units = new Map(unitList.map((u) => [u.id, u]))
const rule: RoutingRule = { defaultLevel: 1, skipAllowed: false, acceptHours: 24, handleHours: 72, verifyHours: 24, warnPercent: 75 }
const at = (h: number) => new Date(Date.UTC(2026, 10, 1, 0) + h * 3_600_000).toISOString()
const ctx = (h: number, r: RoutingRule = rule): RoutingContext => ({ units, rule: r, now: at(h) })

function run(steps: [IssueAction, number, number][], start: IssueState = initialState(5, null, ctx(0))) {
  let s = start
  const log: string[] = []
  for (const [action, actor, hour] of steps) {
    const d = decide(s, action, actor, ctx(hour))
    if (!d.ok) throw new Error(`${action.type} by ${actor}: ${d.problem}`)
    s = d.next
    log.push(`${d.event.action}:${d.event.fromUnitId}->${d.event.toUnitId ?? ''}`)
  }
  return { s, log }
}

describe('the four-level linkage', () => {
  it('does not ask a unit to accept its own report: it starts being handled, on the handling clock', () => {
    const own = initialState(5, 5, ctx(0))
    expect(own).toMatchObject({ status: 'accepted', stage: 'handle', senderUnitId: null })
    expect(own.dueAt).toBe(at(72))
    expect(availableActions(own, 5, ctx(1))).not.toContain('accept')
    expect(availableActions(own, 5, ctx(1))).toContain('resolve')
    // Registered by another unit (the command centre, another village's desk), it waits for 受理.
    expect(initialState(5, 2, ctx(0))).toMatchObject({ status: 'reported', stage: 'accept', senderUnitId: 2 })
    expect(initialState(5, null, ctx(0))).toMatchObject({ status: 'reported', stage: 'accept' })
  })

  it('offers no co-handling once the work is reported done (办结, waiting for 核查)', () => {
    const { s } = run([
      [{ type: 'accept' }, 5, 1],
      [{ type: 'cohandle', unitIds: [6], note: '请协助清理' }, 5, 2],
      [{ type: 'resolve', result: '已清理' }, 5, 3]
    ])
    expect(s.status).toBe('resolved')
    for (const unit of [5, 6]) expect(availableActions(s, unit, ctx(4))).not.toEqual(expect.arrayContaining(['cohandle']))
    expect(availableActions(s, 6, ctx(4))).not.toContain('note')
    expect(decide(s, { type: 'cohandle', unitIds: [7], note: '再请协助' }, 5, ctx(4))).toMatchObject({ ok: false, problem: expect.stringContaining('待核查') })
  })

  it('takes an issue up two levels, down again, resolves and verifies it', () => {
    const { s, log } = run([
      [{ type: 'accept' }, 5, 1],
      [{ type: 'escalate', reason: '涉及多个村居' }, 5, 2],
      [{ type: 'escalate', reason: '需要城管执法' }, 3, 3],
      [{ type: 'dispatch', toUnitId: 8, deadline: at(100) }, 2, 4],
      [{ type: 'accept' }, 8, 5],
      [{ type: 'resolve', result: '已拆除违建' }, 8, 20],
      [{ type: 'verify', approved: true, note: '现场核实' }, 2, 22]
    ])
    expect(s.status).toBe('closed')
    expect(s.holderUnitId).toBe(8)
    expect(s.escalations).toBe(2)
    expect(log).toEqual(['accept:5->', 'escalate:5->3', 'escalate:3->2', 'dispatch:2->8', 'accept:8->', 'resolve:8->2', 'verify:2->'])
  })

  it('keeps the dispatcher’s deadline when the unit accepts', () => {
    const { s } = run([
      [{ type: 'escalate', reason: '需要上级协调' }, 5, 1],
      [{ type: 'dispatch', toUnitId: 6, deadline: at(48) }, 3, 2],
      [{ type: 'accept' }, 6, 3]
    ])
    expect(s.dueAt).toBe(at(48))
    expect(s.dispatcherUnitId).toBe(3)
  })

  it('refuses skipping a level unless the rule allows it', () => {
    const s = initialState(5, null, ctx(0))
    const skip: IssueAction = { type: 'escalate', reason: '重大安全隐患', toUnitId: 2 }
    expect(decide(s, skip, 5, ctx(1))).toMatchObject({ ok: false, problem: expect.stringContaining('不允许越级') })
    const d = decide(s, skip, 5, ctx(1, { ...rule, skipAllowed: true }))
    expect(d.ok && d.next.holderUnitId).toBe(2)
  })

  it('refuses the wrong unit, missing reasons, and actions out of order, with the reason', () => {
    const s = initialState(5, null, ctx(0))
    expect(decide(s, { type: 'accept' }, 6, ctx(1))).toMatchObject({ ok: false, problem: expect.stringContaining('汀圃社区') })
    expect(decide(s, { type: 'escalate', reason: '' }, 5, ctx(1))).toMatchObject({ ok: false, problem: expect.stringContaining('上报理由') })
    expect(decide(s, { type: 'resolve', result: '办好了' }, 5, ctx(1))).toMatchObject({ ok: false, problem: '请先受理，再办结' })
    expect(decide(s, { type: 'return', reason: '不归我管' }, 5, ctx(1))).toMatchObject({ ok: false, problem: expect.stringContaining('没有可退回') })
    expect(decide(s, { type: 'dispatch', toUnitId: 7 }, 5, ctx(1))).toMatchObject({ ok: false })
  })

  it('returns to the sender, and only the dispatcher or the command centre verifies', () => {
    const { s } = run([
      [{ type: 'escalate', reason: '需要协调' }, 5, 1],
      [{ type: 'dispatch', toUnitId: 6 }, 3, 2]
    ])
    const back = decide(s, { type: 'return', reason: '不属于本社区' }, 6, ctx(3))
    expect(back.ok && back.next.holderUnitId).toBe(3)
    const { s: done } = run(
      [
        [{ type: 'accept' }, 6, 3],
        [{ type: 'resolve', result: '已处理' }, 6, 4]
      ],
      s
    )
    expect(decide(done, { type: 'verify', approved: true, note: '' }, 7, ctx(5))).toMatchObject({ ok: false })
    const rejected = decide(done, { type: 'verify', approved: false, note: '群众不满意' }, 3, ctx(5))
    expect(rejected.ok && rejected.next.status).toBe('accepted')
    expect(decide(done, { type: 'verify', approved: true, note: '' }, 2, ctx(5)).ok).toBe(true)
  })

  it('stops the clock while suspended and pushes the deadline on by the pause', () => {
    const { s } = run([[{ type: 'accept' }, 5, 0]])
    expect(s.dueAt).toBe(at(72))
    const { s: resumed } = run(
      [
        [{ type: 'suspend', reason: '等待鉴定结果' }, 5, 10],
        [{ type: 'resume' }, 5, 40]
      ],
      s
    )
    expect(resumed.dueAt).toBe(at(102))
    expect(clockColour(resumed, at(90))).toBe('yellow')
    expect(clockColour(resumed, at(103))).toBe('red')
    expect(clockColour(resumed, at(41))).toBe('green')
  })

  it('lets a higher level supervise with a new deadline, and extends on approval', () => {
    const { s } = run([
      [{ type: 'accept' }, 5, 0],
      [{ type: 'supervise', note: '群众反映强烈，请加快', deadline: at(30) }, 3, 1],
      [{ type: 'requestExtension', days: 2, reason: '需要协调供电部门' }, 5, 2],
      [{ type: 'decideExtension', approved: true }, 2, 3]
    ])
    expect(s.supervised).toBe(1)
    expect(s.dueAt).toBe(at(78))
    expect(decide(s, { type: 'supervise', note: '同级不能督办' }, 6, ctx(4)).ok).toBe(false)
  })

  it('puts a new issue at the rule’s default level above its village', () => {
    expect(defaultHolder(units, 5, 1)).toBe(5)
    expect(defaultHolder(units, 5, 2)).toBe(3)
    expect(defaultHolder(units, 7, 3)).toBe(2)
    expect(defaultHolder(units, 7, 4)).toBe(1)
  })

  it('offers only what is allowed now', () => {
    const s = initialState(5, null, ctx(0))
    expect(availableActions(s, 5, ctx(1))).toEqual(expect.arrayContaining(['accept', 'escalate', 'suspend', 'merge']))
    expect(availableActions(s, 5, ctx(1))).not.toContain('resolve')
    expect(availableActions(s, 3, ctx(1))).toEqual(['supervise'])
  })
})

describe('invariants under random action sequences', () => {
  const action: fc.Arbitrary<IssueAction> = fc.oneof(
    fc.constant({ type: 'accept' } as const),
    fc.record({
      type: fc.constant('escalate' as const),
      reason: fc.constantFrom('', '需要上级协调'),
      toUnitId: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined })
    }),
    fc.record({ type: fc.constant('dispatch' as const), toUnitId: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ type: fc.constant('return' as const), reason: fc.constantFrom('x', '不属于本单位') }),
    fc.record({ type: fc.constant('resolve' as const), result: fc.constant('已处理完毕') }),
    fc.record({ type: fc.constant('verify' as const), approved: fc.boolean(), note: fc.constantFrom('', '核查意见') }),
    fc.record({ type: fc.constant('supervise' as const), note: fc.constant('请加快办理') }),
    fc.record({ type: fc.constant('requestExtension' as const), days: fc.integer({ min: 0, max: 5 }), reason: fc.constant('需要时间') }),
    fc.record({ type: fc.constant('decideExtension' as const), approved: fc.boolean() }),
    fc.record({ type: fc.constant('suspend' as const), reason: fc.constant('等待材料') }),
    fc.constant({ type: 'resume' } as const),
    fc.record({ type: fc.constant('reopen' as const), reason: fc.constant('群众再次反映') })
  )
  it('one holder, the log only grows, deadlines never precede the action, closed allows only reopen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(action, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 30 })), { maxLength: 60 }),
        fc.constantFrom(5, 6, 7),
        (steps, village) => {
          let s = initialState(village, null, ctx(0))
          let hour = 0
          const log: { statusBefore: string; statusAfter: string }[] = []
          for (const [a, actor, dt] of steps) {
            hour += dt
            const d = decide(s, a, actor, ctx(hour))
            if (s.status === 'closed' && a.type !== 'reopen') expect(d.ok).toBe(false)
            if (!d.ok) {
              expect(d.problem.length).toBeGreaterThan(0)
              continue
            }
            expect(units.has(d.next.holderUnitId)).toBe(true)
            expect(d.event.statusBefore).toBe(s.status)
            // A new deadline is never already past — except after a resume, which shifts an overdue
            // deadline by the pause and so keeps it overdue.
            if (a.type !== 'resume' && d.next.dueAt && d.next.status !== 'suspended' && d.next.dueAt !== s.dueAt) expect(d.next.dueAt >= at(hour)).toBe(true)
            if (a.type === 'resume' && s.dueAt && d.next.dueAt)
              expect(Date.parse(d.next.dueAt) - Date.parse(s.dueAt)).toBe(Date.parse(at(hour)) - Date.parse(s.suspendedAt!))
            log.push(d.event)
            s = d.next
          }
          for (let i = 1; i < log.length; i++) expect(log[i].statusBefore).toBe(log[i - 1].statusAfter)
        }
      ),
      { numRuns: 1000 }
    )
  })
})
