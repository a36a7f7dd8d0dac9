// One issue: what, where, who holds it, its clock; the actions the acting unit may take now (each
// asks for what the linkage needs — reason, result, target, deadline); the hand-off timeline.
import { useWrite } from '../../api/write'
import { memo, useState } from 'react'
import { Alert, Button, Descriptions, Empty, Form, Modal, Space, Spin, Tag, Timeline } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useIssue, useUnits } from '../../api/issues'
import { actionLabel, clockTag, formatTime, statusTag } from './labels'
import { IssuePhotos } from './IssuePhotos'
import { leaveIssueToOpen } from './openIssue'
import { actionForms, type ActionType, type FormValues } from './actionForms'

/** Opens a print view; coming back, the issue screen opens this issue again. */
const printView = (path: string, issueId: number) => {
  leaveIssueToOpen(issueId)
  window.location.hash = `#/print/${path}`
}

export function IssuePanel({ id, actingUnitId, onOpen }: { id: number | null; actingUnitId: number | null; onOpen: (id: number) => void }) {
  const issue = useIssue(id, actingUnitId)
  const units = useUnits()
  const act = useWrite('issues.act', { invalidates: 'everything' })
  const [open, setOpen] = useState<ActionType | null>(null)
  const [form] = Form.useForm()
  if (id === null) return <Empty description="在列表中选择一个事件" className="issue-empty" />
  if (issue.isLoading) return <Spin />
  if (issue.error) return <Alert type="error" showIcon message={issue.error.message} />
  const i = issue.data!
  const unitName = (uid: number | null) => (uid ? (units.data?.find((u) => u.id === uid)?.name ?? String(uid)) : '')
  const children = (units.data ?? []).filter((u) => u.parentId === i.holderUnitId)
  const ancestors: typeof children = []
  for (let u = units.data?.find((x) => x.id === i.holderUnitId); u?.parentId;) {
    const p = units.data!.find((x) => x.id === u!.parentId)
    if (!p) break
    ancestors.push(p)
    u = p
  }

  const submit = async () => {
    if (open === null) return
    const action = actionForms[open].toAction((await form.validateFields()) as FormValues)
    try {
      await act.mutateAsync({ id: i.id, version: i.version, actingUnitId: actingUnitId!, action })
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
            {actionForms[open].fields({ issue: i, ancestors, children, units: units.data ?? [] })}
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
