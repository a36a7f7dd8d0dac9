// What people do, on a real store: visits and the seeds' figures computed back, posts claimed within
// capacity, service recorded and printed (masked), notices to reserve contacts with their answers,
// and the map's people layers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { ok, testCoreWithPeople } from '../support/core'

let core: Core
const one = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
beforeAll(() => {
  core = testCoreWithPeople()
})
afterAll(() => core.close())

describe('visits', () => {
  it('computes the seeds’ figures back: 269.8% visit rate, two full rounds, 293,000 team person-times', async () => {
    const s = await ok(core, 'visits.stats', { from: '2025-12-01', to: '2026-11-20' })
    expect(s.total).toMatchObject({ households: 222_800, visits: 601_114, visitRate: 269.8, rounds: 2, teamPersonTimes: 293_000 })
    expect(s.villages.reduce((n, v) => n + v.visits, 0)).toBe(601_114)
    // Half the year holds one round only.
    const half = await ok(core, 'visits.stats', { from: '2025-12-01', to: '2026-05-31' })
    expect(half.total.rounds).toBe(1)
  })

  it('records a visit, updates the household’s last visit, and refuses a future date or a missing household', async () => {
    const h = one<{ id: number; village_unit_id: number }>('select id, village_unit_id from households where id = 42')
    const before = (await ok(core, 'visits.ofHousehold', { householdId: 42 })).length
    await ok(core, 'visits.record', {
      kind: '入户走访',
      date: '2026-11-21',
      householdId: h.id,
      visitorKind: '驻点团队',
      notes: '了解出租屋消防情况',
      problemFound: '楼道堆放杂物'
    })
    const list = await ok(core, 'visits.ofHousehold', { householdId: 42 })
    expect(list).toHaveLength(before + 1)
    expect(list[0]).toMatchObject({ date: '2026-11-21', problemFound: '楼道堆放杂物' })
    expect(list[0].visitor).toContain('驻点团队')
    expect(one<{ d: string }>('select last_visit_at d from households where id = 42').d).toBe('2026-11-21')
    const future = await core.dispatch('visits.record', { kind: '入户走访', date: '2026-12-01', householdId: 42, visitorKind: '驻点团队' })
    expect(future.ok === false && future.error.message).toContain('今天之后')
    const none = await core.dispatch('visits.record', { kind: '入户走访', date: '2026-11-01', visitorKind: '驻点团队' })
    expect(none.ok === false && none.error.message).toContain('须选择所走访的户')
  })
})

describe('posts and service (一报到两认领双管理)', () => {
  it('lets a member claim a post of the village reported to, within its capacity', async () => {
    const m = one<{ id: number; v: number }>('select id, village_unit_id v from reporting_members order by id limit 1')
    const other = one<{ id: number }>('select id from volunteer_posts where village_unit_id != ? limit 1', m.v)
    const { id: postId } = await ok(core, 'posts.create', { villageUnitId: m.v, name: '测试便民岗', capacity: 1 })
    await ok(core, 'posts.claim', { postId, reportingMemberId: m.id })
    const again = await core.dispatch('posts.claim', { postId, reportingMemberId: m.id })
    expect(again.ok === false && again.error.message).toContain('已认领')
    const m2 = one<{ id: number }>('select id from reporting_members where village_unit_id = ? and id != ? limit 1', m.v, m.id)
    const full = await core.dispatch('posts.claim', { postId, reportingMemberId: m2.id })
    expect(full.ok === false && full.error.message).toContain('已满（1 人）')
    const wrong = await core.dispatch('posts.claim', { postId: other.id, reportingMemberId: m.id })
    expect(wrong.ok === false && wrong.error.message).toContain('报到村居')
    const posts = await ok(core, 'posts.list', { villageUnitId: m.v })
    expect(posts.find((p) => p.id === postId)!.claimed).toBe(1)
  })

  it('records service and prints it with the member’s personal data masked', async () => {
    const m = one<{ id: number; id_number: string; phone: string }>(
      'select r.id, p.id_number, p.phone from reporting_members r join persons p on p.id = r.person_id order by r.id limit 1 offset 3'
    )
    const hoursBefore = (await ok(core, 'services.list', { reportingMemberId: m.id })).reduce((s, x) => s + x.hours, 0)
    await ok(core, 'services.record', { reportingMemberId: m.id, date: '2026-11-15', activity: '便民服务进小区', hours: 3.5, householdsVisited: 12 })
    const p = await ok(core, 'reporting.printout', {
      reportingMemberId: m.id
    })
    expect(p.totalHours).toBe(hoursBefore + 3.5)
    expect(p.services[0].activity).toBe('便民服务进小区')
    expect(p.idNumber).not.toContain(m.id_number.slice(4, 14))
    expect(p.phone).toBe(`${m.phone.slice(0, 3)}****${m.phone.slice(-4)}`)
    const bad = await core.dispatch('services.record', { reportingMemberId: m.id, date: '2026-11-15', activity: '巡逻', hours: 30 })
    expect(bad.ok === false && bad.error.message).toContain('24 小时')
  })
})

describe('reserve contacts (储能联系)', () => {
  it('records a notice to the contacts of a specialty in a village, then their answers', async () => {
    const v = one<{ v: number; n: number }>(
      "select village_unit_id v, count(*) n from reserve_contacts where specialty = '法律咨询' group by 1 order by 2 desc limit 1"
    )
    const sent = await ok(core, 'reserve.sendNotice', {
      villageUnitId: v.v,
      specialty: '法律咨询',
      subject: '法律咨询进社区',
      content: '本周六上午在党群服务中心开展法律咨询。'
    })
    expect(sent.recipients).toBe(v.n)
    const answers = await ok(core, 'reserve.answers', { noticeId: sent.noticeId })
    expect(answers.every((a) => a.specialty === '法律咨询')).toBe(true)
    await ok(core, 'reserve.answer', { recipientId: answers[0].id, answer: '愿意参加', participated: true })
    const list = await ok(core, 'reserve.notices', { villageUnitId: v.v })
    expect(list.find((n) => n.id === sent.noticeId)).toMatchObject({ recipients: v.n, willing: 1, participated: 1 })
    const nobody = await core.dispatch('reserve.sendNotice', { villageUnitId: v.v, specialty: '不存在的专长', subject: '测试', content: '测试内容' })
    expect(nobody.ok === false && nobody.error.message).toContain('没有符合条件')
    // Reserve contacts are never placed in party groups.
    expect(one<{ n: number }>("select count(*) n from reserve_contacts s join persons p on p.id = s.person_id where p.party_registration = '村居'").n).toBe(0)
  })
})

describe('people on the map', () => {
  it('gives reporting members’ homes and per-grid shading measures', async () => {
    const pts = await ok(core, 'people.points', { kind: 'reporting' })
    expect(pts.features.length).toBe(
      one<{ n: number }>('select count(*) n from reporting_members r join persons p on p.id = r.person_id where p.home_lon is not null').n
    )
    const coverage = await ok(core, 'grids.peopleMeasure', { measure: 'contactCoverage' })
    expect(coverage.every((c) => c.value === 100)).toBe(true)
    const days = await ok(core, 'grids.peopleMeasure', { measure: 'daysSinceVisit' })
    expect(days.length).toBe(one<{ n: number }>('select count(distinct grid_id) n from households').n)
    expect(Math.min(...days.map((d) => d.value))).toBeGreaterThan(0)
  })
})

describe('fixing what the rules find', () => {
  it('a team short of non-Foshan members is fixed by adding one; a new leader replaces the old', async () => {
    const team = one<{ id: number; v: number }>('select id, village_unit_id v from resident_teams order by id limit 1')
    const foreign = (await ok(core, 'teams.members', { teamId: team.id })).filter((m) => m.hukou === '非佛山户籍')
    await ok(core, 'teams.removeMember', { memberId: foreign[0].id })
    const check = await ok(core, 'people.check', { villageUnitId: team.v })
    expect(check.problems.find((p) => p.kind === 'TEAM_FEW_NON_FOSHAN')?.refs[0].id).toBe(team.id)
    const newcomer = one<{ id: number }>(
      "select id from persons where hukou = '非佛山户籍' and village_unit_id = ? and id not in (select person_id from team_members) limit 1",
      team.v
    )
    await ok(core, 'teams.addMember', { teamId: team.id, personId: newcomer.id, role: '队长' })
    const after = await ok(core, 'people.check', { villageUnitId: team.v })
    expect(after.problems.some((p) => p.kind === 'TEAM_FEW_NON_FOSHAN')).toBe(false)
    const leaders = (await ok(core, 'teams.members', { teamId: team.id })).filter((m) => m.role === '队长')
    expect(leaders.map((l) => l.personId)).toEqual([newcomer.id])
  })

  it('a household gets a contact member only from the party members of its own village', async () => {
    const h = one<{ id: number; v: number; version: number }>('select id, village_unit_id v, version from households where id = 500')
    const outsider = one<{ id: number }>('select id from persons where is_party_member and village_unit_id != ? limit 1', h.v)
    const nonMember = one<{ id: number }>('select id from persons where not is_party_member and village_unit_id = ? limit 1', h.v)
    const member = one<{ id: number }>("select id from persons where party_registration = '村居' and village_unit_id = ? order by id desc limit 1", h.v)
    const a = await core.dispatch('households.setContact', { householdId: h.id, version: h.version, contactPersonId: outsider.id })
    expect(a.ok === false && a.error.message).toContain('不住在该户所在村居')
    if (nonMember) {
      const b = await core.dispatch('households.setContact', { householdId: h.id, version: h.version, contactPersonId: nonMember.id })
      expect(b.ok === false && b.error.message).toContain('不是党员')
    }
    const r = await ok(core, 'households.setContact', { householdId: h.id, version: h.version, contactPersonId: member.id })
    expect(one<{ c: number }>('select contact_person_id c from households where id = ?', h.id).c).toBe(member.id)
    await ok(core, 'changes.undo', { batchId: r.batchId })
    expect(one<{ c: number }>('select contact_person_id c from households where id = ?', h.id).c).not.toBe(member.id)
  })
})
