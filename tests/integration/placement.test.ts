// Placement on a real store: suggest, place all of a village, override by hand (capacity may be
// exceeded), rebalance, undo the whole placement, and refuse what the rule forbids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { ok, testCoreWithPeople } from '../support/core'

let core: Core
let villageId: number
const all = <T>(sql: string, ...params: unknown[]) => core.store.sqlite.prepare(sql).all(...params) as T[]
beforeAll(() => {
  core = testCoreWithPeople()
  // The village with the most members waiting to be placed.
  villageId = all<{ v: number }>('select village_unit_id v from reporting_members where group_grid_id is null group by 1 order by count(*) desc, 1 limit 1')[0]
    .v
})
afterAll(() => core.close())

describe('placement', () => {
  it('suggests a party group of the village for each unplaced member, with the reason and the leader', async () => {
    const list = await ok(core, 'placement.suggest', { villageUnitId: villageId })
    expect(list.length).toBeGreaterThan(0)
    const villageGrids = new Set(all<{ id: number }>('select id from grids where tier = 3 and village_unit_id = ?', villageId).map((g) => g.id))
    for (const s of list) {
      expect(villageGrids.has(s.groupGridId!)).toBe(true)
      expect(s.reason).toMatch(/住址(在该网格内|距该网格约 \d+ 米)；编入后该组还可容纳 \d+ 人/)
      const inspector = all<{ inspector: string | null }>('select inspector from grids where id = ?', s.groupGridId)[0].inspector
      expect(s.leader).toBe(inspector)
    }
  })

  it('places all unplaced members of a village at once, and undoes it as a whole', async () => {
    const waiting = all<{ id: number }>('select id from reporting_members where village_unit_id = ? and group_grid_id is null', villageId).length
    const r = await ok(core, 'placement.placeSuggested', { villageUnitId: villageId })
    expect(r.placed).toBe(waiting)
    expect(all('select id from reporting_members where village_unit_id = ? and group_grid_id is null', villageId)).toHaveLength(0)
    const groups = await ok(core, 'placement.groups', { villageUnitId: villageId })
    expect(groups.every((g) => !g.over)).toBe(true)
    await ok(core, 'changes.undo', { batchId: r.batchId! })
    expect(all('select id from reporting_members where village_unit_id = ? and group_grid_id is null', villageId)).toHaveLength(waiting)
    await ok(core, 'placement.placeSuggested', { villageUnitId: villageId })
  })

  it('lets an officer override by hand beyond capacity, and rebalance moves the others, not the override', async () => {
    // Make the fullest group with a suggested member exactly full, then put one more in by hand.
    const before = await ok(core, 'placement.groups', { villageUnitId: villageId })
    const target = before.filter((g) => g.reporting.some((m) => m.placement === 'suggested')).sort((a, b) => b.total - a.total)[0]
    const capacity = target.total
    await ok(core, 'people.setSettings', { partyGroupCapacity: capacity })
    const other = all<{ id: number; version: number }>(
      'select id, version from reporting_members where village_unit_id = ? and group_grid_id != ? limit 1',
      villageId,
      target.gridId
    )[0]
    await ok(core, 'placement.assign', { memberId: other.id, version: other.version, groupGridId: target.gridId, reason: '与组长同单位' })
    const check = await ok(core, 'people.check', { villageUnitId: villageId })
    expect(check.problems.find((p) => p.kind === 'GROUP_OVER_CAPACITY')?.refs[0].id).toBe(target.gridId)
    const moved = await ok(core, 'placement.rebalance', { villageUnitId: villageId })
    expect(moved.moved).toBe(1)
    const still = all<{ g: number; placement: string }>('select group_grid_id g, placement from reporting_members where id = ?', other.id)[0]
    expect(still).toEqual({ g: target.gridId, placement: 'manual' })
    const after = await ok(core, 'placement.groups', { villageUnitId: villageId })
    expect(after.find((g) => g.gridId === target.gridId)!.total).toBe(capacity)
    await ok(core, 'people.setSettings', { partyGroupCapacity: 30 })
  })

  it('refuses a group outside the village reported to, a tier-2 grid, and a stale version', async () => {
    const m = all<{ id: number; version: number }>('select id, version from reporting_members where village_unit_id = ? limit 1', villageId)[0]
    const elsewhere = all<{ id: number }>('select id from grids where tier = 3 and village_unit_id != ? limit 1', villageId)[0]
    const tier2 = all<{ id: number }>('select id from grids where tier = 2 and village_unit_id = ? limit 1', villageId)[0]
    const a = await core.dispatch('placement.assign', { memberId: m.id, version: m.version, groupGridId: elsewhere.id })
    expect(a.ok === false && a.error.message).toContain('报到村居')
    const b = await core.dispatch('placement.assign', { memberId: m.id, version: m.version, groupGridId: tier2.id })
    expect(b.ok === false && b.error.message).toContain('三级网格')
    const c = await core.dispatch('placement.assign', { memberId: m.id, version: m.version + 5, groupGridId: null })
    expect(c.ok === false && c.error.code).toBe('CONFLICT')
  })
})
