// One rental building beside the registry: what it is, its hazards with their state as of today,
// and the work on it — 排查 (new hazards), 复查 (close or keep open), 转为事件 for an overdue one.
import { useState } from 'react'
import { App, Button, Descriptions, Empty, Popconfirm, Space, Tag } from 'antd'
import type { Output } from '../../../electron/shared/contract'
import { useCan } from '../../api/auth'
import { useBuildingHazards } from '../../api/rentals'
import { useWrite } from '../../api/write'
import { leaveIssueToOpen } from '../issues/openIssue'
import { hazardStateColor, riskColor } from './labels'
import { InspectModal } from './InspectModal'
import { ReinspectModal } from './ReinspectModal'
import { HazardPhotos } from './HazardPhotos'
import { BuildingTenants } from './BuildingTenants'

export type BuildingRow = Output<'rentals.buildings.list'>['rows'][number]

export function BuildingPanel({ building }: { building: BuildingRow | null }) {
  const hazards = useBuildingHazards(building?.id ?? null)
  const can = useCan()
  const [inspecting, setInspecting] = useState(false)
  const [reinspecting, setReinspecting] = useState(false)
  const [photosOf, setPhotosOf] = useState<number | null>(null)
  const escalate = useWrite('rentals.escalate', { invalidates: 'everything' })
  const { message } = App.useApp()
  if (!building) return <Empty description="在左侧选择一栋出租屋" style={{ marginTop: 80 }} />
  const open = (hazards.data ?? []).filter((h) => h.state !== '已整改')
  const toIssue = async (hazardId: number) => {
    try {
      const r = await escalate.mutateAsync({ hazardId })
      message.success(`已转为事件 ${r.code}，交所在村居办理`)
    } catch (e) {
      message.error((e as Error).message)
    }
  }
  const goToIssue = (issueId: number) => {
    leaveIssueToOpen(issueId)
    window.location.hash = '#/issues'
  }
  return (
    <div className="rental-panel" data-testid="rental-panel" data-building-id={building.id}>
      <h3 className="rental-panel-title">
        {building.address} {building.sample && <Tag>示意</Tag>}
      </h3>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="村居">{building.village}</Descriptions.Item>
        <Descriptions.Item label="风险">
          <Tag color={riskColor[building.riskClass]}>{building.riskClass}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="用途">{building.use}</Descriptions.Item>
        <Descriptions.Item label="房东">{building.landlord ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="出租间数">{building.rentalRooms}</Descriptions.Item>
        <Descriptions.Item label="租客">{building.tenants} 人</Descriptions.Item>
      </Descriptions>
      <BuildingTenants building={building} />
      {can('rentals.handle') && (
        <Space className="rental-panel-actions">
          <Button type="primary" onClick={() => setInspecting(true)} data-testid="inspect-button">
            排查登记
          </Button>
          <Button disabled={open.length === 0} onClick={() => setReinspecting(true)} data-testid="reinspect-button">
            复查
          </Button>
        </Space>
      )}
      <h4>消防安全隐患{hazards.data ? `（${hazards.data.length} 处，未整改 ${open.length} 处）` : ''}</h4>
      {hazards.error && <div className="error-text">{(hazards.error as Error).message}</div>}
      {hazards.data?.length === 0 && <div className="muted">尚未发现隐患。</div>}
      <ul className="rental-hazards" data-testid="rental-hazards">
        {(hazards.data ?? []).map((h) => (
          <li key={h.id} data-testid="rental-hazard">
            <div className="rental-hazard-head">
              <b>{h.kind}</b>
              <Tag color={hazardStateColor[h.state]}>{h.state}</Tag>
            </div>
            <div className="muted">
              {h.foundOn} 发现 · 期限 {h.deadline}
              {h.rectifiedOn && ` · ${h.rectifiedOn} 整改`}
              {h.note && ` · ${h.note}`}
            </div>
            <Space size={4} wrap>
              {h.photos > 0 && (
                <Button size="small" type="link" onClick={() => setPhotosOf(photosOf === h.id ? null : h.id)}>
                  照片 {h.photos} 张
                </Button>
              )}
              {h.issueId !== null ? (
                <Button size="small" type="link" onClick={() => goToIssue(h.issueId!)} data-testid="hazard-issue">
                  已转事件 {h.issueCode}
                </Button>
              ) : (
                h.state === '逾期未改' &&
                can('rentals.handle') && (
                  <Popconfirm
                    title="转为事件"
                    description="登记为消防安全类事件，交所在村居办理，并与此隐患关联。"
                    okText="转为事件"
                    cancelText="取消"
                    onConfirm={() => toIssue(h.id)}
                  >
                    <Button size="small" danger loading={escalate.isPending} data-testid="escalate-hazard">
                      转为事件
                    </Button>
                  </Popconfirm>
                )
              )}
            </Space>
            {photosOf === h.id && <HazardPhotos hazardId={h.id} />}
          </li>
        ))}
      </ul>
      {inspecting && <InspectModal building={building} onClose={() => setInspecting(false)} />}
      {reinspecting && <ReinspectModal building={building} hazards={open} onClose={() => setReinspecting(false)} />}
    </div>
  )
}
