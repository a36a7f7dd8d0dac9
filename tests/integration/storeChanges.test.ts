// What a change says and who hears it (issue 20): each write names its kinds and villages; a desk's
// event stream carries only the changes within its reach (a village clerk hears their village, an
// office clerk its villages, the town's roles everything); town-wide changes reach everyone; a stream
// ends with its session. Also the rule the renderer uses to pick which queries to refresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { startHttpServer, type RunningServer } from '../../electron/server/http'
import { showsChange, type StoreChange } from '../../electron/shared/storeChanges'
import { ok, signIn, tempDir, testCore } from '../support/core'
import { parseStamp, readVersions } from '../../electron/shared/readVersions'

let core: ReturnType<typeof testCore>
let server: RunningServer
const unitId = (name: string) => core.store.sqlite.prepare('select id from units where name = ?').pluck().get(name) as number
const issueIn = (village: string): Input<'issues.create'> => {
  const spot = core.store.sqlite
    .prepare('select label_lon lon, label_lat lat from grids where tier = 3 and village_unit_id = ? limit 1')
    .get(unitId(village)) as {
    lon: number
    lat: number
  }
  return { title: `${village}的事`, description: '范围测试登记', category: '环境卫生', urgency: '一般', source: '网格巡查', ...spot }
}

/** A session's event stream, collected as it comes. */
async function listen(token: string) {
  const controller = new AbortController()
  const res = await fetch(`${server.url}api/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal })
  expect(res.status).toBe(200)
  const heard: StoreChange[] = []
  let ended = false
  void (async () => {
    const reader = res.body!.getReader()
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += new TextDecoder().decode(value)
        for (let end; (end = buffer.indexOf('\n\n')) >= 0; buffer = buffer.slice(end + 2)) {
          const block = buffer.slice(0, end)
          const data = /^data: (.*)$/m.exec(block)
          if (/^event: change$/m.test(block) && data) heard.push(JSON.parse(data[1]) as StoreChange)
        }
      }
    } catch {
      // Aborted by the test.
    }
    ended = true
  })()
  return { heard, ended: () => ended, stop: () => controller.abort() }
}
const settle = () => new Promise((r) => setTimeout(r, 150))

beforeAll(async () => {
  core = testCore()
  await core.seedDemoAccounts('Shishan#2026')
  // A clerk of a village of another office.
  const clerk = await ok(core, 'accounts.create', { username: 'daxuecheng', displayName: '大学城专干', password: 'Daxue#2026ab' })
  await ok(core, 'accounts.setRole', { id: clerk.id, role: 'villageClerk', unitId: unitId('大学城社区') })
  await ok(core, 'accounts.resetPassword', { id: clerk.id, password: 'Daxue#2026ab' })
  core.store.sqlite.prepare("update accounts set password_changed_at = '2026-11-20T00:00:00.000Z' where id = ?").run(clerk.id)
  server = await startHttpServer({
    dispatch: core.dispatch,
    staticDir: tempDir(),
    port: 0,
    changes: core.changes,
    isValidToken: (t) => core.accounts.sessionOf(t) !== null,
    reachOf: core.reachOf
  })
}, 60_000)
afterAll(async () => {
  await server?.close()
  core?.close()
})

describe('changes by reach', () => {
  it('each desk hears the changes of its villages, the town hears all, town-wide changes reach everyone', async () => {
    const tingpu = await listen(await signIn(core, 'tingpu'))
    const guanyao = await listen(await signIn(core, 'guanyao'))
    const daxue = await listen(await signIn(core, 'daxuecheng', 'Daxue#2026ab'))
    const leader = await listen(await signIn(core, 'leader'))
    await settle()
    await ok(core, 'issues.create', issueIn('汀圃社区'))
    await ok(core, 'issues.create', issueIn('大学城社区'))
    await settle()
    const villages = (l: { heard: StoreChange[] }) => l.heard.map((c) => c.villageIds)
    expect(villages(tingpu)).toEqual([[unitId('汀圃社区')]])
    expect(villages(daxue)).toEqual([[unitId('大学城社区')]])
    expect(villages(guanyao)).toEqual([[unitId('汀圃社区')]])
    expect(villages(leader)).toEqual([[unitId('汀圃社区')], [unitId('大学城社区')]])
    expect(leader.heard.every((c) => c.kinds.join() === 'issues')).toBe(true)
    // A grid edited is town-wide: every desk hears it, as a change of grids.
    const grid = core.store.sqlite.prepare('select id, version from grids where tier = 1 limit 1').get() as { id: number; version: number }
    await ok(core, 'grids.update', { id: grid.id, version: grid.version, patch: { inspector: '范围测试' } })
    await settle()
    for (const l of [tingpu, guanyao, daxue, leader]) expect(l.heard[l.heard.length - 1]).toMatchObject({ kinds: ['grids'], villageIds: null })
    // An act on an issue is heard where the issue is.
    const issue = core.store.sqlite.prepare("select id, version, holder_unit_id holder from issues where title = '大学城社区的事'").get() as {
      id: number
      version: number
      holder: number
    }
    await ok(core, 'issues.act', { id: issue.id, version: issue.version, actingUnitId: issue.holder, action: { type: 'note', note: '补充' } })
    await settle()
    expect(tingpu.heard).toHaveLength(2)
    expect(daxue.heard[daxue.heard.length - 1]).toMatchObject({ kinds: ['issues'], villageIds: [unitId('大学城社区')] })
    for (const l of [tingpu, guanyao, daxue, leader]) l.stop()
  })

  it('a stream ends with its session', async () => {
    const token = await signIn(core, 'tingpu')
    const l = await listen(token)
    await core.dispatch('auth.logout', {}, { token })
    await ok(core, 'issues.create', issueIn('汀圃社区'))
    await settle()
    expect(l.heard).toEqual([])
    expect(l.ended()).toBe(true)
  })

  it('refreshes only the reads that show what changed', () => {
    const issues = { kinds: ['issues' as const] }
    expect(showsChange('issues.list', issues)).toBe(true)
    expect(showsChange('wall.summary', issues)).toBe(true)
    expect(showsChange('briefings.compose', issues)).toBe(true)
    expect(showsChange('persons.list', issues)).toBe(false)
    expect(showsChange('grids.tree', issues)).toBe(false)
    expect(showsChange('accounts.list', issues)).toBe(false)
    expect(showsChange('persons.list', { kinds: ['people'] })).toBe(true)
    expect(showsChange('issues.list', { kinds: ['grids'] })).toBe(true)
    // The wall's 三长制 figures follow a head appointed or a record made.
    expect(showsChange('wall.summary', { kinds: ['heads'] })).toBe(true)
    expect(showsChange('heads.mapMeasure', { kinds: ['heads'] })).toBe(true)
    // A post claimed or left changes the map's 设岗定责 shading and the wall's 领岗党员.
    expect(showsChange('posts.mapMeasure', { kinds: ['people'] })).toBe(true)
  })
})

describe('a change between a page’s first reads and its stream opening', () => {
  it('is not lost: the read is stamped older than the stream’s hello, so the page reads it again', async () => {
    const token = await signIn(core, 'operator')
    const call = (method: string, input: unknown) =>
      fetch(`${server.url}api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input)
      })
    const read = await call('issues.list', {})
    const stamp = parseStamp(read.headers.get('x-store-version'))
    expect(stamp).not.toBeNull()
    // Another desk registers an issue now, before this page's stream opens: nobody will announce it to the page.
    await ok(core, 'issues.create', { ...issueIn('汀圃社区'), reportingUnitId: unitId('汀圃社区') })
    const res = await fetch(`${server.url}api/events`, { headers: { authorization: `Bearer ${token}` } })
    const reader = res.body!.getReader()
    let text = ''
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value)
    await reader.cancel()
    const hello = JSON.parse(/^data: (.*)$/m.exec(text)![1]) as { version: number; feed: string }
    expect(hello).toEqual({ version: stamp!.version + 1, feed: stamp!.feed })
    // The page's rule (src/api/readStamps.ts): the list read before is read again.
    const versions = readVersions()
    versions.answered('issues.list', stamp!)
    expect(versions.streamOpened(hello)).toEqual(['issues.list'])
    // A read after the change is stamped with it: nothing to read again.
    expect(parseStamp((await call('issues.list', {})).headers.get('x-store-version'))).toEqual(hello)
  })
})
