// Random work on a real store — issues registered, random actions by random units over random time —
// must keep the figures consistent: resolved ≤ collected, every rate in [0, 1], the breakdowns adding
// up to the totals, overdue only among the unresolved, and the overdue list agreeing with the count.
// Refused actions change nothing (the version stays).
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import type { Clock } from '../../electron/core/clock'
import { ok, testCore } from '../support/core'
import { chinaDate } from '../../electron/shared/chinaTime'

let now = Date.parse('2026-03-01T01:00:00Z')
const clock: Clock = { now: () => new Date(now) }
let core: Core
let actors: number[]
let spots: { lon: number; lat: number }[]
beforeAll(() => {
  core = testCore({ clock })
  const q = <T>(sql: string) => core.store.sqlite.prepare(sql).all() as T[]
  spots = q<{ lon: number; lat: number }>('select label_lon lon, label_lat lat from grids where tier = 3 and label_lon is not null order by id limit 6')
  const village = q<{ id: number; office: number }>(
    'select g.village_unit_id id, v.parent_id office from grids g join units v on v.id = g.village_unit_id where g.tier = 3 order by g.id limit 1'
  )[0]
  actors = [village.id, village.office, ...q<{ id: number }>("select id from units where kind in ('town', 'district') or name = '城管办'").map((u) => u.id)]
})
afterAll(() => core.close())
const fill: Record<string, Record<string, unknown>> = {
  escalate: { reason: '需上级协调' },
  return: { reason: '不属本单位职责' },
  resolve: { result: '已处置' },
  verify: { note: '核查' },
  supervise: { note: '请加快办理' },
  requestExtension: { days: 2, reason: '需协调' },
  decideExtension: { note: '' },
  suspend: { reason: '等待材料' },
  reopen: { reason: '再次反映' },
  cohandle: { note: '请协助' },
  note: { note: '已协助' }
}
const step = fc.record({
  kind: fc.constantFrom('create', 'act', 'act', 'act', 'wait'),
  pick: fc.nat(),
  actor: fc.nat(),
  hours: fc.integer({ min: 1, max: 96 }),
  yes: fc.boolean()
})

describe('figures under random work', () => {
  it('stay consistent whatever happens', async () => {
    const ids: number[] = []
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        for (const s of steps) {
          if (s.kind === 'wait') now += s.hours * 3_600_000
          else if (s.kind === 'create' || ids.length === 0) {
            const spot = spots[s.pick % spots.length]
            const made = await ok(core, 'issues.create', {
              title: '随机事件',
              description: '随机生成的事件',
              category: ['环境卫生', '城市管理', '安全生产'][s.pick % 3],
              urgency: (['一般', '较急', '紧急'] as const)[s.actor % 3],
              source: '网格巡查',
              ...spot
            })
            ids.push(made.id)
          } else {
            const id = ids[s.pick % ids.length]
            // Mostly an allowed action by a unit that may take it; sometimes any action by any unit,
            // which must be refused without a trace when it is not allowed.
            const views = await Promise.all(actors.map((a) => ok(core, 'issues.get', { id, actingUnitId: a })))
            // Work moves on more often than it is supervised, as in a town.
            const forward = (a: string) => ['accept', 'resolve', 'verify', 'escalate', 'resume', 'decideExtension'].includes(a)
            const usable = (a: string) => a !== 'merge' && a !== 'dispatch' && (s.pick % 4 === 0 || forward(a))
            const able = actors.filter((_, i) => views[i].actions.some(usable))
            const actor = s.yes && able.length ? able[s.actor % able.length] : actors[s.actor % actors.length]
            const issue = views[actors.indexOf(actor)]
            const allowed = issue.actions.filter(usable)
            const type = allowed.length && s.yes ? allowed[s.hours % allowed.length] : Object.keys(fill)[s.hours % Object.keys(fill).length]
            const r = await core.dispatch('issues.act', {
              id,
              version: issue.version,
              actingUnitId: actor,
              action: {
                type,
                ...fill[type],
                ...(type === 'verify' || type === 'decideExtension' ? { approved: s.yes } : {}),
                ...(type === 'cohandle' ? { unitIds: [actors[(s.actor + 1) % actors.length]] } : {})
              }
            })
            if (!r.ok) expect((await ok(core, 'issues.get', { id })).version).toBe(issue.version)
          }
          now += 3_600_000
        }
        const to = chinaDate(new Date(now))
        const k = await ok(core, 'stats.kpis', { from: '2026-01-01', to })
        expect(k.resolved).toBeLessThanOrEqual(k.collected)
        for (const r of [k.resolutionRate, k.onTimeRate, k.villageShare, k.townShare]) expect(r >= 0 && r <= 1).toBe(true)
        expect(k.overdue).toBeLessThanOrEqual(k.collected - k.resolved)
        const sum = (xs: { collected: number }[]) => xs.reduce((a, x) => a + x.collected, 0)
        expect(sum(k.byCategory)).toBe(k.collected)
        expect(sum(k.byUnit)).toBe(k.collected)
        expect(sum(k.byOffice)).toBe(k.collected)
        expect(k.medianByLevel.reduce((a, m) => a + m.resolved, 0)).toBe(k.resolved)
        expect(k.byCategory.reduce((a, c) => a + c.resolved, 0)).toBe(k.resolved)
        const overdueList = await ok(core, 'issues.list', { filters: { overdue: true, from: '2026-01-01', to }, limit: 1 })
        expect(overdueList.total).toBe(k.overdue)
      }),
      { numRuns: 40 }
    )
    // The runs did reach the states the figures count.
    const seen = core.store.sqlite
      .prepare("select sum(status = 'closed') closed, sum(escalations > 0) escalated, sum(supervised > 0) supervised from issues")
      .get() as Record<string, number>
    expect(seen.closed).toBeGreaterThan(0)
    expect(seen.escalated).toBeGreaterThan(0)
    expect(seen.supervised).toBeGreaterThan(0)
  })
})
