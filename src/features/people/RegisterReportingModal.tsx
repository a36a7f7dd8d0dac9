// 登记报到: a member reports at the village desk. The form takes what the receipt needs; the core
// checks it as it checks an imported row (ID checksum, phone, village, duplicates).
import { useWrite } from '../../api/write'
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select } from 'antd'
import { hukouKinds } from '../../../electron/shared/people'
import { useUndoMessage } from './undoMessage'
import dayjs from 'dayjs'
import { useVillages } from '../../api/people'
import { chinaToday } from '../../components/chinaDay'

export function RegisterReportingModal({ defaultVillageId, onClose }: { defaultVillageId?: number; onClose: () => void }) {
  const register = useWrite('reporting.register', { invalidates: 'everything' })
  const villages = useVillages()
  const [form] = Form.useForm()
  const undoable = useUndoMessage()
  const submit = async () => {
    const v = await form.validateFields()
    const village = villages.data?.find((x) => x.id === v.village)
    try {
      const r = await register.mutateAsync({
        name: v.name,
        gender: v.gender,
        idNumber: v.idNumber,
        phone: v.phone,
        hukou: v.hukou,
        workUnit: v.workUnit,
        partyBranch: v.partyBranch || undefined,
        village: village?.code ?? '',
        reportedAt: (v.reportedAt as dayjs.Dayjs).format('YYYY-MM-DD'),
        homeAddress: v.homeAddress || undefined,
        specialties: v.specialties || undefined,
        servicesClaimed: v.servicesClaimed || undefined,
        volunteerWishes: v.volunteerWishes || undefined
      })
      undoable(
        `${v.name}已登记报到。`,
        r.batchId,
        <>
          <Button type="link" size="small" href={`#/print/receipt/${r.reportingMemberId}`}>
            打印报到回执
          </Button>
          <Button type="link" size="small" href="#/placement">
            去编组
          </Button>
        </>
      )
      onClose()
    } catch {
      // shown from register.error
    }
  }
  return (
    <Modal title="登记报到党员" open width={640} onCancel={onClose} onOk={submit} okText="登记" confirmLoading={register.isPending} destroyOnHidden>
      {register.error && <Alert type="error" showIcon message={register.error.message} style={{ marginBottom: 12 }} data-testid="register-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reportedAt: chinaToday(), hukou: '佛山市户籍', village: defaultVillageId }}
        className="register-form"
      >
        <div className="form-row">
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="gender" label="性别">
            <Radio.Group options={['男', '女']} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, message: '请填写身份证号' }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="phone" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }]}>
            <Input maxLength={20} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="workUnit" label="工作单位" rules={[{ required: true, message: '请填写工作单位' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="partyBranch" label="所在党支部">
            <Input maxLength={60} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="village" label="报到村居" rules={[{ required: true, message: '请选择报到村居' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(villages.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="reportedAt" label="报到日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(chinaToday(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="hukou" label="户籍类型">
            <Select options={hukouKinds.map((x) => ({ value: x, label: x }))} />
          </Form.Item>
          <Form.Item name="homeAddress" label="住址">
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="specialties" label="专长">
            <Input maxLength={60} placeholder="如 医疗卫生" />
          </Form.Item>
          <Form.Item name="servicesClaimed" label="认领服务">
            <Input maxLength={60} placeholder="如 义诊服务" />
          </Form.Item>
        </div>
        <Form.Item name="volunteerWishes" label="志愿服务意向">
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
