import { useState } from 'react'
import { Alert, App, Modal, Select, Typography } from 'antd'
import type { Output } from '../../../../electron/shared/contract'
import { useOffices } from '../../../api/hooks'
import { useApiMutation } from '../../../api/mutations'

type Grid = Output<'grids.get'>

export function OfficeMoveModal({ grid, open, onClose }: { grid: Grid; open: boolean; onClose: () => void }) {
  const offices = useOffices()
  const [officeId, setOfficeId] = useState<number>()
  const move = useApiMutation('units.moveVillage')
  const { message } = App.useApp()
  return (
    <Modal
      title={`把“${grid.village.name}”划归其他管理处`}
      open={open}
      okText="划归"
      okButtonProps={{ disabled: !officeId }}
      confirmLoading={move.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        move.mutate(
          { villageUnitId: grid.village.id, version: grid.village.version, officeId: officeId! },
          {
            onSuccess: () => {
              message.success('已划归')
              onClose()
            }
          }
        )
      }
    >
      {move.error && <Alert type="error" showIcon message={move.error.message} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        现属：{grid.office?.name ?? '—'}
        {grid.village.illustrative ? '（示意归属）' : ''}
      </Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        placeholder="选择管理处"
        value={officeId}
        onChange={setOfficeId}
        options={(offices.data ?? []).filter((o) => o.id !== grid.office?.id).map((o) => ({ value: o.id, label: o.name }))}
        data-testid="office-select"
      />
    </Modal>
  )
}
