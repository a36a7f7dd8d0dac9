// 三长 (楼长、巷长、街长) in 人员台账: this year's figures, the areas with no head, the registry paged in
// the store, and a head's records beside it (HeadDrawer).
import { useCallback, useMemo, useState } from 'react'
import { Alert, App, Button, Dropdown, Input, Popover, Select, Statistic } from 'antd'
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { useWrite } from '../../api/write'
import { saveFile } from '../../api/download'
import type { ColDef } from 'ag-grid-community'
import { headDatasource, useHeadCheck, useHeadFigures, type HeadFilter } from '../../api/heads'
import { useCan, useMe } from '../../api/auth'
import { PagedTable } from '../../components/PagedTable'
import { chinaToday } from '../../components/chinaDay'
import { AppointHeadModal } from './AppointHeadModal'
import { FeatureLedgerImport } from '../../components/FeatureLedgerImport'
import { HeadDrawer, type HeadRow } from './HeadDrawer'

const columns: ColDef[] = [
  { field: 'name', headerName: '姓名', width: 96, sortable: true, pinned: 'left' },
  { field: 'role', headerName: '类别', width: 74 },
  { field: 'area', headerName: '负责楼巷街', flex: 1, minWidth: 150 },
  { field: 'village', headerName: '村居', width: 104 },
  { field: 'tier3', headerName: '三级网格', width: 150 },
  { field: 'problems', headerName: '解决问题', width: 100, sortable: true },
  { field: 'disputes', headerName: '调解纠纷', width: 100, sortable: true },
  { field: 'activities', headerName: '社区活动', width: 100, sortable: true },
  { field: 'appointedOn', headerName: '任命日期', width: 110, sortable: true },
  { field: 'endedOn', headerName: '卸任', width: 104, valueFormatter: (p) => p.value ?? '在任' },
  { field: 'sample', headerName: '', width: 60, valueFormatter: (p) => (p.value ? '示意' : '') }
]

export function HeadsPanel({ villageUnitId }: { villageUnitId?: number }) {
  const can = useCan()
  const year = chinaToday().year()
  const figures = useHeadFigures({ from: `${year}-01-01`, to: `${year}-12-31`, villageIds: villageUnitId ? [villageUnitId] : undefined })
  const check = useHeadCheck(villageUnitId)
  const [q, setQ] = useState('')
  const [role, setRole] = useState<string | undefined>()
  const [inOffice, setInOffice] = useState<boolean | undefined>(true)
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [chosen, setChosen] = useState<HeadRow | null>(null)
  const [appointing, setAppointing] = useState(false)
  const [importing, setImporting] = useState(false)
  const me = useMe()
  const exporter = useWrite('heads.export', { invalidates: 'nothing' })
  const recordsExporter = useWrite('heads.exportRecords', { invalidates: 'nothing' })
  const { message } = App.useApp()
  const filter: HeadFilter = {
    q: q.trim() || undefined,
    villageUnitId,
    filters: { ...(role ? { role } : {}), ...(inOffice !== undefined ? { inOffice } : {}) }
  }
  const key = JSON.stringify(filter)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const datasource = useMemo(() => headDatasource(filter, (n) => (setTotal(n), setError(null)), setError), [key])
  const open = useCallback((row: Record<string, unknown>) => setChosen(row as HeadRow), [])
  const f = figures.data?.total
  const missing = check.data?.withoutHead ?? []
  return (
    <div className="heads-panel">
      <div className="people-toolbar">
        {f && (
          <div className="issue-kpis" data-testid="head-figures">
            <Statistic title={`在任三长（截至 ${figures.data!.asOf}）`} value={f.heads} />
            <Statistic title={`${year}年解决问题`} value={f.problems} />
            <Statistic title="调解纠纷" value={f.disputes} suffix={<span className="muted">成功 {f.settled}</span>} />
            <Statistic title="社区活动" value={f.activities} />
            <Statistic title="带动志愿者（人次）" value={f.volunteers} />
          </div>
        )}
        <span className="people-toolbar-spacer" />
        {check.data && (
          <Popover
            trigger="click"
            title={`没有在任三长的三级网格（${missing.length} / ${check.data.areas}）`}
            content={
              <ul className="heads-missing" data-testid="heads-missing">
                {missing.slice(0, 30).map((a) => (
                  <li key={a.tier3GridId}>
                    {a.village} · {a.name}
                  </li>
                ))}
                {missing.length > 30 && <li className="muted">另有 {missing.length - 30} 个……</li>}
              </ul>
            }
          >
            <Button danger={missing.length > 0} data-testid="heads-check-button">
              无三长的网格 {missing.length}
            </Button>
          </Popover>
        )}
      </div>
      <div className="people-toolbar">
        <Input.Search allowClear placeholder="姓名或楼巷街" style={{ width: 180 }} onSearch={setQ} data-testid="heads-search" />
        <Select
          allowClear
          style={{ width: 100 }}
          placeholder="类别"
          value={role}
          onChange={setRole}
          options={['楼长', '巷长', '街长'].map((r) => ({ value: r, label: r }))}
        />
        <Select
          allowClear
          style={{ width: 100 }}
          placeholder="任职"
          value={inOffice}
          onChange={setInOffice}
          options={[
            { value: true, label: '在任' },
            { value: false, label: '已卸任' }
          ]}
        />
        <span className="people-toolbar-spacer" />
        {total !== null && <span className="muted">共 {total.toLocaleString('zh-CN')} 名</span>}
        {can('data.export') && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'heads', label: '三长名册（当前筛选）' },
                { key: 'records', label: `${year}年三长工作台账` }
              ],
              onClick: ({ key }) =>
                (key === 'heads'
                  ? exporter.mutateAsync(filter)
                  : recordsExporter.mutateAsync({ from: `${year}-01-01`, to: `${year}-12-31`, villageUnitId })
                ).then(saveFile, (e: Error) => message.error(e.message))
            }}
          >
            <Button icon={<DownloadOutlined />} loading={exporter.isPending || recordsExporter.isPending} data-testid="heads-export">
              导出 Excel
            </Button>
          </Dropdown>
        )}
        {/* The villages' ledgers are imported by the town (heads.import); a clerk sees no 导入. */}
        {can('people.write') && me.scopeVillageIds === null && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="head-import-button">
            导入台账
          </Button>
        )}
        {can('people.write') && (
          <Button type="primary" onClick={() => setAppointing(true)} data-testid="appoint-head">
            任命三长
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon message={error.message} className="people-error" />}
      <div className="heads-table">
        <PagedTable datasource={datasource} columnDefs={columns} onRowClick={open} testId="heads-list" />
      </div>
      <HeadDrawer head={chosen} onClose={() => setChosen(null)} />
      {importing && (
        <FeatureLedgerImport
          feature="heads"
          title="导入三长台账"
          kinds={[
            { value: 'heads', label: '三长名册' },
            { value: 'records', label: '三长工作台账' }
          ]}
          hint="先校验每一行，确认后一次性导入；先导入三长名册，再导入工作台账"
          testIdPrefix="head-import"
          onClose={() => setImporting(false)}
        />
      )}
      {appointing && <AppointHeadModal defaultVillage={villageUnitId} onClose={() => setAppointing(false)} />}
    </div>
  )
}
