// Grid services on a real SQLite file with the demo town, through the dispatcher as the app uses them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TreeNode } from '../../electron/shared/contract'
import type { Core } from '../../electron/core/app'
import { ok, testCore } from '../support/core'

let core: Core
beforeAll(() => {
  core = testCore()
})
afterAll(() => core.close())

describe('grid services', () => {
  it('summarises the town: 84 villages (48 社区, 28 村, 8 园区) and 84 / 600 / 1,400 grids', async () => {
    const s = await ok(core, 'grids.summary')
    expect(s.town).toEqual({ code: '440605124', name: '狮山镇' })
    expect(s.tiers).toEqual([
      { tier: 1, count: 84 },
      { tier: 2, count: 600 },
      { tier: 3, count: 1400 }
    ])
    expect(s.villages).toEqual({ total: 84, communities: 48, villages: 28, parks: 8 })
    expect(s.offices).toBe(5)
    expect(s.households).toBe(222_800)
    expect(s.nonHukouPopulation).toBe(520_000)
    expect(s.illustrativeGrids).toBe(2084)
    expect(s.dataNote).toMatch(/非官方/)
  })

  it('returns each tier as GeoJSON: one polygon and one label point per grid', async () => {
    for (const [tier, n] of [
      [1, 84],
      [2, 600],
      [3, 1400]
    ] as const) {
      const fc = await ok(core, 'grids.geojson', { tier })
      const polygons = fc.features.filter((f) => f.geometry.type !== 'Point')
      const points = fc.features.filter((f) => f.geometry.type === 'Point')
      expect(polygons).toHaveLength(n)
      expect(points).toHaveLength(n)
      expect(polygons.every((f) => f.properties.tier === tier && f.id === f.properties.id)).toBe(true)
    }
  })

  it('labels a party group on the map with its 经济社, not only 第一党小组', async () => {
    const fc = await ok(core, 'grids.geojson', { tier: 3 })
    const parentOf = new Map(
      core.store.sqlite
        .prepare('select g.id, p.name from grids g join grids p on p.id = g.parent_id where g.tier = 3')
        .all()
        .map((r) => [(r as { id: number }).id, (r as { name: string }).name])
    )
    const points = fc.features.filter((f) => f.geometry.type === 'Point')
    for (const p of points) expect(String(p.properties.label)).toContain(parentOf.get(p.properties.id as number))
    expect(points.filter((p) => /^第.党小组$/.test(String(p.properties.label)))).toEqual([])
  })

  it('gives a tier-3 grid with its parent chain, village, office and figures', async () => {
    const [hit] = await ok(core, 'grids.search', { q: '汀圃社区' })
    const village = await ok(core, 'grids.get', { id: hit.id })
    expect(village.office?.name).toBe('官窑社会管理处')
    expect(village.childCounts.tier2).toBe(village.children.length)
    const tier2 = await ok(core, 'grids.get', { id: village.children[0].id })
    const tier3 = await ok(core, 'grids.get', { id: tier2.children[0].id })
    expect(tier3.tier).toBe(3)
    expect(tier3.parentChain.map((p) => p.name)).toEqual(['汀圃社区', tier2.name])
    expect(tier3.village.name).toBe('汀圃社区')
    expect(tier3.inspector).toBeTruthy()
    expect(tier3.households).toBeGreaterThan(0)
    const [w, s, e, n] = tier3.bbox!
    const [lon, lat] = tier3.labelPoint!
    expect(lon).toBeGreaterThanOrEqual(w)
    expect(lon).toBeLessThanOrEqual(e)
    expect(lat).toBeGreaterThanOrEqual(s)
    expect(lat).toBeLessThanOrEqual(n)
    // Children's households add up to the village's.
    const kids = await Promise.all(village.children.map((c) => ok(core, 'grids.get', { id: c.id })))
    expect(kids.reduce((sum, k) => sum + k.households, 0)).toBe(village.households)
  })

  it('answers an unknown grid id with a NOT_FOUND value', async () => {
    const r = await core.dispatch('grids.get', { id: 999_999 })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    if (!r.ok) expect(r.error.message).toContain('999999')
  })

  it('finds grids by name (village first) and by code prefix, and treats % and _ literally', async () => {
    const hits = await ok(core, 'grids.search', { q: '汀圃' })
    expect(hits[0]).toMatchObject({ name: '汀圃社区', tier: 1, code: '440605124056' })
    const byCode = await ok(core, 'grids.search', { q: '440605124056001' })
    expect(byCode[0].code).toBe('440605124056001')
    expect(byCode[0].tier).toBe(2)
    expect(byCode[0].path).toContain('汀圃社区')
    expect(await ok(core, 'grids.search', { q: '%' })).toEqual([])
    expect(await ok(core, 'grids.search', { q: '_' })).toEqual([])
    const limited = await ok(core, 'grids.search', { q: '党小组', limit: 5 })
    expect(limited).toHaveLength(5)
  })

  it('builds the hierarchy 南海区 → 狮山镇 → offices → villages → tier 2 → tier 3 with every grid once', async () => {
    const roots = await ok(core, 'grids.tree')
    expect(roots.map((r) => r.title)).toEqual(['南海区'])
    const town = roots[0].children[0]
    expect(town.title).toBe('狮山镇')
    const offices = town.children.filter((c) => c.unitKind === 'office')
    expect(offices).toHaveLength(5)
    // The town's departments hold no grid: they are not drawn in the grid tree as if they were grids.
    expect(town.children.filter((c) => c.unitKind === 'department')).toEqual([])
    expect(town.children.every((c) => c.unitKind === 'office' || c.type === 'grid')).toBe(true)
    const seen = new Map<number, number>()
    const walk = (n: TreeNode, depth: number) => {
      if (n.type === 'grid') {
        seen.set(n.id, (seen.get(n.id) ?? 0) + 1)
        for (const c of n.children) expect(c.tier).toBe(n.tier! + 1)
      }
      n.children.forEach((c) => walk(c, depth + 1))
    }
    walk(roots[0], 0)
    expect(seen.size).toBe(2084)
    expect([...seen.values()].every((v) => v === 1)).toBe(true)
    expect(offices.reduce((s, o) => s + o.children.length, 0)).toBe(84)
  })

  it('returns the town outline with its extent', async () => {
    const o = await ok(core, 'town.outline')
    expect(o.properties).toMatchObject({ name: '狮山镇', illustrative: true })
    expect(o.properties.areaKm2).toBeCloseTo(230, 0)
    expect(o.bbox[0]).toBeLessThan(o.bbox[2])
  })
})
