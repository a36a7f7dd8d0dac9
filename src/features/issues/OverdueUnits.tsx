// 超期单位与约谈问责: units holding overdue issues, and the accountability records written against them.
import { contractRules } from '../../components/zodRule'
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, Button, Drawer, Form, Input, Modal, Radio, Table } from 'antd'
import { useAccountability, useOverdueUnits } from '../../api/issues'
import { formatTime } from './labels'
import { useCan } from '../../api/auth'

type Target = { unitId: number; unit: string }

export function OverdueUnits({ open, onClose }: { open: boolean; onClose: () => void }) {
  const units = useOverdueUnits(open)
  const records = useAccountability(open)
  const record = useWrite('accountability.record', { invalidates: 'everything' })
  const [target, setTarget] = useState<Target | null>(null)
  // Only the command centre records 约谈问责; a leader reads the units and the records.
  const canRecord = useCan()('issues.configure')
  const [form] = Form.useForm()
  const submit = async () => {
    const v = await form.validateFields()
    try {
      await record.mutateAsync({ unitId: target!.unitId, kind: v.kind, note: v.note })
      setTarget(null)
      form.resetFields()
    } catch {
      // shown from record.error
    }
  }
  return (
    <Drawer title="超期单位与约谈问责" open={open} onClose={onClose} size={720} destroyOnHidden data-testid="overdue-units">
      {units.error && <Alert type="error" showIcon message={units.error.message} />}
      <Table
        size="small"
        rowKey="unitId"
        loading={units.isLoading}
        dataSource={units.data ?? []}
        pagination={false}
        locale={{ emptyText: '没有超期的单位' }}
        columns={[
          { title: '单位', dataIndex: 'unit' },
          { title: '超期事件', dataIndex: 'overdue', width: 90 },
          { title: '最早期限', dataIndex: 'oldestDueAt', width: 150, render: formatTime },
          { title: '约谈问责', dataIndex: 'records', width: 90 },
          ...(canRecord
            ? [
                {
                  title: '',
                  width: 90,
                  render: (_: unknown, u: Target) => (
                    <Button size="small" onClick={() => setTarget(u)}>
                      约谈问责
                    </Button>
                  )
                }
              ]
            : [])
        ]}
      />
      <h4 className="drawer-section">约谈问责记录</h4>
      <Table
        size="small"
        rowKey="id"
        loading={records.isLoading}
        dataSource={records.data ?? []}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 140, render: formatTime },
          { title: '单位', dataIndex: 'unit', width: 140 },
          { title: '方式', dataIndex: 'kind', width: 60 },
          { title: '事由', dataIndex: 'note' },
          { title: '记录人', dataIndex: 'by', width: 110 }
        ]}
      />
      <Modal
        title={target ? `约谈问责：${target.unit}` : ''}
        open={target !== null}
        onCancel={() => setTarget(null)}
        onOk={submit}
        okText="记录"
        confirmLoading={record.isPending}
        destroyOnHidden
      >
        {record.error && <Alert type="error" showIcon message={record.error.message} style={{ marginBottom: 8 }} />}
        <Form form={form} layout="vertical" initialValues={{ kind: '约谈' }}>
          <Form.Item name="kind" label="方式">
            <Radio.Group options={['约谈', '问责', '通报']} />
          </Form.Item>
          <Form.Item name="note" label="事由" rules={contractRules('accountability.record', 'note')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  )
}
