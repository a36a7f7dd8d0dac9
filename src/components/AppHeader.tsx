// The title bar with the town's headline figures.
import { Alert, Segmented } from 'antd'
import { useGridSummary } from '../api/hooks'
import { formatCount } from '../features/grids/labels'
import type { Route } from './useRoute'
import { WallButton } from './WallButton'

const screens: { value: Route; label: string }[] = [
  { value: 'map', label: '网格地图' },
  { value: 'people', label: '人员台账' },
  { value: 'placement', label: '党员编组' },
  { value: 'issues', label: '事件处置' },
  { value: 'briefings', label: '工作简报' }
]

export function AppHeader({ route, onNavigate }: { route: Route; onNavigate: (r: Route) => void }) {
  const { data, error } = useGridSummary()
  return (
    <header className="app-header">
      <div className="app-title">
        <span className="app-title-main">狮山镇网格化指挥中心</span>
        <span className="app-title-sub">三级党建网格一张图</span>
      </div>
      <nav className="app-nav" aria-label="功能">
        <Segmented value={route} onChange={(v) => onNavigate(v as Route)} options={screens} />
        <WallButton />
      </nav>
      {error && <Alert type="error" showIcon message={(error as Error).message} />}
      {data && (
        <dl className="app-figures" data-testid="app-figures">
          <div><dt>村居</dt><dd>{data.villages.total}</dd></div>
          <div><dt>一级网格</dt><dd data-testid="count-tier1">{data.tiers[0].count}</dd></div>
          <div><dt>二级网格</dt><dd data-testid="count-tier2">{data.tiers[1].count}</dd></div>
          <div><dt>三级网格</dt><dd data-testid="count-tier3">{data.tiers[2].count}</dd></div>
          <div><dt>户数</dt><dd>{formatCount(data.households)}</dd></div>
          <div><dt>非户籍人口</dt><dd>{formatCount(data.nonHukouPopulation)}</dd></div>
        </dl>
      )}
    </header>
  )
}
