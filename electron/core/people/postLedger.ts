// 设岗定责台账 in and out of Excel. In (posts.import): every row checked — the village, the post (new,
// or the village's own for members without office), its size, the member (in the registry, a party
// member of this village, not holding it already), the days, the post not over-full — then reported
// (dry run) or written, all accepted rows in one transaction. Out (posts.export): the posts and who
// holds them, names only.
import type { Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import { chinaDate } from '../../shared/chinaTime'
import { registryPersons, runLedgerImport, villageOfRow, villagesByKey, type Village } from '../kernel/ledger'
import type { TableRow } from '../kernel/readTable'
import { newWorkbook, addTableSheet, workbookFile } from '../kernel/workbook'
import { parsePostRow, postTemplate } from './domain/postLedgerRows'

type Report = Output<'posts.import'>
type Values = Record<string, string | number | null>
type Accepted = { values: Values; village: Village; postId: number | null; postKey: string; personId: number | null }
type Post = { id: number | null; capacity: number; audience: string; held: number; row: number | null }

export function createPostLedgerService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const today = () => chinaDate(clock.now())

  function checkRows(rows: TableRow[], index: Record<string, number>, warnings: string[]) {
    const day = today()
    const villageBy = villagesByKey(sql)
    const parsed = rows.map((r) => ({ row: r.row, ...parsePostRow(r.cells, index) }))
    const ids = [...new Set(parsed.flatMap((p) => (p.values.idNumber ? [String(p.values.idNumber)] : [])))]
    const personOf = registryPersons(sql, ids)
    const postAt = sql.statement<{ id: number; capacity: number; audience: string; held: number }>(
      `select vp.id, vp.capacity, vp.audience,
         (select count(*) from post_member_claims c where c.post_id = vp.id and c.claimed_on <= @day and (c.ended_on is null or c.ended_on > @day)) held
       from volunteer_posts vp where vp.village_unit_id = @village and vp.name = @name`
    )
    const claimed = sql.statement<{ n: number }>('select 1 n from post_member_claims where post_id = ? and person_id = ?')
    // The posts the file names, as the store has them or as the file's first row sets them up.
    const posts = new Map<string, Post>()
    const seen = new Map<string, number>()
    const accepted: Accepted[] = []
    const rejected: Report['rejected'] = []
    for (const r of parsed) {
      const { values: v, problems } = r
      const village = villageOfRow(villageBy, v.village, r.row, problems, warnings)
      const postKey = village && v.post ? `${village.id}|${v.post}` : ''
      let post = posts.get(postKey)
      if (postKey && !post) {
        const stored = postAt.row({ day, village: village!.id, name: v.post })
        post = stored ? { ...stored, row: null } : { id: null, capacity: Number(v.capacity), audience: '无职党员', held: 0, row: r.row }
      }
      if (post) {
        if (post.audience !== '无职党员') problems.push(`“${v.post}”是报到党员的岗位，不由无职党员认领`)
        else if (typeof v.capacity === 'number' && v.capacity !== post.capacity) {
          if (post.row !== null) problems.push(`“${v.post}”的岗位人数与第 ${post.row} 行不同（${post.capacity} 人）`)
          else if (warnings.length < 200) warnings.push(`第 ${r.row} 行：“${v.post}”已有，岗位人数按已有的 ${post.capacity} 人`)
        }
      }
      let personId: number | null = null
      if (v.idNumber && !problems.some((p) => p.startsWith('党员身份证号'))) {
        const p = personOf(String(v.idNumber), v.name as string | null, '党员', problems)
        if (p && (!p.partyMember || p.partyRegistration !== '村居')) problems.push(`${p.name}不是组织关系在村（社区）的党员，不能认领无职党员岗位`)
        else if (p && village && p.villageId !== village.id) problems.push(`${p.name}不是${village.name}的党员`)
        else if (p) personId = p.id
      }
      const on = v.claimedOn as string | null
      if (on && on > day) problems.push(`领岗日期 ${on} 晚于今天（${day}）`)
      if (v.endedOn && String(v.endedOn) > day) problems.push(`离岗日期 ${v.endedOn} 晚于今天（${day}）`)
      // A post a row, or a member on a post a row (a member not found is no key: the row is refused anyway).
      const key = personId !== null ? `${postKey}|${personId}` : v.idNumber || v.name ? null : postKey
      if (personId !== null && post?.id && claimed.row(post.id, personId)) problems.push(`${v.name}已认领过“${v.post}”`)
      else if (personId === null && !v.idNumber && post?.id) problems.push(`${village!.name}已有岗位“${v.post}”`)
      if (key && seen.has(key)) problems.push(`与第 ${seen.get(key)} 行重复`)
      const heldToday = personId !== null && on !== null && on <= day && (v.endedOn === null || String(v.endedOn) > day)
      if (!problems.length && post && heldToday && post.held + 1 > post.capacity) problems.push(`“${v.post}”已满（${post.capacity} 人）`)
      if (problems.length || !village || !post) rejected.push({ row: r.row, name: (v.name as string | null) ?? (v.post as string | null), reasons: problems })
      else {
        if (heldToday) post.held += 1
        posts.set(postKey, post)
        accepted.push({ values: v, village, postId: post.id, postKey, personId })
        if (key) seen.set(key, r.row)
      }
    }
    return { accepted, rejected }
  }

  function write(accepted: Accepted[]) {
    const newPost = sql.statement("insert into volunteer_posts (village_unit_id, name, capacity, description, audience) values (?, ?, ?, ?, '无职党员')")
    const claim = sql.statement('insert into post_member_claims (post_id, person_id, claimed_on, ended_on) values (?, ?, ?, ?)')
    const made = new Map<string, number>()
    for (const a of accepted) {
      const v = a.values
      let postId = a.postId ?? made.get(a.postKey)
      if (postId === undefined) made.set(a.postKey, (postId = Number(newPost.run(a.village.id, v.post, v.capacity, v.duties ?? null).lastInsertRowid)))
      if (a.personId !== null) claim.run(postId, a.personId, v.claimedOn, v.endedOn ?? null)
    }
  }

  function run(input: ParsedInput<'posts.import'>): Promise<Report> {
    return runLedgerImport(sql, input, postTemplate, (table, index, warnings) => checkRows(table.rows, index, warnings), write)
  }

  /** The posts of either kind and who holds them today, for the villages asked within reach (names only). */
  async function exportPosts(villageUnitId: number | undefined, scopeVillageIds: number[] | null) {
    const villages = villageUnitId !== undefined ? [villageUnitId].filter((v) => !scopeVillageIds || scopeVillageIds.includes(v)) : scopeVillageIds
    const within = villages ? `where vp.village_unit_id in (${villages.map(Number).join(',') || 'null'})` : ''
    const params = { day: today(), year: Number(today().slice(0, 4)) }
    const posts = sql.rows<{ village: string; name: string; audience: string; capacity: number; description: string | null; held: number }>(
      `select v.name village, vp.name, vp.audience, vp.capacity, vp.description,
         case vp.audience when '无职党员'
           then (select count(*) from post_member_claims c where c.post_id = vp.id and c.claimed_on <= @day and (c.ended_on is null or c.ended_on > @day))
           else (select count(*) from post_claims c where c.post_id = vp.id) end held
       from volunteer_posts vp join units v on v.id = vp.village_unit_id ${within} order by v.sort_order, vp.id`,
      params
    )
    const members = sql.rows<{ village: string; post: string; name: string; claimedOn: string; endedOn: string | null; rating: string | null }>(
      `select v.name village, vp.name post, p.name, c.claimed_on claimedOn, c.ended_on endedOn,
         (select r.rating from post_reviews r where r.claim_id = c.id and r.year = @year) rating
       from post_member_claims c join volunteer_posts vp on vp.id = c.post_id join units v on v.id = vp.village_unit_id join persons p on p.id = c.person_id
       ${within} order by v.sort_order, vp.id, c.id`,
      params
    )
    const book = newWorkbook(clock.now())
    addTableSheet(
      book,
      '岗位',
      [
        { header: '村（社区）', key: 'village', width: 14 },
        { header: '岗位名称', key: 'name', width: 20 },
        { header: '认领对象', key: 'audience', width: 10 },
        { header: '岗位人数', key: 'capacity', width: 10 },
        { header: `在岗人数（${params.day}）`, key: 'held', width: 18 },
        { header: '岗位职责', key: 'description', width: 40 }
      ],
      posts
    )
    addTableSheet(
      book,
      '领岗党员',
      [
        { header: '村（社区）', key: 'village', width: 14 },
        { header: '岗位名称', key: 'post', width: 20 },
        { header: '姓名', key: 'name', width: 10 },
        { header: '领岗日期', key: 'claimedOn', width: 12 },
        { header: '离岗日期', key: 'endedOn', width: 12 },
        { header: `${params.year} 年度考评`, key: 'rating', width: 14 }
      ],
      members.map((m) => ({ ...m, endedOn: m.endedOn ?? '在岗', rating: m.rating ?? null }))
    )
    return workbookFile(book, `设岗定责台账_${params.day.replaceAll('-', '')}.xlsx`, posts.length)
  }

  return { run, exportPosts }
}
