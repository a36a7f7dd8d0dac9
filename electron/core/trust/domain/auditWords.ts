// The audit trail in words an auditor reads: the operation with its object (事件交办 SS-2026-001242
// 狮山镇 → 官窑社会管理处) and the details as labelled Chinese lines, worked out when the trail is
// read from what each row stores (the rows and their hash chain stay exactly as written). Pure:
// names come in through `AuditLookup`.
import { actionName as issueActionName } from '../../issues/words'

export type AuditLookup = {
  unit: (id: number) => string | undefined
  issueCode: (id: number) => string | undefined
  grid: (id: number) => string | undefined
  /** A person's name, masked as lists show it (张*明). */
  person: (id: number) => string | undefined
  briefing: (id: number) => string | undefined
  account: (id: number) => string | undefined
}
export type AuditStored = { action: string; target: string | null; detail: string | null; after: string | null }
export type AuditWords = { operation: string; object: string | null; details: { label: string; value: string }[] }

/** Field names as the screens call them. */
const fieldLabel: Record<string, string> = {
  id: '记录',
  title: '标题',
  description: '描述',
  category: '类别',
  urgency: '紧急程度',
  source: '来源',
  reason: '理由',
  note: '意见',
  result: '办理结果',
  deadline: '期限',
  days: '天数',
  approve: '同意',
  villageUnitId: '村居',
  actingUnitId: '办理单位',
  reportingUnitId: '上报单位',
  toUnitId: '目标单位',
  unitId: '单位',
  unitIds: '协办单位',
  scopeUnitId: '范围',
  officeId: '管理处',
  holderUnitId: '承办单位',
  version: '版本',
  action: '动作',
  type: '类型',
  status: '状态',
  code: '编号',
  username: '账号',
  displayName: '姓名',
  role: '角色',
  enabled: '启用',
  patch: '修改内容',
  phone: '手机号码',
  idNumber: '身份证号',
  name: '名称',
  kind: '类别',
  date: '日期',
  q: '查询',
  filters: '筛选',
  sort: '排序',
  offset: '起始行',
  limit: '行数',
  gridId: '网格',
  parentId: '上级网格',
  tier: '层级',
  personId: '人员',
  householdId: '家庭户',
  teamId: '驻点团队',
  memberId: '成员',
  reportingMemberId: '报到党员',
  postId: '岗位',
  noticeId: '通知',
  recipientId: '接收人',
  batchId: '批次',
  batches: '变更批次',
  changedRows: '变更行数',
  from: '起始日期',
  to: '截止日期',
  anchor: '期间',
  sections: '正文',
  fileName: '文件名',
  dryRun: '仅预检',
  what: '打印内容',
  target: '对象',
  measure: '指标',
  registry: '台账',
  answer: '回复',
  participated: '已参加',
  subject: '主题',
  content: '内容',
  contactIds: '联系人',
  file: '文件',
  confirm: '确认',
  password: '密码',
  currentPassword: '原密码',
  newPassword: '新密码',
  intoId: '合并到',
  inspector: '巡查员',
  capacity: '容量',
  activity: '活动',
  hours: '时长',
  reportedAt: '报到日期',
  workUnit: '工作单位',
  village: '村居',
  contactPersonId: '联系党员',
  groupGridId: '党小组',
  memberIds: '党员'
}
/** Own entries only: a stored key such as `constructor` or `__proto__` is a name like any other. */
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined)
const label = (key: string) => own(fieldLabel, key) ?? key
const issueWord = (type: unknown) => (typeof type === 'string' ? own(issueActionName as Record<string, string>, type) : undefined)

const unitKeys = new Set(['villageUnitId', 'actingUnitId', 'reportingUnitId', 'toUnitId', 'unitId', 'scopeUnitId', 'officeId', 'holderUnitId'])

function parse(text: string | null): unknown {
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {})
const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined)

/** One value in words: units by name, an issue action by its word, yes/no, lists joined; long text cut. */
function valueText(key: string, v: unknown, look: AuditLookup): string {
  if (v === null || v === undefined) return '—'
  if (unitKeys.has(key) && num(v) !== undefined) return look.unit(v as number) ?? `单位 ${v}`
  if (key === 'unitIds' && Array.isArray(v)) return v.map((u) => (num(u) !== undefined ? (look.unit(u) ?? `单位 ${u}`) : String(u))).join('、')
  if (key === 'action' && typeof v === 'object') return actionText(record(v), look)
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (Array.isArray(v))
    return v.length === 0
      ? '无'
      : v
          .map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)))
          .join('、')
          .slice(0, 200)
  if (typeof v === 'object')
    return Object.entries(record(v))
      .map(([k, x]) => `${label(k)}：${valueText(k, x, look)}`)
      .join('；')
      .slice(0, 300)
  const s = String(v)
  return s.length > 200 ? `${s.slice(0, 200)}…` : s
}

function actionText(action: Record<string, unknown>, look: AuditLookup): string {
  const word = issueWord(action.type) ?? String(action.type)
  const rest = Object.entries(action).filter(([k]) => k !== 'type')
  return rest.length ? `${word}（${rest.map(([k, x]) => `${label(k)}：${valueText(k, x, look)}`).join('；')}）` : word
}

/** The record a call was about, named: an issue by its code, a unit, grid or briefing by name, a person masked. */
function objectOf(method: string, input: Record<string, unknown>, after: Record<string, unknown>, target: string | null, look: AuditLookup): string | null {
  const feature = method.split('.')[0]
  // The record named by the call, or the one it created.
  const id = num(input.id) ?? num(after.id)
  if (feature === 'issues' && id !== undefined) return look.issueCode(id) ?? `事件 ${id}`
  if (feature === 'grids' && id !== undefined) return look.grid(id) ?? `网格 ${id}`
  if (feature === 'persons' && id !== undefined) return look.person(id) ?? `人员 ${id}`
  if (feature === 'briefings' && id !== undefined) return look.briefing(id) ?? `简报 ${id}`
  if (feature === 'accounts' && id !== undefined) return look.account(id) ?? `账号 ${id}`
  if (num(input.gridId) !== undefined) return look.grid(input.gridId as number) ?? `网格 ${input.gridId}`
  if (num(input.personId) !== undefined) return look.person(input.personId as number) ?? `人员 ${input.personId}`
  for (const k of ['villageUnitId', 'scopeUnitId', 'unitId']) if (num(input[k]) !== undefined) return look.unit(input[k] as number) ?? `单位 ${input[k]}`
  if (target?.startsWith('account:')) return look.account(Number(target.slice('account:'.length))) ?? target
  return target
}

export function describeAudit(row: AuditStored, methodName: (action: string) => string, look: AuditLookup): AuditWords {
  const detail = record(parse(row.detail))
  const input = record(detail.input)
  const after = record(parse(row.after))
  let operation = methodName(row.action)
  let object = objectOf(row.action, input, after, row.target, look)
  // A hand-off in the linkage: the action's own word, and where the issue went.
  if (row.action === 'issues.act') {
    operation = `事件${issueWord(record(input.action).type) ?? ''}`
    const from = num(input.actingUnitId)
    const to = num(after.holderUnitId)
    if (from !== undefined && to !== undefined && to !== from) object = `${object ?? ''} ${look.unit(from) ?? from} → ${look.unit(to) ?? to}`
    else if (from !== undefined) object = `${object ?? ''}（${look.unit(from) ?? from}）`
  } else if (row.action === 'issues.create' && num(after.holderUnitId) !== undefined) {
    object = `${object ?? ''} → ${look.unit(after.holderUnitId as number) ?? after.holderUnitId}`
  }
  const details: AuditWords['details'] = []
  if (typeof detail.reason === 'string') details.push({ label: '原因', value: detail.reason })
  for (const [k, v] of Object.entries(input)) if (!['version', 'offset', 'limit'].includes(k)) details.push({ label: label(k), value: valueText(k, v, look) })
  if (typeof detail.changedRows === 'number' && detail.changedRows > 0) details.push({ label: '变更行数', value: String(detail.changedRows) })
  else if (typeof detail.changedRows === 'string') details.push({ label: '变更行数', value: detail.changedRows })
  for (const [k, v] of Object.entries(detail))
    if (!['input', 'reason', 'batches', 'changedRows'].includes(k)) details.push({ label: label(k), value: valueText(k, v, look) })
  return { operation, object: object?.trim() || null, details }
}

/** The methods (and issue actions) an operation word names, for the trail's filter: 交办 → issues.act with type dispatch. */
export function actionsNamed(word: string, methods: readonly string[], methodName: (action: string) => string): { methods: string[]; issueActions: string[] } {
  const w = word.trim()
  const issueActions = Object.entries(issueActionName)
    .filter(([, name]) => `事件${name}`.includes(w) || (w.length >= 2 && name.includes(w.replace(/^事件/, ''))))
    .map(([type]) => type)
  // Words as they stand in the name; failing that, in order with others between (查看完整 → 查看一名人员的完整证件号和电话).
  let named = methods.filter((m) => methodName(m).includes(w))
  if (named.length === 0 && issueActions.length === 0) named = methods.filter((m) => inOrder(w, methodName(m)))
  return { methods: named, issueActions }
}

const inOrder = (word: string, text: string) => {
  let at = 0
  for (const ch of word) {
    at = text.indexOf(ch, at)
    if (at < 0) return false
    at++
  }
  return true
}
