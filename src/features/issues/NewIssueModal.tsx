// 登记事件: title, description, category, urgency, source, reporter (or anonymous), place, photos;
// the core places it with the unit the routing rules name. A likely duplicate can be confirmed here:
// the report is then registered and merged into the open issue in one step.
import { contractRules } from '../../components/zodRule'
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select } from 'antd'
import { useIssuePlace, useRoutingRules, useSimilarIssues } from '../../api/issues'
import { useMe } from '../../api/auth'
import { useVillages } from '../../api/people'
import { PointPicker } from '../../components/PointPicker'
import { PickedPlace } from '../../components/PickedPlace'
import { VillageSelect } from '../people/VillageSelect'
import { PhotoPicker, pickedPhotos } from '../../components/PhotoPicker'
import { issueSources } from './labels'

/** `reportingUnitId`: a clerk's or the district desk's own unit registers the report (the command centre's reports name none). */
export function NewIssueModal({ onClose, onCreated, reportingUnitId }: { onClose: () => void; onCreated: (id: number) => void; reportingUnitId?: number }) {
  const rules = useRoutingRules()
  const create = useWrite('issues.create', { invalidates: 'everything' })
  const [form] = Form.useForm()
  const anonymous = Form.useWatch('anonymous', form)
  const category = Form.useWatch('category', form)
  const [point, setPoint] = useState<[number, number]>()
  const similar = useSimilarIssues({ category, lon: point?.[0], lat: point?.[1] })
  const place = useIssuePlace(point)
  const outOfReach = place.data?.inReach === false
  // A clerk's map opens on their own villages (the list holds only those for a clerk).
  const me = useMe()
  const villages = useVillages()
  const frameCodes = me.scopeVillageIds && villages.data ? villages.data.map((v) => v.code) : undefined
  const { message } = App.useApp()
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async (duplicateOf?: number) => {
    const v = await form.validateFields()
    setProblem(null)
    try {
      const photos = await pickedPhotos(v.photos)
      const r = await create.mutateAsync({
        title: v.title,
        description: v.description,
        category: v.category,
        urgency: v.urgency,
        source: v.source,
        villageUnitId: point ? undefined : v.villageUnitId,
        reportingUnitId,
        lon: point?.[0],
        lat: point?.[1],
        address: v.address || undefined,
        reporterName: v.anonymous ? undefined : v.reporterName || undefined,
        reporterPhone: v.anonymous ? undefined : v.reporterPhone || undefined,
        photos: photos.length ? photos : undefined,
        duplicateOf
      })
      message.success(duplicateOf ? `已登记 ${r.code} 并合并到重复事件` : `已登记事件 ${r.code}`)
      onCreated(duplicateOf ?? r.id)
      onClose()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  return (
    <Modal
      title="登记事件"
      open
      width={640}
      onCancel={onClose}
      onOk={() => submit()}
      okText="登记"
      okButtonProps={{ disabled: outOfReach }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="new-issue-error" />}
      <Form form={form} layout="vertical" initialValues={{ urgency: '一般', source: '网格巡查' }}>
        <Form.Item name="title" label="标题" rules={contractRules('issues.create', 'title')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label="描述" rules={contractRules('issues.create', 'description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(rules.data?.categories ?? []).filter((c) => c.active).map((c) => ({ value: c.name, label: c.name }))}
              data-testid="issue-category"
            />
          </Form.Item>
          <Form.Item name="urgency" label="紧急程度">
            <Select options={['一般', '较急', '紧急'].map((u) => ({ value: u, label: u }))} />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Select options={issueSources.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </div>
        <Form.Item label="位置（在地图上点选；所在的三级网格自动确定）">
          <PointPicker value={point} onChange={setPoint} frameCodes={frameCodes} />
          {point && <PickedPlace point={point} place={place} testId="picked-place" />}
          {outOfReach && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 6 }}
              data-testid="place-out-of-reach"
              message={`所选位置在${place.data!.village}，不在本账号管辖的村（社区）内，不能在此登记。`}
            />
          )}
        </Form.Item>
        {similar.data && similar.data.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="similar-issues"
            message={`附近 7 天内有 ${similar.data.length} 件同类事件，可能重复：`}
            description={similar.data.slice(0, 5).map((i) => (
              <div key={i.id} className="similar-issue">
                <span>
                  {i.code} {i.title}（约 {i.distanceM} 米，{i.createdAt.slice(0, 10)}）
                </span>
                {i.status !== 'closed' && (
                  <Button size="small" onClick={() => submit(i.id)} loading={create.isPending} data-testid={`merge-into-${i.id}`}>
                    是同一问题：登记并合并
                  </Button>
                )}
              </div>
            ))}
          />
        )}
        <div className="form-row">
          <Form.Item name="villageUnitId" label="所在村居（未点选位置时）" rules={[{ required: !point, message: '请在地图上点选位置，或选择村居' }]}>
            <VillageSelect onChange={(id) => form.setFieldValue('villageUnitId', id)} />
          </Form.Item>
          <Form.Item name="address" label="地点">
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="photos" label="现场照片（最多 9 张）">
          <PhotoPicker />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox>匿名反映</Checkbox>
        </Form.Item>
        {!anonymous && (
          <div className="form-row">
            <Form.Item name="reporterName" label="反映人">
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="reporterPhone" label="联系电话">
              <Input maxLength={20} />
            </Form.Item>
          </div>
        )}
      </Form>
    </Modal>
  )
}
