// Import boundaries: choose a file and how to read it, preview (drawn on the map, with every
// rejected feature and why), then commit in one go; recent imports can be undone as a whole.
import { useState } from 'react'
import { Alert, App, Button, Divider, Form, List, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd'
import { InboxOutlined } from '@ant-design/icons'
import type { Input, Output } from '../../../electron/shared/contract'
import { useGridImport, useRecentImports } from '../../api/hooks'
import { useUndo } from '../../api/mutations'
import { readAsBase64 } from './readFile'

type Report = Output<'grids.import'>
type Options = Input<'grids.import'>['options']
type Props = { onPreview: (report: Report | null) => void }

const tierWords = { 1: '一级（更新村居边界）', 2: '二级', 3: '三级' } as const

export function ImportPanel({ onPreview }: Props) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null)
  const [options, setOptions] = useState<Options>({ tier: 2, parentMatch: 'location', mode: 'add', crs: 'WGS84' })
  const [report, setReport] = useState<Report | null>(null)
  const importer = useGridImport()
  const recent = useRecentImports()
  const undo = useUndo()
  const { message } = App.useApp()
  const fields = (report?.fields ?? []).map((f) => ({ value: f, label: f }))
  const set = (patch: Partial<Options>) => setOptions((o) => ({ ...o, ...patch }))

  const send = (dryRun: boolean) =>
    file &&
    importer.mutate(
      { fileName: file.name, contentBase64: file.base64, options, dryRun },
      {
        onSuccess: (r) => {
          setReport(r)
          onPreview(r.committed || r.fileError ? null : r)
          if (r.options)
            setOptions((o) => ({
              ...o,
              nameField: r.options!.nameField ?? undefined,
              codeField: r.options!.codeField ?? undefined,
              parentField: r.options!.parentField ?? undefined
            }))
          if (r.committed) message.success(`已导入 ${r.accepted} 个网格`)
        }
      }
    )

  return (
    <div className="import-panel" data-testid="import-panel">
      <div className="import-drop">
        <Upload.Dragger
          accept=".geojson,.json,.kml,.kmz,.zip"
          maxCount={1}
          showUploadList={false}
          beforeUpload={async (f) => {
            setFile({ name: f.name, base64: await readAsBase64(f) })
            setReport(null)
            onPreview(null)
            return false
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : '点击或拖入边界文件'}</p>
          <p className="ant-upload-hint">GeoJSON、KML、KMZ，或 zip 压缩的 Shapefile（.shp .dbf .prj .cpg）</p>
        </Upload.Dragger>
      </div>
      <Form layout="vertical" size="small" className="import-options">
        <Form.Item label="导入为">
          <Radio.Group
            value={options.tier}
            onChange={(e) => set({ tier: e.target.value })}
            optionType="button"
            options={[1, 2, 3].map((t) => ({ value: t, label: tierWords[t as 1 | 2 | 3] }))}
          />
        </Form.Item>
        {options.tier > 1 && (
          <>
            <Form.Item label="上级网格">
              <Select
                value={options.parentMatch}
                onChange={(v) => set({ parentMatch: v })}
                options={[
                  { value: 'location', label: '按位置（落在哪个上级网格内）' },
                  { value: 'code', label: '按上级编码字段' },
                  { value: 'name', label: '按上级名称字段' }
                ]}
              />
            </Form.Item>
            {options.parentMatch !== 'location' && (
              <Form.Item label="上级字段">
                <Select value={options.parentField} onChange={(v) => set({ parentField: v })} options={fields} placeholder="预览后可选" allowClear />
              </Form.Item>
            )}
            <Form.Item label="方式">
              <Radio.Group value={options.mode} onChange={(e) => set({ mode: e.target.value })}>
                <Radio value="add">新增</Radio>
                <Radio value="replace">替换上级中原有的同级网格</Radio>
              </Radio.Group>
            </Form.Item>
          </>
        )}
        <Space.Compact block>
          <Form.Item label="名称字段" style={{ flex: 1 }}>
            <Select value={options.nameField} onChange={(v) => set({ nameField: v })} options={fields} placeholder="自动识别" allowClear />
          </Form.Item>
          <Form.Item label="编码字段" style={{ flex: 1 }}>
            <Select value={options.codeField} onChange={(v) => set({ codeField: v })} options={fields} placeholder="自动编号" allowClear />
          </Form.Item>
        </Space.Compact>
        <Form.Item label="源坐标系">
          <Select
            value={options.crs}
            onChange={(v) => set({ crs: v })}
            options={[
              { value: 'WGS84', label: 'WGS-84 / CGCS2000（测绘、奥维、GPS）' },
              { value: 'GCJ02', label: 'GCJ-02（高德、腾讯地图）' },
              { value: 'BD09', label: 'BD-09（百度地图）' }
            ]}
          />
        </Form.Item>
        <Space>
          <Button onClick={() => send(true)} disabled={!file} loading={importer.isPending && importer.variables?.dryRun}>
            预览校验
          </Button>
          <Button
            type="primary"
            onClick={() => send(false)}
            disabled={!report || report.committed || report.accepted === 0}
            loading={importer.isPending && !importer.variables?.dryRun}
          >
            确认导入{report && !report.committed && report.accepted ? ` ${report.accepted} 个` : ''}
          </Button>
        </Space>
      </Form>
      {importer.error && <Alert type="error" showIcon message={importer.error.message} />}
      {report && (
        <ImportReportView
          report={report}
          onUndo={(batchId) =>
            undo(batchId).then(
              () => (message.success('已撤销本次导入'), setReport(null)),
              (e: Error) => message.error(e.message)
            )
          }
        />
      )}
      <Divider plain>最近导入</Divider>
      <List
        size="small"
        dataSource={recent.data ?? []}
        locale={{ emptyText: '暂无导入记录' }}
        renderItem={(b) => (
          <List.Item
            actions={
              b.undoneBy
                ? [<Tag key="u">已撤销</Tag>]
                : [
                    <a
                      key="undo"
                      onClick={() =>
                        undo(b.id).then(
                          () => message.success('已撤销'),
                          (e: Error) => message.error(e.message)
                        )
                      }
                    >
                      撤销
                    </a>
                  ]
            }
          >
            <Typography.Text className="import-recent">{b.description}</Typography.Text>
          </List.Item>
        )}
      />
    </div>
  )
}

function ImportReportView({ report, onUndo }: { report: Report; onUndo: (batchId: number) => void }) {
  if (report.fileError) return <Alert type="error" showIcon message="文件无法导入" description={report.fileError} data-testid="import-report" />
  return (
    <div className="import-report" data-testid="import-report">
      <Alert
        type={report.committed ? 'success' : report.rejected.length ? 'warning' : 'info'}
        showIcon
        message={
          report.committed
            ? `已导入 ${report.accepted} 个网格`
            : `${report.format}：共 ${report.featureCount} 个要素，可导入 ${report.accepted} 个，拒绝 ${report.rejected.length} 个`
        }
        description={
          <>
            {report.replacedGrids > 0 && <div>将替换原有 {report.replacedGrids} 个网格（含其下级）。</div>}
            {report.warnings.map((w) => (
              <div key={w}>{w}</div>
            ))}
            {report.committed && report.batchId && (
              <Button size="small" onClick={() => onUndo(report.batchId!)} style={{ marginTop: 6 }}>
                撤销本次导入
              </Button>
            )}
          </>
        }
      />
      {!report.committed && report.rejected.length > 0 && (
        <Table
          size="small"
          rowKey="index"
          className="import-rejected"
          pagination={report.rejected.length > 50 ? { pageSize: 50, size: 'small' } : false}
          dataSource={report.rejected}
          columns={[
            { title: '#', dataIndex: 'index', width: 44, render: (i: number) => i + 1 },
            { title: '名称', dataIndex: 'name', width: 90, render: (n: string | null) => n ?? '（无）' },
            { title: '拒绝原因', dataIndex: 'reasons', render: (r: string[]) => r.join('；') }
          ]}
        />
      )}
    </div>
  )
}
