// A grid's change log: who did what when, before → after, with undo for each action.
import { App, Button, Empty, Tag, Timeline, Typography } from 'antd'
import { useGridHistory } from '../../../api/hooks'
import { useApiMutation } from '../../../api/mutations'
import { formatTime } from '../../../components/chinaDay'

const kindLabel: Record<string, string> = {
  edit: '修改',
  create: '新建',
  delete: '删除',
  move: '移动',
  geometry: '边界',
  split: '拆分',
  import: '导入',
  undo: '撤销'
}

export function GridHistory({ gridId }: { gridId: number }) {
  const { data, error } = useGridHistory(gridId)
  const undo = useApiMutation('changes.undo')
  const { message } = App.useApp()
  if (error) return <Typography.Text type="danger">{error.message}</Typography.Text>
  if (data && data.length === 0) return <Empty description="暂无修改记录（演示数据初始导入不计）" />
  return (
    <Timeline
      className="grid-history"
      data-testid="grid-history"
      items={(data ?? []).map((h) => ({
        color: h.kind === 'undo' ? 'gray' : h.kind === 'delete' ? 'red' : 'blue',
        children: (
          <div className="history-entry">
            <div>
              <Tag>{kindLabel[h.kind] ?? h.kind}</Tag>
              <Typography.Text strong>{h.description}</Typography.Text>
            </div>
            <div className="history-summary">{h.summary}</div>
            <div className="muted">
              {formatTime(h.at)} · {h.actor}
              {h.undoneBy ? ' · 已撤销' : ''}
              {!h.undoneBy && h.kind !== 'undo' && (
                <Button
                  type="link"
                  size="small"
                  loading={undo.isPending}
                  onClick={() => undo.mutate({ batchId: h.batchId }, { onSuccess: () => message.success('已撤销'), onError: (e) => message.error(e.message) })}
                >
                  撤销
                </Button>
              )}
            </div>
          </div>
        )
      }))}
    />
  )
}
