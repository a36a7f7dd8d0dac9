// Inputs every method accepts on the demo town (tests/contract/api.test.ts calls each with its
// own; the fuzz test starts its malformed bodies from them).
import type Database from 'better-sqlite3'
import type { MethodName } from '../../electron/shared/contract'
import { idCheckChar } from '../../electron/core/kernel/personalData'
import { solidPng } from './fixtures'

/** The password api.test.ts gives the administrator at first start. */
export const adminPassword = 'Setup#2026a'

/**
 * A valid input for each method, looked up on the demo town with its people; a new method without
 * one fails the contract test. Run in contract order, the writes build on each other (undo undoes
 * the create). `latestBackup` names the newest backup once backups.run has run.
 */
export function validInputs(sqlite: Database.Database, latestBackup: () => string): Record<MethodName, unknown> {
  const q = <T>(sql: string) => sqlite.prepare(sql).get() as T
  const tier2 = q<{ id: number }>('select id from grids where tier = 2 order by id limit 1')
  const tier2Box = q<{ min_lon: number; min_lat: number; max_lon: number; max_lat: number }>(
    `select min_lon, min_lat, max_lon, max_lat from grids where id = ${tier2.id}`
  )
  const otherTier2 = q<{ id: number }>(`select id from grids where tier = 2 and id != ${tier2.id} order by id limit 1`)
  const tier3 = q<{ id: number; version: number }>(`select id, version from grids where tier = 3 and parent_id = ${tier2.id} order by id limit 1`)
  const lastTier3 = q<{ id: number; version: number }>('select id, version from grids where tier = 3 order by id desc limit 1')
  const tier1 = q<{ id: number; version: number; min_lon: number; min_lat: number }>(
    'select id, version, min_lon, min_lat from grids where tier = 1 order by id limit 1'
  )
  const village = q<{ id: number; version: number }>("select id, version from units where kind = 'village' order by id limit 1")
  const office = q<{ id: number }>("select id from units where kind = 'office' order by id desc limit 1")
  const [x, y] = [tier1.min_lon + 0.001, tier1.min_lat + 0.001]
  const reportingVillage = q<{ v: number }>('select village_unit_id v from reporting_members where group_grid_id is null limit 1')
  const member = q<{ id: number; version: number }>('select id, version from reporting_members where group_grid_id is not null order by id desc limit 1')
  const spot = q<{ lon: number; lat: number; village: number }>(
    'select label_lon lon, label_lat lat, village_unit_id village from grids where tier = 3 order by id limit 1'
  )
  // The issue issues.create makes (the demo's issues come first).
  const nextIssue = q<{ n: number }>('select coalesce(max(id), 0) + 1 n from issues').n
  const supervision = q<{ id: number }>("select id from issue_events where action = 'supervise' order by id limit 1")
  const nextPhoto = q<{ n: number }>('select coalesce(max(id), 0) + 1 n from issue_photos').n
  // The rental building and the hazard rentals.buildings.create and rentals.inspect make (contract order).
  const nextBuilding = q<{ n: number }>('select coalesce(max(id), 0) + 1 n from rental_buildings').n
  const nextHazard = q<{ n: number }>('select coalesce(max(id), 0) + 1 n from fire_hazards').n
  // The head heads.appoint makes (contract order: appoint, end, record, records).
  const nextHead = q<{ n: number }>('select coalesce(max(id), 0) + 1 n from area_heads').n
  const spotGrid = q<{ id: number }>('select id from grids where tier = 3 order by id limit 1').id
  const resident = q<{ id: number }>(`select id from persons where village_unit_id = ${spot.village} order by id limit 1`).id
  // A household of the building's village that lives in no rental building yet.
  const tenant = q<{ id: number }>(
    `select id from households where village_unit_id = ${spot.village} and id not in (select household_id from rental_tenancies) order by id limit 1`
  ).id
  // A demo hazard overdue on the tests' day, for the bulk escalation.
  const overdueHazard = q<{ id: number }>(
    "select id from fire_hazards where rectified_on is null and issue_id is null and deadline < '2026-11-22' order by id limit 1"
  ).id
  const electricKind = q<{ id: number }>("select id from hazard_kinds where name = '电气线路不规范'").id
  const kinds = (
    sqlite.prepare('select id, name, counted_by countedBy, photo_required photoRequired, active from hazard_kinds order by sort, id').all() as {
      photoRequired: number
      active: number
    }[]
  ).map((k) => ({ ...k, photoRequired: Boolean(k.photoRequired), active: Boolean(k.active) }))
  const nextPost = q<{ n: number }>('select coalesce(max(id), 0) + 1 n from volunteer_posts').n
  const nextMemberClaim = q<{ n: number }>('select coalesce(max(id), 0) + 1 n from post_member_claims').n
  const post = q<{ id: number; v: number }>(
    'select vp.id, vp.village_unit_id v from volunteer_posts vp where (select count(*) from post_claims c where c.post_id = vp.id) < vp.capacity order by vp.id limit 1'
  )
  const communityMember = q<{ id: number }>(
    `select id from persons where village_unit_id = ${post.v} and is_party_member = 1 and party_registration = '村居' order by id limit 1`
  ).id
  const unclaimed = q<{ id: number }>(
    `select id from reporting_members where village_unit_id = ${post.v} and id not in (select reporting_member_id from post_claims where post_id = ${post.id}) limit 1`
  )
  return {
    'grids.summary': {},
    'grids.tree': {},
    'grids.geojson': { tier: 2 },
    'grids.get': { id: tier1.id },
    'grids.search': { q: '社区' },
    'town.outline': undefined,
    'units.offices': {},
    'grids.create': { tier: 3, parentId: tier2.id, name: '契约测试党小组', kind: '党小组' },
    'grids.update': { id: tier1.id, version: tier1.version, patch: { inspector: '陈志明', households: 1200 } },
    'grids.setGeometry': {
      id: lastTier3.id,
      version: lastTier3.version,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.001, y],
            [x + 0.001, y + 0.001],
            [x, y]
          ]
        ]
      }
    },
    'grids.split': {
      id: tier2.id,
      version: 1,
      line: [
        [tier2Box.min_lon - 0.01, (tier2Box.min_lat + tier2Box.max_lat) / 2],
        [tier2Box.max_lon + 0.01, (tier2Box.min_lat + tier2Box.max_lat) / 2]
      ]
    },
    'grids.move': { id: tier3.id, version: tier3.version, parentId: otherTier2.id },
    'grids.delete': { id: lastTier3.id, version: lastTier3.version + 1, children: 'cascade' },
    'grids.history': { id: tier1.id },
    'changes.undo': { batchId: 1 },
    'grids.check': { gridId: tier1.id },
    'grids.export': { format: 'geojson', tier: 1 },
    'grids.import': {
      fileName: '新网格.geojson',
      contentBase64: Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: '新党小组' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [x, y],
                    [x + 0.0005, y],
                    [x + 0.0005, y + 0.0005],
                    [x, y]
                  ]
                ]
              }
            }
          ]
        })
      ).toString('base64'),
      options: { tier: 3, parentMatch: 'location' },
      dryRun: true
    },
    'changes.list': {},
    'units.moveVillage': { villageUnitId: village.id, version: village.version, officeId: office.id },
    'units.villages': {},
    'persons.list': { q: '陈', limit: 20, sort: { field: 'name', dir: 'desc' } },
    'households.list': { villageUnitId: reportingVillage.v, filters: { kind: '工商企业户' } },
    'teams.list': {},
    'reporting.list': { filters: { placed: false } },
    'reserve.list': { filters: { specialty: '医疗卫生' } },
    'persons.get': { id: 1 },
    'persons.unmask': { id: 1, reason: '契约测试' },
    'persons.update': { id: 2, version: 1, patch: { phone: '13912345678', homeAddress: '汀圃社区1号' } },
    'persons.create': {
      name: '契约新增',
      idNumber: '44060519910101004'.concat(idCheckChar('44060519910101004')),
      hukou: '本镇户籍',
      villageUnitId: village.id
    },
    'reporting.register': {
      name: '契约测试',
      idNumber: '44060519900101003X'.slice(0, 17) + idCheckChar('44060519900101003'),
      phone: '13800138000',
      workUnit: '南海区人民医院',
      village: '汀圃社区',
      reportedAt: '2026-11-20'
    },
    'teams.members': { teamId: 1 },
    'teams.addMember': { teamId: 1, personId: 3 },
    'teams.removeMember': { memberId: 1 },
    'households.setContact': { householdId: 2, version: 1, contactPersonId: null },
    'units.all': {},
    'issues.create': {
      title: '垃圾堆放',
      description: '巷口堆放生活垃圾多日未清理',
      category: '环境卫生',
      urgency: '一般',
      source: '网格巡查',
      lon: spot.lon,
      lat: spot.lat,
      photos: [{ fileName: '现场.png', mimeType: 'image/png', contentBase64: solidPng(2, 2, [0, 0, 0]).toString('base64') }]
    },
    'issues.act': { id: nextIssue, version: 1, actingUnitId: spot.village, action: { type: 'accept' } },
    'issues.get': { id: nextIssue, actingUnitId: spot.village },
    'issues.photo': { id: nextPhoto },
    'issues.supervisionNotice': { eventId: supervision.id },
    'issues.list': { filters: { status: 'open' }, sort: { field: 'createdAt', dir: 'desc' } },
    'issues.place': { lon: spot.lon, lat: spot.lat },
    'issues.similar': { category: '环境卫生', lon: spot.lon, lat: spot.lat },
    'issues.points': { closedDays: 30 },
    'issues.overdueUnits': {},
    'accountability.record': { unitId: spot.village, kind: '约谈', note: '超期未办结，约谈负责人' },
    'accountability.list': {},
    'stats.kpis': { from: '2026-01-01', to: '2026-12-31' },
    'rentals.kinds': {},
    'heads.list': { filters: { role: '楼长', inOffice: true }, sort: { field: 'problems', dir: 'desc' }, q: '楼' },
    'heads.appoint': { personId: resident, tier3GridId: spotGrid, role: '楼长', area: '契约测试 8 号楼', appointedOn: '2026-11-01' },
    'heads.end': { id: nextHead, version: 1, endedOn: '2026-11-20' },
    'heads.record': { headId: nextHead, kind: '调解纠纷', date: '2026-11-10', title: '邻里漏水纠纷', parties: '3 楼住户与 4 楼住户', outcome: '调解成功' },
    'heads.records': { headId: nextHead },
    'heads.figures': { from: '2026-01-01', to: '2026-12-31' },
    'heads.check': {},
    'heads.export': { villageUnitId: spot.village, filters: { inOffice: true } },
    'heads.exportRecords': { from: '2026-01-01', to: '2026-12-31' },
    'heads.mapMeasure': {},
    'heads.importTemplate': { kind: 'records' },
    'heads.import': { kind: 'heads', fileName: 'a.csv', contentBase64: Buffer.from('姓名,身份证号\n').toString('base64') },
    'heads.importReportFile': { kind: 'heads', rejected: [{ row: 2, name: '某人', reasons: ['不在人员台账中'] }] },
    'rentals.setKinds': { kinds: [...kinds, { name: '契约测试隐患类别', countedBy: '处', photoRequired: false, active: true }] },
    'rentals.campaigns': {},
    'rentals.mapLayer': {},
    'rentals.campaigns.create': { name: '契约测试专项整治', startsOn: '2026-11-01', endsOn: '2026-12-31' },
    'rentals.hazardPhotos': { hazardId: nextHazard },
    'rentals.buildings.list': { filters: { riskClass: '高风险', open: true }, sort: { field: 'overdueHazards', dir: 'desc' }, q: '出租屋' },
    'rentals.hazards': { buildingId: nextBuilding },
    'rentals.tenants': { buildingId: nextBuilding },
    'rentals.addTenant': { buildingId: nextBuilding, householdId: tenant, since: '2026-10-01' },
    'rentals.removeTenant': { buildingId: nextBuilding, householdId: tenant },
    'rentals.buildings.create': {
      address: '狮山镇契约测试出租屋',
      villageUnitId: spot.village,
      lon: spot.lon,
      lat: spot.lat,
      use: '居住',
      riskClass: '高风险',
      rentalRooms: 12,
      tenants: 30
    },
    'rentals.inspect': {
      buildingId: nextBuilding,
      inspectedOn: '2026-11-20',
      inspector: '网格员',
      hazards: [
        { kindId: electricKind, deadline: '2026-11-30' },
        { kindId: electricKind, deadline: '2026-11-21' }
      ]
    },
    // The second hazard, past its deadline on the tests' day (2026-11-22).
    'rentals.escalate': { hazardId: nextHazard + 1 },
    'rentals.reinspect': {
      buildingId: nextBuilding,
      inspectedOn: '2026-11-21',
      inspector: '网格员',
      results: [
        {
          hazardId: nextHazard,
          rectified: true,
          photos: [{ fileName: '整改.png', mimeType: 'image/png', contentBase64: solidPng(2, 2, [0, 0, 0]).toString('base64') }]
        }
      ]
    },
    'rentals.overdueHazards': { villageUnitId: spot.village },
    'rentals.escalateMany': { hazardIds: [overdueHazard] },
    'rentals.campaignTable': { startsOn: '2026-01-01', endsOn: '2026-12-31' },
    'rentals.campaignExport': { table: { startsOn: '2026-01-01', endsOn: '2026-12-31' }, title: '契约测试专项整治' },
    'rentals.buildings.export': { filters: { riskClass: '高风险', open: true }, q: '出租屋' },
    'routing.rules.get': {},
    'routing.rules.set': {
      rules: [
        { category: '环境卫生', urgency: '一般', defaultLevel: 1, skipAllowed: false, acceptHours: 24, handleHours: 120, verifyHours: 48, warnPercent: 75 }
      ]
    },
    'briefings.compose': { kind: '月报', anchor: '2026-11-01' },
    'briefings.issue': { kind: '月报', anchor: '2026-11-01', sections: [{ key: 'overview' }, { key: 'nextSteps', paragraphs: ['继续做好走访。'] }] },
    'briefings.get': { id: 1 },
    'briefings.list': { q: '月报' },
    'wall.summary': {},
    'wall.measure': { measure: 'visits' },
    'wall.points': {},
    'people.check': {},
    'people.settings': {},
    'people.setSettings': { partyGroupCapacity: 30 },
    'placement.suggest': { villageUnitId: reportingVillage.v },
    'placement.placeSuggested': { villageUnitId: reportingVillage.v },
    'placement.assign': { memberId: member.id, version: member.version, groupGridId: null },
    'placement.rebalance': { villageUnitId: reportingVillage.v },
    'placement.groups': { villageUnitId: reportingVillage.v },
    'people.export': { registry: 'teams' },
    'people.template': { kind: 'reserve' },
    'rentals.importTemplate': { kind: 'inspections' },
    'rentals.import': { kind: 'buildings', fileName: 'a.csv', contentBase64: Buffer.from('地址,所在村居\n').toString('base64') },
    'rentals.importReportFile': { kind: 'buildings', rejected: [{ row: 2, name: '某楼', reasons: ['找不到村居'] }] },
    'people.import': { kind: 'persons', fileName: 'a.csv', contentBase64: Buffer.from('姓名,身份证号\n').toString('base64') },
    'people.importReportFile': { kind: 'persons', rejected: [{ row: 2, name: '甲', reasons: ['身份证号校验位错误'] }] },
    'visits.record': { kind: '入户走访', date: '2026-11-20', householdId: 1, visitorKind: '驻点团队' },
    'visits.ofHousehold': { householdId: 1 },
    'visits.stats': { from: '2026-01-01', to: '2026-11-22' },
    'posts.list': { villageUnitId: post.v },
    'posts.create': { villageUnitId: post.v, name: '契约测试岗', capacity: 10, audience: '无职党员', description: '每周巡查楼道消防通道' },
    // The post posts.create makes, claimed by one of the village's own members (contract order).
    'posts.claimByMember': { postId: nextPost, personId: communityMember },
    'posts.review': { claimId: nextMemberClaim, year: 2026, rating: '优秀', note: '履职尽责' },
    'posts.endClaim': { claimId: nextMemberClaim, endedOn: '2026-11-22' },
    'posts.memberClaims': { postId: nextPost },
    'posts.figures': { year: 2026 },
    'posts.mapMeasure': {},
    'posts.importTemplate': { kind: 'memberPosts' },
    'posts.import': { kind: 'memberPosts', fileName: 'a.csv', contentBase64: Buffer.from('所在村居,岗位名称\n').toString('base64') },
    'posts.importReportFile': { kind: 'memberPosts', rejected: [{ row: 2, name: '某岗', reasons: ['岗位已满'] }] },
    'posts.export': {},
    'posts.claim': { postId: post.id, reportingMemberId: unclaimed.id },
    'posts.unclaim': { postId: post.id, reportingMemberId: unclaimed.id },
    'services.record': { reportingMemberId: member.id, date: '2026-11-01', activity: '入户走访', hours: 2, householdsVisited: 5 },
    'services.list': { reportingMemberId: member.id },
    'reporting.printout': { reportingMemberId: member.id },
    'reserve.sendNotice': { villageUnitId: post.v, specialty: '医疗卫生', subject: '义诊邀请', content: '周六上午义诊，欢迎参加。' },
    'reserve.notices': {},
    'reserve.answers': { noticeId: 1 },
    'reserve.answer': { recipientId: 1, answer: '愿意参加', participated: true },
    'people.points': { kind: 'reporting' },
    'grids.peopleMeasure': { measure: 'daysSinceVisit' },
    // A new store has no account: setup makes the administrator, whose sessions the session methods use.
    'auth.status': {},
    'auth.setup': { password: adminPassword },
    'auth.login': { username: 'admin', password: adminPassword },
    'auth.logout': {},
    'auth.me': {},
    'writes.receipt': { key: 'valid-input-key-000001' },
    'auth.lock': {},
    'auth.unlock': { password: adminPassword },
    'auth.changePassword': { currentPassword: adminPassword, newPassword: 'Changed#2026b' },
    'accounts.list': {},
    'accounts.create': { username: 'clerk1', displayName: '契约测试专干', password: 'Clerk#2026x' },
    'accounts.setRole': { id: 2, role: 'villageClerk', unitId: spot.village },
    'accounts.setEnabled': { id: 2, enabled: false },
    'accounts.resetPassword': { id: 2, password: 'Reset#2026y' },
    'security.settings': {},
    'security.setSettings': { idleLockMinutes: 15 },
    'audit.search': { limit: 10 },
    'audit.verify': {},
    'audit.export': {},
    'audit.recordPrint': { what: '流转单', target: `issue=${nextIssue}` },
    'backups.list': {},
    'backups.run': {},
    // Functions: the backup exists only once backups.run has run.
    'backups.preview': () => ({ file: latestBackup() }),
    'backups.restore': () => ({ file: latestBackup(), confirm: true })
  }
}
