// The contract: every method is bound, valid input gives output matching its schema, and bad
// input of any kind comes back as an error value — over the dispatcher and over HTTP.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, methodNames, type MethodName } from '../../electron/shared/contract'
import { createCoreServices } from '../../electron/core/app'
import { methodRules } from '../../electron/core/domain/access'
import { defaultBackupFolder, listBackups } from '../../electron/core/services/backups'
import { createDispatcher } from '../../electron/core/api/dispatch'
import { startHttpServer, type RunningServer } from '../../electron/server/http'
import { demoPassword, signIn, tempDir, testClock, testCoreWithPeople } from '../support/core'
import { idCheckChar } from '../../electron/core/domain/personalData'
import { solidPng } from '../support/fixtures'
import { captureStatements, fullScansOf, type RanStatement } from '../support/queryPlans'

/**
 * A valid input for each method, looked up on the demo town; a new method without one fails the
 * test below. The tests run in contract order, so the writes build on each other (undo undoes the create).
 */
let validInput: Record<MethodName, unknown>
const statementsOf = new Map<MethodName, RanStatement[]>()
const logTables = ['changes', 'change_batches', 'audit_events', 'issue_events']
/** Methods whose purpose is to read a whole log, and why. */
const mustReadWholeLog: Partial<Record<MethodName, string>> = {
  'audit.verify': 'checks every row of the hash chain',
  'audit.search': 'the auditor pages through matches and is shown their count',
  'audit.export': 'exports the matching rows',
  'backups.run': 'a backup names how many audit rows it holds',
  'backups.preview': 'shows how many audit rows a backup holds',
  'backups.restore': 'records how many audit rows the restored store holds'
}
function lookUpValidInputs() {
  const q = <T>(sql: string) => core.store.sqlite.prepare(sql).get() as T
  const tier2 = q<{ id: number }>('select id from grids where tier = 2 order by id limit 1')
  const tier2Box = q<{ min_lon: number; min_lat: number; max_lon: number; max_lat: number }>(`select min_lon, min_lat, max_lon, max_lat from grids where id = ${tier2.id}`)
  const otherTier2 = q<{ id: number }>(`select id from grids where tier = 2 and id != ${tier2.id} order by id limit 1`)
  const tier3 = q<{ id: number; version: number }>(`select id, version from grids where tier = 3 and parent_id = ${tier2.id} order by id limit 1`)
  const lastTier3 = q<{ id: number; version: number }>('select id, version from grids where tier = 3 order by id desc limit 1')
  const tier1 = q<{ id: number; version: number; min_lon: number; min_lat: number }>('select id, version, min_lon, min_lat from grids where tier = 1 order by id limit 1')
  const village = q<{ id: number; version: number }>("select id, version from units where kind = 'village' order by id limit 1")
  const office = q<{ id: number }>("select id from units where kind = 'office' order by id desc limit 1")
  const [x, y] = [tier1.min_lon + 0.001, tier1.min_lat + 0.001]
  const reportingVillage = q<{ v: number }>('select village_unit_id v from reporting_members where group_grid_id is null limit 1')
  const member = q<{ id: number; version: number }>('select id, version from reporting_members where group_grid_id is not null order by id desc limit 1')
  const spot = q<{ lon: number; lat: number; village: number }>('select label_lon lon, label_lat lat, village_unit_id village from grids where tier = 3 order by id limit 1')
  // The issue issues.create makes (the demo's issues come first).
  const nextIssue = q<{ n: number }>('select coalesce(max(id), 0) + 1 n from issues').n
  const supervision = q<{ id: number }>("select id from issue_events where action = 'supervise' order by id limit 1")
  const nextPhoto = q<{ n: number }>('select coalesce(max(id), 0) + 1 n from issue_photos').n
  const post = q<{ id: number; v: number }>('select vp.id, vp.village_unit_id v from volunteer_posts vp where (select count(*) from post_claims c where c.post_id = vp.id) < vp.capacity order by vp.id limit 1')
  const unclaimed = q<{ id: number }>(`select id from reporting_members where village_unit_id = ${post.v} and id not in (select reporting_member_id from post_claims where post_id = ${post.id}) limit 1`)
  validInput = {
    'grids.summary': {},
    'grids.tree': {},
    'grids.geojson': { tier: 2 },
    'grids.get': { id: tier1.id },
    'grids.search': { q: '社区' },
    'town.outline': undefined,
    'units.offices': {},
    'grids.create': { tier: 3, parentId: tier2.id, name: '契约测试党小组', kind: '党小组' },
    'grids.update': { id: tier1.id, version: tier1.version, patch: { inspector: '陈志明', households: 1200 } },
    'grids.setGeometry': { id: lastTier3.id, version: lastTier3.version, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y]]] } },
    'grids.split': { id: tier2.id, version: 1, line: [[tier2Box.min_lon - 0.01, (tier2Box.min_lat + tier2Box.max_lat) / 2], [tier2Box.max_lon + 0.01, (tier2Box.min_lat + tier2Box.max_lat) / 2]] },
    'grids.move': { id: tier3.id, version: tier3.version, parentId: otherTier2.id },
    'grids.delete': { id: lastTier3.id, version: lastTier3.version + 1, children: 'cascade' },
    'grids.history': { id: tier1.id },
    'changes.undo': { batchId: 1 },
    'grids.check': { gridId: tier1.id },
    'grids.export': { format: 'geojson', tier: 1 },
    'grids.import': {
      fileName: '新网格.geojson',
      contentBase64: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '新党小组' }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.0005, y], [x + 0.0005, y + 0.0005], [x, y]]] } }] })).toString('base64'),
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
    'reporting.register': { name: '契约测试', idNumber: '44060519900101003X'.slice(0, 17) + idCheckChar('44060519900101003'), phone: '13800138000', workUnit: '南海区人民医院', village: '汀圃社区', reportedAt: '2026-11-20' },
    'teams.members': { teamId: 1 },
    'teams.addMember': { teamId: 1, personId: 3 },
    'teams.removeMember': { memberId: 1 },
    'households.setContact': { householdId: 2, version: 1, contactPersonId: null },
    'units.all': {},
    'issues.create': { title: '垃圾堆放', description: '巷口堆放生活垃圾多日未清理', category: '环境卫生', urgency: '一般', source: '网格巡查', lon: spot.lon, lat: spot.lat, photos: [{ fileName: '现场.png', mimeType: 'image/png', contentBase64: solidPng(2, 2, [0, 0, 0]).toString('base64') }] },
    'issues.act': { id: nextIssue, version: 1, actingUnitId: spot.village, action: { type: 'accept' } },
    'issues.get': { id: nextIssue, actingUnitId: spot.village },
    'issues.photo': { id: nextPhoto },
    'issues.supervisionNotice': { eventId: supervision.id },
    'issues.list': { filters: { status: 'open' }, sort: { field: 'createdAt', dir: 'desc' } },
    'issues.similar': { category: '环境卫生', lon: spot.lon, lat: spot.lat },
    'issues.points': { closedDays: 30 },
    'issues.overdueUnits': {},
    'accountability.record': { unitId: spot.village, kind: '约谈', note: '超期未办结，约谈负责人' },
    'accountability.list': {},
    'stats.kpis': { from: '2026-01-01', to: '2026-12-31' },
    'routing.rules.get': {},
    'routing.rules.set': { rules: [{ category: '环境卫生', urgency: '一般', defaultLevel: 1, skipAllowed: false, acceptHours: 24, handleHours: 120, verifyHours: 48, warnPercent: 75 }] },
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
    'people.import': { kind: 'persons', fileName: 'a.csv', contentBase64: Buffer.from('姓名,身份证号\n').toString('base64') },
    'people.importReportFile': { kind: 'persons', rejected: [{ row: 2, name: '甲', reasons: ['身份证号校验位错误'] }] },
    'visits.record': { kind: '入户走访', date: '2026-11-20', householdId: 1, visitorKind: '驻点团队' },
    'visits.ofHousehold': { householdId: 1 },
    'visits.stats': { from: '2026-01-01', to: '2026-11-22' },
    'posts.list': { villageUnitId: post.v },
    'posts.create': { villageUnitId: post.v, name: '契约测试岗', capacity: 10 },
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

const adminPassword = 'Setup#2026a'
const latestBackup = () => listBackups(defaultBackupFolder(core.store.file))[0].file
const inputOf = (method: MethodName) => (typeof validInput[method] === 'function' ? (validInput[method] as () => unknown)() : validInput[method])
/** A fresh administrator session for the methods that act on the caller's own session. */
async function sessionFor(method: MethodName) {
  if ((methodRules[method] as { access: unknown }).access !== 'session') return undefined
  const r = await core.dispatch('auth.login', { username: 'admin', password: adminPassword })
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return { token: (r.value as { token: string }).token }
}

/** Inputs no method accepts. */
const garbage: unknown[] = ['text', 42, [1, 2], { unexpected: true }, null]

let core: ReturnType<typeof testCoreWithPeople>
let server: RunningServer
let token: string
beforeAll(async () => {
  core = testCoreWithPeople()
  lookUpValidInputs()
  server = await startHttpServer({ dispatch: core.dispatch, staticDir: tempDir(), port: 0, isValidToken: (t) => core.accounts.sessionOf(t) !== null })
})
afterAll(async () => {
  await server.close()
  core.close()
})

const post = (method: string, body: string) => fetch(`${server.url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body })

describe('contract', () => {
  it('binds a handler to every declared method and nothing else', () => {
    expect(validInput).toBeDefined()
    const { handlers } = createCoreServices(core.store.db, testClock)
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort())
    expect(Object.keys(methodRules).sort()).toEqual([...methodNames].sort())
    expect(Object.keys(validInput).sort()).toEqual([...methodNames].sort())
  })

  it.each(methodNames)('%s answers valid input with output that matches its schema', async (method) => {
    const credentials = await sessionFor(method)
    const input = inputOf(method)
    const { value: r, statements } = await captureStatements(core.store.sqlite, () => core.dispatch(method, input, credentials))
    if (r.ok) statementsOf.set(method, statements)
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
    if (r.ok) expect(contract[method].output.safeParse(r.value).success).toBe(true)
  })

  it('reads no log table from end to end, except where a method must (the logs grow without bound)', () => {
    // Reading rows in primary-key order with no condition stops at the limit, whatever SQLite's plan
    // calls it. With a condition it may read to the end to find its rows (as `batch_id > ?` once did).
    const newestFirst = /^select [^()]+ from "?\w+"? order by ("?\w+"?\.)?"?id"?( desc)? limit (\?|\d+)$/i
    const found: string[] = []
    for (const [method, statements] of statementsOf) {
      if (method in mustReadWholeLog) continue
      for (const st of statements) {
        const sql = st.source.replace(/\s+/g, ' ').trim()
        if (newestFirst.test(sql)) continue
        for (const scan of fullScansOf(core.store.sqlite, st, logTables)) found.push(`${method}: ${scan} ← ${sql.slice(0, 160)}`)
      }
    }
    expect(statementsOf.size).toBeGreaterThan(90)
    expect(found).toEqual([])
  })

  it.each(methodNames)('%s rejects malformed input as a BAD_INPUT value with a Chinese message', async (method) => {
    for (const input of garbage) {
      // Methods without parameters accept null/undefined as "no input"; everything else must be refused.
      if (input === null && validInput[method] !== undefined && Object.keys(validInput[method] as object).length === 0) continue
      const r = await core.dispatch(method, input)
      if (input === null && r.ok) continue
      expect(r, `${method} ← ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      if (!r.ok) expect(r.error.message).toMatch(/请求参数有误/)
    }
  })

  it('names the field that is wrong', async () => {
    const r = await core.dispatch('grids.geojson', { tier: 4 })
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (!r.ok) expect(r.error.message).toContain('tier')
    const s = await core.dispatch('grids.search', { q: '   ' })
    expect(s).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('answers an unknown method with UNKNOWN_METHOD, and even prototype names are not methods', async () => {
    for (const m of ['grids.drop', 'toString', '__proto__', 'constructor', '']) {
      expect(await core.dispatch(m, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('turns an unexpected failure inside a handler into an INTERNAL value, never a throw', async () => {
    const { handlers, guard } = createCoreServices(core.store.db, testClock)
    const broken = createDispatcher(
      {
        ...handlers,
        'grids.summary': () => {
          throw new Error('disk on fire')
        }
      },
      guard
    )
    const r = await broken('grids.summary', {}, { internal: '测试' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    if (!r.ok) expect(r.error.message).toContain('数据未被修改')
  })
})

describe('HTTP bridge', () => {
  beforeAll(async () => {
    await core.seedDemoAccounts(demoPassword)
    token = await signIn(core, 'operator')
  })

  it('lists every method at GET /api', async () => {
    const res = await fetch(`${server.url}api`)
    const body = await res.json()
    expect(body.ok).toBe(true)
    expect(body.value.methods.map((m: { name: string }) => m.name).sort()).toEqual([...methodNames].sort())
  })

  it('answers POST /api/<method> with the same values as the dispatcher', async () => {
    const res = await post('grids.summary', '{}')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(await core.dispatch('grids.summary', {}))
    const empty = await post('grids.summary', '')
    expect((await empty.json()).ok).toBe(true)
  })

  it('turns malformed bodies, wrong verbs, unknown methods and unknown ids into error values', async () => {
    const cases: [Promise<Response>, number, string][] = [
      [post('grids.get', '{not json'), 400, 'BAD_INPUT'],
      [post('grids.get', '{"id":"七"}'), 400, 'BAD_INPUT'],
      [post('grids.get', '{"id":424242}'), 404, 'NOT_FOUND'],
      [post('no.such', '{}'), 404, 'UNKNOWN_METHOD'],
      [fetch(`${server.url}api/grids.summary`), 405, 'BAD_INPUT']
    ]
    for (const [request, status, code] of cases) {
      const res = await request
      expect(res.status).toBe(status)
      const body = await res.json()
      expect(body).toMatchObject({ ok: false, error: { code } })
      expect(typeof body.error.message).toBe('string')
    }
  })

  it('listens on loopback only and refuses requests naming another host', async () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' })
    // fetch() will not send a forged Host header, so use node:http directly (as a rebinding page would).
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api', headers: { host: 'evil.example' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
  })

  it('serves no file outside the renderer folder', async () => {
    const res = await fetch(`${server.url}..%2F..%2Fetc%2Fpasswd`)
    expect(await res.text()).not.toContain('root:')
  })
})
