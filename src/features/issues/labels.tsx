// Words and tags for issue states, actions and clocks.
import { Tag } from 'antd'
import dayjs from 'dayjs'

/** A stored instant (UTC ISO) in the officer's local time. */
export const formatTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '')

export const statusName: Record<string, string> = { reported: '待受理', accepted: '办理中', resolved: '待核查', closed: '已办结', suspended: '已挂起', merged: '已合并' }
const statusColour: Record<string, string> = { reported: 'orange', accepted: 'blue', resolved: 'cyan', closed: 'green', suspended: 'default', merged: 'default' }
export const statusTag = (s: string) => <Tag color={statusColour[s]}>{statusName[s] ?? s}</Tag>

export const actionLabel: Record<string, string> = {
  accept: '受理',
  escalate: '上报上级',
  dispatch: '交办',
  return: '退回',
  cohandle: '请求协办',
  note: '协办意见',
  resolve: '办结',
  verify: '核查',
  supervise: '督办',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  suspend: '挂起',
  resume: '恢复',
  reopen: '重开',
  merge: '合并'
}

export const levelName: Record<number, string> = { 1: '村居', 2: '管理处', 3: '镇', 4: '区' }

export function clockTag(clock: 'green' | 'yellow' | 'red' | null, dueAt: string | null) {
  if (!clock || !dueAt) return null
  const when = formatTime(dueAt)
  return clock === 'red' ? <Tag color="red">已超期（{when}）</Tag> : clock === 'yellow' ? <Tag color="gold">临近期限（{when}）</Tag> : <Tag color="green">期限 {when}</Tag>
}
