// 储能联系: record a notice to the reserve contacts chosen (village and specialty from the table's
// filters), export the recipient list (the app sends no SMS), and keep answers and participation.
import { contractRules } from '../../components/zodRule'
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, App, Button, Checkbox, Drawer, Form, Input, List, Modal, Select, Table, Tag } from 'antd'
import { useNoticeAnswers, useReserveNotices } from '../../api/people'
import { saveFile } from '../../api/download'

export function SendNoticeModal({
  villageUnitId,
  specialty,
  count,
  onClose
}: {
  villageUnitId?: number
  specialty?: string
  count: number | null
  onClose: () => void
}) {
  const send = useWrite('reserve.sendNotice', { invalidates: 'everything' })
  const exporter = useWrite('people.export', { invalidates: 'nothing' })
  const [form] = Form.useForm()
  const { message } = App.useApp()
  const submit = async () => {
    const v = await form.validateFields()
    try {
      const r = await send.mutateAsync({ villageUnitId, specialty, subject: v.subject, content: v.content })
      message.success(`已记录通知，对象 ${r.recipients} 人`)
      saveFile(await exporter.mutateAsync({ registry: 'reserve', query: { villageUnitId, filters: specialty ? { specialty } : undefined } }))
      onClose()
    } catch {
      // shown from send.error
    }
  }
  return (
    <Modal title="发送储能联系通知" open onCancel={onClose} onOk={submit} okText="记录并导出名单" confirmLoading={send.isPending} destroyOnHidden>
      <p className="muted">
        对象：{villageUnitId ? '所选村居' : '全镇'}
        {specialty ? `、专长为“${specialty}”` : ''}的储能联系人，共 {count ?? '…'} 人。本系统不发送短信：记录通知后导出名单，由村居按名单发送。
      </p>
      {send.error && <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="subject" label="标题" rules={contractRules('reserve.sendNotice', 'subject')}>
          <Input maxLength={60} placeholder="如：邀请参加健康讲座志愿服务" />
        </Form.Item>
        <Form.Item name="content" label="内容" rules={contractRules('reserve.sendNotice', 'content')}>
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

export function NoticeHistory({ villageUnitId, open, onClose }: { villageUnitId?: number; open: boolean; onClose: () => void }) {
  const notices = useReserveNotices(villageUnitId)
  const [noticeId, setNoticeId] = useState<number | null>(null)
  const answers = useNoticeAnswers(noticeId)
  const answer = useWrite('reserve.answer', { invalidates: 'everything' })
  return (
    <Drawer title="储能联系通知记录" open={open} onClose={onClose} size={720} destroyOnHidden>
      {noticeId === null ? (
        <List
          loading={notices.isLoading}
          dataSource={notices.data ?? []}
          renderItem={(n) => (
            <List.Item
              actions={[
                <Button key="a" size="small" onClick={() => setNoticeId(n.id)}>
                  回复与参与
                </Button>
              ]}
            >
              <List.Item.Meta
                title={n.subject}
                description={`${n.sentAt.slice(0, 10)} · ${n.village ?? '全镇'}${n.specialty ? ` · ${n.specialty}` : ''} · 对象 ${n.recipients} 人 · 愿意参加 ${n.willing} · 不能参加 ${n.declined} · 实际参与 ${n.participated}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <>
          <Button onClick={() => setNoticeId(null)} style={{ marginBottom: 8 }}>
            ← 返回通知列表
          </Button>
          {answer.error && <Alert type="error" showIcon message={answer.error.message} />}
          <Table
            size="small"
            rowKey="id"
            loading={answers.isLoading}
            dataSource={answers.data ?? []}
            pagination={{ pageSize: 12, showSizeChanger: false }}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 80 },
              { title: '单位', dataIndex: 'unit' },
              { title: '专长', dataIndex: 'specialty', width: 90, render: (s: string | null) => s && <Tag>{s}</Tag> },
              {
                title: '回复',
                dataIndex: 'answer',
                width: 120,
                render: (v: '未回复' | '愿意参加' | '不能参加', r) => (
                  <Select
                    size="small"
                    value={v}
                    style={{ width: 110 }}
                    onChange={(a) => answer.mutate({ recipientId: r.id, answer: a, participated: r.participated })}
                    options={(['未回复', '愿意参加', '不能参加'] as const).map((x) => ({ value: x, label: x }))}
                  />
                )
              },
              {
                title: '参与',
                dataIndex: 'participated',
                width: 60,
                render: (v: boolean, r) => (
                  <Checkbox checked={v} onChange={(e) => answer.mutate({ recipientId: r.id, answer: r.answer, participated: e.target.checked })} />
                )
              }
            ]}
          />
        </>
      )}
    </Drawer>
  )
}
