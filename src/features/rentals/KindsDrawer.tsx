// 隐患类别: the town's list of fire-safety hazard kinds — counted by place (处) or by building (栋),
// whether a rectification needs a photo, in use or stopped. A kind with hazards can only be stopped.
import { useEffect, useState } from 'react'
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Select, Space, Switch } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useHazardKinds } from '../../api/rentals'
import { useWrite } from '../../api/write'

export function KindsDrawer({ open, onClose, editable }: { open: boolean; onClose: () => void; editable: boolean }) {
  const kinds = useHazardKinds()
  const save = useWrite('rentals.setKinds', { invalidates: 'everything' })
  const [form] = Form.useForm()
  const [problem, setProblem] = useState<string | null>(null)
  const { message } = App.useApp()
  useEffect(() => {
    if (open && kinds.data) form.setFieldsValue({ kinds: kinds.data })
  }, [open, kinds.data, form])
  const submit = async () => {
    const v = await form.validateFields()
    setProblem(null)
    try {
      await save.mutateAsync({ kinds: v.kinds })
      message.success('已保存隐患类别')
      onClose()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  return (
    <Drawer
      title="消防安全隐患类别"
      open={open}
      onClose={onClose}
      width={640}
      extra={
        editable && (
          <Button type="primary" onClick={submit} loading={save.isPending} data-testid="save-kinds">
            保存
          </Button>
        )
      }
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} disabled={!editable}>
        <Form.List name="kinds">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" className="rental-kind-row">
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, min: 2, max: 30, whitespace: true, message: '类别名称 2 至 30 个字' }]}>
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'countedBy']}>
                    <Select
                      style={{ width: 96 }}
                      options={[
                        { value: '处', label: '按处计' },
                        { value: '栋', label: '按栋计' }
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'photoRequired']} valuePropName="checked">
                    <Checkbox>整改须附照片</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'active']} valuePropName="checked">
                    <Switch checkedChildren="在用" unCheckedChildren="停用" />
                  </Form.Item>
                  {editable && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此类别" />}
                </Space>
              ))}
              {editable && (
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', countedBy: '处', photoRequired: true, active: true })}>
                  新增类别
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
      <p className="muted">已有隐患的类别只能停用，不能删除；停用后排查时不再列出，历年的进度表照旧统计。</p>
    </Drawer>
  )
}
