// The health check service on the demo town in a real store: clean as generated, and it finds
// what an edit breaks, in the right scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { ok, testCore } from '../support/core'

let core: Core
beforeAll(() => {
  core = testCore()
})
afterAll(() => core.close())
const check = (gridId?: number) => ok(core, 'grids.check', gridId ? { gridId } : {})
const sql = <T>(q: string, ...a: unknown[]) => core.store.sqlite.prepare(q).get(...a) as T

describe('health check service', () => {
  it('finds no problem in the generated town, checking every grid', async () => {
    const r = await check()
    expect(r.scopeName).toBe('狮山镇')
    expect(r.checkedGrids).toBe(2084)
    expect(r.problems).toEqual([])
  })

  it('finds the overlap an edit creates, in the village scope and the town scope, with its area', async () => {
    const village = sql<{ id: number }>("select id from grids where tier = 1 and name = '汀圃社区'")
    const [a, b] = core.store.sqlite.prepare('select id, geometry, version from grids where parent_id = ? order by id limit 2').all(village.id) as {
      id: number
      geometry: string
      version: number
    }[]
    // Give the first tier-2 grid the second one's shape: they now overlap completely.
    await ok(core, 'grids.setGeometry', { id: a.id, version: a.version, geometry: JSON.parse(b.geometry) })
    const scoped = await check(village.id)
    expect(scoped.scopeName).toBe('汀圃社区')
    expect(scoped.checkedGrids).toBeLessThan(60)
    const overlap = scoped.problems.find((p) => p.kind === 'OVERLAP' && p.gridIds.includes(a.id) && p.gridIds.includes(b.id))
    expect(overlap).toBeDefined()
    expect(overlap!.percent).toBeCloseTo(100, 0)
    expect(overlap!.area?.type).toMatch(/Polygon/)
    // The old shape of `a` is now covered by nobody: a gap in the village, and a's children are outside it.
    expect(scoped.problems.some((p) => p.kind === 'GAP' && p.gridIds[0] === village.id)).toBe(true)
    expect(scoped.problems.some((p) => p.kind === 'OUTSIDE_PARENT')).toBe(true)
    const town = await check()
    expect(town.problems.filter((p) => p.kind === 'OVERLAP')).toHaveLength(scoped.problems.filter((p) => p.kind === 'OVERLAP').length)
  })

  it('answers an unknown scope with NOT_FOUND', async () => {
    expect(await core.dispatch('grids.check', { gridId: 123456 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
