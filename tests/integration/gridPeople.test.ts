// Grids and the people on them (issue 3 × issue 4): a party group that people hang on is not
// deleted without a choice; the choice moves or releases them, and undo puts everything back.
// The health check reports party groups over capacity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { ok, testCoreWithPeople } from '../support/core'

let core: Core
const one = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
const grid = (id: number) => ok(core, 'grids.get', { id })
beforeAll(() => {
  core = testCoreWithPeople()
})
afterAll(() => core.close())

describe('deleting a grid that holds people', () => {
  it('refuses without a choice and says who is there', async () => {
    const g = one<{ id: number }>('select group_grid_id id from reporting_members where group_grid_id is not null group by 1 order by count(*) desc limit 1')
    const detail = await grid(g.id)
    expect(detail.holds.households).toBe(one<{ n: number }>('select count(*) n from households where grid_id = ?', g.id).n)
    expect(detail.holds.reportingMembers).toBeGreaterThan(0)
    const r = await core.dispatch('grids.delete', { id: g.id, version: detail.version })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT')
      expect(r.error.message).toContain(`${detail.holds.households} 户`)
      expect(r.error.message).toContain(`${detail.holds.reportingMembers} 名报到党员`)
    }
  })

  it('moves them to another party group of the village, and undo brings the group and them back', async () => {
    const g = one<{ id: number; village: number }>(
      'select r.group_grid_id id, r.village_unit_id village from reporting_members r where group_grid_id is not null group by 1 order by count(*) desc limit 1 offset 1'
    )
    const heir = one<{ id: number }>('select id from grids where tier = 3 and village_unit_id = ? and id != ? limit 1', g.village, g.id)
    const elsewhere = one<{ id: number }>('select id from grids where tier = 3 and village_unit_id != ? limit 1', g.village)
    const detail = await grid(g.id)
    const heirBefore = await grid(heir.id)
    const wrong = await core.dispatch('grids.delete', { id: g.id, version: detail.version, children: 'reparent', reparentTo: elsewhere.id })
    expect(wrong.ok === false && wrong.error.message).toContain('同一村居')
    const r = await ok(core, 'grids.delete', { id: g.id, version: detail.version, children: 'reparent', reparentTo: heir.id })
    const heirAfter = await grid(heir.id)
    expect(heirAfter.holds.households).toBe(heirBefore.holds.households + detail.holds.households)
    expect(heirAfter.holds.reportingMembers).toBe(heirBefore.holds.reportingMembers + detail.holds.reportingMembers)
    // Issues located in the group follow it to the heir; none is lost.
    expect(heirAfter.holds.issues).toBe(heirBefore.holds.issues + detail.holds.issues)
    await ok(core, 'changes.undo', { batchId: r.batchId })
    expect((await grid(g.id)).holds).toEqual(detail.holds)
    expect((await grid(heir.id)).holds).toEqual(heirBefore.holds)
  })

  it('cascading a village’s tier-2 grid releases its people (reporting members become unplaced), undoably', async () => {
    const t2 = one<{ id: number }>(
      'select p.id from grids p join grids c on c.parent_id = p.id join reporting_members r on r.group_grid_id = c.id where p.tier = 2 group by p.id limit 1'
    )
    const detail = await grid(t2.id)
    const unplacedBefore = one<{ n: number }>('select count(*) n from reporting_members where group_grid_id is null').n
    const issuesBefore = one<{ n: number }>('select count(*) n from issues').n
    const r = await ok(core, 'grids.delete', { id: t2.id, version: detail.version, children: 'cascade' })
    expect(one<{ n: number }>('select count(*) n from reporting_members where group_grid_id is null').n).toBe(unplacedBefore + detail.holds.reportingMembers)
    expect(one<{ n: number }>('select count(*) n from issues').n).toBe(issuesBefore)
    await ok(core, 'changes.undo', { batchId: r.batchId })
    expect((await grid(t2.id)).holds).toEqual(detail.holds)
  })
})

describe('health check: party groups over capacity', () => {
  it('reports a group whose members exceed the capacity', async () => {
    const clean = await ok(core, 'grids.check', {})
    expect(clean.problems.filter((p) => p.kind === 'OVER_CAPACITY')).toHaveLength(0)
    const g = one<{ id: number; n: number }>(
      "select home_grid_id id, count(*) n from persons where party_registration = '村居' group by 1 order by 2 desc limit 1"
    )
    await ok(core, 'people.setSettings', { partyGroupCapacity: 10 })
    const village = one<{ id: number }>('select parent_id id from grids where id = (select parent_id from grids where id = ?)', g.id)
    const report = await ok(core, 'grids.check', { gridId: village.id })
    const over = report.problems.filter((p) => p.kind === 'OVER_CAPACITY')
    expect(over.map((p) => p.gridIds[0])).toContain(g.id)
    expect(over.find((p) => p.gridIds[0] === g.id)!.message).toContain('超过每组 10 人')
    await ok(core, 'people.setSettings', { partyGroupCapacity: 30 })
  })
})
