// Import a ledger from Excel or CSV — a people registry, a rental ledger: download the template, choose
// a file, read the check report (every refused row with its reasons, downloadable), then commit the
// accepted rows at once. The feature gives its ledgers and its calls; the dialog is the same for all.
import { useState, type ReactNode } from 'react'
import { Alert, App, Button, Modal, Select, Space, Table, Typography, Upload } from 'antd'
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import type { Output } from '../../electron/shared/contract'
import { saveFile } from '../api/download'
import { readAsBase64 } from '../features/imports/readFile'

type File = Output<'grids.export'>
export type LedgerReport = {
  fileError: string | null
  rowCount: number
  accepted: number
  warnings: string[]
  rejected: { row: number; name: string | null; reasons: string[] }[]
}
type Picked = { name: string; base64: string }

export function LedgerImportModal<K extends string, R extends LedgerReport>(props: {
  title: string
  kinds: { value: K; label: string }[]
  initialKind: K
  /** Under the drop area: what happens on commit (undoable or not). */
  hint: string
  testIdPrefix: string
  onClose: () => void
  template: (kind: K) => Promise<File>
  check: (kind: K, file: Picked) => Promise<R>
  commit: (kind: K, file: Picked) => Promise<R>
  reportFile: (kind: K, rejected: R['rejected']) => Promise<File>
  /** After a commit: the dialog closes; the feature says what was done (and offers undo where it can). */
  onCommitted: (report: R) => void
  checking: boolean
  committing: boolean
}) {
  const { title, kinds, hint, testIdPrefix: id, onClose } = props
  const [kind, setKind] = useState<K>(props.initialKind)
  const [file, setFile] = useState<Picked | null>(null)
  const [report, setReport] = useState<R | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { message } = App.useApp()
  const download = (made: Promise<File>) => made.then(saveFile, (e: Error) => message.error(e.message))

  const check = async (f: Picked, k = kind) => {
    setReport(null)
    setError(null)
    try {
      setReport(await props.check(k, f))
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const choose = async (picked: globalThis.File) => {
    const f = { name: picked.name, base64: await readAsBase64(picked) }
    setFile(f)
    await check(f)
    return false
  }
  const commit = async () => {
    if (!file) return
    setError(null)
    try {
      props.onCommitted(await props.commit(kind, file))
      onClose()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const body: ReactNode = report && !report.fileError && (
    <div data-testid={`${id}-report`}>
      <Alert
        type={report.rejected.length ? 'warning' : 'success'}
        showIcon
        message={`“${file?.name}”共 ${report.rowCount} 行：可导入 ${report.accepted} 行，不能导入 ${report.rejected.length} 行`}
        description={report.warnings.length ? report.warnings.slice(0, 5).map((w) => <div key={w}>{w}</div>) : undefined}
      />
      {report.rejected.length > 0 && (
        <>
          <Space style={{ margin: '8px 0' }}>
            <Typography.Text strong>不能导入的行</Typography.Text>
            <Button size="small" icon={<DownloadOutlined />} onClick={() => download(props.reportFile(kind, report.rejected))}>
              下载校验报告
            </Button>
          </Space>
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 8, showSizeChanger: false }}
            dataSource={report.rejected}
            columns={[
              { title: '行号', dataIndex: 'row', width: 70 },
              { title: '姓名/名称', dataIndex: 'name', width: 120 },
              { title: '原因', dataIndex: 'reasons', render: (r: string[]) => r.join('；') }
            ]}
          />
        </>
      )}
    </div>
  )
  return (
    <Modal
      title={title}
      open
      width={820}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button
          key="ok"
          type="primary"
          disabled={!report || report.accepted === 0 || !!report.fileError}
          loading={props.committing}
          onClick={commit}
          data-testid={`${id}-commit`}
        >
          {report && report.accepted > 0 ? `导入 ${report.accepted} 行${report.rejected.length ? `（跳过 ${report.rejected.length} 行）` : ''}` : '导入'}
        </Button>
      ]}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>台账：</span>
          <Select
            value={kind}
            style={{ width: 200 }}
            options={kinds}
            onChange={(k) => {
              setKind(k)
              if (file) void check(file, k)
            }}
            data-testid={`${id}-kind`}
          />
          <Button icon={<DownloadOutlined />} onClick={() => download(props.template(kind))}>
            下载模板
          </Button>
        </Space>
        <Upload.Dragger accept=".xlsx,.xls,.et,.csv" showUploadList={false} beforeUpload={choose} disabled={props.checking} data-testid={`${id}-file`}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>点击或拖入 Excel（.xlsx、.xls）、WPS 表格（.et）或 CSV 文件</p>
          <p className="muted">{hint}</p>
        </Upload.Dragger>
        {error && <Alert type="error" showIcon message={error} />}
        {report?.fileError && <Alert type="error" showIcon message={report.fileError} data-testid={`${id}-file-error`} />}
        {body}
      </Space>
    </Modal>
  )
}
