// The auditor reads the trail in words: each operation with its object (事件交办 SS-… 狮山镇 →
// 城管办), the details as labelled Chinese lines, people's names masked, and the filter takes the
// operation's Chinese name. The stored rows (and their hash chain) are untouched by this.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRow } from '../../electron/shared/accounts'
import { signIn, testCoreWithPeople } from '../support/core'

let core: ReturnType<typeof testCoreWithPeople>
let operator: string
let auditor: string
let code: string
let personName: string
const one = (sql: string, ...p: unknown[]) =>
  core.store.sqlite
    .prepare(sql)
    .pluck()
    .get(...p) as never
const call = async <T>(token: string, method: string, input: unknown) => {
  const r = await core.dispatch(method as never, input, { token })
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
  return r.value as T
}
const search = (input: Record<string, unknown>) => call<{ total: number; rows: AuditRow[] }>(auditor, 'audit.search', { limit: 50, ...input })

beforeAll(async () => {
  core = testCoreWithPeople()
  operator = await signIn(core, 'operator')
  auditor = await signIn(core, 'auditor')
  const village = one("select id from units where name = '汀圃社区'") as number
  const town = one("select id from units where kind = 'town'") as number
  const dept = one("select id from units where name = '城管办'") as number
  const issue = await call<{ id: number; code: string }>(operator, 'issues.create', {
    title: '审计可读性',
    description: '审计可读性测试',
    category: '城市管理',
    urgency: '一般',
    source: '网格巡查',
    villageUnitId: village
  })
  code = issue.code
  const version = () => one('select version from issues where id = ?', issue.id) as number
  const holder = () => one('select holder_unit_id from issues where id = ?', issue.id) as number
  // Up to the town, then down to a department.
  while (holder() !== town) {
    const at = holder()
    if (one('select status from issues where id = ?', issue.id) === 'reported')
      await call(operator, 'issues.act', { id: issue.id, version: version(), actingUnitId: at, action: { type: 'accept' } })
    await call(operator, 'issues.act', { id: issue.id, version: version(), actingUnitId: at, action: { type: 'escalate', reason: '需镇统筹协调' } })
  }
  await call(operator, 'issues.act', {
    id: issue.id,
    version: version(),
    actingUnitId: town,
    action: { type: 'dispatch', toUnitId: dept, note: '请三日内清理' }
  })
  const person = one('select id from persons order by id limit 1') as number
  personName = one('select name from persons where id = ?', person) as string
  await call(operator, 'persons.unmask', { id: person, reason: '核对身份' })
}, 120_000)
afterAll(() => core.close())

describe('the audit trail in words', () => {
  it('names a hand-off by its action and the issue with where it went', async () => {
    const { rows } = await search({ username: 'operator' })
    const dispatch = rows.find((r) => r.operation === '事件交办')!
    expect(dispatch.object).toBe(`${code} 狮山镇 → 城管办`)
    expect(dispatch.details).toEqual(
      expect.arrayContaining([
        { label: '办理单位', value: '狮山镇' },
        { label: '动作', value: '交办（目标单位：城管办；意见：请三日内清理）' }
      ])
    )
    const escalate = rows.find((r) => r.operation === '事件上报上级')!
    expect(escalate.object).toMatch(new RegExp(`^${code} .+ → .+$`))
    expect(rows.find((r) => r.action === 'issues.create')!.object).toMatch(new RegExp(`^${code} → `))
    // Every label is Chinese; nothing of the JSON's English keys or braces shows.
    for (const r of rows) for (const d of r.details) expect(d.label, `${r.action} ${d.label}`).toMatch(/[\u4e00-\u9fff]/)
    for (const r of rows) for (const d of r.details) expect(d.value).not.toMatch(/^[{[]/)
  })

  it('shows the person whose numbers were unmasked by a masked name, and the reason', async () => {
    const { rows } = await search({ action: 'persons.unmask' })
    expect(rows).toHaveLength(1)
    expect(rows[0].object).not.toBe(personName)
    expect(rows[0].object![0]).toBe(personName[0])
    expect(rows[0].object).toContain('*')
    expect(rows[0].details).toContainEqual({ label: '理由', value: '核对身份' })
  })

  it('filters by the operation’s Chinese name', async () => {
    const dispatched = await search({ action: '事件交办' })
    expect(dispatched.total).toBe(1)
    expect(dispatched.rows[0].object).toContain('城管办')
    const escalated = await search({ action: '上报' })
    expect(escalated.total).toBeGreaterThan(0)
    expect(escalated.rows.every((r) => r.operation === '事件上报上级')).toBe(true)
    const unmasked = await search({ action: '查看完整' })
    expect(unmasked.rows.map((r) => r.action)).toEqual(['persons.unmask'])
    const signIns = await search({ action: '登录' })
    expect(signIns.rows.length).toBeGreaterThan(0)
    expect(new Set(signIns.rows.map((r) => r.action))).toEqual(new Set(['auth.login']))
    // A method name still works as before.
    expect((await search({ action: 'issues' })).total).toBeGreaterThanOrEqual(dispatched.total + escalated.total)
  })
})
