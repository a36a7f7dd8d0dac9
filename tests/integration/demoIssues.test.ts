// The demo's five years of issues, as the town would see them on 2026-11-22: the seeds' rate,
// every kind of hand-off the linkage has, a plausible log, and some issues still stuck and overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { ok, testCoreWithPeople } from '../support/core'

let core: Core
const one = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
beforeAll(() => {
  core = testCoreWithPeople()
})
afterAll(() => core.close())

describe('demo issues', () => {
  it('come at the seeds’ rate, about 1,300 a year and growing, solved at about 99%', () => {
    // China's years, as the codes number them.
    const perYear = core.store.sqlite.prepare("select strftime('%Y', created_at, '+8 hours') y, count(*) n from issues group by 1 order by 1").all()
    expect(perYear).toEqual([
      { y: '2022', n: 1150 },
      { y: '2023', n: 1210 },
      { y: '2024', n: 1281 },
      { y: '2025', n: 1330 },
      { y: '2026', n: 1240 }
    ])
    const y2024 = one<{ n: number; closed: number }>("select count(*) n, sum(status = 'closed') closed from issues where code like 'SS-2024-%'")
    expect(y2024.closed / y2024.n).toBeGreaterThan(0.98)
  })

  it('use every hand-off of the linkage, up to the district', () => {
    const actions = (core.store.sqlite.prepare('select distinct action from issue_events').all() as { action: string }[]).map((a) => a.action)
    for (const a of [
      'create',
      'accept',
      'escalate',
      'dispatch',
      'return',
      'resolve',
      'verify',
      'supervise',
      'requestExtension',
      'decideExtension',
      'suspend',
      'resume'
    ])
      expect(actions).toContain(a)
    expect(
      one<{ n: number }>("select count(*) n from issue_events e join units u on u.id = e.to_unit_id where e.action = 'escalate' and u.kind = 'district'").n
    ).toBeGreaterThan(0)
    expect(one<{ n: number }>("select count(*) n from issue_events where action = 'verify' and status_after = 'accepted'").n).toBeGreaterThan(0)
  })

  it('have logs that start with the report and never go back in time', () => {
    expect(
      one<{ n: number }>("select count(*) n from issues i where (select action from issue_events e where e.issue_id = i.id order by e.id limit 1) <> 'create'")
        .n
    ).toBe(0)
    const backwards = one<{ n: number }>(
      'select count(*) n from (select at, lag(at) over (partition by issue_id order by id) prev from issue_events) where prev > at'
    )
    expect(backwards.n).toBe(0)
  })

  it('leave some issues open, overdue and supervised on the demo date', async () => {
    const k = await ok(core, 'stats.kpis', {
      from: '2026-01-01',
      to: '2026-12-31'
    })
    expect(k.collected - k.resolved).toBeGreaterThanOrEqual(15)
    expect(k.overdue).toBeGreaterThanOrEqual(5)
    const supervisedOpen = one<{ n: number }>("select count(*) n from issues where supervised > 0 and status in ('reported', 'accepted', 'resolved')").n
    expect(supervisedOpen).toBeGreaterThanOrEqual(3)
    const units = await ok(core, 'issues.overdueUnits', {})
    expect(units.length).toBeGreaterThanOrEqual(3)
  })
})
