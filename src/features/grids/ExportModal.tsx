// Export grids: the whole town or the selected grid with everything under it, one tier or all,
// as GeoJSON (WGS-84, or GCJ-02 for AMap/Tencent tools) or as an Excel ledger.
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, App, Form, Modal, Radio } from 'antd'
import { saveFile } from '../../api/download'

type Props = { open: boolean; onClose: () => void; selected: { id: number; name: string } | null }
type Format = 'geojson-wgs' | 'geojson-gcj' | 'xlsx'

export function ExportModal({ open, onClose, selected }: Props) {
  const [scope, setScope] = useState<'town' | 'selected'>(selected ? 'selected' : 'town')
  const [tier, setTier] = useState<0 | 1 | 2 | 3>(0)
  const [format, setFormat] = useState<Format>('geojson-wgs')
  const exporter = useWrite('grids.export', { invalidates: 'nothing' })
  const { message } = App.useApp()
  const run = () =>
    exporter.mutate(
      {
        format: format === 'xlsx' ? 'xlsx' : 'geojson',
        crs: format === 'geojson-gcj' ? 'GCJ02' : 'WGS84',
        tier: tier === 0 ? undefined : tier,
        gridId: scope === 'selected' && selected ? selected.id : undefined
      },
      {
        onSuccess: (file) => {
          saveFile(file)
          message.success(`已导出 ${file.count} 条：${file.fileName}`)
          onClose()
        }
      }
    )
  return (
    <Modal title="导出网格" open={open} onOk={run} onCancel={onClose} okText="导出" confirmLoading={exporter.isPending} destroyOnHidden>
      {exporter.error && <Alert type="error" showIcon message={exporter.error.message} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" data-testid="export-form">
        <Form.Item label="范围">
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value)}>
            <Radio value="town">全镇</Radio>
            <Radio value="selected" disabled={!selected}>
              {selected ? `“${selected.name}”及其下级` : '选中网格及其下级'}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="级别">
          <Radio.Group value={tier} onChange={(e) => setTier(e.target.value)} optionType="button">
            <Radio value={0}>全部</Radio>
            <Radio value={1}>一级</Radio>
            <Radio value={2}>二级</Radio>
            <Radio value={3}>三级</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="格式" extra={format === 'geojson-gcj' ? 'GCJ-02 坐标仅供导入高德、腾讯等地图工具，与本系统及测绘数据相差约 600 米。' : undefined}>
          <Radio.Group value={format} onChange={(e) => setFormat(e.target.value)}>
            <Radio value="geojson-wgs">GeoJSON（WGS-84 / CGCS2000）</Radio>
            <Radio value="geojson-gcj">GeoJSON（GCJ-02）</Radio>
            <Radio value="xlsx">Excel 台账</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  )
}
