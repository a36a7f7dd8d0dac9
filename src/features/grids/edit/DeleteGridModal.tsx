// Deleting asks what happens to the children, says what will go, and offers undo afterwards.
import { useState } from 'react'
import { Alert, App, Button, Modal, Radio, Space, Typography } from 'antd'
import type { Output, Tier } from '../../../../electron/shared/contract'
import { useApiMutation, useUndo } from '../../../api/mutations'
import { tierLabel } from '../labels'
import { GridPicker } from './ParentPicker'

type Grid = Output<'grids.get'>

export function DeleteGridModal({ grid, open, onClose, onDeleted }: { grid: Grid; open: boolean; onClose: () => void; onDeleted: () => void }) {
  const hasChildren = grid.children.length > 0
  const { households, partyMembers, reportingMembers, issues } = grid.holds
  const people = [
    households && `${households} 户`,
    partyMembers && `${partyMembers} 名居住党员`,
    reportingMembers && `${reportingMembers} 名报到党员`,
    issues && `${issues} 件事件`
  ]
    .filter(Boolean)
    .join('、')
  // A party group that people hang on cannot simply go: the officer chooses where they go.
  const mustChoose = hasChildren || people !== ''
  const [choice, setChoice] = useState<'cascade' | 'reparent'>('reparent')
  const [heir, setHeir] = useState<number>()
  const remove = useApiMutation('grids.delete')
  const undo = useUndo()
  const { message } = App.useApp()
  const descendants = grid.tier === 1 ? grid.childCounts.tier2 + grid.childCounts.tier3 : grid.children.length
  const submit = async () => {
    let result
    try {
      result = await remove.mutateAsync({
        id: grid.id,
        version: grid.version,
        children: mustChoose ? choice : 'refuse',
        reparentTo: choice === 'reparent' ? heir : undefined
      })
    } catch {
      return // shown in the dialog from remove.error
    }
    const key = `deleted-${result.batchId}`
    const undoDelete = () =>
      undo(result.batchId).then(
        () => message.success({ key, content: '已撤销删除' }),
        (e: Error) => message.error({ key, content: e.message })
      )
    message.success({
      key,
      duration: 8,
      content: (
        <span>
          已删除 {result.deleted} 个网格。
          <Button type="link" size="small" onClick={undoDelete}>
            撤销
          </Button>
        </span>
      )
    })
    onDeleted()
    onClose()
  }
  return (
    <Modal
      title={`删除网格：${grid.name}`}
      open={open}
      okText="删除"
      okButtonProps={{ danger: true, disabled: mustChoose && choice === 'reparent' && !heir }}
      confirmLoading={remove.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {remove.error && <Alert type="error" showIcon message={remove.error.message} style={{ marginBottom: 12 }} />}
      {hasChildren ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            “{grid.name}”下有 {descendants} 个下级网格{people && `（登记有 ${people}）`}。请选择如何处理：
          </Typography.Text>
          <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)}>
            <Space direction="vertical">
              <Radio value="reparent">把下级网格移到另一个{tierLabel[grid.tier]}下（人员随网格不变）</Radio>
              <Radio value="cascade">
                一并删除全部 {descendants} 个下级网格{people && '，其中的人员暂不属于任何网格（报到党员变为未编组）'}
              </Radio>
            </Space>
          </Radio.Group>
          {choice === 'reparent' && (
            <GridPicker tier={grid.tier as Tier} value={heir} onChange={setHeir} exclude={grid.id} placeholder={`查找接收下级网格的${tierLabel[grid.tier]}`} />
          )}
        </Space>
      ) : people ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="delete-people-choice">
          <Typography.Text>
            “{grid.name}”登记有 {people}。请选择如何处理：
          </Typography.Text>
          <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)}>
            <Space direction="vertical">
              <Radio value="reparent">全部移到同村居的另一个党小组</Radio>
              <Radio value="cascade">删除后暂不属于任何网格（报到党员变为未编组，可重新编组；事件仍在所在村居）</Radio>
            </Space>
          </Radio.Group>
          {choice === 'reparent' && <GridPicker tier={3} value={heir} onChange={setHeir} exclude={grid.id} placeholder="查找接收人员的党小组" />}
        </Space>
      ) : (
        <Typography.Text>确定删除“{grid.name}”吗？删除后可以撤销。</Typography.Text>
      )}
    </Modal>
  )
}
