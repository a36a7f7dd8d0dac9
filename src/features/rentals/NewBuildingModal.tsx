// 登记出租屋: address, village, the point on the map (its tier-3 grid is found from it), the landlord
// from the people registry (shown masked, as everywhere), use, risk class, rooms let and tenants.
import { useState } from 'react'
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useIssuePlace } from '../../api/issues'
import { useMe } from '../../api/auth'
import { useVillages } from '../../api/people'
import { useWrite } from '../../api/write'
import { contractRules } from '../../components/zodRule'
import { PointPicker } from '../../components/PointPicker'
import { PickedPlace } from '../../components/PickedPlace'
import { VillageSelect } from '../people/VillageSelect'
import { PersonPicker } from '../people/PersonPicker'

export function NewBuildingModal({ onClose, defaultVillage }: { onClose: () => void; defaultVillage?: number }) {
  const me = useMe()
  const villages = useVillages()
  const create = useWrite('rentals.buildings.create', { invalidates: 'everything' })
  const [form] = Form.useForm()
  const villageUnitId = Form.useWatch('villageUnitId', form) as number | undefined
  const [point, setPoint] = useState<[number, number]>()
  const place = useIssuePlace(point)
  const [problem, setProblem] = useState<string | null>(null)
  const { message } = App.useApp()
  const frameCodes = me.scopeVillageIds && villages.data ? villages.data.map((v) => v.code) : undefined
  const submit = async () => {
    const v = await form.validateFields()
    setProblem(null)
    try {
      await create.mutateAsync({
        address: v.address,
        villageUnitId: v.villageUnitId,
        lon: point?.[0],
        lat: point?.[1],
        landlordPersonId: v.landlordPersonId,
        use: v.use,
        riskClass: v.riskClass,
        rentalRooms: v.rentalRooms,
        tenants: v.tenants
      })
      message.success(`已登记出租屋：${v.address}`)
      onClose()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  return (
    <Modal title="登记出租屋" open width={640} onCancel={onClose} onOk={submit} okText="登记" confirmLoading={create.isPending} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="new-rental-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ villageUnitId: defaultVillage ?? me.scopeVillageIds?.[0], use: '居住', riskClass: '低风险', rentalRooms: 1, tenants: 0 }}
      >
        <div className="form-row">
          <Form.Item name="address" label="地址" rules={contractRules('rentals.buildings.create', 'address')}>
            <Input maxLength={100} style={{ width: 300 }} data-testid="rental-address" />
          </Form.Item>
          <Form.Item name="villageUnitId" label="所在村居" rules={[{ required: true, message: '请选择村居' }]}>
            <VillageSelect onChange={(id) => form.setFieldValue('villageUnitId', id)} />
          </Form.Item>
        </div>
        <Form.Item label="位置（在地图上点选；所在的三级网格自动确定，可不选）">
          <PointPicker value={point} onChange={setPoint} frameCodes={frameCodes} />
          {point && <PickedPlace point={point} place={place} testId="rental-picked-place" />}
        </Form.Item>
        <div className="form-row">
          <Form.Item name="landlordPersonId" label="房东（从人员台账查找）">
            <PersonPicker villageUnitId={villageUnitId} onChange={(id) => form.setFieldValue('landlordPersonId', id)} testId="landlord-picker" />
          </Form.Item>
          <Form.Item name="use" label="用途">
            <Select style={{ width: 90 }} options={['居住', '生产', '混合'].map((u) => ({ value: u, label: u }))} />
          </Form.Item>
          <Form.Item name="riskClass" label="风险等级">
            <Select style={{ width: 100 }} options={['低风险', '中风险', '高风险'].map((u) => ({ value: u, label: u }))} data-testid="rental-risk" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="rentalRooms" label="出租间数" rules={[{ required: true, message: '请填写出租间数' }]}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
          <Form.Item name="tenants" label="在住租客（人）" rules={[{ required: true, message: '请填写租客人数' }]}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  )
}
