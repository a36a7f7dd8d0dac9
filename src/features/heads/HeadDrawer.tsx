// One head: their term, the work recorded (problems solved — with the issue reported —, disputes
// mediated, activities), a form to record more, and the end of the term.
import { useState } from 'react'
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd'
import type { Dayjs } from 'dayjs'
import type { Output } from '../../../electron/shared/contract'
import { useCan } from '../../api/auth'
import { useHeadRecords } from '../../api/heads'
import { useWrite } from '../../api/write'
import { chinaToday } from '../../components/chinaDay'
import { contractRules } from '../../components/zodRule'

export type HeadRow = Output<'heads.list'>['rows'][number]

export function HeadDrawer({ head, onClose }: { head: HeadRow | null; onClose: () => void }) {
  const records = useHeadRecords(head?.id ?? null)
  const can = useCan()
  const record = useWrite('heads.record', { invalidates: 'everything' })
  const end = useWrite('heads.end', { invalidates: 'everything' })
  const [form] = Form.useForm()
  const kind = Form.useWatch('kind', form) as string | undefined
  const [problem, setProblem] = useState<string | null>(null)
  const { message } = App.useApp()
  const today = chinaToday()
  if (!head) return null
  const active = head.endedOn === null
  const submit = async () => {
    const v = await form.validateFields()
    setProblem(null)
    try {
      await record.mutateAsync({
        headId: head.id,
        kind: v.kind,
        date: (v.date as Dayjs).format('YYYY-MM-DD'),
        title: v.title,
        parties: v.kind === '调解纠纷' ? v.parties : undefined,
        outcome: v.kind === '调解纠纷' ? v.outcome : undefined,
        volunteers: v.kind === '社区活动' ? (v.volunteers ?? 0) : undefined,
        note: v.note?.trim() || undefined
      })
      message.success('已登记')
      form.resetFields(['title', 'parties', 'outcome', 'volunteers', 'note'])
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  const endTerm = async () => {
    try {
      await end.mutateAsync({ id: head.id, version: head.version, endedOn: today.format('YYYY-MM-DD') })
      message.success(`${head.name}已卸任`)
      onClose()
    } catch (e) {
      message.error((e as Error).message)
    }
  }
  return (
    <Drawer title={`${head.role} · ${head.name}`} open onClose={onClose} width={640} data-testid="head-drawer">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="负责">{head.area}</Descriptions.Item>
        <Descriptions.Item label="村居">{head.village}</Descriptions.Item>
        <Descriptions.Item label="三级网格">{head.tier3}</Descriptions.Item>
        <Descriptions.Item label="任期">
          {head.appointedOn} 至 {head.endedOn ?? '今'}
        </Descriptions.Item>
      </Descriptions>
      <h4 style={{ marginTop: 16 }}>工作记录</h4>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 8, showSizeChanger: false }}
        dataSource={records.data ?? []}
        loading={records.isLoading}
        locale={{ emptyText: '尚无记录' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 100 },
          { title: '类别', dataIndex: 'kind', width: 84, render: (k: string) => <Tag>{k}</Tag> },
          {
            title: '事项',
            dataIndex: 'title',
            render: (_: string, r: Output<'heads.records'>[number]) => (
              <span>
                {r.title}
                {r.parties && <span className="muted">（{r.parties}）</span>}
                {r.outcome && <Tag color={r.outcome === '调解成功' ? 'green' : 'orange'}>{r.outcome}</Tag>}
                {r.issueCode && <span className="muted"> 事件 {r.issueCode}</span>}
                {r.volunteers > 0 && <span className="muted"> 志愿者 {r.volunteers} 人次</span>}
              </span>
            )
          }
        ]}
        data-testid="head-records"
      />
      {can('people.write') && active && (
        <>
          <h4>登记工作</h4>
          {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 8 }} data-testid="head-record-error" />}
          <Form form={form} layout="vertical" initialValues={{ kind: '解决问题', date: today }}>
            <div className="form-row">
              <Form.Item name="kind" label="类别">
                <Select
                  style={{ width: 110 }}
                  options={['解决问题', '调解纠纷', '社区活动'].map((k) => ({ value: k, label: k }))}
                  data-testid="head-record-kind"
                />
              </Form.Item>
              <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
              </Form.Item>
            </div>
            <Form.Item name="title" label="事项" rules={contractRules('heads.record', 'title')}>
              <Input maxLength={100} data-testid="head-record-title" />
            </Form.Item>
            {kind === '调解纠纷' && (
              <div className="form-row">
                <Form.Item name="parties" label="纠纷双方" rules={[{ required: true, message: '请写明纠纷双方' }]}>
                  <Input maxLength={100} style={{ width: 260 }} data-testid="head-record-parties" />
                </Form.Item>
                <Form.Item name="outcome" label="调解结果" rules={[{ required: true, message: '请选择调解结果' }]}>
                  <Select
                    style={{ width: 120 }}
                    options={['调解成功', '未能调解', '转交办理'].map((k) => ({ value: k, label: k }))}
                    data-testid="head-record-outcome"
                  />
                </Form.Item>
              </div>
            )}
            {kind === '社区活动' && (
              <Form.Item name="volunteers" label="带动志愿者（人次）">
                <InputNumber min={0} max={10000} precision={0} />
              </Form.Item>
            )}
            <Space>
              <Button type="primary" onClick={submit} loading={record.isPending} data-testid="head-record-save">
                登记
              </Button>
              <Popconfirm title={`${head.name}今天卸任？`} okText="卸任" cancelText="取消" onConfirm={endTerm}>
                <Button danger>卸任</Button>
              </Popconfirm>
            </Space>
          </Form>
        </>
      )}
    </Drawer>
  )
}
