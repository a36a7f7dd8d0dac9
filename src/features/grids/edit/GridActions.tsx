// The action bar of the grid panel: edit, new child, move, re-assign office, delete.
import { useEffect, useState } from 'react'
import { Button, Space } from 'antd'
import { DeleteOutlined, EditOutlined, PlusOutlined, SwapOutlined, ApartmentOutlined, FormOutlined, ScissorOutlined } from '@ant-design/icons'
import type { DrawMode } from '../../draw/drawSession'
import type { Output, Tier } from '../../../../electron/shared/contract'
import { CreateChildModal } from './CreateChildModal'
import { DeleteGridModal } from './DeleteGridModal'
import { EditGridModal } from './EditGridModal'
import { MoveGridModal } from './MoveGridModal'
import { OfficeMoveModal } from './OfficeMoveModal'

type Grid = Output<'grids.get'>
type Dialog = 'edit' | 'create' | 'move' | 'office' | 'delete' | null

type Props = {
  grid: Grid
  onSelect: (id: number, tier: Tier) => void
  onDeleted: () => void
  onDraw: (mode: DrawMode) => void
  /** An action chosen in a right-click menu for this grid, to carry out once it is loaded. */
  requested?: { gridId: number; action: string; nonce: number } | null
  onRequestHandled?: () => void
}

export function GridActions({ grid, onSelect, onDeleted, onDraw, requested, onRequestHandled }: Props) {
  const [dialog, setDialog] = useState<Dialog>(null)
  useEffect(() => {
    if (!requested || requested.gridId !== grid.id) return
    const a = requested.action
    if (a === 'draw') onDraw(grid.hasGeometry ? 'edit' : 'polygon')
    else if (a === 'split') onDraw('split')
    else if (a === 'edit' || a === 'create' || a === 'move' || a === 'delete') setDialog(a)
    onRequestHandled?.()
    // Only a new request (nonce) should act; the grid reloading must not reopen the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requested?.nonce, grid.id])
  const close = () => setDialog(null)
  return (
    <>
      <Space wrap size={[6, 6]} className="grid-actions">
        <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
          编辑
        </Button>
        <Button size="small" icon={<FormOutlined />} onClick={() => onDraw(grid.hasGeometry ? 'edit' : 'polygon')}>
          {grid.hasGeometry ? '修改边界' : '绘制边界'}
        </Button>
        {grid.tier > 1 && grid.hasGeometry && (
          <Button size="small" icon={<ScissorOutlined />} onClick={() => onDraw('split')}>
            拆分
          </Button>
        )}
        {grid.tier < 3 && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            新建下级
          </Button>
        )}
        {grid.tier > 1 && (
          <Button size="small" icon={<SwapOutlined />} onClick={() => setDialog('move')}>
            调整上级
          </Button>
        )}
        {grid.tier === 1 && (
          <Button size="small" icon={<ApartmentOutlined />} onClick={() => setDialog('office')}>
            划归管理处
          </Button>
        )}
        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setDialog('delete')}>
          删除
        </Button>
      </Space>
      {dialog === 'edit' && <EditGridModal grid={grid} open onClose={close} />}
      {dialog === 'create' && <CreateChildModal parent={grid} open onClose={close} onCreated={onSelect} />}
      {dialog === 'move' && <MoveGridModal grid={grid} open onClose={close} />}
      {dialog === 'office' && <OfficeMoveModal grid={grid} open onClose={close} />}
      {dialog === 'delete' && <DeleteGridModal grid={grid} open onClose={close} onDeleted={onDeleted} />}
    </>
  )
}
