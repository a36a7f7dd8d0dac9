// The wall's figures on the demo town (the same as stats.kpis), and how the wall hears about changes:
// the core's change feed fires on writes only, and browser mode streams it as server-sent events.
import type { Input } from '../../electron/shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { startHttpServer } from '../../electron/server/http'
import { ok, signIn, tempDir, testCoreWithPeople } from '../support/core'

let core: Core
const one = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
beforeAll(() => {
  core = testCoreWithPeople()
})
afterAll(() => core.close())
const spot = () => one<{ lon: number; lat: number }>('select label_lon lon, label_lat lat from grids where tier = 3 order by id limit 1')
const newIssue = (): Input<'issues.create'> => ({
  title: '大屏测试',
  description: '大屏测试登记的问题',
  category: '环境卫生',
  urgency: '一般',
  source: '网格巡查',
  ...spot()
})

describe('wall figures', () => {
  it('count the town and agree with stats.kpis for the year', async () => {
    const w = await ok(core, 'wall.summary', {})
    const k = await ok(core, 'stats.kpis', { from: '2026-01-01', to: '2026-12-31' })
    expect(w.tiles).toMatchObject({
      tier1: 84,
      tier2: 600,
      tier3: 1400,
      residentTeams: 73,
      reportingMembers: 1900,
      reserveContacts: 6065,
      collectedThisYear: k.collected,
      resolvedThisYear: k.resolved,
      resolutionRate: k.resolutionRate
    })
    expect(w.flow.reduce((s, f) => s + f.resolvedThisYear, 0)).toBe(k.resolved)
    expect(w.flow.reduce((s, f) => s + f.heldNow, 0)).toBe(w.tiles.openIssues)
    expect(w.trend).toHaveLength(12)
    expect(w.newest).toHaveLength(8)
    const m = await ok(core, 'wall.measure', { measure: 'open' })
    expect(m.values.reduce((s, v) => s + v.value, 0)).toBe(
      one<{ n: number }>("select count(*) n from issues where status in ('reported', 'accepted', 'resolved', 'suspended') and tier3_grid_id is not null").n
    )
  })
})

describe('change feed', () => {
  it('fires after a write, not after a read or a refused call', async () => {
    const seen: number[] = []
    const stop = core.changes.subscribe((c) => seen.push(c.version))
    await ok(core, 'wall.summary', {})
    await core.dispatch('issues.create', { ...newIssue(), category: '不存在的类别' })
    expect(seen).toEqual([])
    await ok(core, 'issues.create', newIssue())
    expect(seen).toHaveLength(1)
    stop()
    await ok(core, 'issues.create', newIssue())
    expect(seen).toHaveLength(1)
  })

  it('streams as server-sent events in browser mode', async () => {
    const server = await startHttpServer({
      dispatch: core.dispatch,
      staticDir: tempDir(),
      port: 0,
      changes: core.changes,
      isValidToken: (t) => core.accounts.sessionOf(t) !== null
    })
    try {
      // Without a session the stream is refused; a token in the URL is no credential (it would land in logs).
      expect((await fetch(`${server.url}api/events`)).status).toBe(401)
      const token = await signIn(core, 'leader')
      expect((await fetch(`${server.url}api/events?token=${token}`)).status).toBe(401)
      expect((await fetch(`${server.url}api/events?ticket=forged-ticket-forged-ticket`)).status).toBe(401)
      // A one-time ticket, taken with the session (an EventSource cannot send headers): it opens one stream.
      const ticketOf = async () =>
        (
          (await (await fetch(`${server.url}api/events/ticket`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as {
            value: { ticket: string }
          }
        ).value.ticket
      expect((await fetch(`${server.url}api/events/ticket`, { method: 'POST' })).status).toBe(401)
      const ticket = await ticketOf()
      const controller = new AbortController()
      const res = await fetch(`${server.url}api/events?ticket=${ticket}`, { signal: controller.signal })
      expect((await fetch(`${server.url}api/events?ticket=${ticket}`)).status).toBe(401)
      expect(res.headers.get('content-type')).toContain('text/event-stream')
      const reader = res.body!.getReader()
      const next = async () => new TextDecoder().decode((await reader.read()).value)
      const first = await next()
      expect(first).toMatch(/event: hello\ndata: \{"version":\d+,"feed":"[\w-]+"\}/)
      const version = Number(/"version":(\d+)/.exec(first)![1])
      await ok(core, 'issues.create', newIssue())
      const change = await next()
      expect(change).toContain('event: change')
      expect(change).toContain(`"version":${version + 1}`)
      expect(change).toContain('"kinds":["issues"]')
      controller.abort()
    } finally {
      await server.close()
    }
  })
})
