// Right-click on a grid in the tree or on the map: the same actions as the panel, where the pointer is.
import { Dropdown } from 'antd'

export type GridAction = 'locate' | 'edit' | 'create' | 'draw' | 'split' | 'move' | 'delete'
export type ContextTarget = { id: number; tier: 1 | 2 | 3; name: string; x: number; y: number }

const items = (tier: number) => [
  { key: 'locate', label: '定位并查看' },
  { key: 'edit', label: '编辑属性' },
  ...(tier < 3 ? [{ key: 'create', label: '新建下级网格' }] : []),
  { key: 'draw', label: '绘制或修改边界' },
  ...(tier > 1
    ? [
        { key: 'split', label: '拆分' },
        { key: 'move', label: '调整上级' }
      ]
    : []),
  { type: 'divider' as const },
  { key: 'delete', label: '删除', danger: true }
]

export function GridContextMenu({
  target,
  onAction,
  onClose
}: {
  target: ContextTarget | null
  onAction: (a: GridAction, t: ContextTarget) => void
  onClose: () => void
}) {
  if (!target) return null
  return (
    <Dropdown
      open
      onOpenChange={(open) => !open && onClose()}
      menu={{
        items: items(target.tier),
        onClick: ({ key }) => {
          onAction(key as GridAction, target)
          onClose()
        }
      }}
      trigger={['contextMenu']}
    >
      <div className="grid-context-anchor" style={{ left: target.x, top: target.y }} data-testid="grid-context-menu" aria-label={`“${target.name}”的操作`} />
    </Dropdown>
  )
}
