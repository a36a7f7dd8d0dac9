// 数据备份 (the system administrator): back up now, see the kept backups, preview one and restore it.
import { Alert, App as AntApp, Button, Card, Descriptions, Modal, Space, Table, Tag } from 'antd'
import { useBackupMutations, useBackups } from '../../api/auth'

const size = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—')
const countNames: Record<string, string> = {
  grids: '网格',
  persons: '人员',
  households: '户',
  reportingMembers: '报到党员',
  issues: '事件',
  briefings: '简报',
  accounts: '账号',
  auditEvents: '审计记录'
}

export function BackupsCard() {
  const list = useBackups()
  const { run, preview, restore } = useBackupMutations()
  const { message, modal } = AntApp.useApp()
  const p = preview.data
  return (
    <Card
      title="数据备份"
      size="small"
      extra={
        <Button
          type="primary"
          loading={run.isPending}
          onClick={() =>
            run.mutate(undefined, { onSuccess: (b) => void message.success(`已备份并校验：${b.name}`), onError: (e) => void message.error(e.message) })
          }
          data-testid="backup-now"
        >
          立即备份
        </Button>
      }
    >
      {list.data && <p className="auth-hint">备份目录：{list.data.folder}（在线备份，写完后做完整性校验；可在安全设置中更改目录、保留份数与备份间隔）</p>}
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Table
        size="small"
        rowKey="file"
        pagination={false}
        dataSource={list.data?.backups ?? []}
        locale={{ emptyText: '尚无备份' }}
        columns={[
          {
            title: '备份',
            dataIndex: 'name',
            render: (v: string, b) => (
              <Space>
                {v}
                {b.beforeRestore && <Tag>恢复前自动备份</Tag>}
              </Space>
            )
          },
          { title: '时间', dataIndex: 'at', render: time, width: 180 },
          { title: '大小', dataIndex: 'bytes', render: size, width: 100 },
          {
            title: '操作',
            width: 160,
            render: (_, b) => (
              <Button size="small" onClick={() => preview.mutate({ file: b.file })} data-testid="backup-preview">
                查看 / 恢复
              </Button>
            )
          }
        ]}
      />
      <Modal
        open={!!p}
        title={p ? `备份：${p.name}` : ''}
        onCancel={() => preview.reset()}
        footer={
          <Space>
            <Button onClick={() => preview.reset()}>关闭</Button>
            <Button
              danger
              type="primary"
              disabled={p?.integrity !== 'ok'}
              loading={restore.isPending}
              data-testid="backup-restore"
              onClick={() =>
                modal.confirm({
                  title: '确认从此备份恢复？',
                  content: '当前数据将先自动备份，再被此备份替换；恢复后所有人须重新登录。',
                  okText: '恢复',
                  okButtonProps: { danger: true },
                  onOk: () => restore.mutateAsync({ file: p!.file, confirm: true }).catch((e: Error) => void message.error(e.message))
                })
              }
            >
              从此备份恢复
            </Button>
          </Space>
        }
      >
        {p && (
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="完整性">{p.integrity === 'ok' ? <Tag color="green">完好</Tag> : <Tag color="red">{p.integrity}</Tag>}</Descriptions.Item>
            <Descriptions.Item label="大小">{size(p.bytes)}</Descriptions.Item>
            {Object.entries(p.counts).map(([k, v]) => (
              <Descriptions.Item key={k} label={countNames[k] ?? k}>
                {v === null ? '—' : v.toLocaleString('zh-CN')}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label="最后修改">{time(p.lastChangeAt)}</Descriptions.Item>
            <Descriptions.Item label="最后审计记录">{time(p.lastAuditAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
      {preview.error && <Alert type="error" showIcon message={preview.error.message} />}
    </Card>
  )
}
