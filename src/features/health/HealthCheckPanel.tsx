// 网格健康检查: run the check for the town or the selected grid, list problems by kind; a click
// on one flies the map there and highlights it.
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, Button, Collapse, Empty, List, Result, Segmented, Space, Tag, Typography } from 'antd'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import type { Output } from '../../../electron/shared/contract'

export type Problem = Output<'grids.check'>['problems'][number]

const kindLabel: Record<Problem['kind'], string> = {
  OVERLAP: '相互重叠',
  GAP: '空隙（未被下级覆盖）',
  OUTSIDE_PARENT: '超出上级',
  SELF_INTERSECTION: '边界自相交',
  SLIVER: '碎片',
  NO_GEOMETRY: '未绘制边界',
  NO_INSPECTOR: '缺网格巡查员',
  NO_PARTY_ORGANISATION: '缺党组织',
  OVER_CAPACITY: '党小组超员',
  NOT_CHECKED: '无法计算（需人工检查）'
}
const order = Object.keys(kindLabel) as Problem['kind'][]

type Props = { selected: { id: number; name: string } | null; onLocate: (p: Problem) => void; activeProblem: Problem | null }

export function HealthCheckPanel({ selected, onLocate, activeProblem }: Props) {
  const [scope, setScope] = useState<'town' | 'selected'>('town')
  const check = useWrite('grids.check', { invalidates: 'nothing' })
  const result = check.data
  const run = () => check.mutate(scope === 'selected' && selected ? { gridId: selected.id } : {})
  const groups = order.map((kind) => ({ kind, items: (result?.problems ?? []).filter((p) => p.kind === kind) })).filter((g) => g.items.length)
  return (
    <div className="health-panel" data-testid="health-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          block
          value={scope}
          onChange={(v) => setScope(v as 'town' | 'selected')}
          options={[
            { value: 'town', label: '全镇' },
            { value: 'selected', label: selected ? `选中：${selected.name}` : '选中网格', disabled: !selected }
          ]}
        />
        <Button type="primary" block icon={<SafetyCertificateOutlined />} loading={check.isPending} onClick={run}>
          开始检查
        </Button>
      </Space>
      {check.error && <Alert type="error" showIcon message={check.error.message} style={{ marginTop: 12 }} />}
      {result && (
        <div className="health-result" data-testid="health-result">
          <Typography.Paragraph type="secondary" className="health-summary">
            {result.scopeName}：检查 {result.checkedGrids} 个网格，用时 {result.durationMs} 毫秒，发现 {result.problems.length} 个问题。
          </Typography.Paragraph>
          {result.problems.length === 0 ? (
            <Result status="success" title="未发现问题" subTitle="没有超出上级、重叠、空隙、自相交或碎片，资料完整。" />
          ) : (
            <Collapse
              size="small"
              defaultActiveKey={groups.filter((g) => g.items[0].severity === 'error').map((g) => g.kind)}
              items={groups.map((g) => ({
                key: g.kind,
                label: (
                  <span>
                    <Tag color={g.items[0].severity === 'error' ? 'red' : 'orange'}>{g.items.length}</Tag>
                    {kindLabel[g.kind]}
                  </span>
                ),
                children: (
                  <List
                    size="small"
                    dataSource={g.items}
                    renderItem={(p) => (
                      <List.Item className={`health-item${p === activeProblem ? ' active' : ''}`} onClick={() => onLocate(p)} data-testid="health-problem">
                        <a>{p.message}</a>
                      </List.Item>
                    )}
                  />
                )
              }))}
            />
          )}
        </div>
      )}
      {!result && !check.isPending && (
        <Empty className="health-empty" description="检查网格是否超出上级、相互重叠、留有空隙、自相交、过碎，以及巡查员、党组织是否齐全。" />
      )}
    </div>
  )
}
