// 无职党员设岗定责 through the core: a post for the village's own members without office, claimed by a
// community party member (refused for others), reviewed once a year, left; the figures and the posts
// nobody holds exactly as the store has them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { ok, testCore } from '../support/core'
import { idCheckChar } from '../../electron/core/kernel/personalData'

let core: Core
let village: number
let otherVillage: number
const id17 = (n: number) => `44060519700101${String(n).padStart(3, '0')}`
const person = async (n: number, villageUnitId: number, party: '村居' | '单位' | null) =>
  (
    await ok(core, 'persons.create', {
      name: `党员${n}`,
      idNumber: id17(n).concat(idCheckChar(id17(n))),
      hukou: '本镇户籍',
      villageUnitId,
      ...(party ? { isPartyMember: true, partyRegistration: party } : {})
    })
  ).id

beforeAll(() => {
  core = testCore()
  village = core.store.sqlite.prepare("select id from units where name = '汀圃社区'").pluck().get() as number
  otherVillage = core.store.sqlite.prepare("select id from units where name = '大学城社区'").pluck().get() as number
})
afterAll(() => core.close())

describe('无职党员设岗定责', () => {
  let post = 0
  let claim = 0
  let member = 0
  it('lets a community party member of the village claim a post; others are refused in words', async () => {
    post = (await ok(core, 'posts.create', { villageUnitId: village, name: '楼道消防巡查岗', capacity: 1, audience: '无职党员', description: '每周巡查楼道' }))
      .id
    member = await person(1, village, '村居')
    const agencyMember = await person(2, village, '单位')
    const notMember = await person(3, village, null)
    const elsewhere = await person(4, otherVillage, '村居')
    for (const [personId, words] of [
      [agencyMember, '不是组织关系在村（社区）的党员'],
      [notMember, '不是组织关系在村（社区）的党员'],
      [elsewhere, '不是党员4所在村（社区）的岗位']
    ] as const)
      expect(await core.dispatch('posts.claimByMember', { postId: post, personId })).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining(words) }
      })
    const made = await ok(core, 'posts.claimByMember', { postId: post, personId: member })
    claim = made.claimId
    expect(made.claimed).toBe(1)
    const second = await person(5, village, '村居')
    expect(await core.dispatch('posts.claimByMember', { postId: post, personId: second })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('已满（1 人）') }
    })
    expect((await ok(core, 'posts.list', { villageUnitId: village })).find((p) => p.id === post)).toMatchObject({
      audience: '无职党员',
      claimed: 1,
      members: '党员1'
    })
  })

  it('reviews the post once a year', async () => {
    await ok(core, 'posts.review', { claimId: claim, year: 2026, rating: '优秀', note: '履职尽责' })
    expect(await core.dispatch('posts.review', { claimId: claim, year: 2026, rating: '合格' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await core.dispatch('posts.review', { claimId: claim, year: 2027, rating: '合格' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('尚未到来') }
    })
    expect(await ok(core, 'posts.memberClaims', { postId: post })).toEqual([
      { claimId: claim, personId: member, name: '党员1', claimedOn: '2026-11-22', endedOn: null, reviews: [{ year: 2026, rating: '优秀', note: '履职尽责' }] }
    ])
  })

  it('counts posts, held posts, members, reviews; lists every post nobody holds; a member leaving frees the post', async () => {
    const idle = (await ok(core, 'posts.create', { villageUnitId: village, name: '空置岗', capacity: 3, audience: '无职党员' })).id
    const f = await ok(core, 'posts.figures', { year: 2026, villageIds: [village] })
    expect(f).toMatchObject({ posts: 2, claimedPosts: 1, members: 1, reviewed: 1, excellent: 1 })
    expect(f.unclaimed.map((u) => u.postId)).toEqual([idle])
    await ok(core, 'posts.endClaim', { claimId: claim, endedOn: '2026-11-22' })
    const after = await ok(core, 'posts.figures', { year: 2026, villageIds: [village] })
    expect(after).toMatchObject({ posts: 2, claimedPosts: 0, members: 0, reviewed: 1 })
    expect(after.unclaimed.map((u) => u.postId).sort()).toEqual([post, idle].sort())
    expect(await core.dispatch('posts.endClaim', { claimId: claim, endedOn: '2026-11-22' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('shades the village on the map by the share of its posts someone holds, counting those nobody holds as the figures do', async () => {
    const sqlite = core.store.sqlite
    const grid = sqlite.prepare('select id from grids where tier = 1 and village_unit_id = ?').pluck().get(village) as number
    const all = sqlite.prepare('select count(*) from volunteer_posts where village_unit_id = ?').pluck().get(village) as number
    const shading = await ok(core, 'posts.mapMeasure', {})
    // Both posts made above lie empty now (the member left); the village's other posts are held.
    expect(shading.find((g) => g.gridId === grid)).toEqual({ gridId: grid, posts: all, unclaimed: 2, value: Math.round((1000 * (all - 2)) / all) / 10 })
    const town = await ok(core, 'posts.figures', { year: 2026 })
    expect(shading.reduce((n, g) => n + g.unclaimed, 0)).toBe(town.unclaimed.length)
    // A member claiming one of them: one fewer empty post in the village.
    await ok(core, 'posts.claimByMember', { postId: post, personId: await person(6, village, '村居') })
    expect((await ok(core, 'posts.mapMeasure', {})).find((g) => g.gridId === grid)!.unclaimed).toBe(1)
  })
})
