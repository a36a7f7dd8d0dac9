// 排查登记: one visit to a building — the day, who went, and each hazard found (kind, deadline, a
// note, photos). A visit that found nothing is recorded too. The core checks the days and the photos
// and writes all of it or none.
import { useState } from 'react'
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { Dayjs } from 'dayjs'
import { useHazardKinds } from '../../api/rentals'
import { useMe } from '../../api/auth'
import { useWrite } from '../../api/write'
import { chinaToday } from '../../components/chinaDay'
import { contractRules } from '../../components/zodRule'
import { PhotoPicker, pickedPhotos } from '../../components/PhotoPicker'
import type { BuildingRow } from './BuildingPanel'

type Found = { kindId: number; deadline: Dayjs; note?: string; photos?: Parameters<typeof pickedPhotos>[0] }

export function InspectModal({ building, onClose }: { building: BuildingRow; onClose: () => void }) {
  const kinds = useHazardKinds()
  const me = useMe()
  const inspect = useWrite('rentals.inspect', { invalidates: 'everything' })
  const [form] = Form.useForm()
  const [problem, setProblem] = useState<string | null>(null)
  const { message } = App.useApp()
  const submit = async () => {
    const v = await form.validateFields()
    setProblem(null)
    try {
      const found: Found[] = v.hazards ?? []
      const hazards = await Promise.all(
        found.map(async (h) => {
          const photos = await pickedPhotos(h.photos)
          return { kindId: h.kindId, deadline: h.deadline.format('YYYY-MM-DD'), note: h.note?.trim() || undefined, photos: photos.length ? photos : undefined }
        })
      )
      await inspect.mutateAsync({
        buildingId: building.id,
        inspectedOn: (v.inspectedOn as Dayjs).format('YYYY-MM-DD'),
        inspector: v.inspector,
        note: v.note?.trim() || undefined,
        hazards
      })
      message.success(hazards.length ? `已登记排查，发现隐患 ${hazards.length} 处` : '已登记排查，未发现隐患')
      onClose()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  const today = chinaToday()
  return (
    <Modal
      title={`排查登记 · ${building.address}`}
      open
      width={720}
      onCancel={onClose}
      onOk={submit}
      okText="登记"
      confirmLoading={inspect.isPending}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="inspect-error" />}
      <Form form={form} layout="vertical" initialValues={{ inspectedOn: today, inspector: me.account.displayName, hazards: [] }}>
        <div className="form-row">
          <Form.Item name="inspectedOn" label="排查日期" rules={[{ required: true, message: '请选择排查日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} data-testid="inspected-on" />
          </Form.Item>
          <Form.Item name="inspector" label="排查人员" rules={contractRules('rentals.inspect', 'inspector')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="note" label="情况说明">
            <Input maxLength={500} />
          </Form.Item>
        </div>
        <Form.List name="hazards">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} className="rental-found" data-testid="found-hazard">
                  <div className="form-row">
                    <Form.Item name={[f.name, 'kindId']} label={`第 ${i + 1} 处隐患`} rules={[{ required: true, message: '请选择隐患类别' }]}>
                      <Select
                        style={{ width: 200 }}
                        placeholder="隐患类别"
                        options={(kinds.data ?? []).filter((k) => k.active).map((k) => ({ value: k.id, label: k.name }))}
                        data-testid="hazard-kind"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'deadline']} label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
                      <DatePicker data-testid="hazard-deadline" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']} label="说明">
                      <Input maxLength={500} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此处隐患" />
                  </div>
                  <Form.Item name={[f.name, 'photos']} label="现场照片" style={{ marginBottom: 8 }}>
                    <PhotoPicker />
                  </Form.Item>
                </div>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ deadline: (form.getFieldValue('inspectedOn') as Dayjs | undefined)?.add(15, 'day') ?? today.add(15, 'day') })}
                data-testid="add-hazard"
              >
                添加隐患
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}
