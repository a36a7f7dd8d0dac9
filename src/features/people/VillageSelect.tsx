// Pick a village or community, grouped by management office, searchable by name or code.
import { Select } from 'antd'
import { useVillages } from '../../api/people'

export function VillageSelect({
  value,
  onChange,
  allowClear,
  placeholder,
  style
}: {
  value?: number
  onChange: (id: number | undefined) => void
  allowClear?: boolean
  placeholder?: string
  style?: React.CSSProperties
}) {
  const villages = useVillages()
  const offices = new Map<string, { value: number; label: string; code: string }[]>()
  for (const v of villages.data ?? []) {
    const key = v.office ?? '未划归管理处'
    offices.set(key, [...(offices.get(key) ?? []), { value: v.id, label: v.name, code: v.code }])
  }
  return (
    <Select
      showSearch={{
        optionFilterProp: 'label',
        filterOption: (input, option) => !!option && 'code' in option && (String(option.label).includes(input) || String(option.code).startsWith(input))
      }}
      allowClear={allowClear}
      placeholder={placeholder ?? '选择村居'}
      style={{ width: 220, ...style }}
      loading={villages.isLoading}
      value={value}
      // Until the list is read (or when it could not be), a chosen village shows as such, not as its number.
      labelRender={(chosen) => chosen.label ?? (villages.isError ? '（村居列表未能读取）' : '读取中…')}
      onChange={(v) => onChange(v ?? undefined)}
      options={[...offices].map(([office, options]) => ({ label: office, options }))}
      data-testid="village-select"
    />
  )
}
