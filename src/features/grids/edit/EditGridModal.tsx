import { Alert, App, Form, Modal } from 'antd'
import type { Output } from '../../../../electron/shared/contract'
import { useApiMutation } from '../../../api/mutations'
import { changedFields, GridFormFields, type GridFormValues } from './GridForm'

type Grid = Output<'grids.get'>

export function EditGridModal({ grid, open, onClose }: { grid: Grid; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<GridFormValues>()
  const update = useApiMutation('grids.update')
  const { message } = App.useApp()
  const save = async () => {
    const values = await form.validateFields()
    const patch = changedFields(grid as unknown as Record<string, unknown>, values)
    if (Object.keys(patch).length === 0) return onClose()
    update.mutate(
      { id: grid.id, version: grid.version, patch },
      {
        onSuccess: () => {
          message.success(`已保存“${values.name}”`)
          onClose()
        }
      }
    )
  }
  return (
    <Modal
      title={`编辑网格：${grid.name}`}
      open={open}
      onOk={save}
      onCancel={onClose}
      okText="保存"
      confirmLoading={update.isPending}
      destroyOnHidden
      width={520}
    >
      {update.error && <Alert type="error" showIcon message={update.error.message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }} initialValues={grid} data-testid="edit-grid-form">
        <GridFormFields tier={grid.tier} />
      </Form>
    </Modal>
  )
}
