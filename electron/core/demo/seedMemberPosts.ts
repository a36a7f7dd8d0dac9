// The demo's 无职党员设岗定责 at Shishan's share of seed 004 (Nanhai: 3,145 posts, 11,295 members
// without office claimed one; Shishan assumed about a seventh): posts in each village in proportion
// to its community party members, claimed by them, and last year's review. Deterministic.
import type { Db } from '../db/open'
import { addDays } from '../../shared/chinaTime'
import { sqlOn } from '../db/sql'
import { apportion, createRng } from './prng'

export const demoPostFigures = { posts: 450, members: 1610 }
const names = ['楼道消防巡查岗', '环境卫生监督岗', '邻里纠纷调解岗', '政策宣传岗', '关爱帮扶岗', '平安巡逻岗', '垃圾分类督导岗', '出租屋安全宣传岗']
const duties: Record<string, string> = {
  楼道消防巡查岗: '每周巡查楼道、疏散通道，发现隐患及时上报',
  环境卫生监督岗: '督促门前三包，发现乱堆乱放及时劝导、上报',
  邻里纠纷调解岗: '及时发现、劝解邻里矛盾，协助调解',
  政策宣传岗: '向群众宣传政策，收集意见建议',
  关爱帮扶岗: '联系困难群众、独居老人，定期探访',
  平安巡逻岗: '参加夜间平安巡逻，留意治安隐患',
  垃圾分类督导岗: '在投放点督导垃圾分类',
  出租屋安全宣传岗: '向租户宣传消防安全，劝导电动车不进屋'
}

export function seedDemoMemberPosts(db: Db, opts: { seed?: number }): void {
  const sql = sqlOn(db)
  const rng = createRng(opts.seed ?? 2028)
  const membersOf = new Map<number, number[]>()
  for (const p of sql.rows<{ id: number; v: number }>(
    "select id, village_unit_id v from persons where is_party_member = 1 and party_registration = '村居' and village_unit_id is not null order by id"
  ))
    (membersOf.get(p.v) ?? membersOf.set(p.v, []).get(p.v)!).push(p.id)
  const villages = [...membersOf.keys()].sort((a, b) => a - b)
  if (villages.length === 0) return
  const postsPer = apportion(
    demoPostFigures.posts,
    villages.map((v) => membersOf.get(v)!.length)
  )
  const claimsPer = apportion(
    demoPostFigures.members,
    villages.map((v) => membersOf.get(v)!.length)
  )
  const post = sql.statement("insert into volunteer_posts (village_unit_id, name, capacity, description, audience) values (?, ?, ?, ?, '无职党员')")
  const claim = sql.statement('insert into post_member_claims (post_id, person_id, claimed_on) values (?, ?, ?)')
  const review = sql.statement(
    "insert into post_reviews (claim_id, year, rating, note, reviewed_on, reviewed_by) values (?, 2025, ?, null, '2026-01-15', 'demo')"
  )
  sql.transaction(() =>
    villages.forEach((v, vi) => {
      if (postsPer[vi] === 0) return
      const members = [...membersOf.get(v)!]
      // Each member holds at most one post; the village's claims spread over its posts.
      const holders = Math.min(claimsPer[vi], members.length)
      const ids: number[] = []
      const seats = apportion(
        holders,
        Array.from({ length: postsPer[vi] }, () => 0.5 + rng.next())
      )
      for (let n = 0; n < postsPer[vi]; n++) {
        const name = n < names.length ? names[n] : `${names[n % names.length]}（${Math.floor(n / names.length) + 1}）`
        ids.push(Number(post.run(v, name, Math.max(1, seats[n] + (rng.next() < 0.3 ? 1 : 0)), duties[names[n % names.length]]).lastInsertRowid))
      }
      ids.forEach((postId, n) => {
        for (let k = 0; k < seats[n]; k++) {
          const person = members.splice(Math.floor(rng.next() * members.length), 1)[0]
          const claimedOn = addDays('2025-01-01', Math.floor(rng.next() * 650))
          const claimId = Number(claim.run(postId, person, claimedOn).lastInsertRowid)
          if (claimedOn < '2025-07-01') {
            const r = rng.next()
            review.run(claimId, r < 0.2 ? '优秀' : r < 0.9 ? '合格' : r < 0.98 ? '基本合格' : '不合格')
          }
        }
      })
    })
  )
}
