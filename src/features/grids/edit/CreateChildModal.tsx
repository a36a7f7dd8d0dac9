import { Alert, App, Form, Modal } from 'antd'
import type { Output, Tier } from '../../../../electron/shared/contract'
import { useApiMutation } from '../../../api/mutations'
import { changedFields, GridFormFields, type GridFormValues } from './GridForm'
import { tierLabel } from '../labels'

type Grid = Output<'grids.get'>

export function CreateChildModal({
  parent,
  open,
  onClose,
  onCreated
}: {
  parent: Grid
  open: boolean
  onClose: () => void
  onCreated: (id: number, tier: Tier) => void
}) {
  const tier = (parent.tier + 1) as Tier
  const [form] = Form.useForm<GridFormValues>()
  const create = useApiMutation('grids.create')
  const { message } = App.useApp()
  const save = async () => {
    const values = changedFields({}, await form.validateFields())
    create.mutate(
      { tier, parentId: parent.id, name: values.name!, kind: values.kind!, ...values },
      {
        onSuccess: ({ id }) => {
          message.success(`已新建“${values.name}”，请在地图上绘制其边界`)
          onCreated(id, tier)
          onClose()
        }
      }
    )
  }
  return (
    <Modal
      title={`在“${parent.name}”下新建${tierLabel[tier]}`}
      open={open}
      onOk={save}
      onCancel={onClose}
      okText="新建"
      confirmLoading={create.isPending}
      destroyOnHidden
      width={520}
    >
      {create.error && <Alert type="error" showIcon message={create.error.message} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{ kind: tier === 2 ? '经济社' : '党小组', households: 0, registeredPopulation: 0, nonHukouPopulation: 0 }}
        data-testid="create-grid-form"
      >
        <GridFormFields tier={tier} codeOptional />
      </Form>
    </Modal>
  )
}
