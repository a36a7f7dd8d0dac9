// Which days a briefing covers, how its period is named on paper, and the period before it (for the
// change column). Dates are calendar days (YYYY-MM-DD), inclusive.
import type { BriefingDocument } from '../../../shared/briefing'
import { addDays, isCalendarDay } from '../../../shared/chinaTime'

type Kind = BriefingDocument['kind']
export type Period = { from: string; to: string; label: string }

// Calendar arithmetic on UTC midnights: a day's UTC fields are its calendar fields.
const pad = (n: number) => String(n).padStart(2, '0')
const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`)
const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`
const quarterNames = ['一', '二', '三', '四']

/** The period of a briefing of `kind` that contains `anchor`; 专报 takes its own from/to. */
export function periodOf(kind: Kind, anchor: string, custom?: { from: string; to: string }): Period {
  const a = utc(anchor)
  const y = a.getUTCFullYear()
  const m = a.getUTCMonth()
  if (kind === '周报') {
    const from = addDays(anchor, -((a.getUTCDay() + 6) % 7)) // Monday
    const to = addDays(from, 6)
    const jan4 = utc(`${from.slice(0, 4)}-01-04`)
    const week1 = addDays(day(jan4), -((jan4.getUTCDay() + 6) % 7))
    const week = Math.floor((utc(from).getTime() - utc(week1).getTime()) / (7 * 86_400_000)) + 1
    return { from, to, label: `${from.slice(0, 4)}年第${week}周（${md(from)}—${md(to)}）` }
  }
  if (kind === '月报') return { from: day(new Date(Date.UTC(y, m, 1))), to: day(new Date(Date.UTC(y, m + 1, 0))), label: `${y}年${m + 1}月` }
  if (kind === '季报') {
    const q = Math.floor(m / 3)
    return { from: day(new Date(Date.UTC(y, q * 3, 1))), to: day(new Date(Date.UTC(y, q * 3 + 3, 0))), label: `${y}年第${quarterNames[q]}季度` }
  }
  if (kind === '年报') return { from: `${y}-01-01`, to: `${y}-12-31`, label: `${y}年` }
  const from = custom?.from ?? anchor
  const to = custom?.to ?? anchor
  return {
    from,
    to,
    label:
      from.slice(0, 4) === to.slice(0, 4) ? `${from.slice(0, 4)}年${md(from)}至${md(to)}` : `${from.slice(0, 4)}年${md(from)}至${to.slice(0, 4)}年${md(to)}`
  }
}

/** The period just before, of the same length (the same kind for calendar kinds). */
export function previousPeriod(kind: Kind, p: Period): Period {
  if (kind === '专报') {
    const days = Math.round((utc(p.to).getTime() - utc(p.from).getTime()) / 86_400_000) + 1
    return periodOf('专报', p.from, { from: addDays(p.from, -days), to: addDays(p.from, -1) })
  }
  return periodOf(kind, addDays(p.from, -1))
}

export { isCalendarDay }
