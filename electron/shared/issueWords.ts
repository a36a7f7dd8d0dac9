// The words of the issue linkage, shared by the state machine (its refusals) and the screens.
import type { IssueAction, IssueStatus } from '../core/issues/contract'

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

/** Specialties of reporting members and reserve contacts (filters, map, demo). */
export const specialties = [
  '医疗卫生',
  '法律咨询',
  '教育培训',
  '规划建设',
  '财务会计',
  '心理咨询',
  '文体活动',
  '信息技术',
  '消防安全',
  '环境保护',
  '农业技术',
  '社会工作'
]

/** Where an issue came from (the intake form, filters, demo). */
export const issueSources = ['网格巡查', '驻点团队', '党员户联系', '报到党员', '12345热线', '信访', '来访'] as const
