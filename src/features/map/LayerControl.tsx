// Layer toggles and the legend, floating over the map. The legend says plainly what is illustrative.
import { useState } from 'react'
import { Button, Checkbox, Select } from 'antd'
import { DownOutlined, UpOutlined } from '@ant-design/icons'
import type { Tier } from '../../../electron/shared/contract'
import { issueClockColour, pointColour, progressRamp, rentalRiskColour, shadingRamp, tierColour, tierName, tiers } from './mapStyle'
import type { PeopleLayerChoice } from './usePeopleLayers'
import type { useRentalLayer } from './useRentalLayer'
import { specialties } from '../../../electron/shared/people'

type Props = {
  visible: Record<Tier, boolean>
  onChange: (v: Record<Tier, boolean>) => void
  note: string
  people: PeopleLayerChoice
  onPeopleChange: (c: PeopleLayerChoice) => void
  pointCount: number | null
  /** Tier-3 areas with no head in office, under the 三长 shading. */
  headsMissing: number | null
  /** Posts nobody holds, under the 设岗定责 shading. */
  postsUnclaimed: number | null
  showIssues: boolean
  onShowIssues: (v: boolean) => void
  issueCount: number | null
  rentals: ReturnType<typeof useRentalLayer>
  /** Fold while drawing, so the whole map is free for the pointer. */
  folded?: boolean
}

const progressGradient = `linear-gradient(90deg, ${progressRamp.map(([, c]) => c).join(', ')})`

export function LayerControl({
  visible,
  onChange,
  note,
  people,
  onPeopleChange,
  pointCount,
  headsMissing,
  postsUnclaimed,
  showIssues,
  onShowIssues,
  issueCount,
  rentals,
  folded
}: Props) {
  // On narrower office screens the legend starts folded so it does not hide the map.
  const [open, setOpen] = useState(() => window.innerWidth >= 1500)
  if (!open || folded)
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
      <div className="map-legend-section">事件</div>
      <div className="map-legend-row">
        <Checkbox checked={showIssues} onChange={(e) => onShowIssues(e.target.checked)} data-testid="toggle-issues">
          未办结事件{issueCount !== null ? `（${issueCount} 件）` : ''}
        </Checkbox>
      </div>
      {showIssues && (
        <div className="map-legend-row muted">
          <span className="dot" style={{ background: issueClockColour.green }} />
          时限内 <span className="dot" style={{ background: issueClockColour.yellow }} />
          临近 <span className="dot" style={{ background: issueClockColour.red }} />
          超期
        </div>
      )}
      <div className="map-legend-section">出租屋消防</div>
      <div className="map-legend-row">
        <Checkbox checked={rentals.shown} onChange={(e) => rentals.setShown(e.target.checked)} data-testid="toggle-rentals">
          整治进度与未整改出租屋
        </Checkbox>
      </div>
      {rentals.data && (
        <div data-testid="rentals-legend">
          {people.shading !== 'posts' && (
            <div className="map-legend-ramp">
              <span className="ramp" style={{ background: progressGradient }} />
              <span className="muted">
                村居整改率 0% → 100%（{rentals.data.campaign.name}，截至 {rentals.data.asOf}）
              </span>
            </div>
          )}
          <div className="map-legend-row muted">
            {(['高风险', '中风险', '低风险'] as const).map((r) => (
              <span key={r} className="map-legend-nowrap">
                <span className="dot" style={{ background: rentalRiskColour[r] }} />
                {r}
              </span>
            ))}
          </div>
          <div className="map-legend-row muted">
            黑圈为有逾期隐患，共 {rentals.data.buildings.features.length.toLocaleString('zh-CN')} 栋有未整改隐患；点击出租屋查看
          </div>
        </div>
      )}
      <div className="map-legend-section">人员与走访</div>
      <Select
        size="small"
        style={{ width: '100%', marginBottom: 6 }}
        value={people.points}
        onChange={(points) => onPeopleChange({ ...people, points })}
        options={[
          { value: 'none', label: '不显示人员' },
          { value: 'reporting', label: '报到党员住址（聚合）' },
          { value: 'reserve', label: '储能联系人（按专长）' }
        ]}
        data-testid="people-points-select"
      />
      {people.points === 'reserve' && (
        <Select
          size="small"
          allowClear
          placeholder="全部专长"
          style={{ width: '100%', marginBottom: 6 }}
          value={people.specialty}
          onChange={(specialty) => onPeopleChange({ ...people, specialty })}
          options={specialties.map((s) => ({ value: s, label: s }))}
        />
      )}
      {people.points !== 'none' && (
        <div className="map-legend-row muted" data-testid="people-points-count">
          {people.points === 'reporting' ? (
            <>
              <span className="dot" style={{ background: pointColour.placed }} />
              已编组 <span className="dot" style={{ background: pointColour.unplaced }} />
              未编组
            </>
          ) : (
            <>
              <span className="dot" style={{ background: pointColour.reserve }} />
              储能联系人
            </>
          )}
          {pointCount !== null && `，共 ${pointCount} 人`}
        </div>
      )}
      <Select
        size="small"
        style={{ width: '100%', marginBottom: 6 }}
        value={people.shading}
        onChange={(shading) => onPeopleChange({ ...people, shading })}
        options={[
          { value: 'none', label: '党小组不着色' },
          { value: 'contactCoverage', label: '按户联系覆盖率着色' },
          { value: 'daysSinceVisit', label: '按距上次走访天数着色' },
          { value: 'heads', label: '按三长在任与工作着色' },
          { value: 'posts', label: '按设岗定责岗位认领着色（村居）' }
        ]}
        data-testid="people-shading-select"
      />
      {people.shading === 'heads' && (
        <div className="map-legend-ramp" data-testid="shading-legend">
          <span
            className="ramp"
            style={{
              background: `linear-gradient(90deg, ${shadingRamp.heads.stops
                .slice(1)
                .map(([, c]) => c)
                .join(', ')})`
            }}
          />
          <span className="muted">本年工作记录 0 → 20 条以上（三级网格）</span>
          <span className="muted">
            <span className="dot" style={{ background: shadingRamp.heads.stops[0][1] }} />
            无在任三长{headsMissing !== null ? ` ${headsMissing} 个` : ''}
          </span>
        </div>
      )}
      {people.shading === 'posts' && (
        <div className="map-legend-ramp" data-testid="shading-legend">
          <span className="ramp" style={{ background: progressGradient }} />
          <span className="muted">有人认领的岗位 0% → 100%（村居）</span>
          <span className="muted">无人认领的岗位{postsUnclaimed !== null ? ` ${postsUnclaimed} 个` : ''}</span>
        </div>
      )}
      {people.shading !== 'none' && people.shading !== 'heads' && people.shading !== 'posts' && (
        <div className="map-legend-ramp" data-testid="shading-legend">
          <span className="ramp" style={{ background: `linear-gradient(90deg, ${shadingRamp[people.shading].stops.map(([, c]) => c).join(', ')})` }} />
          <span className="muted">
            {shadingRamp[people.shading].stops[0][0]}
            {shadingRamp[people.shading].unit} → {shadingRamp[people.shading].stops.at(-1)![0]}
            {shadingRamp[people.shading].unit}
            {people.shading === 'daysSinceVisit' ? ' 以上' : ''}（三级网格）
          </span>
        </div>
      )}
      <p className="map-legend-note" data-testid="map-legend-note">
        {note}
      </p>
      <p className="map-legend-hint">二级网格自 11 级、三级网格自 12.3 级缩放显示</p>
    </div>
  )
}
