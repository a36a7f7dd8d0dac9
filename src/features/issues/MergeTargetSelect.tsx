// Choose the open issue to merge into: likely duplicates first, or search by code or title.
import { useState } from 'react'
import { Select } from 'antd'
import { useMergeTargets } from '../../api/issues'

type Props = { issue: { id: number; category: string; lonLat: [number, number] | null }; value?: number; onChange?: (id: number) => void }

export function MergeTargetSelect({ issue, value, onChange }: Props) {
  const [q, setQ] = useState('')
  const targets = useMergeTargets(issue, q)
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={targets.isFetching}
      placeholder="附近同类事件，或输入编号、标题搜索"
      notFoundContent={q ? '没有找到未办结的事件' : '附近 30 天内没有同类事件，请输入编号或标题搜索'}
      options={(targets.data ?? []).map((t) => ({ value: t.id, label: `${t.code} ${t.title}` }))}
      data-testid="merge-target"
    />
  )
}
