// People on a real store: the demo reproduces the seeds' figures, the registries page and search in
// SQL with personal data masked, unmasking is logged, and the rules find what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { ok, testCoreWithPeople } from '../support/core'

let core: Core
const one = <T>(sql: string, ...params: unknown[]) => core.store.sqlite.prepare(sql).get(...params) as T
beforeAll(() => {
  core = testCoreWithPeople()
})
afterAll(() => core.close())

describe('demo people at the seeds’ scale', () => {
  it('has the seeds’ totals', () => {
    expect(one<{ n: number }>("select count(*) n from persons where party_registration = '村居'").n).toBe(13_300)
    expect(one<{ n: number }>('select count(*) n from households').n).toBe(222_800)
    expect(one<{ n: number }>("select sum(members) n from households where kind = '非户籍家庭户'").n).toBe(112_700)
    expect(one<{ n: number }>('select count(*) n from resident_teams').n).toBe(73)
    expect(one<{ n: number }>("select count(*) n from team_members m join persons p on p.id = m.person_id where p.hukou = '非佛山户籍'").n).toBe(146)
    expect(one<{ n: number }>('select count(*) n from reporting_members').n).toBe(1_900)
    expect(one<{ n: number }>('select count(distinct village_unit_id) n from reporting_members').n).toBe(75)
    expect(one<{ n: number }>("select count(*) n from reporting_members r join units v on v.id = r.village_unit_id where v.name = '大学城社区'").n).toBe(285)
    expect(one<{ n: number }>('select count(*) n from reserve_contacts').n).toBe(6_065)
    // 入户走访率 269.8%, two full rounds; the teams received or contacted 293,000 person-times.
    const visits = one<{ n: number }>("select count(*) n from visits where kind = '入户走访'").n
    expect(Math.round((visits / 222_800) * 1000) / 10).toBe(269.8)
    expect(one<{ n: number }>("select min(n) n from (select count(*) n from visits where kind = '入户走访' group by household_id)").n).toBe(2)
    expect(one<{ n: number }>("select sum(person_times) n from visits where visitor_kind = '驻点团队'").n).toBe(293_000)
    // Every household has a contact member; reserve contacts are never placed in a grid.
    expect(one<{ n: number }>('select count(*) n from households where contact_person_id is null').n).toBe(0)
  })

  it('places reporting members with the placement rule, never over capacity, inside the village reported to', () => {
    const wrongVillage = one<{ n: number }>(
      'select count(*) n from reporting_members r join grids g on g.id = r.group_grid_id where g.village_unit_id != r.village_unit_id or g.tier != 3'
    ).n
    expect(wrongVillage).toBe(0)
    const over = one<{ n: number }>(
      `select count(*) n from (select g.id, (select count(*) from persons p where p.home_grid_id = g.id and p.party_registration = '村居') +
        (select count(*) from reporting_members r where r.group_grid_id = g.id) as total,
        (select count(*) from reporting_members r where r.group_grid_id = g.id) as rep from grids g where g.tier = 3) where rep > 0 and total > 30`
    ).n
    expect(over).toBe(0)
    expect(one<{ n: number }>('select count(*) n from reporting_members where group_grid_id is null').n).toBe(120)
  })
})

describe('registries', () => {
  it('pages, filters and sorts in SQL and masks personal data', async () => {
    const page = await ok(core, 'persons.list', {
      limit: 50,
      sort: { field: 'name', dir: 'asc' }
    })
    expect(page.total).toBe(one<{ n: number }>('select count(*) n from persons').n)
    expect(page.rows).toHaveLength(50)
    for (const r of page.rows) {
      expect(r.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
      expect(r.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    }
    const names = page.rows.map((r) => r.name)
    expect([...names].sort()).toEqual(names)
    const foreign = await ok(core, 'persons.list', { filters: { hukou: '非佛山户籍', role: '驻点团队' } })
    expect(foreign.total).toBe(146)
  })

  it('finds a person by the ID or phone tail the mask shows, a whole number and name prefix', async () => {
    const p = one<{ id: number; id_number: string; phone: string; name: string }>('select id, id_number, phone, name from persons where id = 777')
    // Six digits of a tail would show two hidden ones: searches take the four shown (numberSearch.test.ts).
    for (const q of [p.id_number.slice(-4), p.phone.slice(-4), p.id_number, p.phone, p.name]) {
      const hits = await ok(core, 'persons.list', { q, limit: 500 })
      expect(hits.rows.map((r) => r.id)).toContain(777)
    }
  })

  it('unmasks one record only with a reason, and logs it', async () => {
    const r = await core.dispatch('persons.unmask', { id: 5, reason: '' })
    expect(r.ok).toBe(false)
    const full = await ok(core, 'persons.unmask', { id: 5, reason: '核对报到信息' })
    expect(full.masked).toBe(false)
    expect(full.idNumber).toBe(one<{ id_number: string }>('select id_number from persons where id = 5').id_number)
    expect(one<{ reason: string; actor: string }>('select reason, actor from unmask_log where person_id = 5')).toMatchObject({ reason: '核对报到信息' })
    // The unmask is in the audit trail too, with its reason.
    const trail = await ok(core, 'audit.search', { action: 'persons.unmask' })
    expect(trail.rows[0].target).toBe('id=5')
    expect(trail.rows[0].detail).toContain('核对报到信息')
  })

  it('masks home addresses in lists, panels and exports unless unmasked', async () => {
    const withAddress = one<{ id: number; home_address: string }>('select id, home_address from persons where home_address is not null order by id limit 1')
    const masked = await ok(core, 'persons.get', { id: withAddress.id })
    expect(masked.homeAddress).toMatch(/\*{4}$/)
    expect(masked.homeAddress).not.toBe(withAddress.home_address)
    const page = await ok(core, 'households.list', { limit: 5 })
    for (const row of page.rows as unknown as { address: string }[]) expect(row.address).toMatch(/\*{4}$/)
    const full = await ok(core, 'persons.unmask', { id: withAddress.id, reason: '上门核实' })
    expect(full.homeAddress).toBe(withAddress.home_address)
  })

  it('refuses an unknown filter or sort field with its name', async () => {
    const r = await core.dispatch('households.list', { filters: { colour: 'red' } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('colour')
    const s = await core.dispatch('households.list', { sort: { field: 'id; drop table persons', dir: 'asc' } })
    expect(s.ok).toBe(false)
  })
})

describe('rules', () => {
  it('reports what is wrong, and nothing on clean data but the unplaced', async () => {
    const before = await ok(core, 'people.check', {})
    expect(new Set(before.problems.map((p) => p.kind))).toEqual(new Set(['REPORTING_UNPLACED']))
    expect(before.problems.reduce((s, p) => s + p.count, 0)).toBe(120)
    const db = core.store.sqlite
    const team = one<{ id: number }>('select id from resident_teams order by id limit 1')
    db.prepare(
      "update persons set hukou = '本镇户籍' where id = (select m.person_id from team_members m join persons p on p.id = m.person_id where m.team_id = ? and p.hukou = '非佛山户籍' limit 1)"
    ).run(team.id)
    db.prepare('update households set contact_person_id = null where id in (1, 2, 3)').run()
    const p = one<{ id: number; id_number: string }>('select id, id_number from persons where id = 10')
    db.prepare('update persons set id_number = ? where id = 11').run(p.id_number)
    db.prepare('update households set contact_person_id = 20 where id between 100 and 160').run()
    const after = await ok(core, 'people.check', {})
    const kinds = after.problems.map((p) => p.kind)
    expect(kinds).toContain('TEAM_FEW_NON_FOSHAN')
    expect(after.problems.find((p) => p.kind === 'HOUSEHOLD_NO_CONTACT')!.count).toBe(3)
    expect(kinds).toContain('DUPLICATE_ID')
    expect(after.problems.find((p) => p.kind === 'DUPLICATE_ID')!.message).not.toContain(p.id_number)
    expect(kinds).toContain('MEMBER_TOO_MANY_HOUSEHOLDS')
  })
})
