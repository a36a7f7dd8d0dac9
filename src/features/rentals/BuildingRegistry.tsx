// The registry of rental buildings, paged and filtered in the store, with the chosen building's
// hazards beside it (BuildingPanel), as 事件处置 shows an issue beside its list.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Alert, Button, Input, Select } from 'antd'
import { PlusOutlined, UploadOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import { fetchRentalBuilding, rentalDatasource, type RentalFilter } from '../../api/rentals'
import { useOnScreenShown } from '../../api/screenShown'
import { takeBuildingToOpen } from './openBuilding'
import { useCan, useMe } from '../../api/auth'
import { PagedTable } from '../../components/PagedTable'
import { VillageSelect } from '../people/VillageSelect'
import { BuildingPanel, type BuildingRow } from './BuildingPanel'
import { NewBuildingModal } from './NewBuildingModal'
import { FeatureLedgerImport } from '../../components/FeatureLedgerImport'
import { ExportButton } from '../../components/ExportButton'

const columns: ColDef[] = [
  { field: 'address', headerName: '地址', flex: 1, minWidth: 170, sortable: true },
  { field: 'village', headerName: '村居', width: 100 },
  { field: 'riskClass', headerName: '风险', width: 84, sortable: true, cellClass: (p) => (p.value === '高风险' ? 'rental-high-risk' : undefined) },
  { field: 'openHazards', headerName: '未整改', width: 84, sortable: true },
  { field: 'overdueHazards', headerName: '逾期', width: 72, sortable: true, cellClass: (p) => (p.value ? 'rental-overdue' : undefined) },
  { field: 'lastInspectedOn', headerName: '最近排查', width: 104 },
  { field: 'use', headerName: '用途', width: 66 },
  { field: 'tenants', headerName: '租客', width: 70 },
  { field: 'rentalRooms', headerName: '出租间数', width: 90 },
  { field: 'landlord', headerName: '房东', width: 90 },
  { field: 'sample', headerName: '', width: 60, valueFormatter: (p) => (p.value ? '示意' : '') }
]

export function BuildingRegistry() {
  const can = useCan()
  const [villageUnitId, setVillage] = useState<number | undefined>()
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Record<string, string | boolean>>({})
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [chosen, setChosen] = useState<BuildingRow | null>(null)
  const [adding, setAdding] = useState(false)
  const [importing, setImporting] = useState(false)
  const me = useMe()
  const filter: RentalFilter = { q: q.trim() || undefined, villageUnitId, filters }
  const key = JSON.stringify(filter)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const datasource = useMemo(() => rentalDatasource(filter, (n) => (setTotal(n), setError(null)), setError), [key])
  const setFilter = (k: string, v: string | undefined) => {
    const next = { ...filters }
    if (v === undefined) delete next[k]
    else next[k] = v
    setFilters(next)
  }
  /** 有未整改 or 有逾期: one choice, two filters of the list. */
  const setHazards = (v: 'open' | 'overdue' | undefined) => {
    const { open: _open, overdue: _overdue, ...rest } = filters
    setFilters(v ? { ...rest, [v]: true } : rest)
  }
  const openRow = useCallback((row: Record<string, unknown>) => setChosen(row as BuildingRow), [])
  // A building clicked on the map opens here beside the list.
  const openWaiting = () => {
    const id = takeBuildingToOpen()
    if (id) void fetchRentalBuilding(id).then((row) => row && setChosen(row))
  }
  useEffect(openWaiting, [])
  useOnScreenShown(openWaiting)
  return (
    <>
      <div className="people-toolbar">
        <VillageSelect allowClear placeholder="全部村居" value={villageUnitId} onChange={setVillage} style={{ width: 180 }} />
        <Input.Search allowClear placeholder="地址" style={{ width: 180 }} onSearch={setQ} data-testid="rental-search" />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder="风险等级"
          value={filters.riskClass as string | undefined}
          onChange={(v) => setFilter('riskClass', v)}
          options={['高风险', '中风险', '低风险'].map((r) => ({ value: r, label: r }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder="隐患情况"
          value={filters.overdue ? 'overdue' : filters.open ? 'open' : undefined}
          onChange={setHazards}
          options={[
            { value: 'open', label: '有未整改隐患' },
            { value: 'overdue', label: '有逾期隐患' }
          ]}
          data-testid="rental-hazard-filter"
        />
        <span className="people-toolbar-spacer" />
        {total !== null && (
          <span className="muted" data-testid="rental-total">
            共 {total.toLocaleString('zh-CN')} 栋
          </span>
        )}
        <ExportButton method="rentals.buildings.export" input={filter} testId="rental-export" />
        {/* Ledgers are the town's to import (rentals.import), as the people registries are. */}
        {can('rentals.handle') && me.scopeVillageIds === null && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="rental-import-button">
            导入台账
          </Button>
        )}
        {can('rentals.handle') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-rental">
            登记出租屋
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon message={error.message} className="people-error" />}
      <div className="issues-body">
        <div className="issues-list">
          <PagedTable datasource={datasource} columnDefs={columns} onRowClick={openRow} testId="rental-list" />
        </div>
        <aside className="issues-side">
          <BuildingPanel building={chosen} />
        </aside>
      </div>
      {importing && (
        <FeatureLedgerImport
          feature="rentals"
          title="导入出租屋台账"
          kinds={[
            { value: 'buildings', label: '出租屋台账（房东）' },
            { value: 'inspections', label: '排查台账（网格员）' }
          ]}
          hint="先校验每一行，确认后一次性导入；先导入出租屋台账，再导入排查台账"
          testIdPrefix="rental-import"
          onClose={() => setImporting(false)}
        />
      )}
      {adding && <NewBuildingModal onClose={() => setAdding(false)} defaultVillage={villageUnitId} />}
    </>
  )
}
