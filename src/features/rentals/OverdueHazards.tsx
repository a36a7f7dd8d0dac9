// 逾期隐患: the hazards past their deadline and not yet issues (the town, or one village), the longest
// overdue first; several chosen are turned into 消防安全 issues at once, each held by its village —
// all of them, or none with each reason named (rentals.escalateMany).
import { useState } from 'react'
import { Alert, App, Button, Popconfirm, Table } from 'antd'
import type { Output } from '../../../electron/shared/contract'
import { useOverdueHazards } from '../../api/rentals'
import { useCan } from '../../api/auth'
import { useWrite } from '../../api/write'
import { VillageSelect } from '../people/VillageSelect'

type Row = Output<'rentals.overdueHazards'>['rows'][number]

export function OverdueHazards() {
  const can = useCan()
  const [village, setVillage] = useState<number | undefined>()
  const [chosen, setChosen] = useState<number[]>([])
  const list = useOverdueHazards(village)
  const escalate = useWrite('rentals.escalateMany', { invalidates: 'everything' })
  const { message } = App.useApp()
  const data = list.data
  const turn = async () => {
    try {
      const made = await escalate.mutateAsync({ hazardIds: chosen })
      setChosen([])
      message.success(`已转为事件 ${made.length} 件（${made[0].code}${made.length > 1 ? ` 等` : ''}），交各村居办理，可在事件处置查看`)
    } catch (e) {
      message.error({ content: (e as Error).message, duration: 8 })
    }
  }
  return (
    <div className="rental-progress" data-testid="overdue-hazards">
      <div className="people-toolbar">
        <VillageSelect allowClear placeholder="全部村居" value={village} onChange={(v) => (setVillage(v), setChosen([]))} style={{ width: 180 }} />
        {data && (
          <span className="muted" data-testid="overdue-total">
            截至 {data.asOf}，逾期未整改、尚未转为事件的隐患 {data.total.toLocaleString('zh-CN')} 处
            {data.total > data.rows.length ? `（显示逾期最久的 ${data.rows.length} 处）` : ''}
          </span>
        )}
        <span className="people-toolbar-spacer" />
        {can('rentals.handle') && (
          <Popconfirm
            title={`把选中的 ${chosen.length} 处隐患转为事件？`}
            description="每处登记一件消防安全事件，交所在村居办理；有一处不能转则一处也不登记。"
            okText="转为事件"
            cancelText="取消"
            onConfirm={turn}
            disabled={chosen.length === 0}
          >
            <Button type="primary" danger disabled={chosen.length === 0} loading={escalate.isPending} data-testid="escalate-many">
              转为事件{chosen.length ? `（${chosen.length} 处）` : ''}
            </Button>
          </Popconfirm>
        )}
      </div>
      {list.error && <Alert type="error" showIcon message={(list.error as Error).message} className="people-error" />}
      <Table<Row>
        size="small"
        rowKey="hazardId"
        loading={list.isLoading}
        dataSource={data?.rows}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `${n} 处` }}
        scroll={{ y: 'calc(100vh - 300px)' }}
        rowSelection={
          can('rentals.handle')
            ? {
                selectedRowKeys: chosen,
                // At most 200 at once (rentals.escalateMany).
                onChange: (keys) => setChosen(keys.slice(0, 200).map(Number))
              }
            : undefined
        }
        columns={[
          { title: '出租屋', dataIndex: 'address', ellipsis: true },
          {
            title: '风险',
            dataIndex: 'riskClass',
            width: 84,
            render: (r: string) => <span className={r === '高风险' ? 'rental-high-risk' : undefined}>{r}</span>
          },
          { title: '村居', dataIndex: 'village', width: 120 },
          { title: '三级网格', dataIndex: 'tier3', width: 200, ellipsis: true, render: (g: string | null) => g ?? '未落格' },
          { title: '隐患类别', dataIndex: 'kind', width: 180, ellipsis: true },
          { title: '发现', dataIndex: 'foundOn', width: 110 },
          { title: '整改期限', dataIndex: 'deadline', width: 110 },
          {
            title: '逾期',
            dataIndex: 'daysOverdue',
            width: 90,
            align: 'right',
            render: (d: number) => <span className="rental-overdue-text">{d} 天</span>
          }
        ]}
        data-testid="overdue-table"
      />
    </div>
  )
}
