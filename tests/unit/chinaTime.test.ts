import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, chinaDate, chinaDateTime, chinaMonth, chinaStamp, chinaYear, dayEnd, dayStart, isCalendarDay } from '../../electron/shared/chinaTime'

const china = (s: string) => new Date(`${s}+08:00`)

describe('China time', () => {
  it('reads the China day, month and year at 00:30, 07:00 and 23:30', () => {
    expect(chinaDate(china('2026-03-01T00:30:00'))).toBe('2026-03-01')
    expect(chinaDate(china('2026-03-01T07:00:00'))).toBe('2026-03-01')
    expect(chinaDate(china('2026-02-28T23:30:00'))).toBe('2026-02-28')
    expect(chinaMonth(china('2026-03-01T07:00:00'))).toBe('2026-03')
    expect(chinaYear(china('2027-01-01T07:00:00'))).toBe(2027)
    expect(chinaDateTime(new Date('2026-02-28T23:00:00Z'))).toBe('2026-03-01 07:00')
    expect(chinaStamp(new Date('2026-02-28T23:00:05Z'))).toBe('20260301-070005')
  })
  it('bounds a China day by the instants that start it and the next', () => {
    expect(dayStart('2026-03-01')).toBe('2026-02-28T16:00:00.000Z')
    expect(dayEnd('2026-03-01')).toBe('2026-03-01T16:00:00.000Z')
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const day = chinaDate(d)
        expect(dayStart(day) <= d.toISOString()).toBe(true)
        expect(d.toISOString() < dayEnd(day)).toBe(true)
        expect(addDays(day, 1)).toBe(chinaDate(new Date(dayEnd(day))))
      })
    )
  })
  it('moves calendar days across months and years, and knows which days exist', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -30)).toBe('2026-01-30')
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-1', '20260101', '']) expect(isCalendarDay(bad), bad).toBe(false)
    expect(isCalendarDay('2024-02-29')).toBe(true)
  })
})
