// The title bar with the town's headline figures.
import { Alert, Segmented } from 'antd'
import { useGridSummary } from '../api/hooks'
import { useCan } from '../api/auth'
import { formatCount } from '../features/grids/labels'
import { AccountMenu } from '../features/auth/AccountMenu'
import type { Route } from './useRoute'
import { WallButton } from './WallButton'

/** The console's screens and who may open each (the core enforces the same on every call). */
export const screens: { value: Route; label: string; needs: string[] }[] = [
  { value: 'map', label: '网格地图', needs: ['data.read'] },
  { value: 'people', label: '人员台账', needs: ['data.read'] },
  { value: 'placement', label: '党员编组', needs: ['data.read'] },
  { value: 'issues', label: '事件处置', needs: ['data.read'] },
  { value: 'rentals', label: '出租屋整治', needs: ['data.read'] },
  { value: 'briefings', label: '工作简报', needs: ['data.read'] },
  { value: 'accounts', label: '账号与安全', needs: ['accounts.manage', 'roles.manage', 'settings.manage'] },
  { value: 'audit', label: '审计记录', needs: ['audit.read'] }
]

export function AppHeader({ route, onNavigate }: { route: Route; onNavigate: (r: Route) => void }) {
  const can = useCan()
  const visible = screens.filter((s) => s.needs.some(can))
  const { data, error } = useGridSummary(can('data.read'))
  return (
    <header className="app-header">
      <div className="app-title">
        <span className="app-title-main">狮山镇网格化指挥中心</span>
        <span className="app-title-sub">三级党建网格一张图</span>
      </div>
      <nav className="app-nav" aria-label="功能">
        <Segmented value={route} onChange={(v) => onNavigate(v as Route)} options={visible.map(({ value, label }) => ({ value, label }))} />
        {can('wall.read') && <WallButton />}
        <AccountMenu />
      </nav>
      {error && <Alert type="error" showIcon message={(error as Error).message} />}
      {data && (
        <dl className="app-figures" data-testid="app-figures">
          <div>
            <dt>村居</dt>
            <dd>{data.villages.total}</dd>
          </div>
          {/* On an office PC's narrower screen the lesser figures give way (styles.css); the map's legend has them all. */}
          <div className="figure-minor">
            <dt>一级网格</dt>
            <dd data-testid="count-tier1">{data.tiers[0].count}</dd>
          </div>
          <div className="figure-minor">
            <dt>二级网格</dt>
            <dd data-testid="count-tier2">{data.tiers[1].count}</dd>
          </div>
          <div>
            <dt>三级网格</dt>
            <dd data-testid="count-tier3">{data.tiers[2].count}</dd>
          </div>
          <div className="figure-minor-narrow">
            <dt>户数</dt>
            <dd>{formatCount(data.households)}</dd>
          </div>
          <div>
            <dt>非户籍人口</dt>
            <dd>{formatCount(data.nonHukouPopulation)}</dd>
          </div>
        </dl>
      )}
    </header>
  )
}
