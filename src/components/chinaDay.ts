// China's days on screen, whatever time zone the PC is set to (a town's PCs are on China time, a
// test browser or a misconfigured PC may not be): stored instants shown in China time, and "today"
// for pickers and defaults as China's calendar day. The arithmetic is electron/shared/chinaTime.ts.
import dayjs, { type Dayjs } from 'dayjs'
import { chinaDate, chinaDateTime } from '../../electron/shared/chinaTime'

/** Today in China, as a calendar day for pickers (a day value, not an instant). */
export const chinaToday = (): Dayjs => dayjs(chinaDate(new Date()))
/** A stored instant (UTC ISO) as China time: 2026-03-01 07:00. */
export const formatTime = (iso: string | null | undefined) => (iso ? chinaDateTime(new Date(iso)) : '')
/** A calendar day (YYYY-MM-DD) as it stands, or a stored instant as its China day. */
export const dayOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDate(new Date(value)))
