// 统计分析: the figures leaders ask for, for any period and for the town, an office or a village —
// the same stats.kpis the header row, the wall and the briefings use.
import { useState } from 'react'
import { Alert, DatePicker, Drawer, Select, Space, Statistic, Table } from 'antd'
import type { Dayjs } from 'dayjs'
import { useKpis, useUnits } from '../../api/issues'
import { useMe, useOwnUnit } from '../../api/auth'
import { levelName } from './labels'
import { chinaToday } from '../../components/chinaDay'
import { percentText } from '../../../electron/shared/percent'

const pct = (v: number) => percentText(v)
const rate = (a: number, b: number) => (b > 0 ? pct(a / b) : '无')
// China's calendar, worked out when a preset is picked (not when the screen's code was loaded).
const presets = [
  { label: '本月', value: () => [chinaToday().startOf('month'), chinaToday().endOf('month')] as [Dayjs, Dayjs] },
  {
    label: '本季度',
    value: () =>
      [
        chinaToday()
          .startOf('month')
          .subtract(chinaToday().month() % 3, 'month'),
        chinaToday()
          .add(2 - (chinaToday().month() % 3), 'month')
          .endOf('month')
      ] as [Dayjs, Dayjs]
  },
  { label: '本年', value: () => [chinaToday().startOf('year'), chinaToday().endOf('year')] as [Dayjs, Dayjs] },
  { label: '上一年', value: () => [chinaToday().subtract(1, 'year').startOf('year'), chinaToday().subtract(1, 'year').endOf('year')] as [Dayjs, Dayjs] }
]
type Counts = { collected: number; resolved: number; overdue: number }
/** Columns of a figures table whose rows are named by `field` (a unit, a category). */
const figureColumns = <T extends Counts>(title: string, field: keyof T & string) => [
  { title, dataIndex: field },
  { title: '收集', dataIndex: 'collected', align: 'right' as const, sorter: (a: T, b: T) => a.collected - b.collected },
  { title: '解决', dataIndex: 'resolved', align: 'right' as const },
  { title: '解决率', key: 'rate', align: 'right' as const, render: (_: unknown, r: T) => rate(r.resolved, r.collected) },
  {
    title: '超期',
    dataIndex: 'overdue',
    align: 'right' as const,
    sorter: (a: T, b: T) => a.overdue - b.overdue,
    render: (v: number) => (v ? <span className="overdue-figure">{v}</span> : v)
  }
]
type UnitRow = Counts & { unitId: number; unit: string }

export function IssueFiguresDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const units = useUnits()
  const me = useMe()
  const ownUnit = useOwnUnit()
  const [range, setRange] = useState<[Dayjs, Dayjs]>(presets[2].value)
  // A clerk's figures are their own unit's (or a village under it); asked for only while the drawer is open.
  const [scope, setScope] = useState<number | undefined>(ownUnit ?? undefined)
  const kpis = useKpis({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), scope }, open)
  const k = kpis.data
  const inReach = (id: number) => !me.scopeVillageIds || id === ownUnit || me.scopeVillageIds.includes(id)
  const scopeOptions = (units.data ?? [])
    .filter((u) => (u.kind === 'office' || u.kind === 'village') && inReach(u.id))
    .map((u) => ({ value: u.id, label: u.kind === 'office' ? u.name : `\u3000${u.name}` }))
  return (
    <Drawer title="事件统计分析" open={open} onClose={onClose} size={900} destroyOnHidden data-testid="issue-figures">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker value={range} presets={presets} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Select
          allowClear={!ownUnit}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          placeholder="全镇"
          value={scope}
          onChange={(v) => setScope(v ?? ownUnit ?? undefined)}
          options={scopeOptions}
          data-testid="figures-scope"
        />
      </Space>
      {kpis.error && <Alert type="error" showIcon message={kpis.error.message} />}
      {k && (
        <>
          <div className="issue-kpis figures-kpis" data-testid="figures-kpis">
            <Statistic title="收集问题" value={k.collected} />
            <Statistic title="解决" value={k.resolved} />
            <Statistic title="解决率" value={k.collected ? pct(k.resolutionRate) : '无'} />
            <Statistic title="按时办结率" value={k.resolved ? pct(k.onTimeRate) : '无'} />
            <Statistic title="小事不出村" value={k.resolved ? pct(k.villageShare) : '无'} />
            <Statistic title="大事不出镇" value={k.resolved ? pct(k.townShare) : '无'} />
            <Statistic title="上报" value={k.escalations} />
            <Statistic title="超期" value={k.overdue} />
            <Statistic title="督办" value={k.supervised} />
          </div>
          <h4 className="drawer-section">各层级办结与上报</h4>
          <Table
            size="small"
            pagination={false}
            rowKey="level"
            dataSource={k.medianByLevel.map((m) => ({ ...m, escalations: k.escalationsByLevel.find((e) => e.level === m.level)?.escalations }))}
            columns={[
              { title: '层级', dataIndex: 'level', render: (l: number) => levelName[l] },
              { title: '在本级办结', dataIndex: 'resolved', align: 'right' },
              {
                title: '办结用时中位数',
                dataIndex: 'medianHours',
                align: 'right',
                render: (h: number | null) => (h === null ? '无' : h < 48 ? `${h} 小时` : `${(h / 24).toFixed(1)} 天`)
              },
              { title: '从本级上报', dataIndex: 'escalations', align: 'right', render: (v?: number) => v ?? '—' }
            ]}
          />
          <h4 className="drawer-section">按类别</h4>
          <Table
            size="small"
            pagination={false}
            rowKey="category"
            dataSource={k.byCategory}
            columns={figureColumns<Counts & { category: string }>('类别', 'category')}
          />
          {k.byOffice.length > 1 && (
            <>
              <h4 className="drawer-section">按管理处</h4>
              <Table size="small" pagination={false} rowKey="unitId" dataSource={k.byOffice} columns={figureColumns<UnitRow>('管理处', 'unit')} />
            </>
          )}
          <h4 className="drawer-section">按村居</h4>
          <Table
            size="small"
            rowKey="unitId"
            dataSource={k.byUnit}
            columns={figureColumns<UnitRow>('村居', 'unit')}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="figures-by-village"
          />
        </>
      )}
    </Drawer>
  )
}
