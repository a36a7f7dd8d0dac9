// 走访统计: per village and for the town — households, household visits, visit rate (can pass
// 100%), rounds of full coverage completed, and the resident teams' person-times.
import { useState } from 'react'
import { Alert, DatePicker, Space, Statistic, Table } from 'antd'
import dayjs from 'dayjs'
import { useVisitStats } from '../../api/people'
import { chinaToday } from '../../components/chinaDay'

const n = (v: number) => v.toLocaleString('zh-CN')

export function VisitStatsPanel({ villageUnitId }: { villageUnitId?: number }) {
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([chinaToday().subtract(1, 'year').add(1, 'day'), chinaToday()])
  const stats = useVisitStats({ villageUnitId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })
  const t = stats.data?.total
  return (
    <div className="visit-stats" data-testid="visit-stats">
      <div style={{ marginBottom: 12 }}>
        <Space wrap>
          <span>统计期间</span>
          <DatePicker.RangePicker value={range} allowClear={false} onChange={(r) => r && r[0] && r[1] && setRange([r[0], r[1]])} />
        </Space>
      </div>
      {stats.error && <Alert type="error" showIcon message={stats.error.message} />}
      {t && (
        <div className="visit-figures">
          <Space size={40} wrap>
            <Statistic title="户数" value={t.households} />
            <Statistic title="入户走访（次）" value={t.visits} />
            <Statistic title="入户走访率" value={t.visitRate} suffix="%" precision={1} />
            <Statistic title="全覆盖走访（轮）" value={t.rounds} />
            <Statistic title="驻点团队接待或联系（人次）" value={t.teamPersonTimes} />
            <Statistic title="来访接待（人次）" value={t.receptions} />
          </Space>
        </div>
      )}
      <Table
        size="small"
        rowKey="villageUnitId"
        loading={stats.isLoading}
        dataSource={stats.data?.villages ?? []}
        pagination={false}
        scroll={{ y: 'calc(100vh - 380px)' }}
        columns={[
          { title: '村居', dataIndex: 'village', width: 140 },
          { title: '户数', dataIndex: 'households', align: 'right', render: n, sorter: (a, b) => a.households - b.households },
          { title: '入户走访', dataIndex: 'visits', align: 'right', render: n, sorter: (a, b) => a.visits - b.visits },
          { title: '走访率', dataIndex: 'visitRate', align: 'right', render: (v: number) => `${v.toFixed(1)}%`, sorter: (a, b) => a.visitRate - b.visitRate },
          {
            title: '全覆盖轮次',
            dataIndex: 'rounds',
            align: 'right',
            render: (v: number) => (v < 1 ? <span className="error-text">{v}</span> : v),
            sorter: (a, b) => a.rounds - b.rounds
          },
          { title: '驻点团队走访', dataIndex: 'teamVisits', align: 'right', render: n },
          { title: '党员走访', dataIndex: 'memberVisits', align: 'right', render: n },
          { title: '来访接待（人次）', dataIndex: 'receptions', align: 'right', render: n },
          { title: '驻点团队人次', dataIndex: 'teamPersonTimes', align: 'right', render: n, sorter: (a, b) => a.teamPersonTimes - b.teamPersonTimes }
        ]}
      />
    </div>
  )
}
