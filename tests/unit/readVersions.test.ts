// The gap between a page's first reads and its change stream: which reads must be read again.
import { describe, expect, it } from 'vitest'
import { parseStamp, readVersions } from '../../electron/shared/readVersions'

const at = (version: number, feed = 'run1') => ({ feed, version })

describe('reads and the change stream’s opening', () => {
  it('reads again only what was read at a version older than the stream opened at', () => {
    const r = readVersions()
    expect(r.answered('issues.list', at(4))).toBe(false)
    expect(r.answered('units.all', at(5))).toBe(false)
    expect(r.answered('issues.list', at(5))).toBe(false)
    // A change (version 5) was committed between the first issues.list and the stream opening.
    expect(r.streamOpened(at(5))).toEqual(['issues.list'])
    // Once: a reopened stream reads everything again of itself.
    expect(r.streamOpened(at(9))).toEqual([])
  })

  it('after the stream opened, an answer from before its version is stale; one from after is not', () => {
    const r = readVersions()
    expect(r.streamOpened(at(7))).toEqual([])
    expect(r.answered('grids.summary', at(6))).toBe(true)
    expect(r.answered('grids.summary', at(7))).toBe(false)
    expect(r.answered('grids.summary', at(12))).toBe(false)
  })

  it('a restarted server is another run: its low versions are not stale, and its stream starts them', () => {
    const r = readVersions()
    r.streamOpened(at(40))
    expect(r.answered('issues.list', at(0, 'run2'))).toBe(false)
    r.streamOpened(at(0, 'run2'))
    expect(r.answered('issues.list', at(0, 'run2'))).toBe(false)
    expect(r.answered('issues.list', at(39))).toBe(false)
  })

  it('with no change at all, nothing is read twice; a malformed stamp is none', () => {
    const r = readVersions()
    for (const m of ['a', 'b', 'c']) r.answered(m, at(0))
    expect(r.streamOpened(at(0))).toEqual([])
    expect(parseStamp('run1.12')).toEqual(at(12))
    expect([parseStamp(null), parseStamp('12'), parseStamp('a.b'), parseStamp('x'.repeat(41) + '.1')]).toEqual([null, null, null, null])
  })
})
