// The issue list marks each row's clock by the same rule as the panel and the map (red overdue,
// yellow past the warning point), and sorts by time left: the nearest deadline first, issues whose
// clock does not run (suspended, closed) last either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ok, testCoreWithPeople } from '../support/core'
let core: ReturnType<typeof testCoreWithPeople>
beforeAll(() => {
  core = testCoreWithPeople()
})
afterAll(() => core.close())

const list = (input: Record<string, unknown>) => ok(core, 'issues.list', { offset: 0, limit: 500, ...input })

describe('the issue list’s clock', () => {
  it('gives every row the clock issues.get gives it, and all three colours occur in the demo', async () => {
    const { rows } = await list({ filters: { status: 'open' } })
    expect(rows.length).toBeGreaterThan(20)
    for (const r of rows.slice(0, 120)) expect(r.clock, `issue ${r.id}`).toBe((await ok(core, 'issues.get', { id: r.id })).clock)
    const colours = new Set(rows.map((r) => r.clock))
    for (const c of ['red', 'yellow', 'green']) expect(colours).toContain(c)
    expect(rows.filter((r) => r.status === 'suspended').every((r) => r.clock === null)).toBe(true)
  })

  it('marks exactly the overdue filter’s rows red', async () => {
    const overdue = await list({ filters: { overdue: true } })
    expect(overdue.total).toBeGreaterThan(0)
    expect(overdue.rows.every((r) => r.clock === 'red')).toBe(true)
    const all = await list({ filters: { status: 'open' } })
    expect(all.total).toBeLessThanOrEqual(500)
    expect(all.rows.filter((r) => r.clock === 'red').length).toBe(overdue.total)
  })

  it('sorts by time left, the issues without a running clock last in both directions', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      const { rows, total } = await list({ sort: { field: 'timeLeft', dir }, limit: 500 })
      expect(rows.length).toBe(Math.min(500, total))
      const running = rows.filter((r) => r.clock !== null)
      const firstStopped = rows.findIndex((r) => r.clock === null)
      expect(firstStopped === -1 || rows.slice(firstStopped).every((r) => r.clock === null), `${dir}: stopped clocks last`).toBe(true)
      const dues = running.map((r) => r.dueAt!)
      expect(dues).toEqual([...dues].sort((a, b) => (dir === 'asc' ? a.localeCompare(b) : b.localeCompare(a))))
    }
    // Ascending, the most overdue come first.
    const top = (await list({ sort: { field: 'timeLeft', dir: 'asc' }, limit: 5 })).rows
    expect(top[0].clock).toBe('red')
  })
})
