// 无职党员设岗定责 (seed 004: Nanhai set 3,145 posts, 11,295 members without office claimed one): the
// village's own party members without office claim the posts of their village (领岗), leave them, and
// are reviewed once a year (年度考评); the figures and the posts nobody holds (a rules check).
import type { Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { chinaDate } from '../../shared/chinaTime'
import { sqlOn } from '../db/sql'

export function createMemberPostService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const today = () => chinaDate(clock.now())
  /** A claim held on a day: claimed by then, not ended by then. */
  const held = (alias: string, day = '@day') => `${alias}.claimed_on <= ${day} and (${alias}.ended_on is null or ${alias}.ended_on > ${day})`
  /** A post (of either audience) nobody holds on @day: the rules check's 岗位无人认领, one definition. */
  const unclaimed = (post: string) =>
    `not exists (select 1 from post_member_claims c where c.post_id = ${post}.id and ${held('c')})
     and not exists (select 1 from post_claims pc where pc.post_id = ${post}.id)`

  function claim(input: ParsedInput<'posts.claimByMember'>) {
    return sql.transaction(() => {
      const post = sql.row<{ id: number; name: string; capacity: number; v: number; audience: string }>(
        'select id, name, capacity, village_unit_id v, audience from volunteer_posts where id = ?',
        input.postId
      )
      if (!post) throw notFound('岗位', input.postId)
      if (post.audience !== '无职党员') throw new AppError('BAD_INPUT', `“${post.name}”是报到党员的岗位，由报到党员认领。`, { field: 'postId' })
      const p = sql.row<{ name: string; v: number | null; party: number; registration: string | null }>(
        'select name, village_unit_id v, is_party_member party, party_registration registration from persons where id = ?',
        input.personId
      )
      if (!p) throw notFound('人员', input.personId)
      if (!p.party || p.registration !== '村居')
        throw new AppError('BAD_INPUT', `${p.name}不是组织关系在村（社区）的党员，不能认领无职党员岗位。`, { field: 'personId' })
      if (p.v !== post.v) throw new AppError('BAD_INPUT', `“${post.name}”不是${p.name}所在村（社区）的岗位。`, { field: 'personId' })
      const day = today()
      if (sql.value(`select 1 from post_member_claims c where c.post_id = ? and c.person_id = ? and ${held('c')}`, post.id, input.personId, { day }))
        throw new AppError('CONFLICT', `${p.name}已认领“${post.name}”。`)
      if (sql.value('select 1 from post_member_claims where post_id = ? and person_id = ?', post.id, input.personId))
        throw new AppError('CONFLICT', `${p.name}曾认领“${post.name}”并已离岗；如需再次领岗，请新设岗位或联系管理员。`)
      const n = sql.value<number>(`select count(*) from post_member_claims c where c.post_id = ? and ${held('c')}`, post.id, { day }) ?? 0
      if (n >= post.capacity) throw new AppError('CONFLICT', `“${post.name}”已满（${post.capacity} 人），请选择其他岗位或先扩大岗位人数。`)
      const claimId = Number(
        sql.run('insert into post_member_claims (post_id, person_id, claimed_on) values (?, ?, ?)', post.id, input.personId, day).lastInsertRowid
      )
      return { claimId, claimed: n + 1 }
    })
  }

  function claimRow(id: number) {
    const c = sql.row<{ id: number; claimedOn: string; endedOn: string | null; name: string; post: string }>(
      'select c.id, c.claimed_on claimedOn, c.ended_on endedOn, p.name, vp.name post from post_member_claims c join persons p on p.id = c.person_id join volunteer_posts vp on vp.id = c.post_id where c.id = ?',
      id
    )
    if (!c) throw notFound('领岗记录', id)
    return c
  }

  function endClaim(input: ParsedInput<'posts.endClaim'>) {
    const c = claimRow(input.claimId)
    if (c.endedOn !== null) throw new AppError('CONFLICT', `${c.name}已于 ${c.endedOn} 离开“${c.post}”。`)
    if (input.endedOn < c.claimedOn) throw new AppError('BAD_INPUT', `离岗日期 ${input.endedOn} 早于领岗日期 ${c.claimedOn}。`, { field: 'endedOn' })
    if (input.endedOn > today()) throw new AppError('BAD_INPUT', `离岗日期 ${input.endedOn} 晚于今天（${today()}）。`, { field: 'endedOn' })
    sql.run('update post_member_claims set ended_on = ? where id = ? and ended_on is null', input.endedOn, c.id)
    return { claimId: c.id }
  }

  function review(input: ParsedInput<'posts.review'>, actor: string) {
    const c = claimRow(input.claimId)
    const year = Number(today().slice(0, 4))
    if (input.year > year) throw new AppError('BAD_INPUT', `${input.year} 年尚未到来，不能考评。`, { field: 'year' })
    if (input.year < Number(c.claimedOn.slice(0, 4)) || (c.endedOn !== null && input.year > Number(c.endedOn.slice(0, 4))))
      throw new AppError('BAD_INPUT', `${c.name}在 ${input.year} 年没有担任“${c.post}”。`, { field: 'year' })
    if (sql.value('select 1 from post_reviews where claim_id = ? and year = ?', c.id, input.year))
      throw new AppError('CONFLICT', `${c.name}的“${c.post}”${input.year} 年度已考评。`)
    const id = sql.run(
      'insert into post_reviews (claim_id, year, rating, note, reviewed_on, reviewed_by) values (?, ?, ?, ?, ?, ?)',
      c.id,
      input.year,
      input.rating,
      input.note ?? null,
      today(),
      actor
    ).lastInsertRowid
    return { id: Number(id) }
  }

  function claims(postId: number): Output<'posts.memberClaims'> {
    if (!sql.value('select 1 from volunteer_posts where id = ?', postId)) throw notFound('岗位', postId)
    const rows = sql.rows<{ claimId: number; personId: number; name: string; claimedOn: string; endedOn: string | null }>(
      'select c.id claimId, c.person_id personId, p.name, c.claimed_on claimedOn, c.ended_on endedOn from post_member_claims c join persons p on p.id = c.person_id where c.post_id = ? order by c.id',
      postId
    )
    const reviews = sql.rows<{ claimId: number; year: number; rating: string; note: string | null }>(
      'select r.claim_id claimId, r.year, r.rating, r.note from post_reviews r join post_member_claims c on c.id = r.claim_id where c.post_id = ? order by r.year',
      postId
    )
    return rows.map((r) => ({ ...r, reviews: reviews.filter((v) => v.claimId === r.claimId).map(({ claimId: _c, ...v }) => v) }))
  }

  /**
   * For a year and villages, today: posts for members without office, those held by anyone, the
   * members holding one, the year's reviews (and 优秀); every post of either kind nobody holds.
   */
  function figures(input: ParsedInput<'posts.figures'>, scopeVillageIds: number[] | null): Output<'posts.figures'> {
    const asked = input.villageIds ?? null
    const villages = scopeVillageIds === null ? asked : (asked ?? scopeVillageIds).filter((v) => scopeVillageIds.includes(v))
    const within = (alias: string) => (villages ? `and ${alias}.village_unit_id in (${villages.map(Number).join(',') || 'null'})` : '')
    // Held on the day asked (a briefing asks for its period's end), today unless asked.
    const params = { day: input.asOf && input.asOf < today() ? input.asOf : today(), year: input.year }
    const f = sql.row<{ posts: number; claimedPosts: number; members: number; reviewed: number; excellent: number }>(
      `select count(*) posts,
         sum(exists (select 1 from post_member_claims c where c.post_id = vp.id and ${held('c')})) claimedPosts,
         (select count(distinct c.person_id) from post_member_claims c join volunteer_posts p2 on p2.id = c.post_id where ${held('c')} ${within('p2')}) members,
         (select count(*) from post_reviews r join post_member_claims c on c.id = r.claim_id join volunteer_posts p3 on p3.id = c.post_id where r.year = @year ${within('p3')}) reviewed,
         (select count(*) from post_reviews r join post_member_claims c on c.id = r.claim_id join volunteer_posts p4 on p4.id = c.post_id where r.year = @year and r.rating = '优秀' ${within('p4')}) excellent
       from volunteer_posts vp where vp.audience = '无职党员' ${within('vp')}`,
      params
    )!
    const unclaimedPosts = sql.rows<Output<'posts.figures'>['unclaimed'][number]>(
      `select vp.id postId, vp.name, vp.audience, v.name village from volunteer_posts vp join units v on v.id = vp.village_unit_id
       where ${unclaimed('vp')} ${within('vp')}
       order by v.sort_order, vp.id`,
      params
    )
    return {
      posts: f.posts,
      claimedPosts: f.claimedPosts ?? 0,
      members: f.members ?? 0,
      reviewed: f.reviewed ?? 0,
      excellent: f.excellent ?? 0,
      unclaimed: unclaimedPosts
    }
  }

  /**
   * The map's 设岗定责 shading, today: per village (its tier-1 grid) the posts of either audience, those
   * nobody holds (as figures' unclaimed) and the share held (%).
   */
  function mapMeasure(): Output<'posts.mapMeasure'> {
    return sql.rows<Output<'posts.mapMeasure'>[number]>(
      `select g.id gridId, count(*) posts, sum(${unclaimed('vp')}) unclaimed,
         round(100.0 * (count(*) - sum(${unclaimed('vp')})) / count(*), 1) value
       from volunteer_posts vp join grids g on g.village_unit_id = vp.village_unit_id and g.tier = 1
       group by g.id`,
      { day: today() }
    )
  }

  return { claim, endClaim, review, claims, figures, mapMeasure }
}
