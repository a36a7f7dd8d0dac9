// One issue: what, where, who holds it, its clock; the actions the acting unit may take now (each
// asks for what the linkage needs — reason, result, target, deadline); the hand-off timeline.
import { memo, useState } from 'react'
import { Alert, Button, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Spin, Tag, Timeline } from 'antd'
import dayjs from 'dayjs'
import { PrinterOutlined } from '@ant-design/icons'
import { useIssue, useUnits } from '../../api/issues'
import { useStoreWrite } from '../../api/people'
import { actionLabel, clockTag, formatTime, statusTag } from './labels'
import { IssuePhotos } from './IssuePhotos'
import { leaveIssueToOpen } from './openIssue'
import { MergeTargetSelect } from './MergeTargetSelect'
import { chinaToday } from '../../components/chinaDay'

type ActionType = string
/** Opens a print view; coming back, the issue screen opens this issue again. */
const printView = (path: string, issueId: number) => {
  leaveIssueToOpen(issueId)
  window.location.hash = `#/print/${path}`
}

export function IssuePanel({ id, actingUnitId, onOpen }: { id: number | null; actingUnitId: number | null; onOpen: (id: number) => void }) {
  const issue = useIssue(id, actingUnitId)
  const units = useUnits()
  const act = useStoreWrite('issues.act')
  const [open, setOpen] = useState<ActionType | null>(null)
  const [form] = Form.useForm()
  if (id === null) return <Empty description="在列表中选择一个事件" className="issue-empty" />
  if (issue.isLoading) return <Spin />
  if (issue.error) return <Alert type="error" showIcon message={issue.error.message} />
  const i = issue.data!
  const unitName = (uid: number | null) => (uid ? (units.data?.find((u) => u.id === uid)?.name ?? String(uid)) : '')
  const children = (units.data ?? []).filter((u) => u.parentId === i.holderUnitId)
  const ancestors: { id: number; name: string }[] = []
  for (let u = units.data?.find((x) => x.id === i.holderUnitId); u?.parentId;) {
    const p = units.data!.find((x) => x.id === u!.parentId)
    if (!p) break
    ancestors.push(p)
    u = p
  }

  const submit = async () => {
    const v = await form.validateFields()
    const action: Record<string, unknown> = { type: open }
    if (open === 'escalate') Object.assign(action, { reason: v.reason, toUnitId: v.toUnitId })
    if (open === 'dispatch')
      Object.assign(action, { toUnitId: v.toUnitId, deadline: v.deadline ? (v.deadline as dayjs.Dayjs).endOf('day').toISOString() : undefined, note: v.note })
    if (open === 'return' || open === 'suspend' || open === 'reopen') action.reason = v.reason
    if (open === 'resolve') action.result = v.result
    if (open === 'verify') Object.assign(action, { approved: v.approved, note: v.note ?? '' })
    if (open === 'supervise') Object.assign(action, { note: v.note, deadline: v.deadline ? (v.deadline as dayjs.Dayjs).endOf('day').toISOString() : undefined })
    if (open === 'requestExtension') Object.assign(action, { days: v.days, reason: v.reason })
    if (open === 'decideExtension') Object.assign(action, { approved: v.approved, note: v.note })
    if (open === 'cohandle') Object.assign(action, { unitIds: v.unitIds, note: v.note })
    if (open === 'note') action.note = v.note
    if (open === 'merge') Object.assign(action, { intoId: v.intoId })
    try {
      await act.mutateAsync({ id: i.id, version: i.version, actingUnitId: actingUnitId!, action: action as never })
      setOpen(null)
      form.resetFields()
    } catch {
      // shown in the dialog from act.error
    }
  }

  return (
    <div className={issue.isPlaceholderData ? 'issue-panel issue-panel-stale' : 'issue-panel'} data-testid="issue-panel" aria-busy={issue.isPlaceholderData}>
      <IssueSummary i={i} onOpen={onOpen} />
      {/* A role that handles no issues (the leader) sees no actions and no hint about them. */}
      {actingUnitId !== null && (
        <div className="issue-actions" data-testid="issue-actions">
          {i.actions.length === 0 ? (
            <span className="muted">{unitName(actingUnitId)}对此事件暂无可执行的动作</span>
          ) : (
            <Space wrap>
              {i.actions.map((a) => (
                <Button
                  key={a}
                  type={['accept', 'resolve', 'verify'].includes(a) ? 'primary' : 'default'}
                  onClick={() => (a === 'accept' || a === 'resume' ? (setOpen(a), form.resetFields(), void 0) : setOpen(a))}
                  data-testid={`action-${a}`}
                >
                  {actionLabel[a] ?? a}
                </Button>
              ))}
            </Space>
          )}
        </div>
      )}
      <IssueLog i={i} />
      {/* Made only when an action is chosen: a closed dialog still costs every panel redraw. */}
      {open !== null && (
        <Modal
          title={`${actionLabel[open]}：${i.code}`}
          open
          onCancel={() => setOpen(null)}
          onOk={submit}
          okText="确定"
          confirmLoading={act.isPending}
          destroyOnHidden
        >
          {act.error && <Alert type="error" showIcon message={act.error.message} style={{ marginBottom: 8 }} data-testid="action-error" />}
          <Form form={form} layout="vertical" initialValues={{ approved: true, days: 3 }}>
            {open === 'escalate' && (
              <>
                <Form.Item name="toUnitId" label="上报给">
                  <Select placeholder={`默认：${ancestors[0]?.name ?? ''}`} allowClear options={ancestors.map((u) => ({ value: u.id, label: u.name }))} />
                </Form.Item>
                <Form.Item name="reason" label="上报理由" rules={[{ required: true, min: 2, message: '请填写上报理由' }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
            {open === 'dispatch' && (
              <>
                <Form.Item name="toUnitId" label="交办给" rules={[{ required: true, message: '请选择承办单位' }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="输入名称筛选"
                    options={children.map((u) => ({ value: u.id, label: u.name }))}
                    data-testid="dispatch-target"
                  />
                </Form.Item>
                <Form.Item name="deadline" label="办理期限">
                  <DatePicker disabledDate={(d) => d.isBefore(chinaToday(), 'day')} />
                </Form.Item>
                <Form.Item name="note" label="交办意见">
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
            {(open === 'return' || open === 'suspend' || open === 'reopen') && (
              <Form.Item name="reason" label={`${actionLabel[open]}理由`} rules={[{ required: true, min: 2, message: '请填写理由' }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
            {open === 'resolve' && (
              <Form.Item name="result" label="办理结果" rules={[{ required: true, min: 2, message: '请填写办理结果' }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            )}
            {(open === 'verify' || open === 'decideExtension') && (
              <>
                <Form.Item name="approved" label={open === 'verify' ? '核查结论' : '审批'}>
                  <Radio.Group
                    options={[
                      { value: true, label: open === 'verify' ? '通过，办结' : '同意' },
                      { value: false, label: open === 'verify' ? '不通过，退回承办单位' : '不同意' }
                    ]}
                  />
                </Form.Item>
                <Form.Item name="note" label="意见">
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
            {open === 'supervise' && (
              <>
                <Form.Item name="note" label="督办意见" rules={[{ required: true, min: 2, message: '请填写督办意见' }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name="deadline" label="新的期限（可不填）">
                  <DatePicker disabledDate={(d) => d.isBefore(chinaToday(), 'day')} />
                </Form.Item>
              </>
            )}
            {open === 'requestExtension' && (
              <>
                <Form.Item name="days" label="延期天数">
                  <InputNumber min={1} max={90} addonAfter="天" />
                </Form.Item>
                <Form.Item name="reason" label="延期理由" rules={[{ required: true, min: 2, message: '请填写延期理由' }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
            {open === 'cohandle' && (
              <>
                <Form.Item name="unitIds" label="协办单位" rules={[{ required: true, message: '请选择协办单位' }]}>
                  <Select
                    mode="multiple"
                    options={(units.data ?? []).filter((u) => u.id !== i.holderUnitId && u.kind !== 'village').map((u) => ({ value: u.id, label: u.name }))}
                  />
                </Form.Item>
                <Form.Item name="note" label="协办事项" rules={[{ required: true, min: 2, message: '请填写协办事项' }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
            {open === 'note' && (
              <Form.Item name="note" label="协办意见" rules={[{ required: true, min: 2, message: '请填写意见' }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
            {open === 'merge' && (
              <Form.Item name="intoId" label="合并到事件" rules={[{ required: true, message: '请选择要合并到的事件' }]}>
                <MergeTargetSelect issue={i} />
              </Form.Item>
            )}
            {(open === 'accept' || open === 'resume') && <p>确定{actionLabel[open]}该事件？</p>}
          </Form>
        </Modal>
      )}
    </div>
  )
}

type Issue = NonNullable<ReturnType<typeof useIssue>['data']>

// What the issue is and where it stands; and its hand-off log. Memoised on the issue read: while
// the next issue chosen loads, the panel re-renders around them without redrawing them.
const IssueSummary = memo(function IssueSummary({ i, onOpen }: { i: Issue; onOpen: (id: number) => void }) {
  return (
    <>
      <div className="issue-head">
        <div className="issue-code">
          {i.code}
          <Button size="small" type="link" icon={<PrinterOutlined />} onClick={() => printView(`issue/${i.id}`, i.id)} data-testid="print-issue-sheet">
            流转单
          </Button>
        </div>
        <h3>{i.title}</h3>
        <Space wrap>
          {statusTag(i.status)}
          {clockTag(i.clock, i.dueAt)}
          {i.supervised > 0 && <Tag color="magenta">督办 {i.supervised} 次</Tag>}
          {i.extensionRequest && <Tag color="gold">延期待批：{i.extensionRequest.days} 天</Tag>}
        </Space>
      </div>
      {i.mergedInto && (
        <Alert
          type="info"
          showIcon
          message={`此反映与 ${i.mergedInto.code} 重复，已合并，由该事件继续办理`}
          action={
            <Button size="small" onClick={() => onOpen(i.mergedInto!.id)}>
              查看
            </Button>
          }
          style={{ marginBottom: 8 }}
          data-testid="merged-into"
        />
      )}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="承办单位">
          <strong data-testid="issue-holder">{i.holder}</strong>
        </Descriptions.Item>
        {i.waitingOn && (
          <Descriptions.Item label={`待${i.waitingOn.for}`}>
            <strong data-testid="issue-waiting-on">{i.waitingOn.unit}</strong>
            <span className="muted">（现由该单位办理下一步）</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="类别 / 紧急程度">
          {i.category} / {i.urgency}
        </Descriptions.Item>
        <Descriptions.Item label="来源">
          {i.source}
          {i.reporterName ? `（${i.reporterName}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="位置">
          {i.village} {[i.grids.tier2, i.grids.tier3].filter(Boolean).join(' · ')}
          {i.address ? ` · ${i.address}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="描述">{i.description}</Descriptions.Item>
      </Descriptions>
      <IssuePhotos photos={i.photos} />
    </>
  )
})

const IssueLog = memo(function IssueLog({ i }: { i: Issue }) {
  return (
    <>
      <h4 className="drawer-section">流转记录</h4>
      <Timeline
        className="issue-timeline"
        items={i.events.map((e) => ({
          color: e.action === 'escalate' ? 'red' : e.action === 'dispatch' ? 'blue' : e.action === 'verify' && e.statusAfter === 'closed' ? 'green' : 'gray',
          content: (
            <div>
              <div>
                <strong>{e.actionName}</strong>
                {e.fromUnit ? ` ${e.fromUnit}` : ''}
                {e.toUnit && e.toUnit !== e.fromUnit ? ` → ${e.toUnit}` : ''}
                <span className="muted"> {formatTime(e.at)}</span>
              </div>
              {e.note && <div className="muted">{e.note}</div>}
              {e.dueAt && ['create', 'dispatch', 'accept', 'supervise', 'decideExtension'].includes(e.action) && (
                <div className="muted">时限至 {formatTime(e.dueAt)}</div>
              )}
              {e.action === 'supervise' && (
                <Button
                  size="small"
                  type="link"
                  icon={<PrinterOutlined />}
                  className="timeline-link"
                  onClick={() => printView(`supervision/${e.id}`, i.id)}
                  data-testid="print-supervision"
                >
                  督办单
                </Button>
              )}
            </div>
          )
        }))}
      />
    </>
  )
})
