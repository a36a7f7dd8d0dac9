// What a grid is: name, code, tier, where it sits, who looks after it, and its figures.
import { Alert, Breadcrumb, Button, Card, Descriptions, List, Skeleton, Tabs, Tag, Tooltip } from 'antd'
import { CloseOutlined } from '@ant-design/icons'
import type { Output, Tier } from '../../../electron/shared/contract'
import type { DrawMode } from '../draw/drawSession'
import { useGrid } from '../../api/hooks'
import { formatArea, formatCount, tierLabel } from './labels'
import { GridActions } from './edit/GridActions'
import { GridHistory } from './edit/GridHistory'

type Props = {
  id: number
  onSelect: (id: number, tier: Tier) => void
  onClose: () => void
  onDraw: (mode: DrawMode, grid: Output<'grids.get'>) => void
  requested?: { gridId: number; action: string; nonce: number } | null
  onRequestHandled?: () => void
}

export function GridPanel({ id, onSelect, onClose, onDraw, requested, onRequestHandled }: Props) {
  const { data: g, error, isLoading } = useGrid(id)
  const close = <Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭详情" />
  if (error)
    return (
      <Card className="grid-panel" title="网格详情" extra={close}>
        <Alert type="error" showIcon message={(error as Error).message} />
      </Card>
    )
  if (isLoading || !g)
    return (
      <Card className="grid-panel" title="网格详情" extra={close}>
        <Skeleton active />
      </Card>
    )
  const childTier = (g.tier + 1) as Tier
  return (
    <Card
      className="grid-panel"
      data-testid="grid-panel"
      title={
        <div className="grid-panel-title">
          <Tag color={g.tier === 1 ? 'blue' : g.tier === 2 ? 'orange' : 'green'}>{tierLabel[g.tier]}</Tag>
          <span data-testid="grid-panel-name">{g.name}</span>
        </div>
      }
      extra={close}
    >
      <GridActions
        grid={g}
        onSelect={onSelect}
        onDeleted={onClose}
        onDraw={(mode) => onDraw(mode, g)}
        requested={requested}
        onRequestHandled={onRequestHandled}
      />
      <Tabs
        size="small"
        items={[
          {
            key: 'details',
            label: '详情',
            children: (
              <>
                <Breadcrumb
                  className="grid-panel-chain"
                  data-testid="grid-panel-chain"
                  items={[
                    // 示意 marks the village's office assignment until a person confirms or changes it.
                    ...(g.office
                      ? [
                          {
                            title: g.village.illustrative ? (
                              <Tooltip title="管理处归属为示意，可用“划归管理处”确认或调整">{g.office.name}（示意）</Tooltip>
                            ) : (
                              g.office.name
                            )
                          }
                        ]
                      : []),
                    ...g.parentChain.map((p) => ({ title: <a onClick={() => onSelect(p.id, p.tier)}>{p.name}</a> })),
                    { title: g.name }
                  ]}
                />
                {g.illustrative && <Alert className="grid-panel-note" type="warning" showIcon message="边界为示意数据，非官方测绘成果" />}
                <Descriptions size="small" column={1} bordered className="grid-panel-facts">
                  <Descriptions.Item label="网格编码">{g.code}</Descriptions.Item>
                  <Descriptions.Item label="网格类型">{g.kind}</Descriptions.Item>
                  <Descriptions.Item label="所属村居">{g.village.name}</Descriptions.Item>
                  <Descriptions.Item label="党组织">{g.partyOrganisation ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="网格巡查员">{g.inspector ?? (g.tier === 3 ? '未配备' : '见下级网格')}</Descriptions.Item>
                  <Descriptions.Item label="户数">{formatCount(g.households)} 户</Descriptions.Item>
                  <Descriptions.Item label="户籍人口">{formatCount(g.registeredPopulation)} 人</Descriptions.Item>
                  <Descriptions.Item label="非户籍人口">{formatCount(g.nonHukouPopulation)} 人</Descriptions.Item>
                  <Descriptions.Item label="面积">{formatArea(g.areaKm2)}</Descriptions.Item>
                  {g.tier === 1 && (
                    <Descriptions.Item label="下级网格">
                      二级 {g.childCounts.tier2} 个，三级 {g.childCounts.tier3} 个
                    </Descriptions.Item>
                  )}
                  {g.tier === 2 && <Descriptions.Item label="下级网格">三级 {g.childCounts.tier3} 个</Descriptions.Item>}
                  <Descriptions.Item label="登记户（户联系）">{formatCount(g.holds.households)} 户</Descriptions.Item>
                  <Descriptions.Item label={g.tier === 3 ? '党小组成员' : '党员'}>
                    居住党员 {formatCount(g.holds.partyMembers)} 名，报到党员 {formatCount(g.holds.reportingMembers)} 名
                  </Descriptions.Item>
                </Descriptions>
                {g.children.length > 0 && (
                  <List
                    className="grid-panel-children"
                    size="small"
                    header={`${tierLabel[childTier]}（${g.children.length}）`}
                    dataSource={g.children}
                    renderItem={(c) => (
                      <List.Item className="grid-panel-child">
                        <a onClick={() => onSelect(c.id, c.tier)}>{c.name}</a>
                        <span className="muted">{c.kind}</span>
                      </List.Item>
                    )}
                  />
                )}
              </>
            )
          },
          { key: 'history', label: '修改记录', children: <GridHistory gridId={g.id} /> }
        ]}
      />
    </Card>
  )
}
