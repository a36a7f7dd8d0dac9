// A reporting member (报到党员): where they reported and were placed, the posts they claimed
// (领岗), the service they did, and the two printouts — the report receipt and the service record
// for the work unit (双管理).
import { contractRules } from '../../components/zodRule'
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd'
import { useCan } from '../../api/auth'
import { PrinterOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import { usePosts, useServices } from '../../api/people'
import { chinaToday } from '../../components/chinaDay'
import type { ReportingRow } from '../../../electron/shared/people'

export type { ReportingRow }

export function ReportingDrawer({ member, onClose, onPerson }: { member: ReportingRow | null; onClose: () => void; onPerson: (id: number) => void }) {
  // Claiming posts and recording service are for the roles that keep the registry.
  const canWrite = useCan()('people.write')
  const posts = usePosts(member?.villageUnitId ?? null)
  const services = useServices(member?.id ?? null)
  const claim = useWrite('posts.claim', { invalidates: 'everything' })
  const unclaim = useWrite('posts.unclaim', { invalidates: 'everything' })
  const record = useWrite('services.record', { invalidates: 'everything' })
  const [postId, setPostId] = useState<number | null>(null)
  const [form] = Form.useForm()
  const { message } = App.useApp()
  const mine = (posts.data ?? []).filter((p) => member && p.members?.split('、').includes(member.name))
  const error = claim.error ?? unclaim.error ?? record.error
  const saveService = async () => {
    const v = await form.validateFields()
    try {
      await record.mutateAsync({
        reportingMemberId: member!.id,
        date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD'),
        activity: v.activity,
        hours: v.hours,
        householdsVisited: v.householdsVisited ?? 0,
        note: v.note
      })
      message.success('已登记服务')
      form.resetFields(['activity', 'note'])
    } catch {
      // shown from record.error
    }
  }
  return (
    <Drawer
      title={member ? `报到党员：${member.name}` : ''}
      open={member !== null}
      onClose={onClose}
      size={600}
      destroyOnHidden
      data-testid="reporting-drawer"
      extra={
        member && (
          <Space>
            <Button icon={<PrinterOutlined />} href={`#/print/receipt/${member.id}`}>
              报到回执
            </Button>
            <Button icon={<PrinterOutlined />} href={`#/print/service/${member.id}`}>
              服务记录
            </Button>
          </Space>
        )
      }
    >
      {member && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="工作单位">{member.workUnit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="报到村居">
              {member.village}（{member.reportedAt}）
            </Descriptions.Item>
            <Descriptions.Item label="党小组">
              {member.group ? `${member.group}，组长 ${member.leader ?? '未定'}` : <Tag color="orange">未编组</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="认领服务">{member.servicesClaimed ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="专长">{member.specialties ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Button type="link" onClick={() => onPerson(member.personId)}>
            查看人员信息
          </Button>
          {error && <Alert type="error" showIcon message={error.message} style={{ margin: '8px 0' }} />}
          <h4 className="drawer-section">认领岗位（领岗）</h4>
          <Space wrap>
            {mine.map((p) => (
              <Tag
                key={p.id}
                closable={canWrite}
                onClose={(e) => (e.preventDefault(), void unclaim.mutateAsync({ postId: p.id, reportingMemberId: member.id }).catch(() => null))}
              >
                {p.name}
              </Tag>
            ))}
            {canWrite && (
              <Select
                style={{ width: 240 }}
                placeholder="选择本村居的岗位"
                value={postId ?? undefined}
                onChange={setPostId}
                options={(posts.data ?? [])
                  .filter((p) => !mine.includes(p))
                  .map((p) => ({ value: p.id, label: `${p.name}（${p.claimed}/${p.capacity}）`, disabled: p.claimed >= p.capacity }))}
                data-testid="post-select"
              />
            )}
            {canWrite && (
              <Button
                disabled={!postId}
                loading={claim.isPending}
                onClick={() =>
                  postId &&
                  claim.mutateAsync({ postId, reportingMemberId: member.id }).then(
                    () => setPostId(null),
                    () => null
                  )
                }
              >
                认领
              </Button>
            )}
          </Space>
          {canWrite && (
            <>
              <h4 className="drawer-section">登记服务</h4>
              <Form form={form} layout="inline" initialValues={{ date: chinaToday(), hours: 2 }} className="service-form">
                <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
                  <DatePicker disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
                </Form.Item>
                <Form.Item name="activity" rules={contractRules('services.record', 'activity')}>
                  <Input placeholder="服务内容，如 义诊" style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name="hours" rules={[{ required: true, message: '时长' }]}>
                  <InputNumber min={0.5} max={24} step={0.5} addonAfter="小时" style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name="householdsVisited">
                  <InputNumber min={0} max={1000} placeholder="走访户数" style={{ width: 100 }} />
                </Form.Item>
                <Button type="primary" onClick={saveService} loading={record.isPending}>
                  登记
                </Button>
              </Form>
            </>
          )}
          <h4 className="drawer-section">服务记录（共 {(services.data ?? []).reduce((s, x) => s + x.hours, 0)} 小时）</h4>
          <Table
            size="small"
            rowKey="id"
            loading={services.isLoading}
            dataSource={services.data ?? []}
            pagination={{ pageSize: 6, showSizeChanger: false }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 100 },
              { title: '服务内容', dataIndex: 'activity' },
              { title: '时长（小时）', dataIndex: 'hours', width: 100 },
              { title: '走访户数', dataIndex: 'householdsVisited', width: 90 }
            ]}
          />
        </>
      )}
    </Drawer>
  )
}
