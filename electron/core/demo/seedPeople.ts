// The demo's people at the seeds' scale, written into a store that already holds the demo town:
// party members, households with their contact members, resident teams, reporting members (placed
// by the app's own placement rule), reserve contacts, posts, service records, notices and a year of
// visits. Deterministic: the same town and seed give the same rows. One transaction, or nothing.
import type { Db } from '../db/open'
import type { Clock } from '../clock'
import { fromGeoJsonGeometry, pointInMultiPolygon, bboxOf, labelPoint, type MultiPolygonCoords, type Pt } from '../kernel/geometry'
import { suggestPlacements } from '../people/domain/placement'
import { apportion, createRng, type Rng } from './prng'
import { personName } from './names'
import { demoIdNumber, demoPhone } from './identities'
import * as F from './peopleFacts'
import { addDays } from '../../shared/chinaTime'
import { sqlOn, type Sql } from '../db/sql'

export type SeedProgress = (stage: string, fraction: number) => void

type Village = { id: number; name: string; villageType: string | null }
export type Group = {
  id: number
  villageId: number
  code: string
  name: string
  tier2Name: string
  households: number
  inspector: string | null
  shape: MultiPolygonCoords | null
  label: Pt | null
}
type Hukou = '本镇户籍' | '佛山市户籍' | '非佛山户籍'

const DAY = 86_400_000
const dateBetween = (rng: Rng, from: string, to: string) => addDays(from, Math.floor(rng.next() * ((Date.parse(to) - Date.parse(from)) / DAY + 1)))
const round6 = (v: number) => Math.round(v * 1e6) / 1e6

export function readTown(sql: Sql) {
  const villages = sql.rows<Village>("select id, name, village_type as villageType from units where kind = 'village' order by sort_order, id")
  const rows = sql.rows<{
    id: number
    villageId: number
    code: string
    name: string
    tier2Name: string | null
    households: number
    inspector: string | null
    geometry: string | null
    label_lon: number | null
    label_lat: number | null
  }>(`select g.id, g.village_unit_id as villageId, g.code, g.name, p.name as tier2Name, g.households, g.inspector, g.geometry, g.label_lon, g.label_lat
       from grids g left join grids p on p.id = g.parent_id where g.tier = 3 order by g.id`)
  const groups: Group[] = rows.map((r) => {
    const shape = r.geometry ? fromGeoJsonGeometry(JSON.parse(r.geometry)) : null
    return {
      id: r.id,
      villageId: r.villageId,
      code: r.code,
      name: r.name,
      tier2Name: r.tier2Name ?? r.name,
      households: r.households,
      inspector: r.inspector,
      shape,
      label: r.label_lon !== null && r.label_lat !== null ? [r.label_lon, r.label_lat] : shape ? labelPoint(shape) : null
    }
  })
  return { villages, groups }
}

/** A point inside the group's area (rejection sampling in its box; its label point as a last resort). */
export function pointIn(rng: Rng, g: Group): Pt | null {
  if (!g.shape) return g.label
  const [x0, y0, x1, y1] = bboxOf(g.shape)
  for (let i = 0; i < 40; i++) {
    const p: Pt = [round6(rng.range(x0, x1)), round6(rng.range(y0, y1))]
    if (pointInMultiPolygon(p, g.shape)) return p
  }
  return g.label
}

export function seedDemoPeople(db: Db, opts: { clock: Clock; seed?: number; onProgress?: SeedProgress }): void {
  const sql = sqlOn(db)
  const rng = createRng(opts.seed ?? 2024)
  const progress = opts.onProgress ?? (() => {})
  const createdAt = opts.clock.now().toISOString()
  const { villages, groups } = readTown(sql)
  if (villages.length === 0 || groups.length === 0) throw new Error('示例人员数据需要先有示例网格')
  const groupsOf = new Map<number, Group[]>(villages.map((v) => [v.id, []]))
  for (const g of groups) groupsOf.get(g.villageId)?.push(g)
  const villageName = new Map(villages.map((v) => [v.id, v.name]))
  const householdsOf = (vid: number) => (groupsOf.get(vid) ?? []).reduce((s, g) => s + g.households, 0)
  const usedIds = new Set<string>()
  const usedPhones = new Set<string>()

  const insertPerson = sql.statement(
    `insert into persons (name, gender, id_number, id_tail, phone, phone_tail, hukou, is_party_member, party_registration, party_branch, home_address, home_lon, home_lat, village_unit_id, home_grid_id, work_unit, specialties, created_at)
     values (@name, @gender, @idNumber, @idTail, @phone, @phoneTail, @hukou, @party, @registration, @branch, @address, @lon, @lat, @villageId, @gridId, @workUnit, @specialties, @createdAt)`
  )
  let doorNo = 0
  const person = (p: {
    hukou: Hukou
    party: boolean
    community?: boolean
    group: Group | null
    villageId: number
    branch?: string | null
    workUnit?: string | null
    specialties?: string | null
    birthYears?: [number, number]
  }) => {
    const gender = rng.next() < 0.55 ? '男' : '女'
    const regions = F.idRegions[p.hukou]
    const idNumber = demoIdNumber(rng, rng.pick(regions), gender, p.birthYears ?? [1955, 2000], usedIds)
    const phone = demoPhone(rng, usedPhones)
    const home = p.group ? pointIn(rng, p.group) : null
    const id = insertPerson.run({
      name: personName(rng),
      gender,
      idNumber,
      idTail: idNumber.slice(-4),
      phone,
      phoneTail: phone.slice(-4),
      hukou: p.hukou,
      party: p.party ? 1 : 0,
      registration: p.party ? (p.community ? '村居' : '单位') : null,
      branch: p.branch ?? null,
      address: p.group ? `${villageName.get(p.villageId)}${p.group.tier2Name}${(++doorNo % 300) + 1}号` : null,
      lon: home?.[0] ?? null,
      lat: home?.[1] ?? null,
      villageId: p.villageId,
      gridId: p.group?.id ?? null,
      workUnit: p.workUnit ?? null,
      specialties: p.specialties ?? null,
      createdAt
    }).lastInsertRowid as number
    return { id, home }
  }
  /** A group of the village, chosen with probability ∝ households (where people live). */
  const groupByHouseholds = (vid: number): Group | null => {
    const list = groupsOf.get(vid) ?? []
    const total = list.reduce((s, g) => s + g.households, 0)
    if (!list.length) return null
    let r = rng.next() * total
    for (const g of list) if ((r -= g.households) < 0) return g
    return list[list.length - 1]
  }
  const hukouOf = (pNon: number, pFoshan = 0.05): Hukou => {
    const r = rng.next()
    return r < pNon ? '非佛山户籍' : r < pNon + pFoshan ? '佛山市户籍' : '本镇户籍'
  }

  sql.transaction(() => {
    // ── Party members in household contact (党员户联系) ───────────────────────────────────────
    progress('党员', 0)
    const memberCounts = apportion(
      F.peopleTotals.partyMembers,
      villages.map((v) => householdsOf(v.id)),
      20
    )
    const membersOf = new Map<number, { id: number; group: Group | null }[]>()
    villages.forEach((v, vi) => {
      const list: { id: number; group: Group | null }[] = []
      for (let i = 0; i < memberCounts[vi]; i++) {
        const group = groupByHouseholds(v.id)
        const { id } = person({
          hukou: hukouOf(0.08),
          party: true,
          community: true,
          group,
          villageId: v.id,
          branch: group ? `${group.tier2Name}党支部` : `${v.name}党委`
        })
        list.push({ id, group })
      }
      // Grid order keeps each member's households near home when they are dealt out below.
      list.sort((a, b) => (a.group?.id ?? 0) - (b.group?.id ?? 0) || a.id - b.id)
      membersOf.set(v.id, list)
    })

    // ── Households, each with its contact member ───────────────────────────────────────────────
    progress('户', 0.15)
    const insertHousehold = sql.statement(
      `insert into households (code, kind, name, address, members, village_unit_id, grid_id, contact_person_id) values (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const householdIds: { id: number; villageId: number; contact: number }[] = []
    const nonHukouHouseholds: number[] = []
    for (const v of villages) {
      const contacts = membersOf.get(v.id)!
      const list = groupsOf.get(v.id)!
      const n = list.reduce((s, g) => s + g.households, 0)
      let k = 0
      for (const g of list)
        for (let i = 0; i < g.households; i++, k++) {
          const r = rng.next()
          const kind = r < 0.38 ? '非户籍家庭户' : r < 0.932 ? '居民家庭户' : r < 0.992 ? '工商企业户' : '社会组织'
          const name =
            kind === '工商企业户'
              ? `佛山市南海区${rng.pick(['宏', '盛', '鑫', '华', '利', '达', '顺', '恒', '裕', '丰'])}${rng.pick(['源', '泰', '发', '昌', '興', '通', '安', '信'])}${rng.pick(F.firmKinds)}有限公司`
              : kind === '社会组织'
                ? `${v.name}${rng.pick(F.orgKinds)}`
                : personName(rng)
          const contact = contacts[Math.floor((k * contacts.length) / n)]
          const id = insertHousehold.run(
            `${g.code}-H${String(i + 1).padStart(4, '0')}`,
            kind,
            name,
            `${v.name}${g.tier2Name}${(i % 400) + 1}号`,
            kind === '居民家庭户' ? rng.int(1, 5) : 1,
            v.id,
            g.id,
            contact.id
          ).lastInsertRowid as number
          householdIds.push({ id, villageId: v.id, contact: contact.id })
          if (kind === '非户籍家庭户') nonHukouHouseholds.push(id)
        }
    }
    // Σ members of non-hukou households = the seed's non-hukou residents contacted.
    const setMembers = sql.statement('update households set members = ? where id = ?')
    apportion(
      F.peopleTotals.nonHukouContacted,
      nonHukouHouseholds.map(() => rng.next() + 0.2),
      1
    ).forEach((m, i) => setMembers.run(m, nonHukouHouseholds[i]))

    // ── Resident teams (驻点团队): the 73 largest villages and communities, 2 non-Foshan members each ─
    progress('驻点团队', 0.3)
    const teamVillages = villages
      .filter((v) => v.villageType !== '园区')
      .sort((a, b) => householdsOf(b.id) - householdsOf(a.id) || a.id - b.id)
      .slice(0, F.peopleTotals.residentTeams)
      .sort((a, b) => a.id - b.id)
    const insertTeam = sql.statement('insert into resident_teams (name, village_unit_id) values (?, ?)')
    const insertTeamMember = sql.statement('insert into team_members (team_id, person_id, role) values (?, ?, ?)')
    const teamOf = new Map<number, number>()
    for (const v of teamVillages) {
      const teamId = insertTeam.run(`${v.name}驻点团队`, v.id).lastInsertRowid as number
      teamOf.set(v.id, teamId)
      const cadres = rng.int(3, 5)
      for (let i = 0; i < cadres + F.peopleTotals.nonFoshanPerTeam; i++) {
        const nonFoshan = i >= cadres
        const { id } = person({
          hukou: nonFoshan ? '非佛山户籍' : '本镇户籍',
          party: !nonFoshan || rng.next() < 0.5,
          group: groupByHouseholds(v.id),
          villageId: v.id,
          workUnit: nonFoshan ? null : rng.pick(F.reserveUnits),
          birthYears: [1965, 1998]
        })
        insertTeamMember.run(teamId, id, i === 0 ? '队长' : '队员')
      }
    }

    // ── Reporting members (报到党员), placed by the app's own rule ─────────────────────────────────
    progress('报到党员', 0.4)
    // The villages the seed names first, then the largest others, 75 in all.
    const reportingVillages = villages
      .filter((v) => v.villageType !== '园区')
      .sort(
        (a, b) =>
          Number(b.name in F.peopleTotals.reportingFixed) - Number(a.name in F.peopleTotals.reportingFixed) ||
          householdsOf(b.id) - householdsOf(a.id) ||
          a.id - b.id
      )
      .slice(0, F.peopleTotals.reportingVillages)
    // 塍下村 (seed 001) is not in the NBS 2023 list; only the named villages that exist take a fixed count.
    const fixedTotal = reportingVillages.reduce((s, v) => s + (F.peopleTotals.reportingFixed[v.name] ?? 0), 0)
    const rest = reportingVillages.filter((v) => !(v.name in F.peopleTotals.reportingFixed))
    const restCounts = apportion(
      F.peopleTotals.reportingMembers - fixedTotal,
      rest.map((v) => householdsOf(v.id)),
      5
    )
    const reportingCount = new Map<number, number>(rest.map((v, i) => [v.id, restCounts[i]]))
    for (const v of reportingVillages) if (v.name in F.peopleTotals.reportingFixed) reportingCount.set(v.id, F.peopleTotals.reportingFixed[v.name])
    const insertReporting = sql.statement(
      `insert into reporting_members (person_id, village_unit_id, reported_at, services_claimed, volunteer_wishes, project_wishes) values (?, ?, ?, ?, ?, ?)`
    )
    const reporting: { id: number; villageId: number; home: Pt | null; late: boolean }[] = []
    const total = [...reportingCount.values()].reduce((s, n) => s + n, 0)
    let lateLeft = F.peopleTotals.unplacedReporting
    for (const v of reportingVillages) {
      for (let i = 0; i < (reportingCount.get(v.id) ?? 0); i++) {
        const late = lateLeft > 0 && rng.next() < (F.peopleTotals.unplacedReporting / total) * 1.6
        if (late) lateLeft--
        const workUnit = v.name === '塍下村' && i < 28 ? '南海区人民医院' : rng.pick(F.reportingWorkUnits)
        const { id: personId, home } = person({
          hukou: hukouOf(0.15, 0.35),
          party: true,
          group: groupByHouseholds(v.id),
          villageId: v.id,
          branch: `${workUnit}党支部`,
          workUnit,
          specialties: rng.pick(F.specialties),
          birthYears: [1965, 1998]
        })
        const reportedAt = late
          ? dateBetween(rng, F.reportingPeriod.lateFrom, F.reportingPeriod.lateTo)
          : dateBetween(rng, F.reportingPeriod.from, F.reportingPeriod.to)
        const id = insertReporting.run(
          personId,
          v.id,
          reportedAt,
          rng.pick(F.serviceClaims),
          rng.pick(F.volunteerWishes),
          rng.next() < 0.4 ? rng.pick(F.projectWishes) : null
        ).lastInsertRowid as number
        reporting.push({ id, villageId: v.id, home, late })
      }
    }
    // Community party members living in a group's area count against its capacity (约每30人一个党小组).
    const occupied = new Map<number, number>()
    for (const list of membersOf.values()) for (const m of list) if (m.group) occupied.set(m.group.id, (occupied.get(m.group.id) ?? 0) + 1)
    const toPlace = reporting.filter((r) => !r.late)
    const suggestions = suggestPlacements(
      toPlace.map((r) => ({ id: r.id, name: '', home: r.home, villageUnitId: r.villageId })),
      groups.map((g) => ({
        id: g.id,
        name: g.name,
        villageUnitId: g.villageId,
        shape: g.shape,
        labelPoint: g.label,
        occupied: occupied.get(g.id) ?? 0,
        inspector: g.inspector
      })),
      30
    )
    const place = sql.statement("update reporting_members set group_grid_id = ?, placed_at = ?, placement = 'suggested', placement_reason = ? where id = ?")
    const reportedAt = (id: number) => sql.value<string>('select reported_at from reporting_members where id = ?', id)!
    for (const s of suggestions) if (s.groupId) place.run(s.groupId, reportedAt(s.memberId), s.reason, s.memberId)

    // ── Posts (领岗) and service records (双管理) ────────────────────────────────────────────────
    progress('岗位与服务记录', 0.5)
    const insertPost = sql.statement('insert into volunteer_posts (village_unit_id, name, capacity, description) values (?, ?, ?, ?)')
    const insertClaim = sql.statement('insert into post_claims (post_id, reporting_member_id, claimed_at) values (?, ?, ?)')
    const insertService = sql.statement('insert into service_records (reporting_member_id, date, activity, hours, households_visited) values (?, ?, ?, ?, ?)')
    for (const v of reportingVillages) {
      const mine = reporting.filter((r) => r.villageId === v.id)
      const postCount = Math.min(F.volunteerPostNames.length, 3 + (mine.length > 40 ? 3 : mine.length > 15 ? 1 : 0))
      const posts = F.volunteerPostNames.slice(0, postCount).map((name) => {
        const capacity = Math.max(10, Math.ceil((mine.length * 1.3) / postCount / 5) * 5)
        return { id: insertPost.run(v.id, name, capacity, `${v.name}${name}`).lastInsertRowid as number, capacity, taken: 0 }
      })
      for (const r of mine) {
        if (r.late) continue
        const post = posts.find((p, i) => p.taken < p.capacity && i === r.id % posts.length) ?? posts.find((p) => p.taken < p.capacity)
        if (post) {
          insertClaim.run(post.id, r.id, dateBetween(rng, F.reportingPeriod.from, F.reportingPeriod.to))
          post.taken++
        }
        for (let i = rng.int(1, 6); i > 0; i--) {
          const activity = rng.pick(F.serviceActivities)
          insertService.run(r.id, dateBetween(rng, '2026-05-15', F.visitPeriod.to), activity, rng.int(2, 8) / 2, activity === '入户走访' ? rng.int(3, 20) : 0)
        }
      }
    }

    // ── Reserve contacts (储能联系): never placed in grids; notices and answers ───────────────────
    progress('储能联系', 0.55)
    const reserveCounts = apportion(
      F.peopleTotals.reserveContacts,
      villages.map((v) => householdsOf(v.id))
    )
    const insertReserve = sql.statement('insert into reserve_contacts (person_id, unit, specialty, village_unit_id) values (?, ?, ?, ?)')
    const reserveOf = new Map<number, { id: number; specialty: string }[]>()
    villages.forEach((v, vi) => {
      const list: { id: number; specialty: string }[] = []
      for (let i = 0; i < reserveCounts[vi]; i++) {
        const unit = rng.pick(F.reserveUnits)
        const specialty = rng.pick(F.specialties)
        const { id: personId } = person({
          hukou: hukouOf(0.1, 0.2),
          party: rng.next() < 0.6,
          group: groupByHouseholds(v.id),
          villageId: v.id,
          workUnit: unit,
          specialties: specialty,
          birthYears: [1962, 2000]
        })
        list.push({ id: insertReserve.run(personId, unit, specialty, v.id).lastInsertRowid as number, specialty })
      }
      reserveOf.set(v.id, list)
    })
    const insertNotice = sql.statement('insert into reserve_notices (village_unit_id, subject, content, specialty, sent_at, sent_by) values (?, ?, ?, ?, ?, ?)')
    const insertRecipient = sql.statement('insert into reserve_notice_recipients (notice_id, reserve_contact_id, answer, participated) values (?, ?, ?, ?)')
    for (const v of teamVillages.slice(0, 30)) {
      const specialty = rng.pick(F.specialties)
      const noticeId = insertNotice.run(
        v.id,
        `邀请参加${v.name}${specialty}志愿服务`,
        `${v.name}将于近期开展${specialty}志愿服务活动，诚邀具有相关专长的公职人员参与。`,
        specialty,
        `${dateBetween(rng, '2026-06-01', '2026-10-31')}T09:00:00.000Z`,
        '示例数据'
      ).lastInsertRowid as number
      for (const c of reserveOf.get(v.id)!.filter((c) => c.specialty === specialty)) {
        const r = rng.next()
        insertRecipient.run(noticeId, c.id, r < 0.5 ? '愿意参加' : r < 0.75 ? '不能参加' : '未回复', r < 0.4 ? 1 : 0)
      }
    }

    // ── A year of visits: every household twice at least, 269.8% in all; team person-times 293,000 ──
    progress('走访记录', 0.6)
    const totalVisits = Math.round((householdIds.length * F.peopleTotals.visitRatePermille) / 1000)
    const insertVisit = sql.statement(
      'insert into visits (kind, date, village_unit_id, household_id, visitor_kind, team_id, visitor_person_id, person_times) values (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    const lastVisit = new Map<number, string>()
    const visit = (h: { id: number; villageId: number; contact: number }, byTeam: boolean, from: string, to: string) => {
      const date = dateBetween(rng, from, to)
      insertVisit.run(
        '入户走访',
        date,
        h.villageId,
        h.id,
        byTeam ? '驻点团队' : '户联系党员',
        byTeam ? teamOf.get(h.villageId)! : null,
        byTeam ? null : h.contact,
        1
      )
      if ((lastVisit.get(h.id) ?? '') < date) lastVisit.set(h.id, date)
    }
    let teamVisits = 0
    // Round one in the first half-year, round two in the second: two full rounds of coverage.
    householdIds.forEach((h, i) => {
      const byTeam = teamOf.has(h.villageId)
      visit(h, byTeam, F.visitPeriod.from, '2026-05-31')
      if (byTeam) teamVisits++
      visit(h, false, '2026-06-01', F.visitPeriod.to)
      if (i % 20_000 === 0) progress('走访记录', 0.6 + (0.3 * i) / householdIds.length)
    })
    let extra = totalVisits - 2 * householdIds.length
    for (let i = 0; extra > 0; i = (i + 1) % householdIds.length)
      if (rng.next() < 0.7) {
        visit(householdIds[i], false, F.visitPeriod.from, F.visitPeriod.to)
        extra--
      }
    // Receptions at the teams' stations make up the rest of the teams' person-times.
    const receptionTimes = Math.max(0, F.peopleTotals.teamPersonTimes - teamVisits)
    const perVillage = apportion(
      receptionTimes,
      teamVillages.map((v) => householdsOf(v.id))
    )
    teamVillages.forEach((v, i) => {
      let left = perVillage[i]
      while (left > 0) {
        const n = Math.min(left, rng.int(1, 9))
        insertVisit.run('来访接待', dateBetween(rng, F.visitPeriod.from, F.visitPeriod.to), v.id, null, '驻点团队', teamOf.get(v.id)!, null, n)
        left -= n
      }
    })
    progress('走访记录', 0.95)
    const setLast = sql.statement('update households set last_visit_at = ? where id = ?')
    for (const [id, date] of lastVisit) setLast.run(date, id)
    sql.run(
      "insert or replace into app_meta (key, value) values ('demoPeople', ?), ('partyGroupCapacity', '30'), ('householdsPerMemberLimit', '50')",
      JSON.stringify({ seed: opts.seed ?? 2024, visitPeriod: F.visitPeriod, createdAt })
    )
    progress('完成', 1)
  })
}
