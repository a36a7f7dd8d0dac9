// Import a registry from Excel or CSV: download the template, choose a file, read the check report
// (every refused row with its reasons, downloadable), then commit the accepted rows at once — undoably.
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, App, Button, Modal, Select, Space, Table, Typography, Upload } from 'antd'
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import type { Output } from '../../../electron/shared/contract'
import { usePeopleUndo } from '../../api/people'
import { saveFile } from '../../api/download'
import { readAsBase64 } from '../imports/readFile'

type Kind = 'persons' | 'households' | 'reporting' | 'reserve'
type Report = Output<'people.import'>
const kinds: { value: Kind; label: string }[] = [
  { value: 'reporting', label: '报到党员' },
  { value: 'persons', label: '人员（党员等）' },
  { value: 'households', label: '党员户联系（户）' },
  { value: 'reserve', label: '储能联系人' }
]

/** `registry`: the registry the dialog was opened from; it opens on that registry's import when there is one. */
export function PeopleImportModal({ onClose, registry }: { onClose: () => void; registry?: string | null }) {
  const [kind, setKind] = useState<Kind>(() => kinds.find((k) => k.value === registry)?.value ?? 'reporting')
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const template = useWrite('people.template', { invalidates: 'nothing' })
  const reportFile = useWrite('people.importReportFile', { invalidates: 'nothing' })
  const preview = useWrite('people.import', { invalidates: 'nothing' })
  const commit = useWrite('people.import', { invalidates: 'everything' })
  const undo = usePeopleUndo()
  const { message } = App.useApp()
  const error = preview.error ?? commit.error

  const check = async (f: { name: string; base64: string }, k = kind) => {
    setReport(null)
    try {
      setReport(await preview.mutateAsync({ kind: k, fileName: f.name, contentBase64: f.base64, dryRun: true }))
    } catch {
      // shown from preview.error
    }
  }
  const choose = async (picked: File) => {
    const f = { name: picked.name, base64: await readAsBase64(picked) }
    setFile(f)
    await check(f)
    return false
  }
  const doCommit = async () => {
    if (!file) return
    try {
      const r = await commit.mutateAsync({ kind, fileName: file.name, contentBase64: file.base64, dryRun: false })
      const key = `people-import-${r.batchId}`
      message.success({
        key,
        duration: 10,
        content: (
          <span>
            已导入 {r.accepted} 行。
            {r.batchId && (
              <Button
                type="link"
                size="small"
                onClick={() =>
                  undo(r.batchId!).then(
                    () => message.success({ key, content: '已撤销本次导入' }),
                    (e: Error) => message.error({ key, content: e.message })
                  )
                }
              >
                撤销
              </Button>
            )}
          </span>
        )
      })
      onClose()
    } catch {
      // shown from commit.error
    }
  }

  return (
    <Modal
      title="导入人员台账"
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
          loading={commit.isPending}
          onClick={doCommit}
          data-testid="people-import-commit"
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
            data-testid="people-import-kind"
          />
          <Button
            icon={<DownloadOutlined />}
            loading={template.isPending}
            onClick={() => template.mutateAsync({ kind }).then(saveFile, (e: Error) => message.error(e.message))}
          >
            下载模板
          </Button>
        </Space>
        <Upload.Dragger accept=".xlsx,.xls,.et,.csv" showUploadList={false} beforeUpload={choose} disabled={preview.isPending} data-testid="people-import-file">
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>点击或拖入 Excel（.xlsx、.xls）、WPS 表格（.et）或 CSV 文件</p>
          <p className="muted">先校验每一行，确认后一次性导入；可整批撤销</p>
        </Upload.Dragger>
        {error && <Alert type="error" showIcon message={error.message} />}
        {report?.fileError && <Alert type="error" showIcon message={report.fileError} data-testid="people-import-file-error" />}
        {report && !report.fileError && (
          <div data-testid="people-import-report">
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
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => reportFile.mutateAsync({ kind, rejected: report.rejected }).then(saveFile, (e: Error) => message.error(e.message))}
                  >
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
        )}
      </Space>
    </Modal>
  )
}
