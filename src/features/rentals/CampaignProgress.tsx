// 整治进度: the campaign table for a campaign (its period and villages) or any period and village, as of
// a day — found in the period, rectified by that day, the rate, overdue on that day; by village and by
// kind. The same figures the briefing prints and the wall shows (rentals.campaignTable).
import { useState } from 'react'
import { Alert, App, Button, DatePicker, Select, Statistic, Table } from 'antd'
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import type { Input, Output } from '../../../electron/shared/contract'
import { useCampaigns, useCampaignTable } from '../../api/rentals'
import { useCan, useMe } from '../../api/auth'
import { useWrite } from '../../api/write'
import { saveFile } from '../../api/download'
import { chinaToday } from '../../components/chinaDay'
import { VillageSelect } from '../people/VillageSelect'
import { NewCampaignModal } from './NewCampaignModal'
import { pct } from './labels'

type Table = Output<'rentals.campaignTable'>
type Row = Table['total'] & { key: number; name: string }
const figureColumns = [
  { title: '发现隐患', dataIndex: 'found', align: 'right' as const, sorter: (a: Row, b: Row) => a.found - b.found },
  { title: '已整改', dataIndex: 'rectified', align: 'right' as const, sorter: (a: Row, b: Row) => a.rectified - b.rectified },
  {
    title: '整改率',
    dataIndex: 'rate',
    align: 'right' as const,
    render: (r: number | null) => pct(r),
    sorter: (a: Row, b: Row) => (a.rate ?? -1) - (b.rate ?? -1)
  },
  {
    title: '逾期未改',
    dataIndex: 'overdue',
    align: 'right' as const,
    render: (n: number) => (n ? <span className="rental-overdue-text">{n}</span> : 0),
    sorter: (a: Row, b: Row) => a.overdue - b.overdue
  }
]
const CUSTOM = 0

export function CampaignProgress() {
  const campaigns = useCampaigns()
  const can = useCan()
  const me = useMe()
  const year = chinaToday().year()
  const [campaignId, setCampaignId] = useState<number | null>(null)
  const [period, setPeriod] = useState<[string, string]>([`${year}-01-01`, `${year}-12-31`])
  const [asOf, setAsOf] = useState<string | undefined>()
  const [village, setVillage] = useState<number | undefined>()
  const [creating, setCreating] = useState(false)
  const exporter = useWrite('rentals.campaignExport', { invalidates: 'nothing' })
  const { message } = App.useApp()
  // The newest campaign is shown first; 自定义期间 when none is chosen or none exists.
  const chosen = campaignId === CUSTOM ? undefined : (campaigns.data?.find((c) => c.id === campaignId) ?? campaigns.data?.[0])
  const input: Input<'rentals.campaignTable'> | null = campaigns.isLoading
    ? null
    : chosen
      ? { startsOn: chosen.startsOn, endsOn: chosen.endsOn, asOf, villageIds: chosen.villageIds ?? undefined }
      : { startsOn: period[0], endsOn: period[1], asOf, villageIds: village ? [village] : undefined }
  const table = useCampaignTable(input)
  const t = table.data
  const exportTable = async () => {
    if (!input) return
    try {
      saveFile(await exporter.mutateAsync({ table: input, title: chosen?.name }))
      message.success('已导出整治进度表')
    } catch (e) {
      message.error((e as Error).message)
    }
  }
  return (
    <div className="rental-progress" data-testid="rental-progress">
      <div className="people-toolbar">
        <Select
          style={{ width: 280 }}
          value={chosen?.id ?? CUSTOM}
          onChange={setCampaignId}
          options={[...(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })), { value: CUSTOM, label: '自定义期间' }]}
          data-testid="campaign-select"
        />
        <DatePicker.RangePicker
          disabled={!!chosen}
          allowClear={false}
          value={chosen ? [dayjs(chosen.startsOn), dayjs(chosen.endsOn)] : [dayjs(period[0]), dayjs(period[1])]}
          onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
          data-testid="campaign-period"
        />
        {!chosen && <VillageSelect allowClear placeholder="全部村居" value={village} onChange={setVillage} style={{ width: 160 }} />}
        <DatePicker
          placeholder="截至今天"
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
          format="截至 YYYY-MM-DD"
          style={{ width: 150 }}
          data-testid="campaign-as-of"
        />
        <span className="people-toolbar-spacer" />
        {can('data.export') && (
          <Button icon={<DownloadOutlined />} onClick={exportTable} loading={exporter.isPending} disabled={!t} data-testid="campaign-export">
            导出 Excel
          </Button>
        )}
        {can('rentals.handle') && me.scopeVillageIds === null && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-campaign">
            新建专项整治
          </Button>
        )}
      </div>
      {table.error && <Alert type="error" showIcon message={(table.error as Error).message} className="people-error" />}
      {t && (
        <>
          <div className="issue-kpis rental-kpis" data-testid="campaign-total">
            <Statistic title={`发现隐患（截至 ${t.asOf}）`} value={t.total.found} />
            <Statistic title="已整改" value={t.total.rectified} />
            <Statistic title="整改率" value={pct(t.total.rate)} />
            <Statistic title="逾期未改" value={t.total.overdue} valueStyle={{ color: t.total.overdue ? '#c62828' : undefined }} />
          </div>
          <div className="rental-tables">
            <Table<Row>
              size="small"
              title={() => '按村（社区）'}
              pagination={false}
              scroll={{ y: 'calc(100vh - 380px)' }}
              dataSource={t.villages.map((v) => ({ ...v, key: v.villageId, name: v.village }))}
              columns={[{ title: '村（社区）', dataIndex: 'name' }, ...figureColumns]}
              locale={{ emptyText: '期间内未发现隐患' }}
              data-testid="campaign-villages"
            />
            <Table<Row>
              size="small"
              title={() => '按隐患类别'}
              pagination={false}
              dataSource={t.kinds.map((k) => ({ ...k, key: k.kindId, name: `${k.kind}${k.countedBy === '栋' ? '（按栋计）' : ''}` }))}
              columns={[{ title: '隐患类别', dataIndex: 'name' }, ...figureColumns]}
              locale={{ emptyText: '期间内未发现隐患' }}
              data-testid="campaign-kinds"
            />
          </div>
          <div className="muted rental-note">
            口径：期间内排查发现的隐患；已整改、逾期未改均按截至日期计；按栋计的类别以楼栋计数（一栋的该类隐患全部整改才算整改）。
          </div>
        </>
      )}
      {creating && <NewCampaignModal onClose={() => setCreating(false)} onCreated={setCampaignId} />}
    </div>
  )
}
