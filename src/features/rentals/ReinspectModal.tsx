// 复查: the building's open hazards, each marked 已整改 (with a photo where the town asks for one) or
// 仍未整改, or left out of this visit. The core refuses the whole visit if one row is wrong.
import { useState } from 'react'
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Tag } from 'antd'
import type { Dayjs } from 'dayjs'
import type { Output } from '../../../electron/shared/contract'
import { useHazardKinds } from '../../api/rentals'
import { useMe } from '../../api/auth'
import { useWrite } from '../../api/write'
import { chinaToday } from '../../components/chinaDay'
import { contractRules } from '../../components/zodRule'
import { PhotoPicker, pickedPhotos } from '../../components/PhotoPicker'
import { hazardStateColor } from './labels'
import type { BuildingRow } from './BuildingPanel'

type Hazard = Output<'rentals.hazards'>[number]
type Result = { outcome?: 'rectified' | 'open'; note?: string; photos?: Parameters<typeof pickedPhotos>[0] }

export function ReinspectModal({ building, hazards, onClose }: { building: BuildingRow; hazards: Hazard[]; onClose: () => void }) {
  const kinds = useHazardKinds()
  const me = useMe()
  const reinspect = useWrite('rentals.reinspect', { invalidates: 'everything' })
  const [form] = Form.useForm()
  const results = (Form.useWatch('results', form) ?? {}) as Record<string, Result>
  const [problem, setProblem] = useState<string | null>(null)
  const { message } = App.useApp()
  const photoRequired = (kindId: number) => kinds.data?.find((k) => k.id === kindId)?.photoRequired ?? false
  const submit = async () => {
    const v = await form.validateFields()
    setProblem(null)
    try {
      const chosen = hazards.filter((h) => v.results?.[h.id]?.outcome)
      if (chosen.length === 0) throw new Error('请至少对一处隐患给出复查结果')
      const list = await Promise.all(
        chosen.map(async (h) => {
          const r = v.results[h.id] as Result
          const photos = r.outcome === 'rectified' ? await pickedPhotos(r.photos) : []
          return { hazardId: h.id, rectified: r.outcome === 'rectified', note: r.note?.trim() || undefined, photos: photos.length ? photos : undefined }
        })
      )
      const done = await reinspect.mutateAsync({
        buildingId: building.id,
        inspectedOn: (v.inspectedOn as Dayjs).format('YYYY-MM-DD'),
        inspector: v.inspector,
        results: list
      })
      message.success(`已登记复查：整改完毕 ${done.rectified.length} 处，仍未整改 ${done.stillOpen.length} 处`)
      onClose()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  const today = chinaToday()
  return (
    <Modal
      title={`复查 · ${building.address}`}
      open
      width={720}
      onCancel={onClose}
      onOk={submit}
      okText="登记"
      confirmLoading={reinspect.isPending}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="reinspect-error" />}
      <Form form={form} layout="vertical" initialValues={{ inspectedOn: today, inspector: me.account.displayName }}>
        <div className="form-row">
          <Form.Item name="inspectedOn" label="复查日期" rules={[{ required: true, message: '请选择复查日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
          <Form.Item name="inspector" label="复查人员" rules={contractRules('rentals.reinspect', 'inspector')}>
            <Input maxLength={60} />
          </Form.Item>
        </div>
        {hazards.map((h) => (
          <div key={h.id} className="rental-found" data-testid="reinspect-hazard">
            <div className="rental-hazard-head">
              <b>{h.kind}</b>
              <Tag color={hazardStateColor[h.state]}>{h.state}</Tag>
              <span className="muted">
                {h.foundOn} 发现 · 期限 {h.deadline}
              </span>
            </div>
            <Form.Item name={['results', String(h.id), 'outcome']} style={{ marginBottom: 6 }}>
              <Radio.Group
                options={[
                  { value: 'rectified', label: '已整改' },
                  { value: 'open', label: '仍未整改' }
                ]}
                data-testid="reinspect-outcome"
              />
            </Form.Item>
            {results[h.id]?.outcome === 'rectified' && (
              <Form.Item
                name={['results', String(h.id), 'photos']}
                label={photoRequired(h.kindId) ? '整改后照片（本类隐患须附照片）' : '整改后照片'}
                style={{ marginBottom: 6 }}
              >
                <PhotoPicker />
              </Form.Item>
            )}
            {results[h.id]?.outcome && (
              <Form.Item name={['results', String(h.id), 'note']} style={{ marginBottom: 6 }}>
                <Input placeholder="说明（可不填）" maxLength={500} />
              </Form.Item>
            )}
          </div>
        ))}
      </Form>
    </Modal>
  )
}
