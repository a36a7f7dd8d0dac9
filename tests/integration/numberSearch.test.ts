// Masked numbers stay masked under search. The lists show an ID number as 4406**********6839 and a
// phone as 138****6839; the read-only leader used to spell out the hidden digits by searching ever
// longer tails (59 calls for an ID number). Now a search by number may use the four characters
// shown or a whole number (a guess, counted and recorded), so two people who look the same in the
// lists stay indistinguishable to every search but an exact guess.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../electron/core/clock'
import type { Result } from '../../electron/shared/contract'
import { idCheckChar } from '../../electron/core/kernel/personalData'
import { WHOLE_NUMBER_SEARCHES } from '../../electron/core/api/guard'
import { demoPassword, ok, signIn, testCore } from '../support/core'

let now = Date.parse('2026-11-22T01:00:00Z')
const clock: Clock = { now: () => new Date(now) }
let core: ReturnType<typeof testCore>
let leader: string

/** Two ID numbers alike in all the mask shows (first four, last four), and unlike in between. */
function twinIds(): [string, string] {
  const a17 = '44060519850715003'
  const a = a17 + idCheckChar(a17)
  for (let day = 1; day <= 28; day++) {
    const b17 = `440605${1990}07${String(day).padStart(2, '0')}003`
    if (idCheckChar(b17) === a[17] && b17.slice(14) === a17.slice(14)) return [a, b17 + idCheckChar(b17)]
  }
  throw new Error('no twin found')
}
const [idA, idB] = twinIds()
const phoneA = '13811116839'
const phoneB = '13822226839'
const idC = (() => {
  const c17 = '44060519700101123'
  return c17 + idCheckChar(c17)
})()

type Page = { total: number; rows: { name: string; idNumber: string; phone: string }[] }
const search = (token: string, q: string) => core.dispatch('persons.list', { q, limit: 50 }, { token }) as Promise<Result<Page>>
const names = (r: Result<Page>) => (r.ok ? r.value.rows.map((p) => p.name).sort() : r.error.code)

beforeAll(async () => {
  core = testCore({ clock })
  const csv = [
    '姓名,身份证号,手机号码,户籍类型,居住村居',
    `孪生甲,${idA},${phoneA},非佛山户籍,汀圃社区`,
    `孪生乙,${idB},${phoneB},非佛山户籍,汀圃社区`,
    `对照丙,${idC},13900001234,本镇户籍,汀圃社区`
  ].join('\n')
  const report = await ok(core, 'people.import', {
    kind: 'persons',
    fileName: 'twins.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
    dryRun: false
  })
  expect(report).toMatchObject({ accepted: 3, rejected: [] })
  await core.seedDemoAccounts(demoPassword)
  leader = await signIn(core, 'leader')
})
afterAll(() => core.close())

describe('a search by number', () => {
  it('shows the twins exactly as alike as the search can tell them', async () => {
    const page = await ok(core, 'persons.list', { q: '孪生' })
    expect(page.rows.map((r) => r.idNumber)).toEqual([`4406${'*'.repeat(10)}${idA.slice(-4)}`, `4406${'*'.repeat(10)}${idB.slice(-4)}`])
    expect(page.rows.map((r) => r.phone)).toEqual(['138****6839', '138****6839'])
  })

  it('gives the attack of the report nothing past the four characters shown', async () => {
    // Extend the known tail one digit at a time, keeping a digit when the target is still found.
    let known = idA.slice(-4)
    let calls = 0
    const refused: string[] = []
    for (let length = 5; length <= 18; length++) {
      let extended = false
      for (const d of '0123456789') {
        const r = await search(leader, d + known)
        calls++
        if (!r.ok) refused.push(r.error.code)
        if (r.ok && r.value.rows.some((p) => p.name === '孪生甲')) {
          known = d + known
          extended = true
          break
        }
      }
      if (!extended) break
    }
    expect(known).toBe(idA.slice(-4))
    expect(calls).toBe(10)
    expect(new Set(refused)).toEqual(new Set(['BAD_INPUT']))
    const message = await search(leader, `9${idA.slice(-4)}`)
    if (!message.ok) expect(message.error.message).toMatch(/末 4 位，或完整的身份证号/)
  })

  it('finds both twins or neither for any query but an exact guess of one number (property)', async () => {
    const pieces = [idA, idB, phoneA, phoneB, idC, '6839', '4406', '138', '0715', '1985', '1111', '2222', '孪生', '甲', ' ', '０', 'X', '+86']
    const query = fc.oneof(
      fc.stringMatching(/^[0-9X]{1,20}$/),
      fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 3 }).map((p) => p.join('')),
      fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 2 }).chain((p) => fc.nat(18).map((n) => p.join('').slice(n))),
      fc.string({ maxLength: 20 })
    )
    const guesses = new Set([idA, idB, phoneA, phoneB, `+86${phoneA}`, `+86${phoneB}`])
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        now += 60_000 // a guess a minute: within the allowance, which has its own test below
        const r = await search(leader, q)
        if (!r.ok) {
          expect(r.error.code).toBe('BAD_INPUT')
          return
        }
        const found = r.value.rows.map((p) => p.name)
        const a = found.includes('孪生甲')
        const b = found.includes('孪生乙')
        const exact = guesses.has(q.replace(/[\s\u3000]/g, '').replace(/０/g, '0'))
        if (!exact) expect(a, `“${q}” told the twins apart`).toBe(b)
      }),
      { numRuns: 200, seed: 17 }
    )
  })

  it('finds one person by a whole number, however it is typed', async () => {
    expect(names(await search(leader, idA))).toEqual(['孪生甲'])
    expect(names(await search(leader, idA.toLowerCase()))).toEqual(['孪生甲'])
    expect(names(await search(leader, `+86 ${phoneB.slice(0, 3)} ${phoneB.slice(3, 7)} ${phoneB.slice(7)}`))).toEqual(['孪生乙'])
    expect(names(await search(leader, '１３８２２２２６８３９'))).toEqual(['孪生乙'])
    expect(names(await search(leader, idA.slice(-4)))).toEqual(['孪生乙', '孪生甲'])
    expect(names(await search(leader, '孪生'))).toEqual(['孪生乙', '孪生甲'])
    const wrongCheck = await search(leader, idA.slice(0, 17) + (idA[17] === '1' ? '2' : '1'))
    expect(wrongCheck).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it(`allows ${WHOLE_NUMBER_SEARCHES.limit} whole numbers in ${WHOLE_NUMBER_SEARCHES.minutes} minutes per account, then refuses even a right one`, async () => {
    now += 60 * 60_000
    const organiser = await signIn(core, 'organiser')
    for (let i = 0; i < WHOLE_NUMBER_SEARCHES.limit; i++) expect((await search(organiser, `1380000${String(i).padStart(4, '0')}`)).ok).toBe(true)
    const refused = await search(organiser, idA)
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/过于频繁/)
    // Names and the shown tail go on; another account has its own allowance; the window passes.
    expect(names(await search(organiser, '孪生'))).toEqual(['孪生乙', '孪生甲'])
    expect(names(await search(organiser, '6839'))).toEqual(['孪生乙', '孪生甲'])
    expect(names(await search(await signIn(core, 'operator'), idA))).toEqual(['孪生甲'])
    const exportRefused = await core.dispatch('people.export', { registry: 'persons', query: { q: idB } }, { token: organiser })
    expect(exportRefused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    now += WHOLE_NUMBER_SEARCHES.minutes * 60_000
    expect(names(await search(organiser, idA))).toEqual(['孪生甲'])
  })

  it('records every search by a whole number, masked, and never keeps a whole number in the trail', async () => {
    const rows = core.store.sqlite.prepare("select outcome, detail from audit_events where action in ('persons.list', 'people.export')").all() as {
      outcome: string
      detail: string
    }[]
    expect(rows.filter((r) => r.outcome === 'ok').length).toBeGreaterThan(WHOLE_NUMBER_SEARCHES.limit)
    expect(rows.filter((r) => r.outcome === 'denied').length).toBeGreaterThanOrEqual(2)
    expect(rows.some((r) => r.detail.includes(`4406**********${idA.slice(-4)}`))).toBe(true)
    const trail =
      (core.store.sqlite
        .prepare("select group_concat(coalesce(username, '') || detail || coalesce(before, '') || coalesce(after, ''), '|') from audit_events")
        .pluck()
        .get() as string) ?? ''
    for (const whole of [idA, idB, phoneA, phoneB]) expect(trail).not.toContain(whole)
    // A name or the tail the lists show is an ordinary read, not recorded.
    const before = core.store.sqlite.prepare('select count(*) from audit_events').pluck().get()
    await search(leader, '对照')
    await search(leader, '1234')
    expect(core.store.sqlite.prepare('select count(*) from audit_events').pluck().get()).toBe(before)
  })
})
