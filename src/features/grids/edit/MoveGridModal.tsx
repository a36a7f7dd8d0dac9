import { useState } from 'react'
import { Alert, App, Modal, Typography } from 'antd'
import type { Output, Tier } from '../../../../electron/shared/contract'
import { useApiMutation } from '../../../api/mutations'
import { tierLabel } from '../labels'
import { GridPicker } from './ParentPicker'

type Grid = Output<'grids.get'>

export function MoveGridModal({ grid, open, onClose }: { grid: Grid; open: boolean; onClose: () => void }) {
  const [parentId, setParentId] = useState<number>()
  const move = useApiMutation('grids.move')
  const { message } = App.useApp()
  const parentTier = (grid.tier - 1) as Tier
  return (
    <Modal
      title={`调整“${grid.name}”的上级网格`}
      open={open}
      okText="移动"
      okButtonProps={{ disabled: !parentId }}
      confirmLoading={move.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        move.mutate(
          { id: grid.id, version: grid.version, parentId: parentId! },
          {
            onSuccess: () => {
              message.success('已移动')
              onClose()
            }
          }
        )
      }
    >
      {move.error && <Alert type="error" showIcon message={move.error.message} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>现在的上级：{grid.parentChain.at(-1)?.name ?? '—'}。下级网格随之一起移动。</Typography.Paragraph>
      <GridPicker
        tier={parentTier}
        value={parentId}
        onChange={setParentId}
        exclude={grid.parentId ?? undefined}
        placeholder={`查找新的上级（${tierLabel[parentTier]}）`}
      />
    </Modal>
  )
}
