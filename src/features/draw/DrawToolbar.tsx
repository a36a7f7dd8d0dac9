// What to do while drawing, over the map, with save and cancel.
import { Button, Space } from 'antd'
import type { DrawMode } from './drawSession'

const hint: Record<DrawMode, string> = {
  polygon: '依次点击边界各点（靠近上级或相邻网格边界时自动吸附），点击起点或按 Enter 完成，Esc 取消',
  edit: '拖动顶点修改边界，拖动边的中点增加顶点，拖动整个网格可平移；完成后点“保存”',
  split: '从网格外开始画分割线，穿过网格到网格外，双击最后一点或按 Enter 完成'
}

export function DrawToolbar({
  mode,
  name,
  onSave,
  onCancel,
  saving
}: {
  mode: DrawMode
  name: string
  onSave: () => void
  onCancel: () => void
  saving: boolean
}) {
  return (
    <div className="draw-toolbar" data-testid="draw-toolbar">
      <div className="draw-toolbar-title">
        {mode === 'split' ? '拆分' : mode === 'edit' ? '修改边界' : '绘制边界'}：{name}
      </div>
      <div className="draw-toolbar-hint">{hint[mode]}</div>
      <Space>
        {mode === 'edit' && (
          <Button type="primary" size="small" onClick={onSave} loading={saving}>
            保存
          </Button>
        )}
        <Button size="small" onClick={onCancel}>
          取消
        </Button>
      </Space>
    </div>
  )
}
