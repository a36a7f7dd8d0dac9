// Input that names what no table declares, or records that do not exist, is refused in Chinese and
// names the field; nothing reaches SQL it was not meant to, and no raw database message reaches a user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, Result } from '../../electron/shared/contract'
import { createCoreServices } from '../../electron/core/app'
import { createDispatcher } from '../../electron/core/api/dispatch'
import { testClock, testCoreWithPeople } from '../support/core'

let core: ReturnType<typeof testCoreWithPeople>
beforeAll(() => {
  core = testCoreWithPeople()
})
afterAll(() => core.close())

const errorOf = (r: Result<unknown>) => (r.ok ? null : r.error)
const raw = /SQLITE|constraint|syntax error|no such|bind|object Object|Cannot read|is not a function|undefined/i
const lists = ['persons.list', 'households.list', 'teams.list', 'reporting.list', 'reserve.list', 'issues.list']
const prototypeNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']

describe('names every object inherits', () => {
  it.each(lists)('%s refuses them as sort fields and filters, naming the field', async (method) => {
    for (const name of prototypeNames) {
      const sorted = errorOf(await core.dispatch(method, { sort: { field: name, dir: 'asc' } }))
      expect(sorted, `${method} sort ${name}`).toMatchObject({ code: 'BAD_INPUT', message: `不能按“${name}”排序`, details: { field: 'sort.field' } })
      // As JSON.parse makes them: an own key, even `__proto__`.
      const filtered = errorOf(await core.dispatch(method, JSON.parse(`{"filters": {"${name}": "x"}}`)))
      expect(filtered, `${method} filter ${name}`).toMatchObject({ code: 'BAD_INPUT', details: { field: `filters.${name}` } })
      // `__proto__` is refused at the boundary, whatever the method (zod's records would drop it silently).
      expect(filtered!.message).toMatch(name === '__proto__' ? /字段“filters”含有不允许的字段名“__proto__”/ : new RegExp(`^不能按“${name}”筛选；可用的筛选：`))
    }
  })

  it('refuses them as filter values that name a rule', async () => {
    const r = errorOf(await core.dispatch('persons.list', { filters: { role: 'constructor' } }))
    expect(r).toMatchObject({ code: 'BAD_INPUT', details: { field: 'filters.role' } })
    expect(r!.message).toMatch(/身份应为 社区党员、报到党员/)
  })

  it('takes true and false as filter values wherever a filter takes a value', async () => {
    for (const method of lists)
      for (const value of [true, false, 0, '']) {
        const filters =
          method === 'persons.list'
            ? { hukou: value }
            : method === 'households.list'
              ? { kind: value }
              : method === 'reserve.list'
                ? { specialty: value }
                : method === 'issues.list'
                  ? { status: value }
                  : {}
        const r = await core.dispatch(method, { filters })
        expect(r.ok, `${method} ${JSON.stringify(filters)}: ${JSON.stringify(errorOf(r))}`).toBe(true)
      }
  })
})

describe('records that do not exist', () => {
  it('a notice to a village that does not exist is NOT_FOUND naming the village', async () => {
    const contacts = core.store.sqlite.prepare('select id from reserve_contacts limit 2').pluck().all()
    const r = errorOf(await core.dispatch('reserve.sendNotice', { villageUnitId: 987654, contactIds: contacts, subject: '测试', content: '不存在的村居' }))
    expect(r).toMatchObject({ code: 'NOT_FOUND' })
    expect(r!.message).toMatch(/未找到村居（编号 987654）/)
  })

  it('a visit by a visitor or in a village that does not exist is NOT_FOUND or BAD_INPUT in words', async () => {
    const byTeam = await core.dispatch('visits.record', {
      kind: '入户走访',
      date: '2026-11-20',
      householdId: 1,
      visitorKind: '驻点团队',
      visitorPersonId: 987654321
    })
    expect(byTeam.ok).toBe(true)
    const byMember = errorOf(
      await core.dispatch('visits.record', { kind: '入户走访', date: '2026-11-20', householdId: 1, visitorKind: '报到党员', visitorPersonId: 987654321 })
    )
    expect(byMember).toMatchObject({ code: 'BAD_INPUT', message: '走访人须为已登记的党员' })
    const reception = errorOf(await core.dispatch('visits.record', { kind: '来访接待', date: '2026-11-20', villageUnitId: 987654, visitorKind: '驻点团队' }))
    expect(reception).toMatchObject({ code: 'NOT_FOUND' })
    expect(reception!.message).toMatch(/未找到村居/)
  })

  it('whatever a service forgets to check, a violated constraint is said in Chinese and logged, never in SQLite words', async () => {
    const { handlers, guard } = createCoreServices(core.store.db, testClock)
    const logged: unknown[] = []
    const careless = createDispatcher(
      {
        ...handlers,
        'reserve.answer': () => {
          core.store.sqlite.prepare('insert into reserve_notice_recipients (notice_id, reserve_contact_id) values (?, ?)').run(987654, 987654)
          return { id: 1 } as never
        },
        'visits.record': () => {
          core.store.sqlite.prepare("insert into units (code, name, kind) values ((select code from units limit 1), '重复', 'village')").run()
          return { id: 1 }
        }
      },
      guard,
      { onInternalError: (e) => logged.push(e) }
    )
    const fk = errorOf(await careless('reserve.answer', { recipientId: 1, answer: '愿意参加', participated: true }, { internal: '测试' })) as ApiError
    expect(fk).toMatchObject({ code: 'BAD_INPUT' })
    expect(fk.message).toMatch(/不存在或已被删除/)
    const unique = errorOf(
      await careless('visits.record', { kind: '来访接待', date: '2026-11-20', villageUnitId: 34, visitorKind: '驻点团队' }, { internal: '测试' })
    ) as ApiError
    expect(unique.code).toMatch(/CONFLICT|BAD_INPUT/)
    for (const e of [fk, unique]) expect(e.message).not.toMatch(raw)
    expect(logged).toHaveLength(2)
    const broken = createDispatcher(
      {
        ...handlers,
        'grids.summary': () => {
          throw new Error('/srv/app/electron/core/services/grids.ts:12 disk on fire')
        }
      },
      guard
    )
    const internal = errorOf(await broken('grids.summary', {}, { internal: '测试' }))
    expect(internal).toMatchObject({ code: 'INTERNAL' })
    expect(internal!.message).not.toMatch(/disk on fire|grids\.ts/)
  })
})

describe('the messages a wrong input gets', () => {
  it('are Chinese throughout: no English type names, no regular expressions, no "undefined"', async () => {
    const cases: [string, unknown][] = [
      ['grids.get', {}],
      ['grids.get', { id: 'x' }],
      ['grids.get', { id: 1.5 }],
      ['grids.create', { tier: 3, name: '', kind: '党小组', code: '中文编码' }],
      ['stats.kpis', { from: '2026/01/01' }],
      ['persons.list', { limit: 100000, sort: { field: 'name', dir: 'up' } }],
      ['grids.get', Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`extra${i}`, i]))],
      ['grids.search', null]
    ]
    for (const [method, input] of cases) {
      const r = errorOf(await core.dispatch(method, input))
      expect(r?.code, method).toBe('BAD_INPUT')
      expect(r!.message, r!.message).not.toMatch(/\b(string|number|object|array|undefined|null|boolean|int|expected)\b|\^|\$\//i)
      expect(r!.message.length, r!.message).toBeLessThan(400)
    }
    const missing = errorOf(await core.dispatch('grids.get', {}))
    expect(missing!.message).toBe('请求参数有误：字段“id”：缺少此项。')
  })
})

it('leaves the store intact', () => {
  expect(core.store.sqlite.pragma('quick_check', { simple: true })).toBe('ok')
})
