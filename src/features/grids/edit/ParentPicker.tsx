// Pick a grid of a given tier by typing part of its name or code.
import { useDeferredValue, useState } from 'react'
import { Select } from 'antd'
import type { Tier } from '../../../../electron/shared/contract'
import { useGridSearch } from '../../../api/hooks'

export function GridPicker({
  tier,
  value,
  onChange,
  exclude,
  placeholder
}: {
  tier: Tier
  value?: number
  onChange: (id: number) => void
  exclude?: number
  placeholder: string
}) {
  const [text, setText] = useState('')
  const q = useDeferredValue(text.trim())
  const { data, isFetching } = useGridSearch(q)
  const options = (data ?? [])
    .filter((h) => h.tier === tier && h.id !== exclude)
    .map((h) => ({ value: h.id, label: `${h.name}${h.path ? `（${h.path}）` : ''}` }))
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={onChange}
      options={options}
      loading={isFetching}
      placeholder={placeholder}
      notFoundContent={q ? '没有匹配的网格' : '输入名称或编码查找'}
      style={{ width: '100%' }}
      data-testid="grid-picker"
    />
  )
}
