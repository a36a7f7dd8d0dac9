// Editing grids on a real SQLite file: every change recorded and undoable, stale or bad edits
// refused with a reason, and nothing half-written.
import { beforeEach, afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { ok, testCore } from '../support/core'
import { idCheckChar } from '../../electron/core/kernel/personalData'

let core: Core
const sql = <T>(q: string, ...args: unknown[]) => core.store.sqlite.prepare(q).get(...args) as T
const count = (table: string) => sql<{ n: number }>(`select count(*) n from ${table}`).n
const get = (id: number) => ok(core, 'grids.get', { id })
const fail = async (method: string, input: unknown) => {
  const r = await core.dispatch(method, input, { internal: '测试员' })
  if (r.ok) throw new Error(`${method} should have failed`)
  return r.error
}
const act = <T>(method: string, input: unknown) =>
  core.dispatch(method, input, { internal: '测试员' }).then((r) => {
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.value as T
  })
const square = (x: number, y: number, d = 0.002) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y]
    ]
  ]
})

/** A tier-1 grid (village) with its first tier-2 child and that child's first tier-3 child. */
function family(villageName = '汀圃社区') {
  const v = sql<{ id: number; village_unit_id: number }>('select id, village_unit_id from grids where tier = 1 and name = ?', villageName)
  const t2 = sql<{ id: number }>('select id from grids where parent_id = ? order by id limit 1', v.id)
  const t3 = sql<{ id: number }>('select id from grids where parent_id = ? order by id limit 1', t2.id)
  return { village: v.id, villageUnit: v.village_unit_id, tier2: t2.id, tier3: t3.id }
}

beforeEach(() => {
  core = testCore()
})
afterEach(() => core.close())

describe('editing attributes', () => {
  it('saves, bumps the version and records who changed what, before and after', async () => {
    const { tier3 } = family()
    const before = await get(tier3)
    await act('grids.update', { id: tier3, version: before.version, patch: { inspector: '陈志明', households: before.households + 5 } })
    const after = await get(tier3)
    expect(after.inspector).toBe('陈志明')
    expect(after.households).toBe(before.households + 5)
    expect(after.version).toBe(before.version + 1)
    const [entry] = await ok(core, 'grids.history', { id: tier3 })
    expect(entry.actor).toBe('测试员')
    expect(entry.at).toBe('2026-11-22T01:00:00.000Z')
    expect(entry.summary).toContain(`网格巡查员：${before.inspector} → 陈志明`)
    expect(entry.summary).toContain(`户数：${before.households} → ${before.households + 5}`)
  })

  it('refuses a stale version with a conflict and keeps the other person’s change', async () => {
    const { tier2 } = family()
    const v = (await get(tier2)).version
    await act('grids.update', { id: tier2, version: v, patch: { name: '甲改的名字' } })
    const error = await fail('grids.update', { id: tier2, version: v, patch: { name: '乙改的名字' } })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('未保存')
    expect((await get(tier2)).name).toBe('甲改的名字')
  })

  it('refuses a kind that does not belong to the tier, naming the allowed ones', async () => {
    const { tier2 } = family()
    const error = await fail('grids.update', { id: tier2, version: 1, patch: { kind: '党小组' } })
    expect(error.code).toBe('BAD_INPUT')
    expect(error.message).toContain('经济社、住宅小区、居民小组、商务楼宇')
    const negative = await fail('grids.update', { id: tier2, version: 1, patch: { households: -3 } })
    expect(negative.message).toContain('households')
  })
})

describe('creating grids', () => {
  it('creates a tier-3 grid with the next code under its parent; it reaches the map once its shape is drawn', async () => {
    const { tier2, villageUnit } = family()
    const parent = await get(tier2)
    const { id } = await act<{ id: number }>('grids.create', { tier: 3, parentId: tier2, name: '新建党小组', kind: '党小组', inspector: '黄丽芳' })
    const created = await get(id)
    expect(created.code).toBe(`${parent.code}${String(parent.children.length + 1).padStart(2, '0')}`)
    expect(created.village.id).toBe(villageUnit)
    expect(created.hasGeometry).toBe(false)
    const onMap = async () => (await ok(core, 'grids.geojson', { tier: 3 })).features.some((f) => f.id === id)
    expect(await onMap()).toBe(false)
    const [x, y] = parent.labelPoint!
    await act('grids.setGeometry', { id, version: created.version, geometry: square(x, y, 0.0005) })
    const drawn = await get(id)
    expect(drawn.hasGeometry).toBe(true)
    expect(drawn.areaKm2).toBeGreaterThan(0.002)
    expect(drawn.areaKm2).toBeLessThan(0.003)
    expect(await onMap()).toBe(true)
  })

  it('creates a new village (tier 1) under an office, with its unit', async () => {
    const [office] = await ok(core, 'units.offices')
    const { id } = await act<{ id: number }>('grids.create', { tier: 1, officeId: office.id, code: '440605124999', name: '新设社区', kind: '社区' })
    const g = await get(id)
    expect(g.office?.id).toBe(office.id)
    expect(g.village.name).toBe('新设社区')
  })

  it('refuses a duplicate code and writes nothing', async () => {
    const { tier2 } = family()
    const existing = await get(tier2)
    const counts = [count('grids'), count('units'), count('change_batches'), count('changes')]
    const error = await fail('grids.create', { tier: 3, parentId: tier2, name: '重复', kind: '党小组', code: existing.children[0].code })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain(existing.children[0].code)
    expect([count('grids'), count('units'), count('change_batches'), count('changes')]).toEqual(counts)
  })

  it('refuses a bad shape with the reason, and writes nothing', async () => {
    const { tier2 } = family()
    const counts = [count('grids'), count('change_batches')]
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [113, 23.1],
          [113.01, 23.11],
          [113.01, 23.1],
          [113, 23.11],
          [113, 23.1]
        ]
      ]
    }
    const e1 = await fail('grids.create', { tier: 3, parentId: tier2, name: '蝴蝶形', kind: '党小组', geometry: bowTie })
    expect(e1.message).toContain('自相交')
    const projected = {
      type: 'Polygon',
      coordinates: [
        [
          [38500000, 2560000],
          [38500100, 2560000],
          [38500100, 2560100],
          [38500000, 2560000]
        ]
      ]
    }
    const e2 = await fail('grids.create', { tier: 3, parentId: tier2, name: '投影坐标', kind: '党小组', geometry: projected })
    expect(e2.message).toContain('超出经纬度范围')
    expect([count('grids'), count('change_batches')]).toEqual(counts)
  })
})

describe('moving and deleting', () => {
  it('moves a tier-2 grid with its children to another village, and refuses a parent of the wrong tier', async () => {
    const a = family('汀圃社区')
    const b = family('狮城社区')
    await act('grids.move', { id: a.tier2, version: 1, parentId: b.village })
    const moved = await get(a.tier2)
    expect(moved.parentChain.map((p) => p.name)).toEqual(['狮城社区'])
    expect(moved.village.name).toBe('狮城社区')
    expect((await get(a.tier3)).village.name).toBe('狮城社区')
    const [entry] = await ok(core, 'grids.history', { id: a.tier2 })
    expect(entry.summary).toBe('上级网格：汀圃社区 → 狮城社区')
    const wrong = await fail('grids.move', { id: a.tier3, version: (await get(a.tier3)).version, parentId: b.village })
    expect(wrong.message).toContain('上级必须是2级网格')
  })

  it('refuses to delete a grid with children unless told what to do with them', async () => {
    const { tier2 } = family()
    const n = (await get(tier2)).children.length
    const error = await fail('grids.delete', { id: tier2, version: 1 })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain(`还有 ${n} 个下级网格`)
    expect(count('grids')).toBe(2084)
  })

  it('deletes a village with everything under it, and one undo brings all of it back as it was', async () => {
    const { village } = family()
    const snapshot = core.store.sqlite
      .prepare('select * from grids where village_unit_id = (select village_unit_id from grids where id = ?) order by id')
      .all(village)
    const { deleted, batchId } = await act<{ deleted: number; batchId: number }>('grids.delete', { id: village, version: 1, children: 'cascade' })
    expect(deleted).toBe(snapshot.length)
    expect(count('grids')).toBe(2084 - snapshot.length)
    expect((await core.dispatch('grids.get', { id: village })).ok).toBe(false)
    await act('changes.undo', { batchId })
    const restored = core.store.sqlite
      .prepare('select * from grids where village_unit_id = (select village_unit_id from grids where id = ?) order by id')
      .all(village)
    expect(restored).toEqual(snapshot)
    const history = await ok(core, 'grids.history', { id: village })
    expect(history.map((h) => h.kind)).toEqual(['undo', 'delete'])
    expect(history[1].undoneBy).toBe(history[0].batchId)
  })

  it('deletes a party group that holds rental buildings: they move to the heir (or lose the grid in a cascade), and undo puts them back', async () => {
    const { tier2, tier3, villageUnit } = family()
    const heir = sql<{ id: number }>('select id from grids where parent_id = ? and id <> ? order by id limit 1', tier2, tier3).id
    const { id: building } = await ok(core, 'rentals.buildings.create', {
      address: '网格删除测试出租屋',
      villageUnitId: villageUnit,
      use: '居住',
      riskClass: '低风险',
      rentalRooms: 2,
      tenants: 2
    })
    core.store.sqlite.prepare('update rental_buildings set tier3_grid_id = ? where id = ?').run(tier3, building)
    const { batchId } = await act<{ batchId: number }>('grids.delete', { id: tier3, version: 1, children: 'reparent', reparentTo: heir })
    expect(sql<{ g: number }>('select tier3_grid_id g from rental_buildings where id = ?', building).g).toBe(heir)
    await act('changes.undo', { batchId })
    expect(sql<{ g: number }>('select tier3_grid_id g from rental_buildings where id = ?', building).g).toBe(tier3)
    await act('grids.delete', { id: tier2, version: 1, children: 'cascade' })
    expect(sql<{ g: number | null }>('select tier3_grid_id g from rental_buildings where id = ?', building).g).toBeNull()
  })

  it('deletes a party group with a 楼长: moved to the heir with undo; a cascade releases them from the grid, as residents', async () => {
    const { tier2, tier3, villageUnit } = family()
    const heir = sql<{ id: number }>('select id from grids where parent_id = ? and id <> ? order by id limit 1', tier2, tier3).id
    const person = (
      await ok(core, 'persons.create', {
        name: '楼长甲',
        idNumber: '44060519600101001'.concat(idCheckChar('44060519600101001')),
        hukou: '本镇户籍',
        villageUnitId: villageUnit
      })
    ).id
    const head = (await ok(core, 'heads.appoint', { personId: person, tier3GridId: tier3, role: '楼长', area: '1 号楼', appointedOn: '2026-01-01' })).id
    const { batchId } = await act<{ batchId: number }>('grids.delete', { id: tier3, version: 1, children: 'reparent', reparentTo: heir })
    expect(sql<{ g: number }>('select tier3_grid_id g from area_heads where id = ?', head).g).toBe(heir)
    await act('changes.undo', { batchId })
    expect(sql<{ g: number }>('select tier3_grid_id g from area_heads where id = ?', head).g).toBe(tier3)
    await act('grids.delete', { id: tier2, version: 1, children: 'cascade' })
    expect(sql<{ g: number | null; v: number }>('select tier3_grid_id g, village_unit_id v from area_heads where id = ?', head)).toEqual({
      g: null,
      v: villageUnit
    })
    expect((await ok(core, 'heads.list', { villageUnitId: villageUnit })).rows.find((r) => r.id === head)).toMatchObject({
      tier3GridId: null,
      tier3: '（网格已删除）'
    })
  })

  it('moves children to another grid when deleting, instead of losing them', async () => {
    const { tier2, village } = family()
    const sibling = (await get(village)).children.find((c) => c.id !== tier2)!
    const kids = (await get(tier2)).children.map((c) => c.id)
    await act('grids.delete', { id: tier2, version: 1, children: 'reparent', reparentTo: sibling.id })
    for (const id of kids) expect((await get(id)).parentId).toBe(sibling.id)
  })
})

describe('undo', () => {
  it('refuses to undo a change that later work built on, and refuses to undo twice', async () => {
    const { tier3 } = family()
    const first = await act<{ batchId: number; version: number }>('grids.update', { id: tier3, version: 1, patch: { name: '第一次' } })
    await act('grids.update', { id: tier3, version: first.version, patch: { name: '第二次' } })
    const error = await fail('changes.undo', { batchId: first.batchId })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('之后又被修改过')
    expect((await get(tier3)).name).toBe('第二次')
    const [latest] = await ok(core, 'grids.history', { id: tier3 })
    await act('changes.undo', { batchId: latest.batchId })
    expect((await get(tier3)).name).toBe('第一次')
    expect((await fail('changes.undo', { batchId: latest.batchId })).message).toContain('不能重复撤销')
  })
})

describe('villages and offices', () => {
  it('moves a village to another office, shown in the tree; the move is recorded and undoable', async () => {
    const { village, villageUnit } = family('汀圃社区')
    const offices = await ok(core, 'units.offices')
    const target = offices.find((o) => o.name === '罗村社会管理处')!
    const g = await get(village)
    const { batchId } = await act<{ batchId: number }>('units.moveVillage', { villageUnitId: villageUnit, version: g.village.version, officeId: target.id })
    expect((await get(village)).office?.name).toBe('罗村社会管理处')
    const tree = await ok(core, 'grids.tree')
    const luocun = tree[0].children[0].children.find((n) => n.id === target.id)!
    expect(luocun.children.map((c) => c.title)).toContain('汀圃社区')
    const summary = sql<{ summary: string }>('select summary from changes where batch_id = ?', batchId).summary
    expect(summary).toBe('所属管理处：官窑社会管理处 → 罗村社会管理处')
    await act('changes.undo', { batchId })
    expect((await get(village)).office?.name).toBe('官窑社会管理处')
  })
})

describe('splitting', () => {
  it('splits a tier-2 grid along a line: areas and figures add up, children follow their part, undo restores all', async () => {
    const { tier2 } = family()
    const g = await get(tier2)
    const [w, s, e, n] = g.bbox!
    const y = g.labelPoint![1]
    const snapshot = core.store.sqlite.prepare('select * from grids where id = ? or parent_id = ? order by id').all(tier2, tier2)
    const r = await act<{ keptId: number; newId: number; batchId: number; movedChildren: number }>('grids.split', {
      id: tier2,
      version: g.version,
      line: [
        [w - 0.001, y],
        [e + 0.001, y]
      ],
      newName: '新拆分经济社'
    })
    const kept = await get(r.keptId)
    const created = await get(r.newId)
    expect(created.name).toBe('新拆分经济社')
    expect(created.parentChain.map((p) => p.name)).toEqual(g.parentChain.map((p) => p.name))
    expect(kept.areaKm2! + created.areaKm2!).toBeCloseTo(g.areaKm2!, 3)
    expect(kept.areaKm2!).toBeGreaterThanOrEqual(created.areaKm2!)
    expect(kept.households + created.households).toBe(g.households)
    expect(kept.children.length + created.children.length).toBe(g.children.length)
    expect(created.children.length).toBe(r.movedChildren)
    // The two halves tile the old grid: no overlap among the village's tier-2 grids, no gap in the village.
    const villageId = g.parentChain[0].id
    const check = await ok(core, 'grids.check', { gridId: villageId })
    const siblingLevel = check.problems.filter(
      (p) => (p.kind === 'OVERLAP' && p.grids.every((x) => x.tier === 2)) || (p.kind === 'GAP' && p.gridIds[0] === villageId)
    )
    expect(siblingLevel.map((p) => p.message)).toEqual([])
    // Party groups that straddled the line went whole to one side; the check shows where to redraw them.
    const childLevel = check.problems.filter((p) => p.gridIds.includes(r.keptId) || p.gridIds.includes(r.newId) || p.grids.some((x) => x.tier === 3))
    if (r.movedChildren > 0 && r.movedChildren < g.children.length) expect(childLevel.length).toBeGreaterThan(0)
    expect(s).toBeLessThan(n)
    await act('changes.undo', { batchId: r.batchId })
    expect((await core.dispatch('grids.get', { id: r.newId })).ok).toBe(false)
    const restored = core.store.sqlite.prepare('select * from grids where id = ? or parent_id = ? order by id').all(tier2, tier2) as { version: number }[]
    expect(restored.map((x) => ({ ...x, version: 0 }))).toEqual((snapshot as { version: number }[]).map((x) => ({ ...x, version: 0 })))
  })

  it('refuses to split a village, or along a line that misses the grid', async () => {
    const { village, tier3 } = family()
    expect(
      (
        await fail('grids.split', {
          id: village,
          version: 1,
          line: [
            [113, 23],
            [113.1, 23.2]
          ]
        })
      ).message
    ).toContain('不能拆分')
    const g = await get(tier3)
    const far = (
      await fail('grids.split', {
        id: tier3,
        version: g.version,
        line: [
          [112.0, 22.0],
          [112.0, 22.1]
        ]
      })
    ).message
    expect(far).toContain('没有把网格分成两部分')
  })
})
