// An issued briefing is true as of its period's end: the town's November briefing written on
// 2 December counts what stood on 30 November (a member placed on 2 December was still waiting),
// lists every issue overdue or supervised then (stating how many, not stopping at 30), and says the
// same number of overdue issues in 四级联动运行 as in 重点问题与督办.
import type { Input } from '../../electron/shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../electron/core/clock'
import { dayEnd } from '../../electron/shared/chinaTime'
import { KEY_ISSUES_LISTED } from '../../electron/core/briefings/briefings'
import { ok, testCoreWithPeople } from '../support/core'

let now = Date.parse('2026-12-02T09:00:00+08:00')
const clock: Clock = { now: () => new Date(now) }
let core: ReturnType<typeof testCoreWithPeople>
const compose = (input: Input<'briefings.compose'>) => ok(core, 'briefings.compose', input)
const november = () => compose({ kind: '月报', anchor: '2026-11-01' })

beforeAll(() => {
  core = testCoreWithPeople({ clock })
})
afterAll(() => core.close())

/** Replays the hand-off log up to an instant, in JS: which issues were open and overdue or supervised then. */
function keyIssuesByReplay(at: string) {
  const events = core.store.sqlite
    .prepare("select issue_id issue, action, status_after status, due_at due from issue_events where at < ? and action <> 'absorb' order by issue_id, id")
    .all(at) as { issue: number; action: string; status: string; due: string | null }[]
  const state = new Map<number, { status: string; due: string | null; supervised: number }>()
  for (const e of events) {
    const s = state.get(e.issue) ?? { status: '', due: null, supervised: 0 }
    state.set(e.issue, { status: e.status, due: e.due, supervised: s.supervised + (e.action === 'supervise' ? 1 : 0) })
  }
  const open = [...state.values()].filter((s) => ['reported', 'accepted', 'resolved', 'suspended'].includes(s.status))
  const overdue = open.filter((s) => s.status !== 'suspended' && s.due !== null && s.due < at)
  return { overdue: overdue.length, total: open.filter((s) => (s.status !== 'suspended' && s.due !== null && s.due < at) || s.supervised > 0).length }
}

describe('a briefing as of its period end', () => {
  it('counts members placed after the period as still waiting', async () => {
    const before = await november()
    const member = core.store.sqlite
      .prepare('select r.id, r.version, r.village_unit_id v from reporting_members r where r.group_grid_id is null order by r.id limit 1')
      .get() as { id: number; version: number; v: number }
    const group = core.store.sqlite.prepare('select id from grids where tier = 3 and village_unit_id = ? limit 1').pluck().get(member.v) as number
    await ok(core, 'placement.assign', { memberId: member.id, version: member.version, groupGridId: group })
    const after = await november()
    expect(after.figures.placedMembers).toBe(before.figures.placedMembers)
    const reporting = after.sections.find((s) => s.key === 'reporting')!.paragraphs.join('')
    expect(reporting).toContain(`截至11月30日`)
    expect(reporting).toContain(`已编入党小组${before.figures.placedMembers}名`)
    // December's own special briefing, written the same day, counts the member as placed.
    const december = await compose({ kind: '专报', from: '2026-12-01', to: '2026-12-02' })
    expect(december.figures.placedMembers).toBe(before.figures.placedMembers! + 1)
  })

  it('lists every issue overdue or supervised at the end, states how many, and counts overdue alike in both sections', async () => {
    const doc = await november()
    const replay = keyIssuesByReplay(dayEnd('2026-11-30'))
    expect(doc.figures.keyIssues).toBe(replay.total)
    expect(doc.figures.overdue).toBe(replay.overdue)
    const key = doc.sections.find((s) => s.key === 'keyIssues')!
    expect(key.paragraphs[0]).toContain(`仍有超期或督办中的问题${replay.total}件（其中超期${replay.overdue}件）`)
    expect(key.tables[0].rows).toHaveLength(Math.min(replay.total, KEY_ISSUES_LISTED))
    if (replay.total > KEY_ISSUES_LISTED) expect(key.tables[0].caption).toContain(`共${replay.total}件，列出超期最久的${KEY_ISSUES_LISTED}件`)
    const linkage = doc.sections.find((s) => s.key === 'linkage')!.paragraphs.join('')
    expect(linkage).toContain(`期末仍超期${replay.overdue}件`)
    // An issue that went overdue after 30 November does not change November's figures.
    now = Date.parse('2026-12-20T09:00:00+08:00')
    expect((await november()).figures).toEqual(doc.figures)
  })

  it('names its party members as the wall does, with the same count', async () => {
    const doc = await compose({ kind: '专报', from: '2026-12-01', to: '2026-12-20' })
    const wall = await ok(core, 'wall.summary')
    expect(doc.figures.partyMembers).toBe(wall.tiles.partyMembers)
    expect(doc.sections.find((s) => s.key === 'overview')!.paragraphs.join('')).toContain(`注册党员${wall.tiles.partyMembers}名`)
  })

  it('says the day its stocks were counted: today while the period runs', async () => {
    now = Date.parse('2026-11-22T09:00:00+08:00')
    const doc = await november()
    for (const key of ['reporting', 'keyIssues']) expect(doc.sections.find((s) => s.key === key)!.paragraphs[0]).toMatch(/^截至11月22日/)
  })
})
