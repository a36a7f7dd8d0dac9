// Every method called by every role, on records inside and outside the clerks' reach, against the
// table below — written out by hand from the roles' duties, not derived from the core's rules — so a
// rule that drifts from what the town agreed fails here. "Allowed" means the guard let the call
// through (the service may still refuse it on its merits); "denied" means FORBIDDEN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { methodNames, type MethodName, type Result } from '../../electron/shared/contract'
import { demoPassword, ok, signIn, tempDir, testCoreWithPeople } from '../support/core'
import { solidPng } from '../support/fixtures'
import { idCheckChar } from '../../electron/core/kernel/personalData'
import { createTownCa, issueSeat } from '../../electron/server/townCa'
import { loadTownTls } from '../../electron/server/seats'
import { startHttpServer, type RunningServer } from '../../electron/server/http'
import { connectSeat, type SeatConnection } from '../../electron/seat/seatConnection'
import { contractHash } from '../../electron/core/api/contractHash'
import { appVersion } from '../../electron/core/paths'
import { seatFiles } from '../support/seatClient'

/** O operator · G organiser · L leader · C office clerk (官窑) · V village clerk (汀圃) · D the district's desk (南海区) · S system admin · A security admin · U auditor. */
const users = { O: 'operator', G: 'organiser', L: 'leader', C: 'guanyao', V: 'tingpu', D: 'nanhai', S: 'admin', A: 'secadmin', U: 'auditor' } as const
type Letter = keyof typeof users
/**
 * Who may call each method. A capital letter: allowed wherever the record is. A small c/v: the clerk
 * is allowed on records of their own villages (汀圃 is under 官窑) and denied on 大学城社区's.
 */
const expected: Record<MethodName, string> = {
  'grids.summary': 'OGLDCV',
  'grids.tree': 'OGLDCV',
  'grids.geojson': 'OGLDCV',
  'grids.get': 'OGLDCV',
  'grids.search': 'OGLDCV',
  'town.outline': 'OGLDCV',
  'units.offices': 'OGLDCV',
  'units.villages': 'OGLDCV',
  'units.all': 'OGLDCVA',
  'grids.check': 'OGLDCV',
  'grids.history': 'OGLDCV',
  'grids.peopleMeasure': 'OGLDCV',
  'routing.rules.get': 'OGLDCV',
  'people.settings': 'OGLDCV',
  'people.template': 'OGLDCV',
  'people.importReportFile': 'OGLDCV',
  'grids.create': 'OG',
  'grids.update': 'OG',
  'grids.setGeometry': 'OG',
  'grids.split': 'OG',
  'grids.move': 'OG',
  'grids.delete': 'OG',
  'grids.import': 'OG',
  'units.moveVillage': 'OG',
  'changes.undo': 'OG',
  'changes.list': 'OGLD',
  'grids.export': 'OGCV',
  'persons.list': 'OGLDCV',
  'households.list': 'OGLDCV',
  'teams.list': 'OGLDCV',
  'reporting.list': 'OGLDCV',
  'reserve.list': 'OGLDCV',
  'persons.get': 'OGLDcv',
  'persons.unmask': 'OGcv',
  'persons.update': 'Gcv',
  'persons.create': 'Gcv',
  'reporting.register': 'G',
  'teams.members': 'OGLDcv',
  'teams.addMember': 'Gcv',
  'teams.removeMember': 'Gcv',
  'households.setContact': 'Gcv',
  'issues.create': 'OcvD',
  'issues.act': 'OcvD',
  'issues.get': 'OGLDcv',
  'issues.photo': 'OGLDcv',
  'issues.supervisionNotice': 'OGLDcv',
  'issues.list': 'OGLDCV',
  'issues.place': 'OGLDCV',
  'issues.similar': 'OGLDCV',
  'issues.points': 'OGLDCV',
  'issues.overdueUnits': 'OGLD',
  'accountability.record': 'O',
  'accountability.list': 'OGLDcv',
  'stats.kpis': 'OGLDcv',
  'routing.rules.set': 'O',
  'briefings.compose': 'OGLDcv',
  'briefings.issue': 'OG',
  'briefings.get': 'OGLDcv',
  'briefings.list': 'OGLDCV',
  'wall.summary': 'OGL',
  'wall.measure': 'OGL',
  'wall.points': 'OGL',
  'people.check': 'OGLDcv',
  'people.setSettings': 'G',
  'placement.suggest': 'OGLDcv',
  'placement.groups': 'OGLDcv',
  'placement.placeSuggested': 'Gcv',
  'placement.rebalance': 'Gcv',
  'placement.assign': 'Gcv',
  'people.export': 'OGCV',
  'people.import': 'G',
  'visits.record': 'Gcv',
  'visits.ofHousehold': 'OGLDcv',
  'visits.stats': 'OGLDcv',
  'posts.list': 'OGLDcv',
  'posts.create': 'Gcv',
  'posts.claim': 'Gcv',
  'posts.unclaim': 'Gcv',
  'services.record': 'Gcv',
  'services.list': 'OGLDcv',
  'reporting.printout': 'OGLDcv',
  'reserve.sendNotice': 'Gcv',
  'reserve.notices': 'OGLDcv',
  'reserve.answers': 'OGLDcv',
  'reserve.answer': 'Gcv',
  'people.points': 'OGLDCV',
  'auth.status': 'OGLDCVSAU',
  'auth.setup': 'OGLDCVSAU',
  'auth.login': 'OGLDCVSAU',
  'auth.logout': 'OGLDCVSAU',
  'auth.me': 'OGLDCVSAU',
  'writes.receipt': 'OGLDCVSAU',
  'auth.lock': 'OGLDCVSAU',
  'auth.unlock': 'OGLDCVSAU',
  'auth.changePassword': 'OGLDCVSAU',
  'accounts.list': 'SA',
  'accounts.create': 'S',
  'accounts.setRole': 'A',
  'accounts.setEnabled': 'S',
  'accounts.resetPassword': 'S',
  'backups.list': 'S',
  'backups.run': 'S',
  'backups.preview': 'S',
  'backups.restore': 'S',
  'security.settings': 'S',
  'security.setSettings': 'S',
  'audit.search': 'U',
  'audit.verify': 'U',
  'audit.export': 'U',
  'audit.recordPrint': 'OGLDCV',
  'rentals.kinds': 'OGLDCV',
  'rentals.buildings.list': 'OGLDCV',
  'rentals.hazards': 'OGLDcv',
  'rentals.tenants': 'OGLDcv',
  'rentals.addTenant': 'Ocv',
  'rentals.removeTenant': 'Ocv',
  'rentals.buildings.create': 'Ocv',
  'rentals.inspect': 'Ocv',
  'rentals.reinspect': 'Ocv',
  'rentals.escalate': 'Ocv',
  'rentals.overdueHazards': 'OGLDCV',
  'rentals.escalateMany': 'Ocv',
  'rentals.campaignTable': 'OGLDCV',
  'rentals.setKinds': 'O',
  'rentals.campaigns': 'OGLDCV',
  'rentals.campaigns.create': 'O',
  'rentals.hazardPhotos': 'OGLDcv',
  'rentals.campaignExport': 'OGCV',
  'rentals.buildings.export': 'OGCV',
  'rentals.mapLayer': 'OGLDCV',
  'rentals.importTemplate': 'OGLDCV',
  'rentals.importReportFile': 'OGLDCV',
  'rentals.import': 'O',
  'heads.list': 'OGLDCV',
  'heads.records': 'OGLDcv',
  'heads.figures': 'OGLDCV',
  'heads.check': 'OGLDCV',
  'heads.appoint': 'Gcv',
  'heads.end': 'Gcv',
  'heads.record': 'Gcv',
  'heads.export': 'OGCV',
  'heads.exportRecords': 'OGCV',
  'heads.mapMeasure': 'OGLDCV',
  'heads.importTemplate': 'OGLDCV',
  'heads.importReportFile': 'OGLDCV',
  'heads.import': 'G',
  'posts.claimByMember': 'Gcv',
  'posts.endClaim': 'Gcv',
  'posts.review': 'Gcv',
  'posts.memberClaims': 'OGLDcv',
  'posts.figures': 'OGLDCV',
  'posts.mapMeasure': 'OGLDCV',
  'posts.importTemplate': 'OGLDCV',
  'posts.importReportFile': 'OGLDCV',
  'posts.import': 'G',
  'posts.export': 'OGCV'
}

let core: ReturnType<typeof testCoreWithPeople>
type Place = {
  village: number
  office: number
  person: number
  household: number
  team: number
  teamMember: number
  member: number
  post: number
  notice: number
  recipient: number
  issue: number
  photo: number
  supervision: number
  briefing: number
  building: number
  hazard: number
  kinds: { id: number; name: string; countedBy: string; photoRequired: boolean; active: boolean }[]
  lon: number
  lat: number
  tier1: number
  tier3: number
  head: number
  memberPost: number
  communityMember: number
  memberClaim: number
}
let inside: Place
let outside: Place
let throwaway: number
let district: number
const tokens: Partial<Record<Letter, string>> = {}

function placeOf(
  villageName: string,
  c = core
): Omit<
  Place,
  'notice' | 'recipient' | 'photo' | 'briefing' | 'issue' | 'building' | 'hazard' | 'kinds' | 'head' | 'memberPost' | 'communityMember' | 'memberClaim'
> {
  const one = (sql: string, ...p: unknown[]) =>
    c.store.sqlite
      .prepare(sql)
      .pluck()
      .get(...p) as number
  const village = one('select id from units where name = ?', villageName)
  const spot = c.store.sqlite
    .prepare('select label_lon lon, label_lat lat from grids where tier = 3 and village_unit_id = ? order by id limit 1')
    .get(village) as { lon: number; lat: number }
  return {
    village,
    office: one('select parent_id from units where id = ?', village),
    person: one('select id from persons where village_unit_id = ? order by id limit 1', village),
    household: one('select id from households where village_unit_id = ? order by id limit 1', village),
    team: one('select id from resident_teams where village_unit_id = ?', village),
    teamMember: one(
      'select m.id from team_members m join resident_teams t on t.id = m.team_id where t.village_unit_id = ? order by m.id desc limit 1',
      village
    ),
    member: one('select id from reporting_members where village_unit_id = ? order by id limit 1', village),
    post: one('select id from volunteer_posts where village_unit_id = ? order by id limit 1', village),
    supervision: one(
      "select e.id from issue_events e join issues i on i.id = e.issue_id where i.village_unit_id = ? and e.action = 'supervise' limit 1",
      village
    ),
    tier1: one('select id from grids where tier = 1 and village_unit_id = ?', village),
    tier3: one('select id from grids where tier = 3 and village_unit_id = ? order by id limit 1', village),
    ...spot
  }
}

/** Give a village what the demo lacks (a notice, an issue with a photo, a briefing), as an in-process caller. */
async function completePlace(name: string, c = core): Promise<Place> {
  const p = placeOf(name, c)
  const contacts = c.store.sqlite.prepare('select id from reserve_contacts where village_unit_id = ? limit 2').pluck().all(p.village) as number[]
  const notice = await ok(c, 'reserve.sendNotice', {
    villageUnitId: p.village,
    contactIds: contacts,
    subject: '矩阵测试',
    content: '矩阵测试通知'
  })
  const recipient = c.store.sqlite.prepare('select id from reserve_notice_recipients where notice_id = ? limit 1').pluck().get(notice.noticeId) as number
  const png = solidPng(2, 2, [0, 0, 0]).toString('base64')
  const issue = await ok(c, 'issues.create', {
    title: '矩阵测试',
    description: '矩阵测试登记',
    category: '环境卫生',
    urgency: '一般',
    source: '网格巡查',
    lon: p.lon,
    lat: p.lat,
    photos: [{ fileName: 'a.png', mimeType: 'image/png', contentBase64: png }]
  })
  const photo = c.store.sqlite.prepare('select id from issue_photos where issue_id = ?').pluck().get(issue.id) as number
  const briefing = await ok(c, 'briefings.issue', {
    kind: '专报',
    from: '2026-11-01',
    to: '2026-11-20',
    scopeUnitId: p.village,
    sections: [{ key: 'nextSteps', paragraphs: ['矩阵测试。'] }]
  })
  const building = await ok(c, 'rentals.buildings.create', {
    address: '矩阵测试出租屋',
    villageUnitId: p.village,
    use: '居住',
    riskClass: '中风险',
    rentalRooms: 4,
    tenants: 8
  })
  const kindId = c.store.sqlite.prepare('select id from hazard_kinds order by id limit 1').pluck().get() as number
  const inspection = await ok(c, 'rentals.inspect', {
    buildingId: building.id,
    inspectedOn: '2026-11-20',
    inspector: '矩阵',
    hazards: [{ kindId, deadline: '2026-11-21' }]
  })
  const kinds = c.store.sqlite
    .prepare('select id, name, counted_by countedBy, photo_required = 1 photoRequired, active = 1 active from hazard_kinds order by sort, id')
    .all() as { id: number; name: string; countedBy: string; photoRequired: number; active: number }[]
  const head = await ok(c, 'heads.appoint', { personId: p.person, tier3GridId: p.tier3, role: '楼长', area: '矩阵测试楼', appointedOn: '2026-11-01' })
  const memberPost = await ok(c, 'posts.create', { villageUnitId: p.village, name: '矩阵无职党员岗', capacity: 10, audience: '无职党员' })
  const communityMember = c.store.sqlite
    .prepare("select id from persons where village_unit_id = ? and is_party_member = 1 and party_registration = '村居' order by id limit 1")
    .pluck()
    .get(p.village) as number
  const memberClaim = await ok(c, 'posts.claimByMember', { postId: memberPost.id, personId: communityMember })
  return {
    ...p,
    head: head.id,
    memberPost: memberPost.id,
    communityMember,
    memberClaim: memberClaim.claimId,
    notice: notice.noticeId,
    recipient,
    issue: issue.id,
    photo,
    briefing: briefing.id,
    building: building.id,
    hazard: inspection.hazardIds[0],
    kinds: kinds.map((k) => ({ ...k, photoRequired: Boolean(k.photoRequired), active: Boolean(k.active) }))
  }
}

/** A valid input for each method on a place; the acting unit is the caller's own where it must be. */
function inputFor(method: MethodName, p: Place, who: Letter): unknown {
  const acting = who === 'C' ? p.office : who === 'D' ? district : p.village
  const id = idCheckChar('44060519850101123')
  const inputs: Partial<Record<MethodName, unknown>> = {
    'grids.geojson': { tier: 1 },
    'grids.get': { id: p.tier1 },
    'grids.search': { q: '社区' },
    'grids.check': { gridId: p.tier1 },
    'grids.history': { id: p.tier1 },
    'grids.peopleMeasure': { measure: 'contactCoverage' },
    'people.template': { kind: 'persons' },
    'rentals.importTemplate': { kind: 'buildings' },
    'rentals.importReportFile': { kind: 'inspections', rejected: [{ row: 2, name: '某楼', reasons: ['整改期限早于排查日期'] }] },
    'rentals.import': { kind: 'buildings', fileName: 'a.csv', contentBase64: Buffer.from('地址,所在村居\n').toString('base64'), dryRun: true },
    'people.importReportFile': { kind: 'persons', rejected: [{ row: 2, name: '甲', reasons: ['校验位错误'] }] },
    'grids.create': {
      tier: 3,
      parentId: core.store.sqlite.prepare('select id from grids where tier = 2 and village_unit_id = ? limit 1').pluck().get(p.village),
      name: '矩阵党小组',
      kind: '党小组'
    },
    'grids.update': { id: p.tier1, version: 999, patch: { inspector: '矩阵' } },
    'grids.setGeometry': {
      id: p.tier1,
      version: 999,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [p.lon, p.lat],
            [p.lon + 0.001, p.lat],
            [p.lon, p.lat + 0.001],
            [p.lon, p.lat]
          ]
        ]
      }
    },
    'grids.split': {
      id: p.tier1,
      version: 999,
      line: [
        [p.lon - 1, p.lat],
        [p.lon + 1, p.lat]
      ]
    },
    'grids.move': { id: p.tier1, version: 999, parentId: p.tier1 },
    'grids.delete': { id: p.tier1, version: 999, children: 'cascade' },
    'grids.import': {
      fileName: 'a.geojson',
      contentBase64: Buffer.from('{"type":"FeatureCollection","features":[]}').toString('base64'),
      options: { tier: 3, parentMatch: 'location' },
      dryRun: true
    },
    'units.moveVillage': { villageUnitId: p.village, version: 999, officeId: p.office },
    'changes.undo': { batchId: 999_999 },
    'grids.export': { format: 'geojson', tier: 1 },
    'persons.get': { id: p.person },
    'persons.unmask': { id: p.person, reason: '矩阵测试' },
    'persons.update': { id: p.person, version: 999, patch: { phone: '13912345678' } },
    'reporting.register': {
      name: '矩阵',
      idNumber: `44060519850101123${id}`,
      phone: '13800138000',
      workUnit: '南海区人民医院',
      village: '汀圃社区',
      reportedAt: '2026-11-20'
    },
    'persons.create': { name: '矩阵新增', idNumber: `44060519850101123${id}`, hukou: '本镇户籍', villageUnitId: p.village },
    'teams.members': { teamId: p.team },
    'teams.addMember': { teamId: p.team, personId: p.person },
    'teams.removeMember': { memberId: p.teamMember },
    'households.setContact': { householdId: p.household, version: 999, contactPersonId: null },
    'issues.create': {
      title: '矩阵登记',
      description: '矩阵测试登记',
      category: '环境卫生',
      urgency: '一般',
      source: '网格巡查',
      lon: p.lon,
      lat: p.lat,
      reportingUnitId: acting
    },
    'issues.act': { id: p.issue, version: 999, actingUnitId: acting, action: { type: 'accept' } },
    'issues.get': { id: p.issue, actingUnitId: who === 'C' || who === 'V' ? acting : undefined },
    'issues.photo': { id: p.photo },
    'issues.supervisionNotice': { eventId: p.supervision },
    'issues.place': { lon: p.lon, lat: p.lat },
    'issues.similar': { category: '环境卫生', lon: p.lon, lat: p.lat },
    'issues.points': {},
    'accountability.record': { unitId: p.village, kind: '约谈', note: '矩阵测试' },
    'accountability.list': { unitId: p.village },
    'stats.kpis': { from: '2026-01-01', to: '2026-12-31', scope: p.village },
    'routing.rules.set': { rules: [] },
    'rentals.buildings.create': { address: '矩阵测试楼', villageUnitId: p.village, use: '居住', riskClass: '低风险', rentalRooms: 2, tenants: 3 },
    'rentals.inspect': { buildingId: p.building, inspectedOn: '2026-11-20', inspector: '矩阵', hazards: [] },
    'rentals.reinspect': { buildingId: p.building, inspectedOn: '2026-11-20', inspector: '矩阵', results: [{ hazardId: 999_999, rectified: false }] },
    'rentals.campaignTable': { startsOn: '2026-01-01', endsOn: '2026-12-31' },
    'rentals.overdueHazards': {},
    'rentals.escalateMany': { hazardIds: [p.hazard] },
    'rentals.campaignExport': { table: { startsOn: '2026-01-01', endsOn: '2026-12-31' } },
    'rentals.buildings.export': { filters: { riskClass: '高风险' } },
    'rentals.escalate': { hazardId: p.hazard },
    'rentals.hazards': { buildingId: p.building },
    'rentals.tenants': { buildingId: p.building },
    'rentals.addTenant': { buildingId: p.building, householdId: p.household, since: '2026-10-01' },
    'rentals.removeTenant': { buildingId: p.building, householdId: p.household },
    'rentals.hazardPhotos': { hazardId: p.hazard },
    'heads.records': { headId: p.head },
    'heads.export': { filters: { role: '楼长' } },
    'heads.exportRecords': { from: '2026-01-01', to: '2026-12-31', villageUnitId: p.village },
    'posts.claimByMember': { postId: p.memberPost, personId: p.communityMember },
    'posts.endClaim': { claimId: p.memberClaim, endedOn: '2026-11-22' },
    'posts.review': { claimId: p.memberClaim, year: 2026, rating: '合格' },
    'posts.memberClaims': { postId: p.memberPost },
    'posts.figures': { year: 2026 },
    'posts.mapMeasure': {},
    'posts.importTemplate': { kind: 'memberPosts' },
    'posts.importReportFile': { kind: 'memberPosts', rejected: [{ row: 2, name: '某岗', reasons: ['岗位已满'] }] },
    'posts.import': { kind: 'memberPosts', fileName: 'a.csv', contentBase64: Buffer.from('所在村居,岗位名称\n').toString('base64'), dryRun: true },
    'posts.export': { villageUnitId: p.village },
    'heads.figures': { from: '2026-01-01', to: '2026-12-31' },
    'heads.check': { villageUnitId: p.village },
    'heads.mapMeasure': {},
    'heads.importTemplate': { kind: 'heads' },
    'heads.importReportFile': { kind: 'records', rejected: [{ row: 2, name: '某人', reasons: ['日期不在任期内'] }] },
    'heads.import': { kind: 'heads', fileName: 'a.csv', contentBase64: Buffer.from('姓名,身份证号\n').toString('base64'), dryRun: true },
    'heads.appoint': { personId: p.person, tier3GridId: p.tier3, role: '巷长', area: `矩阵测试巷${who}`, appointedOn: '2026-11-02' },
    'heads.end': { id: p.head, version: 999, endedOn: '2026-11-20' },
    'heads.record': { headId: p.head, kind: '社区活动', date: '2026-11-05', title: '矩阵测试活动', volunteers: 3 },
    'rentals.setKinds': { kinds: p.kinds },
    'rentals.campaigns.create': { name: `矩阵专项整治${who}`, startsOn: '2026-11-01', endsOn: '2026-12-31' },
    'briefings.compose': { kind: '月报', anchor: '2026-11-01', scopeUnitId: p.village },
    'briefings.issue': { kind: '月报', anchor: '2026-10-01', scopeUnitId: p.village, sections: [{ key: 'nextSteps', paragraphs: ['矩阵。'] }] },
    'briefings.get': { id: p.briefing },
    'briefings.list': {},
    'wall.measure': { measure: 'open' },
    'people.check': { villageUnitId: p.village },
    'people.setSettings': { partyGroupCapacity: 30 },
    'placement.suggest': { villageUnitId: p.village },
    'placement.groups': { villageUnitId: p.village },
    'placement.placeSuggested': { villageUnitId: p.village, memberIds: [] },
    'placement.rebalance': { villageUnitId: p.village },
    'placement.assign': { memberId: p.member, version: 999, groupGridId: null },
    'people.export': { registry: 'teams' },
    'people.import': { kind: 'persons', fileName: 'a.csv', contentBase64: Buffer.from('姓名,身份证号\n').toString('base64'), dryRun: true },
    'visits.record': { kind: '入户走访', date: '2026-11-20', villageUnitId: p.village, householdId: p.household, visitorKind: '驻点团队' },
    'visits.ofHousehold': { householdId: p.household },
    'visits.stats': { villageUnitId: p.village, from: '2026-11-01', to: '2026-11-20' },
    'posts.list': { villageUnitId: p.village },
    'posts.create': { villageUnitId: p.village, name: '矩阵岗', capacity: 5 },
    'posts.claim': { postId: p.post, reportingMemberId: p.member },
    'posts.unclaim': { postId: p.post, reportingMemberId: p.member },
    'services.record': { reportingMemberId: p.member, date: '2026-11-01', activity: '矩阵', hours: 1 },
    'services.list': { reportingMemberId: p.member },
    'reporting.printout': { reportingMemberId: p.member },
    'reserve.sendNotice': { villageUnitId: p.village, subject: '矩阵', content: '矩阵测试' },
    'reserve.notices': { villageUnitId: p.village },
    'reserve.answers': { noticeId: p.notice },
    'reserve.answer': { recipientId: p.recipient, answer: '愿意参加', participated: false },
    'people.points': { kind: 'reporting', villageUnitId: p.village },
    'auth.setup': { password: 'Another#2026' },
    'auth.login': { username: users[who], password: demoPassword },
    'writes.receipt': { key: 'matrix-key-0000000001' },
    'auth.unlock': { password: demoPassword },
    // A wrong current password: the call passes the gate and is refused on its merits, leaving the account as it was.
    'auth.changePassword': { currentPassword: 'Wrong#pass1', newPassword: 'Whatever#2026' },
    'accounts.create': { username: `m${who.toLowerCase()}${p.village}`, displayName: '矩阵', password: 'Matrix#2026' },
    'accounts.setRole': { id: throwaway, role: null, unitId: null },
    'accounts.setEnabled': { id: throwaway, enabled: true },
    'accounts.resetPassword': { id: throwaway, password: 'Matrix#2027' },
    'security.setSettings': { idleLockMinutes: 15 },
    'audit.search': { limit: 5 },
    'audit.export': { limit: 5 },
    'audit.recordPrint': { what: '矩阵', target: `issue=${p.issue}` },
    // No such file: the call passes the gate and is refused on its merits, so nothing is restored mid-test.
    'backups.preview': { file: '/nonexistent/shishan-backup.db' },
    'backups.restore': { file: '/nonexistent/shishan-backup.db', confirm: true }
  }
  return method in inputs ? inputs[method] : {}
}

/** Sessions that a method ends or locks get a fresh token; the rest share one per role. */
const spendsSession = new Set<MethodName>(['auth.logout', 'auth.lock'])
async function call(who: Letter, method: MethodName, input: unknown): Promise<Result<unknown>> {
  const token = spendsSession.has(method) ? await signIn(core, users[who]) : tokens[who]!
  return core.dispatch(method, input, { token })
}

/**
 * The same calls through the town network: a second copy of the same store behind the town server
 * (HTTPS, mutual TLS), reached through a desktop seat's connection module — the remote transport a
 * desk uses. Run in the same order on the same starting store, each call must answer exactly as it
 * did in process (its code and its message).
 */
type Remote = { core: typeof core; server: RunningServer; seat: SeatConnection; tokens: Partial<Record<Letter, string>> }
let remote: Remote | undefined
async function remoteSignIn(r: Remote, username: string) {
  const answer = await r.seat.dispatch('auth.login', { username, password: demoPassword })
  if (!answer.ok) throw new Error(`auth.login ${username} (remote): ${JSON.stringify(answer.error)}`)
  return (answer.value as { token: string }).token
}
async function callRemote(who: Letter, method: MethodName, input: unknown): Promise<Result<unknown>> {
  const r = remote!
  const token = spendsSession.has(method) ? await remoteSignIn(r, users[who]) : r.tokens[who]!
  return r.seat.dispatch(method, input, { token })
}
/** What each call answered in process, by method: compared with what the remote transport answers. */
const answeredInProcess = new Map<MethodName, string[]>()
// Each store lives in its own temp folder, which messages naming the backup folder include.
const answerOf = (r: Result<unknown>) => (r.ok ? 'OK' : `${r.error.code} ${r.error.message.replace(/shishan-test-[A-Za-z0-9]+/g, 'shishan-test-…')}`)

beforeAll(async () => {
  core = testCoreWithPeople()
  await core.seedDemoAccounts(demoPassword)
  inside = await completePlace('汀圃社区')
  outside = await completePlace('大学城社区')
  district = core.store.sqlite.prepare("select id from units where kind = 'district'").pluck().get() as number
  throwaway = (await ok(core, 'accounts.create', { username: 'throwaway', displayName: '临时', password: 'Throw#away26' })).id
  for (const who of Object.keys(users) as Letter[]) tokens[who] = await signIn(core, users[who])
}, 120_000)
afterAll(() => core.close())

/** Every role's call of one method, inside and outside the clerks' villages, checked against the table; the answers, in order. */
async function checkRow(method: MethodName, via: (who: Letter, method: MethodName, input: unknown) => Promise<Result<unknown>>): Promise<string[]> {
  const row = expected[method]
  const decisions: string[] = []
  const wrong: string[] = []
  const answers: string[] = []
  for (const who of Object.keys(users) as Letter[]) {
    const places: [string, Place, boolean][] = [['inside', inside, row.includes(who) || row.includes(who.toLowerCase())]]
    if (who === 'C' || who === 'V') places.push(['outside', outside, row.includes(who)])
    for (const [where, place, allowed] of places) {
      const r = await via(who, method, inputFor(method, place, who))
      answers.push(`${who} ${where}: ${answerOf(r)}`)
      const code = r.ok ? 'OK' : r.error.code
      // The session must never be the reason: every caller here is signed in and unlocked.
      expect(
        ['UNAUTHENTICATED', 'LOCKED', 'PASSWORD_EXPIRED'].includes(code) && method !== 'auth.login' && method !== 'auth.unlock'
          ? `${who} ${where} ${code}`
          : 'session fine'
      ).toBe('session fine')
      const got = code !== 'FORBIDDEN'
      decisions.push(`${who}${where === 'outside' ? '↗' : ''}:${got ? '✓' : '✗'}`)
      if (got !== allowed) wrong.push(`${users[who]} (${where}): expected ${allowed ? 'allowed' : 'denied'}, got ${code}${r.ok ? '' : ` ${r.error.message}`}`)
    }
  }
  expect(wrong, decisions.join(' ')).toEqual([])
  return answers
}

describe('role × method', () => {
  it('has an expected row for every method', () => {
    expect(Object.keys(expected).sort()).toEqual([...methodNames].sort())
  })

  it.each(methodNames)('%s: allowed and denied as the table says, inside and outside the clerks’ villages', async (method) => {
    answeredInProcess.set(method, await checkRow(method, call))
  })
  it('narrows every list to the clerk’s villages', async () => {
    const villagesOf = (office: number) =>
      core.store.sqlite.prepare("select id from units where parent_id = ? and kind = 'village'").pluck().all(office) as number[]
    for (const [who, villages] of [
      ['V', [inside.village]],
      ['C', villagesOf(inside.office)]
    ] as [Letter, number[]][]) {
      const inScope = (table: string) =>
        core.store.sqlite
          .prepare(`select count(*) from ${table} where village_unit_id in (select value from json_each(?))`)
          .pluck()
          .get(JSON.stringify(villages)) as number
      for (const [method, table] of [
        ['persons.list', 'persons'],
        ['households.list', 'households'],
        ['reporting.list', 'reporting_members'],
        ['issues.list', 'issues']
      ] as const) {
        const r = (await call(who, method, { limit: 1 })) as Result<{ total: number }>
        expect(r.ok && r.value.total, `${users[who]} ${method}`).toBe(inScope(table))
      }
      const briefings = (await call(who, 'briefings.list', {})) as Result<{ id: number }[]>
      expect(briefings.ok && briefings.value.map((b) => b.id)).toContain(inside.briefing)
      expect(briefings.ok && briefings.value.map((b) => b.id)).not.toContain(outside.briefing)
      const homes = (await call(who, 'people.points', { kind: 'reporting' })) as Result<{ features: unknown[] }>
      expect(homes.ok && homes.value.features.length).toBe(
        core.store.sqlite
          .prepare(
            'select count(*) from reporting_members r join persons p on p.id = r.person_id where p.home_lon is not null and r.village_unit_id in (select value from json_each(?))'
          )
          .pluck()
          .get(JSON.stringify(villages))
      )
      // Asking for another village by name gives nothing of it.
      const other = (await call(who, 'persons.list', { villageUnitId: outside.village, limit: 5 })) as Result<{ total: number }>
      expect(other.ok && other.value.total).toBe(0)
    }
  })

  it('lets the operator act as the town or for its units, never as the district; the district’s desk acts as the district only', async () => {
    const town = core.store.sqlite.prepare("select id from units where kind = 'town'").pluck().get() as number
    const act = (who: Letter, actingUnitId: number) => call(who, 'issues.act', { id: inside.issue, version: 999, actingUnitId, action: { type: 'accept' } })
    const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code)
    for (const unit of [town, inside.office, inside.village]) expect(code(await act('O', unit))).not.toBe('FORBIDDEN')
    const asDistrict = await act('O', district)
    expect(code(asDistrict)).toBe('FORBIDDEN')
    expect(!asDistrict.ok && asDistrict.error.message).toContain('须使用区联动中心的账号')
    expect(code(await act('D', district))).not.toBe('FORBIDDEN')
    for (const unit of [town, inside.office, inside.village]) expect(code(await act('D', unit))).toBe('FORBIDDEN')
    // Registering: the operator registers as the command centre or for a unit, never as the district.
    const report = (who: Letter, reportingUnitId?: number) =>
      call(who, 'issues.create', {
        title: '代办登记',
        description: '代为办理登记',
        category: '环境卫生',
        urgency: '一般',
        source: '网格巡查',
        lon: inside.lon,
        lat: inside.lat,
        reportingUnitId
      })
    expect(code(await report('O', district))).toBe('FORBIDDEN')
    expect(code(await report('D'))).toBe('FORBIDDEN')
    // Who an account acts as, for the screens: fixed for clerks and the district's desk, chosen by the operator.
    const me = async (who: Letter) => (await call(who, 'auth.me', {})) as Result<{ actingUnitId: number | null }>
    const actingOf = async (who: Letter) => {
      const r = await me(who)
      return r.ok ? r.value.actingUnitId : 'error'
    }
    expect(await actingOf('D')).toBe(district)
    expect(await actingOf('V')).toBe(inside.village)
    expect(await actingOf('O')).toBeNull()
    expect(await actingOf('L')).toBeNull()
  })
})

describe('role × method through the town network', () => {
  beforeAll(async () => {
    const copy = testCoreWithPeople()
    await copy.seedDemoAccounts(demoPassword)
    // The same places, made the same way: the copy must stand where the in-process store stood.
    expect(await completePlace('汀圃社区', copy)).toEqual(inside)
    expect(await completePlace('大学城社区', copy)).toEqual(outside)
    expect((await ok(copy, 'accounts.create', { username: 'throwaway', displayName: '临时', password: 'Throw#away26' })).id).toBe(throwaway)
    const dir = tempDir()
    createTownCa(dir, ['127.0.0.1'])
    issueSeat(dir, '矩阵席位')
    const server = await startHttpServer({
      dispatch: copy.dispatch,
      staticDir: tempDir(),
      port: 0,
      tls: loadTownTls(dir),
      changes: copy.changes,
      isValidToken: (t) => copy.accounts.sessionOf(t) !== null
    })
    const seat = connectSeat(
      { serverUrl: `https://127.0.0.1:${server.port}/`, ...seatFiles(dir, '矩阵席位') },
      { appVersion: appVersion(), contractHash: contractHash() }
    )
    expect((await seat.start()).kind).toBe('connected')
    remote = { core: copy, server, seat, tokens: {} }
    for (const who of Object.keys(users) as Letter[]) remote.tokens[who] = await remoteSignIn(remote, users[who])
  }, 120_000)
  afterAll(async () => {
    remote?.seat.close()
    await remote?.server.close()
    remote?.core.close()
  })

  it.each(methodNames)('%s: answers exactly as in process', async (method) => {
    const answers = await checkRow(method, callRemote)
    const inProcess = answeredInProcess.get(method)
    if (inProcess) expect(answers).toEqual(inProcess)
  })

  it('ran every call in process first, so each was compared', () => {
    expect(answeredInProcess.size).toBe(methodNames.length)
  })
})
