// 人员台账 → 新增: one person entered by hand. The core checks the entry as it checks an imported row
// (ID number and its check digit, already registered, village) and says what is wrong in Chinese.
import { useWrite } from '../../api/write'
import { Alert, Form, Input, Modal, Select, Switch } from 'antd'
import { hukouKinds } from '../../../electron/shared/people'
import { useUndoMessage } from './undoMessage'
import type { Input as CallInput } from '../../../electron/shared/contract'
import { VillageSelect } from './VillageSelect'

type Values = Omit<CallInput<'persons.create'>, 'isPartyMember'> & { isPartyMember?: boolean }

export function NewPersonModal({ villageUnitId, onClose, onCreated }: { villageUnitId?: number; onClose: () => void; onCreated: (id: number) => void }) {
  const create = useWrite('persons.create', { invalidates: 'everything' })
  const [form] = Form.useForm<Values>()
  const party = Form.useWatch('isPartyMember', form)
  const undoable = useUndoMessage()
  const submit = async () => {
    const v = await form.validateFields()
    const blank = (s?: string) => (s?.trim() ? s.trim() : undefined)
    try {
      const r = await create.mutateAsync({
        name: v.name,
        idNumber: v.idNumber,
        phone: blank(v.phone),
        hukou: v.hukou,
        isPartyMember: !!v.isPartyMember,
        partyRegistration: v.isPartyMember ? v.partyRegistration : undefined,
        partyBranch: v.isPartyMember ? blank(v.partyBranch) : undefined,
        villageUnitId: v.villageUnitId,
        homeAddress: blank(v.homeAddress),
        workUnit: blank(v.workUnit),
        specialties: blank(v.specialties)
      })
      undoable(`已新增：${v.name}。`, r.batchId)
      onCreated(r.id)
      onClose()
    } catch {
      // shown from create.error
    }
  }
  return (
    <Modal
      title="新增人员"
      open
      onCancel={onClose}
      onOk={submit}
      okText="新增"
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
      data-testid="new-person"
    >
      {create.error && <Alert type="error" showIcon message={create.error.message} style={{ marginBottom: 12 }} data-testid="new-person-error" />}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{ villageUnitId, hukou: '本镇户籍', isPartyMember: false, partyRegistration: '村居' }}
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, whitespace: true, message: '请填写身份证号' }]} extra="18 位；性别按身份证号">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="hukou" label="户籍类型" rules={[{ required: true, message: '请选择户籍类型' }]}>
          <Select options={hukouKinds.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="villageUnitId" label="居住村居" rules={[{ required: true, message: '请选择居住村居' }]}>
          <VillageSelect onChange={(id) => form.setFieldValue('villageUnitId', id)} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="homeAddress" label="住址">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="isPartyMember" label="党员" valuePropName="checked">
          <Switch />
        </Form.Item>
        {party && (
          <>
            <Form.Item name="partyRegistration" label="党组织关系">
              <Select options={['村居', '单位'].map((v) => ({ value: v, label: v }))} />
            </Form.Item>
            <Form.Item name="partyBranch" label="所在党支部">
              <Input maxLength={60} />
            </Form.Item>
          </>
        )}
        <Form.Item name="workUnit" label="工作单位">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="specialties" label="专长">
          <Input maxLength={60} placeholder="多个用顿号分隔" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
