// The words of the issue linkage: the state machine's refusals, the audit trail, the briefings and
// the screens all say them the same way. A new action's name
// goes here.
import type { IssueAction, IssueStatus } from './contract'

export const levelName: Record<1 | 2 | 3 | 4, string> = { 1: '村居', 2: '管理处', 3: '镇', 4: '区' }
export const statusName: Record<IssueStatus, string> = {
  reported: '待受理',
  accepted: '办理中',
  resolved: '待核查',
  closed: '已办结',
  suspended: '已挂起',
  merged: '已合并'
}
export const actionName: Record<'create' | IssueAction['type'] | 'absorb', string> = {
  create: '登记',
  accept: '受理',
  escalate: '上报上级',
  dispatch: '交办',
  return: '退回',
  cohandle: '协办',
  note: '协办意见',
  resolve: '办结',
  verify: '核查',
  supervise: '督办',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  suspend: '挂起',
  resume: '恢复',
  reopen: '重开',
  merge: '合并',
  /** Logged on the issue a duplicate was merged into. */
  absorb: '并入重复反映'
}

/** Where an issue came from (the intake form, filters, demo). */
export const issueSources = ['网格巡查', '驻点团队', '党员户联系', '报到党员', '12345热线', '信访', '来访'] as const
