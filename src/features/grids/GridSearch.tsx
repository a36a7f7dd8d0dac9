// Find a grid by name or code; choosing a hit selects it and flies the map there.
import { useDeferredValue, useRef, useState } from 'react'
import type { InputRef } from 'antd'
import { AutoComplete, Input, Tag, Typography } from 'antd'
import { useGridSearch } from '../../api/hooks'
import type { Output } from '../../../electron/shared/contract'
import { tierLabel } from './labels'

type Hit = Output<'grids.search'>[number]

export function GridSearch({ onPick }: { onPick: (hit: Hit) => void }) {
  const [text, setText] = useState('')
  // The list closes once a hit is chosen (and the box gives up focus, so it does not reopen on the old hits).
  const [open, setOpen] = useState(false)
  const input = useRef<InputRef>(null)
  const q = useDeferredValue(text.trim())
  const { data, isFetching, error } = useGridSearch(q)
  const options = (data ?? []).map((hit) => ({
    value: String(hit.id),
    hit,
    label: (
      <div className="search-hit" data-testid="search-hit">
        <Tag color={hit.tier === 1 ? 'blue' : hit.tier === 2 ? 'orange' : 'green'}>{tierLabel[hit.tier]}</Tag>
        <span className="search-hit-name">{hit.name}</span>
        <Typography.Text type="secondary" className="search-hit-path">
          {hit.path || hit.code}
        </Typography.Text>
      </div>
    )
  }))
  const notFound = q && !isFetching ? error ? <span className="error-text">{(error as Error).message}</span> : '没有找到匹配的网格' : null
  return (
    <AutoComplete
      className="grid-search"
      value={text}
      options={options}
      open={open && q !== ''}
      onOpenChange={setOpen}
      onSearch={(v) => {
        setText(v)
        setOpen(true)
      }}
      onSelect={(_v, option) => {
        onPick((option as (typeof options)[number]).hit)
        setText('')
        setOpen(false)
        input.current?.blur()
      }}
      notFoundContent={notFound}
      popupMatchSelectWidth={360}
    >
      <Input.Search ref={input} placeholder="搜索网格名称或编码，如 汀圃社区" allowClear aria-label="搜索网格" loading={isFetching} />
    </AutoComplete>
  )
}
