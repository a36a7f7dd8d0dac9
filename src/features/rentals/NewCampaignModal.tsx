// 新建专项整治: a name, a period and the villages it covers (none chosen: the whole town).
import { useState } from 'react'
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useVillages } from '../../api/people'
import { useWrite } from '../../api/write'
import { contractRules } from '../../components/zodRule'

export function NewCampaignModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const villages = useVillages()
  const create = useWrite('rentals.campaigns.create', { invalidates: ['rentals.campaigns'] })
  const [form] = Form.useForm()
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async () => {
    const v = await form.validateFields()
    setProblem(null)
    try {
      const [from, to] = v.period as [Dayjs, Dayjs]
      const r = await create.mutateAsync({
        name: v.name,
        startsOn: from.format('YYYY-MM-DD'),
        endsOn: to.format('YYYY-MM-DD'),
        villageIds: v.villageIds?.length ? v.villageIds : undefined
      })
      onCreated(r.id)
      onClose()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  return (
    <Modal title="新建专项整治" open onCancel={onClose} onOk={submit} okText="建立" confirmLoading={create.isPending} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="行动名称" rules={contractRules('rentals.campaigns.create', 'name')}>
          <Input maxLength={60} placeholder="如：2026年冬季出租屋消防安全专项整治" data-testid="campaign-name" />
        </Form.Item>
        <Form.Item name="period" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker data-testid="campaign-new-period" />
        </Form.Item>
        <Form.Item name="villageIds" label="范围（不选即全镇）">
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
