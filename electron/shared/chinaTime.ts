// China's days. Instants are stored as UTC ISO text (2026-02-28T23:00:00.000Z); every day, month and
// year a person sees or counts by is Asia/Shanghai's (UTC+8, no daylight saving): 07:00 on 1 March
// in Shishan is 23:00 on 28 February in UTC, and belongs to March. This is the one place that turns
// one into the other; SQL does the same with `date(at, '+8 hours')` (see chinaDateSql).
// Pure arithmetic on +08:00: no time-zone database is needed for a zone without daylight saving.

const OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const pad = (n: number, width = 2) => String(n).padStart(width, '0')
/** The instant moved so that its UTC fields read China's wall clock. */
const wall = (d: Date) => new Date(d.getTime() + OFFSET_MS)

/** The China date of an instant: 2026-03-01. */
export function chinaDate(d: Date): string {
  const w = wall(d)
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`
}
/** The China month of an instant: 2026-03. */
export const chinaMonth = (d: Date) => chinaDate(d).slice(0, 7)
/** The China year of an instant. */
export const chinaYear = (d: Date) => wall(d).getUTCFullYear()
/** China wall-clock time for people and file names: 2026-03-01 07:00. */
export function chinaDateTime(d: Date): string {
  const w = wall(d)
  return `${chinaDate(d)} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`
}
/** A stamp for file names, in China time: 20260301-070000. */
export function chinaStamp(d: Date): string {
  const w = wall(d)
  return `${chinaDate(d).replaceAll('-', '')}-${pad(w.getUTCHours())}${pad(w.getUTCMinutes())}${pad(w.getUTCSeconds())}`
}

/** Whether text is a day the calendar has, written YYYY-MM-DD (not 2026-02-30 or 2026-13-01). */
export const isCalendarDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)

/** The instant a China day (YYYY-MM-DD) begins, written as stored instants are (UTC ISO). */
export const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString()
/** The instant the China day after `day` begins: the exclusive end of a period that ends on `day`. */
export const dayEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + DAY_MS).toISOString()
/** A China day moved by `n` days. */
export const addDays = (day: string, n: number) => chinaDate(new Date(Date.parse(`${day}T12:00:00+08:00`) + n * DAY_MS))

/** SQL for the China date of a stored instant column. */
export const chinaDateSql = (column: string) => `date(${column}, '+8 hours')`
/** SQL for the China month (YYYY-MM) of a stored instant column. */
export const chinaMonthSql = (column: string) => `strftime('%Y-%m', ${column}, '+8 hours')`
