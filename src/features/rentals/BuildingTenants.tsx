// A building's tenants as the registry knows them (人员台账's households living there), beside the
// count the landlord or inspector reports: 登记住户 (a household of the village, found by name or
// code, from a day) and 迁出.
import { useState } from 'react'
import { App, Button, DatePicker, Form, Modal, Popconfirm, Select } from 'antd'
import dayjs from 'dayjs'
import { useHouseholdSearch, useRentalTenants } from '../../api/rentals'
import { useCan } from '../../api/auth'
import { useWrite } from '../../api/write'
import { chinaToday } from '../../components/chinaDay'
import type { BuildingRow } from './BuildingPanel'

export function BuildingTenants({ building }: { building: BuildingRow }) {
  const tenants = useRentalTenants(building.id)
  const can = useCan()
  const [adding, setAdding] = useState(false)
  const remove = useWrite('rentals.removeTenant', { invalidates: 'everything' })
  const { message } = App.useApp()
  const list = tenants.data ?? []
  const residents = list.reduce((n, t) => n + t.members, 0)
  return (
    <div className="rental-tenants" data-testid="rental-tenants">
      <div className="rental-hazard-head">
        <strong>人员台账登记住户</strong>
        <span data-testid="rental-tenant-count">
          {list.length} 户 {residents} 人
        </span>
        <span className="muted">（报称在住租客 {building.tenants} 人）</span>
        {can('rentals.handle') && (
          <Button size="small" type="link" onClick={() => setAdding(true)} data-testid="add-tenant">
            登记住户
          </Button>
        )}
      </div>
      <ul className="rental-tenant-list">
        {list.map((t) => (
          <li key={t.householdId} data-testid="rental-tenant">
            {t.name}户 · {t.kind} · {t.members} 人 · {t.since} 入住
            {can('rentals.handle') && (
              <Popconfirm
                title={`${t.name}户迁出这栋出租屋？`}
                okText="迁出"
                cancelText="取消"
                onConfirm={() => remove.mutateAsync({ buildingId: building.id, householdId: t.householdId }).catch((e: Error) => message.error(e.message))}
              >
                <Button size="small" type="link">
                  迁出
                </Button>
              </Popconfirm>
            )}
          </li>
        ))}
      </ul>
      {adding && <AddTenantModal building={building} onClose={() => setAdding(false)} />}
    </div>
  )
}

function AddTenantModal({ building, onClose }: { building: BuildingRow; onClose: () => void }) {
  const [q, setQ] = useState('')
  const [householdId, setHousehold] = useState<number | undefined>()
  const [since, setSince] = useState(chinaToday().format('YYYY-MM-DD'))
  const [error, setError] = useState<string | null>(null)
  const found = useHouseholdSearch(building.villageUnitId, q)
  const add = useWrite('rentals.addTenant', { invalidates: 'everything' })
  const save = async () => {
    if (!householdId) return setError('请选择一户')
    try {
      await add.mutateAsync({ buildingId: building.id, householdId, since })
      onClose()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  return (
    <Modal
      title={`登记住户 · ${building.address}`}
      open
      onCancel={onClose}
      onOk={save}
      okText="登记"
      cancelText="取消"
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={`${building.village}的户（按户主姓名或户编号查找）`} validateStatus={error ? 'error' : undefined} help={error}>
          <Select
            showSearch
            filterOption={false}
            value={householdId}
            onSearch={setQ}
            onChange={(v) => (setHousehold(v), setError(null))}
            loading={found.isFetching}
            notFoundContent={q ? '没有找到' : '输入户主姓名或户编号'}
            options={(found.data?.rows ?? []).map((h) => ({ value: h.id, label: `${h.name}户 · ${h.kind} · ${h.members} 人 · ${h.address}` }))}
            data-testid="tenant-household"
          />
        </Form.Item>
        <Form.Item label="入住日期">
          <DatePicker value={dayjs(since)} allowClear={false} onChange={(d) => d && setSince(d.format('YYYY-MM-DD'))} data-testid="tenant-since" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
