// 事件处置: the figures for this year, the issue list (paged and filtered in SQL), and the chosen
// issue with its actions and hand-off log, done as the unit shown at the top (ActingUnit).
import { useCallback, useMemo, useState } from 'react'
import { Alert, Badge, Button, DatePicker, Input, Popover, Select, Space, Statistic } from 'antd'
import dayjs from 'dayjs'
import { FilterOutlined, PlusOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import { issueDatasource, usePrefetchIssue, useKpis, useRoutingRules, useUnits, type IssueFilter } from '../../api/issues'
import { useCan, useMe, useOwnUnit } from '../../api/auth'
import { ActingUnit, rememberedActingUnit } from './ActingUnit'
import { takeIssueToOpen } from './openIssue'
import { chosenIssue, useChosenIssue, type ChosenIssue } from './chosenIssue'
import { useOnScreenShown } from '../../api/screenShown'
import { PagedTable } from '../../components/PagedTable'
import { IssuePanel } from './IssuePanel'
import { NewIssueModal } from './NewIssueModal'
import { OverdueUnits } from './OverdueUnits'
import { RoutingRulesDrawer } from './RoutingRulesDrawer'
import { IssueFiguresDrawer } from './IssueFiguresDrawer'
import { formatTime, issueSources, levelName, statusName, timeLeftText } from './labels'
import { chinaYear } from '../../../electron/shared/chinaTime'
import { percentText } from '../../../electron/shared/percent'

// The columns an officer needs first fit a 1366-wide screen beside the panel; the rest scroll in.
const columns: ColDef[] = [
  { field: 'code', headerName: '编号', width: 138, sortable: true, pinned: 'left' },
  { field: 'title', headerName: '标题', flex: 1, minWidth: 150 },
  { field: 'status', headerName: '状态', width: 78, sortable: true, valueFormatter: (p) => statusName[p.value] ?? '' },
  // Time left on the clock (red overdue, yellow past the warning point, as on the map and the panel); sorted in SQL.
  {
    field: 'timeLeft',
    headerName: '剩余时间',
    width: 116,
    sortable: true,
    valueGetter: (p) => (p.data?.clock && p.data.dueAt ? timeLeftText(p.data.dueAt, Date.now()) : ''),
    tooltip: (p) => (p.data?.clock && p.data.dueAt ? `期限 ${formatTime(p.data.dueAt)}` : undefined),
    cellClass: (p) => (p.data?.clock ? `issue-clock-${p.data.clock}` : undefined)
  },
  { field: 'holder', headerName: '承办单位', width: 140, sortable: true },
  { field: 'level', headerName: '层级', width: 74, valueFormatter: (p) => levelName[p.value] ?? '' },
  { field: 'village', headerName: '村居', width: 104 },
  { field: 'category', headerName: '类别', width: 104, sortable: true },
  { field: 'urgency', headerName: '紧急', width: 66 },
  { field: 'source', headerName: '来源', width: 96 },
  { field: 'createdAt', headerName: '登记时间', width: 136, sortable: true, valueFormatter: (p) => formatTime(p.value) },
  { field: 'supervised', headerName: '督办', width: 66, valueFormatter: (p) => (p.value ? `${p.value} 次` : '') }
]
const rowClassRules = {
  'issue-row-red': (p: { data?: { clock?: string | null } }) => p.data?.clock === 'red',
  'issue-row-yellow': (p: { data?: { clock?: string | null } }) => p.data?.clock === 'yellow'
}
const pct = (v: number) => percentText(v)

export function IssuesScreen() {
  const units = useUnits()
  const rules = useRoutingRules()
  const can = useCan()
  // A clerk and the district's desk act as their own unit; the command centre acts as the town unless
  // it chooses to act for one of its units (代为办理); a reader acts as none. The core enforces the same.
  const me = useMe()
  const ownUnit = useOwnUnit()
  const town = units.data?.find((u) => u.kind === 'town')?.id ?? null
  const [chosenUnitId, setActing] = useState<number | null>(rememberedActingUnit)
  const actingUnitId = !can('issues.handle') ? null : (me.actingUnitId ?? chosenUnitId ?? town)
  // A pin clicked on the map opens here with its issue selected.
  const [chosen] = useState(() => chosenIssue(takeIssueToOpen()))
  // The issue is read from the moment the mouse button goes down on its row; the click shows it when
  // read (or after 150 ms, dimmed until it comes), so the panel is drawn once, not stale and then fresh.
  const prefetchIssue = usePrefetchIssue(actingUnitId)
  const [pressed] = useState(() => ({ id: 0, read: Promise.resolve() }))
  const pressRow = useCallback(
    (row: Record<string, unknown>) => Object.assign(pressed, { id: row.id as number, read: prefetchIssue(row.id as number) }),
    [prefetchIssue, pressed]
  )
  const openRow = useCallback(
    (row: Record<string, unknown>) => {
      const id = row.id as number
      if (pressed.id !== id) Object.assign(pressed, { id, read: Promise.resolve() })
      // A row pressed after this one wins.
      void Promise.race([pressed.read, new Promise((r) => setTimeout(r, 150))]).then(() => pressed.id === id && chosen.set(id))
    },
    [chosen, pressed]
  )
  useOnScreenShown(() => {
    const id = takeIssueToOpen()
    if (id) chosen.set(id)
  })
  const [filters, setFilters] = useState<Record<string, string | number | boolean>>({ status: 'open' })
  const [q, setQ] = useState('')
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [creating, setCreating] = useState(false)
  const [overdueOpen, setOverdueOpen] = useState(false)
  const [rulesOpen, setRulesOpen] = useState(false)
  const [figuresOpen, setFiguresOpen] = useState(false)
  const year = chinaYear(new Date())
  const kpis = useKpis({ from: `${year}-01-01`, to: `${year}-12-31`, scope: ownUnit ?? undefined })
  const filter: IssueFilter = { q: q.trim() || undefined, filters }
  const key = JSON.stringify(filter)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const datasource = useMemo(() => issueDatasource(filter, (n) => (setTotal(n), setError(null)), setError), [key])
  const setFilter = (k: string, v: string | number | boolean | undefined) => {
    const next = { ...filters }
    if (v === undefined) delete next[k]
    else next[k] = v
    setFilters(next)
  }
  const k = kpis.data
  const moreFilters = ['source', 'from', 'overdue', 'supervised'].filter((f) => filters[f] !== undefined).length
  return (
    <div className="issues-screen">
      <div className="people-toolbar issues-toolbar">
        {can('issues.handle') && <ActingUnit value={actingUnitId} fixed={me.actingUnitId !== null} onChange={setActing} />}
        <Input.Search allowClear placeholder="编号或标题" style={{ width: 180 }} onSearch={setQ} />
        <Select
          style={{ width: 104 }}
          value={(filters.status as string) ?? 'all'}
          onChange={(v) => setFilter('status', v === 'all' ? undefined : v)}
          options={[
            { value: 'open', label: '未办结' },
            { value: 'all', label: '全部状态' },
            ...Object.entries(statusName).map(([value, label]) => ({ value, label }))
          ]}
          data-testid="issue-status-filter"
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder="类别"
          value={filters.category as string | undefined}
          onChange={(v) => setFilter('category', v)}
          options={(rules.data?.categories ?? []).map((c) => ({ value: c.name, label: c.name }))}
        />
        <Select
          allowClear
          style={{ width: 88 }}
          placeholder="层级"
          value={filters.level as string | undefined}
          onChange={(v) => setFilter('level', v)}
          options={[1, 2, 3, 4].map((l) => ({ value: String(l), label: levelName[l] }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 140 }}
          placeholder="承办单位"
          value={filters.holderUnitId as number | undefined}
          onChange={(v) => setFilter('holderUnitId', v)}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          data-testid="holder-filter"
        />
        {/* The filters used less often fold into one button, so the bar keeps one line at 1366 wide. */}
        <Popover
          trigger="click"
          placement="bottomLeft"
          content={
            <div className="issues-more-filters" data-testid="more-filters">
              <Select
                allowClear
                style={{ width: 230 }}
                placeholder="来源"
                value={filters.source as string | undefined}
                onChange={(v) => setFilter('source', v)}
                options={issueSources.map((s) => ({ value: s, label: s }))}
              />
              <DatePicker.RangePicker
                style={{ width: 230 }}
                placeholder={['登记起', '登记止']}
                value={filters.from ? [dayjs(filters.from as string), dayjs(filters.to as string)] : null}
                onChange={(v) => {
                  const { from: _from, to: _to, ...rest } = filters
                  setFilters(v?.[0] && v[1] ? { ...rest, from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') } : rest)
                }}
              />
              <Select
                allowClear
                style={{ width: 230 }}
                placeholder="超期"
                value={filters.overdue as boolean | undefined}
                onChange={(v) => setFilter('overdue', v)}
                options={[{ value: true, label: '已超期' }]}
              />
              <Select
                allowClear
                style={{ width: 230 }}
                placeholder="督办"
                value={filters.supervised as boolean | undefined}
                onChange={(v) => setFilter('supervised', v)}
                options={[{ value: true, label: '督办件' }]}
              />
            </div>
          }
        >
          <Badge count={moreFilters} size="small">
            <Button icon={<FilterOutlined />} data-testid="more-filters-button">
              更多筛选
            </Button>
          </Badge>
        </Popover>
        <span className="people-toolbar-spacer" />
        {total !== null && (
          <span className="muted" data-testid="issue-total">
            共 {total.toLocaleString('zh-CN')} 件
          </span>
        )}
      </div>
      <div className="issue-kpis-row">
        {k && (
          <div className="issue-kpis" data-testid="issue-kpis">
            <Statistic title={`${year}年收集问题`} value={k.collected} />
            <Statistic title="解决" value={k.resolved} />
            <Statistic title="解决率" value={pct(k.resolutionRate)} />
            <Statistic title="按时办结率" value={pct(k.onTimeRate)} />
            <Statistic title="小事不出村" value={pct(k.villageShare)} />
            <Statistic title="大事不出镇" value={pct(k.townShare)} />
            <Statistic title="超期" value={k.overdue} valueStyle={{ color: k.overdue ? '#c62828' : undefined }} />
            <Statistic title="督办" value={k.supervised} />
          </div>
        )}
        <span className="people-toolbar-spacer" />
        <Space wrap className="issue-screen-buttons">
          <Button onClick={() => setFiguresOpen(true)} data-testid="issue-figures-button">
            统计分析
          </Button>
          <Button onClick={() => setRulesOpen(true)} data-testid="routing-rules-button">
            流转规则
          </Button>
          {!ownUnit && (
            <Button onClick={() => setOverdueOpen(true)} data-testid="overdue-units-button">
              超期单位
            </Button>
          )}
          {can('issues.handle') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-issue">
              登记事件
            </Button>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error.message} className="people-error" />}
      <div className="issues-body">
        <div className="issues-list">
          <PagedTable
            datasource={datasource}
            columnDefs={columns}
            onRowClick={openRow}
            onRowPress={pressRow}
            testId="issue-list"
            rowClassRules={rowClassRules}
          />
        </div>
        <aside className="issues-side">
          <ChosenIssuePanel chosen={chosen} actingUnitId={actingUnitId} />
        </aside>
      </div>
      <OverdueUnits open={overdueOpen} onClose={() => setOverdueOpen(false)} />
      <RoutingRulesDrawer open={rulesOpen} onClose={() => setRulesOpen(false)} />
      <IssueFiguresDrawer open={figuresOpen} onClose={() => setFiguresOpen(false)} />
      {creating && <NewIssueModal onClose={() => setCreating(false)} onCreated={chosen.set} reportingUnitId={me.actingUnitId ?? undefined} />}
    </div>
  )
}

function ChosenIssuePanel({ chosen, actingUnitId }: { chosen: ChosenIssue; actingUnitId: number | null }) {
  return <IssuePanel id={useChosenIssue(chosen)} actingUnitId={actingUnitId} onOpen={chosen.set} />
}
