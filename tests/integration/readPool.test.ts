// The town server's pool of readers (electron/server/readPool.ts): heavy reads answer on worker
// threads exactly as on the main thread — refusals included — and are audited as before, while small
// calls and writes go on meanwhile instead of waiting seconds behind a town-wide health check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReadPool, type ReadPool } from '../../electron/server/readPool'
import { peopleStoreCopy, signIn, testCore } from '../support/core'
import type { MethodName } from '../../electron/shared/contract'

let pool: ReadPool
let pooled: ReturnType<typeof testCore>
let plain: ReturnType<typeof testCore>
let token: string
let plainToken: string
const unitId = (name: string) => plain.store.sqlite.prepare('select id from units where name = ?').pluck().get(name) as number

beforeAll(async () => {
  const file = peopleStoreCopy()
  pool = startReadPool({ dbFile: file, size: 2 })
  pooled = testCore({ dbFile: file, offload: pool })
  plain = testCore({ dbFile: peopleStoreCopy() })
  token = await signIn(pooled, 'operator')
  plainToken = await signIn(plain, 'operator')
}, 120_000)
afterAll(async () => {
  await pool?.close()
  pooled?.close()
  plain?.close()
})

describe('heavy reads on the pool', () => {
  it('answer exactly as on the main thread', async () => {
    const village = unitId('汀圃社区')
    const inputs: [MethodName, unknown][] = [
      ['grids.check', {}],
      ['people.check', { villageUnitId: village }],
      ['briefings.compose', { kind: '月报', anchor: '2026-11-01', scopeUnitId: village }],
      ['stats.kpis', { from: '2026-01-01', to: '2026-12-31' }],
      ['wall.summary', {}],
      ['wall.measure', { measure: 'open' }],
      ['visits.stats', { villageUnitId: village, from: '2026-11-01', to: '2026-11-20' }],
      ['issues.overdueUnits', {}]
    ]
    for (const [method, input] of inputs) {
      // The health check reports how long it took, which differs from run to run.
      const timeless = (r: unknown) => JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === 'durationMs' ? 0 : v))) as unknown
      const a = await pooled.dispatch(method, input, { token })
      const b = await plain.dispatch(method, input, { token: plainToken })
      expect(timeless(a), method).toEqual(timeless(b))
    }
    // Exports: the same rows in the same file name (the workbook's zip stamps differ).
    const exportOf = async (c: typeof plain, t: string) => {
      const r = await c.dispatch('people.export', { registry: 'teams' }, { token: t })
      if (!r.ok) throw new Error(JSON.stringify(r.error))
      return { fileName: r.value.fileName, count: r.value.count }
    }
    expect(await exportOf(pooled, token)).toEqual(await exportOf(plain, plainToken))
    expect(pooled.store.sqlite.prepare("select count(*) from audit_events where action = 'people.export'").pluck().get()).toBe(1)
  }, 120_000)

  it('refuse as on the main thread', async () => {
    const a = await pooled.dispatch('grids.check', { gridId: 999_999 }, { token })
    const b = await plain.dispatch('grids.check', { gridId: 999_999 }, { token: plainToken })
    expect(a.ok).toBe(false)
    expect(a).toEqual(b)
  })

  it('leave the main thread free: small calls and a write finish while the town’s health check runs', async () => {
    const finished: string[] = []
    const check = pooled.dispatch('grids.check', {}, { token }).then(() => finished.push('check'))
    for (let i = 0; i < 10; i++) await pooled.dispatch('grids.summary', {}, { token }).then(() => finished.push('small'))
    const grid = pooled.store.sqlite.prepare('select id, version from grids where tier = 1 limit 1').get() as { id: number; version: number }
    const write = await pooled.dispatch('grids.update', { id: grid.id, version: grid.version, patch: { inspector: '读写并行' } }, { token })
    finished.push(write.ok ? 'write' : 'write failed')
    await check
    expect(finished.indexOf('check')).toBe(finished.length - 1)
    expect(finished.filter((f) => f === 'small')).toHaveLength(10)
    expect(finished).toContain('write')
  }, 60_000)
})
