// Find a person by name, the last four characters of an ID number or phone, or a whole number, as the registries' quick search does.
import { useState } from 'react'
import { Select } from 'antd'
import { usePersonSearch } from '../../api/people'

export function PersonPicker({
  value,
  onChange,
  villageUnitId,
  partyOnly,
  placeholder,
  testId
}: {
  value?: number
  onChange: (id: number | undefined) => void
  villageUnitId?: number
  partyOnly?: boolean
  placeholder?: string
  testId?: string
}) {
  const [q, setQ] = useState('')
  const { found, waitingFor } = usePersonSearch(q, villageUnitId, partyOnly)
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      style={{ width: 280 }}
      placeholder={placeholder ?? '姓名、号码末 4 位或完整号码'}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      loading={found.isFetching}
      notFoundContent={waitingFor ?? (q ? '没有找到' : '请输入以查找')}
      options={(found.data?.rows ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.village ?? ''}，${p.phone ?? '无电话'}）` }))}
      data-testid={testId}
    />
  )
}
