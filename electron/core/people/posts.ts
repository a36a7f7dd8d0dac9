// 一报到两认领双管理: volunteer posts per village that reporting members claim (领岗), the service
// they record, and what is printed for them — the report receipt (报到回执) and the service record
// sent to the work unit (双管理).
import type { Output } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { maskIdNumber, maskPhone } from '../kernel/personalData'
import { chinaDate } from '../../shared/chinaTime'
import { sqlOn } from '../db/sql'

export function createPostService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const today = () => chinaDate(clock.now())

  function list(villageUnitId: number) {
    // A post is held by reporting members (post_claims) or by the village's members without office
    // (post_member_claims, those still in it today): the claimed count and the names are of its own kind.
    const posts = sql.rows<Output<'posts.list'>[number]>(
      `select vp.id, vp.name, vp.capacity, vp.description, vp.audience,
           case vp.audience when '无职党员'
             then (select count(*) from post_member_claims m where m.post_id = vp.id and m.claimed_on <= @day and (m.ended_on is null or m.ended_on > @day))
             else (select count(*) from post_claims c where c.post_id = vp.id) end as claimed,
           case vp.audience when '无职党员'
             then (select group_concat(p.name, '、') from post_member_claims m join persons p on p.id = m.person_id where m.post_id = vp.id and m.claimed_on <= @day and (m.ended_on is null or m.ended_on > @day))
             else (select group_concat(p.name, '、') from post_claims c join reporting_members r on r.id = c.reporting_member_id join persons p on p.id = r.person_id where c.post_id = vp.id) end as members
         from volunteer_posts vp where vp.village_unit_id = @village order by vp.id`,
      { village: villageUnitId, day: today() }
    )
    return posts
  }

  function create(input: { villageUnitId: number; name: string; capacity: number; description?: string; audience?: '报到党员' | '无职党员' }) {
    if (!sql.row("select 1 from units where id = ? and kind = 'village'", input.villageUnitId)) throw notFound('村居', input.villageUnitId)
    if (sql.row('select 1 from volunteer_posts where village_unit_id = ? and name = ?', input.villageUnitId, input.name))
      throw new AppError('CONFLICT', `本村居已有“${input.name}”`)
    const id = sql.run(
      'insert into volunteer_posts (village_unit_id, name, capacity, description, audience) values (?, ?, ?, ?, ?)',
      input.villageUnitId,
      input.name,
      input.capacity,
      input.description ?? null,
      input.audience ?? '报到党员'
    ).lastInsertRowid as number
    return { id }
  }

  function member(id: number) {
    const m = sql.row<{ id: number; v: number; name: string }>(
      'select r.id, r.village_unit_id as v, p.name from reporting_members r join persons p on p.id = r.person_id where r.id = ?',
      id
    )
    if (!m) throw notFound('报到党员', id)
    return m
  }

  function claim(input: { postId: number; reportingMemberId: number }) {
    return sql.transaction(() => {
      const m = member(input.reportingMemberId)
      const post = sql.row<{ id: number; name: string; capacity: number; v: number; audience: string }>(
        'select id, name, capacity, village_unit_id as v, audience from volunteer_posts where id = ?',
        input.postId
      )
      if (!post) throw notFound('岗位', input.postId)
      if (post.audience === '无职党员') throw new AppError('BAD_INPUT', `“${post.name}”是本村居无职党员的岗位，由无职党员认领。`)
      if (post.v !== m.v) throw new AppError('BAD_INPUT', `“${post.name}”不是${m.name}报到村居的岗位`)
      if (sql.row('select 1 from post_claims where post_id = ? and reporting_member_id = ?', post.id, m.id))
        throw new AppError('CONFLICT', `${m.name}已认领“${post.name}”`)
      const { n } = sql.row<{ n: number }>('select count(*) n from post_claims where post_id = ?', post.id)!
      if (n >= post.capacity) throw new AppError('CONFLICT', `“${post.name}”已满（${post.capacity} 人），请选择其他岗位或先扩大岗位人数`)
      sql.run('insert into post_claims (post_id, reporting_member_id, claimed_at) values (?, ?, ?)', post.id, m.id, today())
      return { claimed: n + 1 }
    })
  }

  function unclaim(input: { postId: number; reportingMemberId: number }) {
    const r = sql.run('delete from post_claims where post_id = ? and reporting_member_id = ?', input.postId, input.reportingMemberId)
    if (r.changes === 0) throw new AppError('CONFLICT', '该党员没有认领这个岗位（可能已被取消），请刷新')
    return { removed: r.changes }
  }

  function recordService(input: { reportingMemberId: number; date: string; activity: string; hours: number; householdsVisited: number; note?: string }) {
    member(input.reportingMemberId)
    if (input.date > today()) throw new AppError('BAD_INPUT', `服务日期 ${input.date} 在今天之后`)
    const id = sql.run(
      'insert into service_records (reporting_member_id, date, activity, hours, households_visited, note) values (?, ?, ?, ?, ?, ?)',
      input.reportingMemberId,
      input.date,
      input.activity.trim(),
      input.hours,
      input.householdsVisited,
      input.note?.trim() || null
    ).lastInsertRowid as number
    return { id }
  }

  function services(reportingMemberId: number) {
    member(reportingMemberId)
    return sql.rows<{ id: number; date: string; activity: string; hours: number; householdsVisited: number; note: string | null }>(
      'select id, date, activity, hours, households_visited as householdsVisited, note from service_records where reporting_member_id = ? order by date desc, id desc',
      reportingMemberId
    )
  }

  /** What the receipt and the service record print: the member (masked), the village, posts and service. */
  function printout(reportingMemberId: number): Output<'reporting.printout'> {
    type Member = Omit<Output<'reporting.printout'>, 'posts' | 'services' | 'totalHours' | 'totalHouseholds' | 'printedAt'>
    const r = sql.row<Member>(
      `select r.id, p.name, p.gender, p.id_number as idNumber, p.phone, p.work_unit as workUnit, p.party_branch as partyBranch, v.name as village, o.name as office,
           r.reported_at as reportedAt, r.services_claimed as servicesClaimed, p.specialties, r.volunteer_wishes as volunteerWishes, r.project_wishes as projectWishes,
           g.name as "group", g.inspector as leader
         from reporting_members r join persons p on p.id = r.person_id join units v on v.id = r.village_unit_id left join units o on o.id = v.parent_id
         left join grids g on g.id = r.group_grid_id where r.id = ?`,
      reportingMemberId
    )
    if (!r) throw notFound('报到党员', reportingMemberId)
    const posts = sql
      .rows<{ name: string }>(
        'select vp.name from post_claims c join volunteer_posts vp on vp.id = c.post_id where c.reporting_member_id = ? order by vp.id',
        reportingMemberId
      )
      .map((x) => x.name)
    const records = services(reportingMemberId)
    return {
      ...r,
      idNumber: r.idNumber ? maskIdNumber(r.idNumber) : null,
      phone: r.phone ? maskPhone(r.phone) : null,
      posts,
      services: records,
      totalHours: records.reduce((s, x) => s + x.hours, 0),
      totalHouseholds: records.reduce((s, x) => s + x.householdsVisited, 0),
      printedAt: today()
    }
  }

  return { list, create, claim, unclaim, recordService, services, printout }
}
