// Briefing periods: the calendar week (Monday first, ISO week number), month, quarter and year that
// hold a day; the period before; and how changes and shares read on paper.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCalendarDay, periodOf, previousPeriod } from '../../electron/core/briefings/domain/briefingPeriod'
import { change, pct } from '../../electron/core/briefings/domain/briefingModel'

const kinds = ['周报', '月报', '季报', '年报'] as const

describe('briefing periods', () => {
  it('names the week, month, quarter and year of a day', () => {
    expect(periodOf('周报', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22', label: '2026年第47周（11月16日—11月22日）' })
    expect(periodOf('周报', '2026-01-01')).toMatchObject({ from: '2025-12-29', label: '2025年第53周（12月29日—1月4日）' })
    expect(periodOf('月报', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29', label: '2024年2月' })
    expect(periodOf('季报', '2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' })
    expect(periodOf('年报', '2026-05-01')).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026年' })
    expect(periodOf('专报', '2026-11-01', { from: '2026-11-01', to: '2026-11-15' }).label).toBe('2026年11月1日至11月15日')
  })

  it('always holds its day, and the period before ends the day before it starts', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.constantFrom(...kinds), (d, kind) => {
        const day = d.toISOString().slice(0, 10)
        const p = periodOf(kind, day)
        expect(p.from <= day && day <= p.to).toBe(true)
        const before = previousPeriod(kind, p)
        expect(new Date(`${before.to}T00:00:00Z`).getTime() + 86_400_000).toBe(new Date(`${p.from}T00:00:00Z`).getTime())
      }),
      { numRuns: 500 }
    )
  })

  it('knows a real calendar day', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true)
    expect(isCalendarDay('2026-02-29')).toBe(false)
    expect(isCalendarDay('2026-13-01')).toBe(false)
  })
})

describe('figures on paper', () => {
  it('reads changes and shares, and 无 where there is nothing to compare', () => {
    expect(change(120, 100)).toBe('增加20（+20.0%）')
    expect(change(90, 100)).toBe('减少10（-10.0%）')
    expect(change(5, 5)).toBe('持平')
    expect(change(3, 0)).toBe('上期无')
    expect(change(0, 0)).toBe('持平')
    expect(pct(0.98765)).toBe('98.8%')
    expect(pct(null)).toBe('无')
  })
})
