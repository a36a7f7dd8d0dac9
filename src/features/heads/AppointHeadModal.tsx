// 任命三长: a resident of the village (from the people registry), the tier-3 area, 楼长/巷长/街长, the
// building, lane or street headed, and the day of appointment.
import { useState } from 'react'
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMe } from '../../api/auth'
import { useVillageTier3 } from '../../api/heads'
import { useWrite } from '../../api/write'
import { chinaToday } from '../../components/chinaDay'
import { contractRules } from '../../components/zodRule'
import { VillageSelect } from '../people/VillageSelect'
import { PersonPicker } from '../people/PersonPicker'

export function AppointHeadModal({ onClose, defaultVillage }: { onClose: () => void; defaultVillage?: number }) {
  const me = useMe()
  const appoint = useWrite('heads.appoint', { invalidates: 'everything' })
  const [form] = Form.useForm()
  const villageUnitId = Form.useWatch('villageUnitId', form) as number | undefined
  const areas = useVillageTier3(villageUnitId)
  const [problem, setProblem] = useState<string | null>(null)
  const { message } = App.useApp()
  const today = chinaToday()
  const submit = async () => {
    const v = await form.validateFields()
    setProblem(null)
    try {
      await appoint.mutateAsync({
        personId: v.personId,
        tier3GridId: v.tier3GridId,
        role: v.role,
        area: v.area,
        appointedOn: (v.appointedOn as Dayjs).format('YYYY-MM-DD')
      })
      message.success(`已任命${v.role}：${v.area}`)
      onClose()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  return (
    <Modal title="任命三长" open width={600} onCancel={onClose} onOk={submit} okText="任命" confirmLoading={appoint.isPending} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="appoint-error" />}
      <Form form={form} layout="vertical" initialValues={{ villageUnitId: defaultVillage ?? me.scopeVillageIds?.[0], role: '楼长', appointedOn: today }}>
        <div className="form-row">
          <Form.Item name="villageUnitId" label="村居" rules={[{ required: true, message: '请选择村居' }]}>
            <VillageSelect onChange={(id) => (form.setFieldValue('villageUnitId', id), form.setFieldValue('tier3GridId', undefined))} />
          </Form.Item>
          <Form.Item name="role" label="类别">
            <Select style={{ width: 100 }} options={['楼长', '巷长', '街长'].map((r) => ({ value: r, label: r }))} data-testid="head-role" />
          </Form.Item>
        </div>
        <Form.Item name="personId" label="本人（从人员台账查找本村居居民）" rules={[{ required: true, message: '请选择人员' }]}>
          <PersonPicker villageUnitId={villageUnitId} onChange={(id) => form.setFieldValue('personId', id)} testId="head-person" />
        </Form.Item>
        <Form.Item name="tier3GridId" label="所在三级网格" rules={[{ required: true, message: '请选择三级网格' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={areas.map((a) => ({ value: a.id, label: a.label }))} data-testid="head-area-grid" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="area" label="负责的楼栋、巷或街" rules={contractRules('heads.appoint', 'area')}>
            <Input maxLength={60} placeholder="如：兴业路 8 号楼" style={{ width: 260 }} data-testid="head-area" />
          </Form.Item>
          <Form.Item name="appointedOn" label="任命日期" rules={[{ required: true, message: '请选择任命日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  )
}
