// Words and tags for issue states, actions and clocks.
import { Tag } from 'antd'
import * as words from '../../../electron/core/issues/words'
import { formatTime } from '../../components/chinaDay'

// Keyed loosely: the screens look up values that arrive from the store as plain strings and numbers.
export const statusName: Record<string, string> = words.statusName
export const levelName: Record<number, string> = words.levelName
export const issueSources = words.issueSources

export { formatTime }

const statusColour: Record<string, string> = {
  reported: 'orange',
  accepted: 'blue',
  resolved: 'cyan',
  closed: 'green',
  suspended: 'default',
  merged: 'default'
}
export const statusTag = (s: string) => <Tag color={statusColour[s]}>{statusName[s] ?? s}</Tag>

// 请求协办 reads better on a button than the log's 协办.
export const actionLabel: Record<string, string> = { ...words.actionName, cohandle: '请求协办' }

export function clockTag(clock: 'green' | 'yellow' | 'red' | null, dueAt: string | null) {
  if (!clock || !dueAt) return null
  const when = formatTime(dueAt)
  return clock === 'red' ? (
    <Tag color="red">已超期（{when}）</Tag>
  ) : clock === 'yellow' ? (
    <Tag color="gold">临近期限（{when}）</Tag>
  ) : (
    <Tag color="green">期限 {when}</Tag>
  )
}

const HOUR = 3_600_000
/** How long until the deadline, or how long past it: 剩 5 小时 · 超期 2 天 (whole units, rounded down). */
export function timeLeftText(dueAt: string, now: number): string {
  const ms = Date.parse(dueAt) - now
  const span = Math.abs(ms)
  const amount =
    span < HOUR
      ? `${Math.max(1, Math.floor(span / 60_000))} 分钟`
      : span < 48 * HOUR
        ? `${Math.floor(span / HOUR)} 小时`
        : `${Math.floor(span / (24 * HOUR))} 天`
  return ms < 0 ? `超期 ${amount}` : `剩 ${amount}`
}
