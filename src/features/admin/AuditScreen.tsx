// 审计记录 (the auditor's screen): search the trail by time, account, operation, outcome and words;
// verify its hash chain; export what is found. The auditor can read it, nobody can change it.
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, Button, Card, Collapse, DatePicker, Descriptions, Input, Select, Space, Table, Tag, Typography } from 'antd'
import type { AuditRow } from '../../../electron/shared/accounts'
import type { Input as CallInput } from '../../../electron/shared/contract'
import { useAuditSearch } from '../../api/auth'
import { saveFile } from '../../api/download'
import { chinaToday } from '../../components/chinaDay'

const outcomes = { ok: { label: '成功', color: 'green' }, denied: { label: '拒绝', color: 'red' }, failed: { label: '失败', color: 'orange' } } as const
const PAGE = 50

export function AuditScreen() {
  const [filters, setFilters] = useState<Omit<CallInput<'audit.search'>, 'offset' | 'limit'>>({})
  const [page, setPage] = useState(1)
  const query = { ...filters, offset: (page - 1) * PAGE, limit: PAGE }
  const rows = useAuditSearch(query)
  const verify = useWrite('audit.verify', { invalidates: 'nothing' })
  const exporter = useWrite('audit.export', { invalidates: 'nothing' })
  const set = (patch: Partial<typeof filters>) => {
    setPage(1)
    setFilters((f) => ({ ...f, ...patch }))
  }
  return (
    <div className="admin-screen" data-testid="audit-screen">
      <Card
        size="small"
        title="审计记录"
        extra={
          <Space>
            <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
              校验完整性
            </Button>
            <Button onClick={() => exporter.mutate(filters, { onSuccess: saveFile })} loading={exporter.isPending}>
              导出 Excel
            </Button>
          </Space>
        }
      >
        {verify.data &&
          (verify.data.ok ? (
            <Alert
              type="success"
              showIcon
              data-testid="audit-verify-result"
              message={`哈希链完整：已校验 ${verify.data.checked.toLocaleString('zh-CN')} 条记录（最早 ${verify.data.oldest ? new Date(verify.data.oldest).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—'}）。`}
            />
          ) : (
            <Alert type="error" showIcon data-testid="audit-verify-result" message={`审计记录被篡改：${verify.data.firstBroken?.reason}`} />
          ))}
        {(rows.error || verify.error || exporter.error) && <Alert type="error" showIcon message={(rows.error ?? verify.error ?? exporter.error)!.message} />}
        <Space wrap className="audit-filters">
          <DatePicker.RangePicker
            placeholder={['开始日期', '结束日期']}
            onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
          />
          <Input.Search placeholder="账号" allowClear style={{ width: 140 }} onSearch={(v) => set({ username: v || undefined })} data-testid="audit-username" />
          <Input.Search
            placeholder="操作，如 事件交办、登录"
            allowClear
            style={{ width: 250 }}
            onSearch={(v) => set({ action: v || undefined })}
            data-testid="audit-action"
          />
          <Select
            allowClear
            placeholder="结果"
            style={{ width: 100 }}
            options={Object.entries(outcomes).map(([value, o]) => ({ value, label: o.label }))}
            onChange={(v) => set({ outcome: v })}
            data-testid="audit-outcome"
          />
          <Input.Search placeholder="对象或内容关键字" allowClear style={{ width: 200 }} onSearch={(v) => set({ q: v || undefined })} />
        </Space>
        <Table<AuditRow>
          size="small"
          rowKey="id"
          loading={rows.isFetching}
          dataSource={rows.data?.rows ?? []}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: rows.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t.toLocaleString('zh-CN')} 条`,
            onChange: setPage
          }}
          expandable={{
            expandedRowRender: (r) => (
              <div className="audit-detail">
                {r.details.length > 0 && (
                  <Descriptions
                    size="small"
                    column={1}
                    bordered
                    data-testid="audit-details"
                    items={r.details.map((d, i) => ({ key: i, label: d.label, children: d.value }))}
                  />
                )}
                {/* What is stored, exactly as hashed: for the rare question the words do not answer. */}
                <Collapse
                  ghost
                  size="small"
                  items={[
                    {
                      key: 'raw',
                      label: `原始记录（接口 ${r.action}）`,
                      children: (
                        <>
                          {r.detail && (
                            <Typography.Paragraph>
                              <b>详情</b> <code>{r.detail}</code>
                            </Typography.Paragraph>
                          )}
                          {r.before && (
                            <Typography.Paragraph>
                              <b>修改前</b> <code>{r.before}</code>
                            </Typography.Paragraph>
                          )}
                          {r.after && (
                            <Typography.Paragraph>
                              <b>修改后</b> <code>{r.after}</code>
                            </Typography.Paragraph>
                          )}
                          <Typography.Text type="secondary">哈希 {r.hash}</Typography.Text>
                        </>
                      )
                    }
                  ]}
                />
              </div>
            )
          }}
          columns={[
            { title: '序号', dataIndex: 'id', width: 80 },
            {
              title: '时间',
              dataIndex: 'at',
              width: 170,
              render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
            },
            { title: '账号', dataIndex: 'username', width: 150 },
            { title: '操作', dataIndex: 'operation', width: 200, render: (v: string, r) => <span title={r.action}>{v}</span> },
            { title: '对象', dataIndex: 'object', render: (v: string | null) => v ?? '' },
            {
              title: '席位',
              dataIndex: 'seat',
              width: 190,
              // Null seat: the server's own console (with its loopback address) or the single PC's app.
              render: (seat: string | null, r) => (
                <span className="audit-seat">
                  {seat ?? '本机'}
                  {r.address && <Typography.Text type="secondary">{` ${r.address}`}</Typography.Text>}
                </span>
              )
            },
            { title: '结果', dataIndex: 'outcome', width: 70, render: (v: AuditRow['outcome']) => <Tag color={outcomes[v].color}>{outcomes[v].label}</Tag> }
          ]}
        />
        <p className="auth-hint">
          审计记录只能追加，不能修改或删除；每条记录的哈希包含上一条的哈希，任何改动都会在校验时被发现。记录长期保存（不少于 180 天）。
        </p>
      </Card>
    </div>
  )
}
