// Each action of the linkage as its form: the fields the dialog asks for, and the action it sends.
// One entry per action type (the contract's IssueAction), so a new action is a type error here until
// it has its form, and the action sent is checked against the contract's shape.
import type { ReactNode } from 'react'
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import type { IssueAction, Output } from '../../../electron/shared/contract'
import { chinaToday } from '../../components/chinaDay'
import { actionLabel } from './labels'
import { MergeTargetSelect } from './MergeTargetSelect'

export type ActionType = IssueAction['type']
type Unit = Output<'units.all'>[number]
/** What a form can use: the issue, and the units above and below its holder. */
export type FormContext = { issue: Output<'issues.get'>; ancestors: Unit[]; children: Unit[]; units: Unit[] }
/** What the dialog's fields hold (each action's form fills the ones it asks for; its rules make them present). */
export type FormValues = {
  reason?: string
  toUnitId?: number
  deadline?: Dayjs
  note?: string
  result?: string
  approved?: boolean
  days?: number
  unitIds?: number[]
  intoId?: number
}

type ActionForm<T extends ActionType> = { fields: (ctx: FormContext) => ReactNode; toAction: (v: FormValues) => Extract<IssueAction, { type: T }> }

const text = (name: keyof FormValues, label: string, message: string, rows = 2) => (
  <Form.Item name={name} label={label} rules={[{ required: true, min: 2, message }]}>
    <Input.TextArea rows={rows} />
  </Form.Item>
)
const note = (label: string) => (
  <Form.Item name="note" label={label}>
    <Input.TextArea rows={2} />
  </Form.Item>
)
const deadlineField = (label: string) => (
  <Form.Item name="deadline" label={label}>
    <DatePicker disabledDate={(d) => d.isBefore(chinaToday(), 'day')} />
  </Form.Item>
)
/** A date chosen in the picker is a deadline at the end of that day. */
const endOfDay = (d?: Dayjs) => (d ? d.endOf('day').toISOString() : undefined)
const confirm = (type: 'accept' | 'resume') => () => <p>确定{actionLabel[type]}该事件？</p>
const reasonField = (type: 'return' | 'suspend' | 'reopen') => () => text('reason', `${actionLabel[type]}理由`, '请填写理由')
const decision = (verify: boolean) => () => (
  <>
    <Form.Item name="approved" label={verify ? '核查结论' : '审批'}>
      <Radio.Group
        options={[
          { value: true, label: verify ? '通过，办结' : '同意' },
          { value: false, label: verify ? '不通过，退回承办单位' : '不同意' }
        ]}
      />
    </Form.Item>
    {note('意见')}
  </>
)

export const actionForms: { [T in ActionType]: ActionForm<T> } = {
  accept: { fields: confirm('accept'), toAction: () => ({ type: 'accept' }) },
  resume: { fields: confirm('resume'), toAction: () => ({ type: 'resume' }) },
  escalate: {
    fields: ({ ancestors }) => (
      <>
        <Form.Item name="toUnitId" label="上报给">
          <Select placeholder={`默认：${ancestors[0]?.name ?? ''}`} allowClear options={ancestors.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        {text('reason', '上报理由', '请填写上报理由')}
      </>
    ),
    toAction: (v) => ({ type: 'escalate', reason: v.reason!, toUnitId: v.toUnitId })
  },
  dispatch: {
    fields: ({ children }) => (
      <>
        <Form.Item name="toUnitId" label="交办给" rules={[{ required: true, message: '请选择承办单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="输入名称筛选"
            options={children.map((u) => ({ value: u.id, label: u.name }))}
            data-testid="dispatch-target"
          />
        </Form.Item>
        {deadlineField('办理期限')}
        {note('交办意见')}
      </>
    ),
    toAction: (v) => ({ type: 'dispatch', toUnitId: v.toUnitId!, deadline: endOfDay(v.deadline), note: v.note })
  },
  return: { fields: reasonField('return'), toAction: (v) => ({ type: 'return', reason: v.reason! }) },
  suspend: { fields: reasonField('suspend'), toAction: (v) => ({ type: 'suspend', reason: v.reason! }) },
  reopen: { fields: reasonField('reopen'), toAction: (v) => ({ type: 'reopen', reason: v.reason! }) },
  resolve: { fields: () => text('result', '办理结果', '请填写办理结果', 3), toAction: (v) => ({ type: 'resolve', result: v.result! }) },
  verify: { fields: decision(true), toAction: (v) => ({ type: 'verify', approved: v.approved!, note: v.note ?? '' }) },
  decideExtension: { fields: decision(false), toAction: (v) => ({ type: 'decideExtension', approved: v.approved!, note: v.note }) },
  supervise: {
    fields: () => (
      <>
        {text('note', '督办意见', '请填写督办意见')}
        {deadlineField('新的期限（可不填）')}
      </>
    ),
    toAction: (v) => ({ type: 'supervise', note: v.note!, deadline: endOfDay(v.deadline) })
  },
  requestExtension: {
    fields: () => (
      <>
        <Form.Item name="days" label="延期天数">
          <InputNumber min={1} max={90} addonAfter="天" />
        </Form.Item>
        {text('reason', '延期理由', '请填写延期理由')}
      </>
    ),
    toAction: (v) => ({ type: 'requestExtension', days: v.days!, reason: v.reason! })
  },
  cohandle: {
    fields: ({ issue, units }) => (
      <>
        <Form.Item name="unitIds" label="协办单位" rules={[{ required: true, message: '请选择协办单位' }]}>
          <Select
            mode="multiple"
            options={units.filter((u) => u.id !== issue.holderUnitId && u.kind !== 'village').map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        {text('note', '协办事项', '请填写协办事项')}
      </>
    ),
    toAction: (v) => ({ type: 'cohandle', unitIds: v.unitIds!, note: v.note! })
  },
  note: { fields: () => text('note', '协办意见', '请填写意见'), toAction: (v) => ({ type: 'note', note: v.note! }) },
  merge: {
    fields: ({ issue }) => (
      <Form.Item name="intoId" label="合并到事件" rules={[{ required: true, message: '请选择要合并到的事件' }]}>
        <MergeTargetSelect issue={issue} />
      </Form.Item>
    ),
    toAction: (v) => ({ type: 'merge', intoId: v.intoId! })
  }
}
