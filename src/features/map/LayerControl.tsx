// Layer toggles and the legend, floating over the map. The legend says plainly what is illustrative.
import { useState } from 'react'
import { Button, Checkbox } from 'antd'
import { DownOutlined, UpOutlined } from '@ant-design/icons'
import type { Tier } from '../../../electron/shared/contract'
import { tierColour, tierName, tiers } from './mapStyle'

type Props = { visible: Record<Tier, boolean>; onChange: (v: Record<Tier, boolean>) => void; note: string }

export function LayerControl({ visible, onChange, note }: Props) {
  // On narrower office screens the legend starts folded so it does not hide the map.
  const [open, setOpen] = useState(() => window.innerWidth >= 1500)
  if (!open)
    return (
      <div className="map-legend map-legend-folded" data-testid="map-legend">
        <Button size="small" type="text" icon={<DownOutlined />} onClick={() => setOpen(true)} aria-label="展开图层与图例">
          图层与图例
        </Button>
      </div>
    )
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="map-legend-title">
        图层与图例
        <Button size="small" type="text" icon={<UpOutlined />} onClick={() => setOpen(false)} aria-label="收起图层与图例" />
      </div>
      {tiers.map((t) => (
        <div key={t} className="map-legend-row">
          <Checkbox checked={visible[t]} onChange={(e) => onChange({ ...visible, [t]: e.target.checked })} data-testid={`toggle-tier${t}`}>
            <span className="map-legend-check">
              <span className={`swatch swatch-tier${t}`} style={{ borderColor: tierColour[t] }} />
              <span>{tierName[t]}</span>
            </span>
          </Checkbox>
        </div>
      ))}
      <div className="map-legend-row">
        <span className="swatch swatch-town" />
        <span>镇域轮廓（示意）</span>
      </div>
      <div className="map-legend-row">
        <span className="swatch swatch-selected" />
        <span>选中网格</span>
      </div>
      <p className="map-legend-note" data-testid="map-legend-note">{note}</p>
      <p className="map-legend-hint">二级网格自 11 级、三级网格自 12.3 级缩放显示</p>
    </div>
  )
}
