import { lazy, Suspense, type ComponentType } from 'react'
import { Result } from 'antd'
import { ScreenLoading } from './components/ScreenLoading'
import { KeptScreens } from './components/KeptScreens'
import { usePreloadScreens } from './components/usePreloadScreens'
import { AccountMenu } from './features/auth/AccountMenu'
import { AppHeader, screens } from './components/AppHeader'
import { parseHash, useLocation, type Location, type Route } from './components/useRoute'
import { SessionGate } from './features/auth/SessionGate'
import { meQuery, useCan } from './api/auth'
import type { QueryClient } from '@tanstack/react-query'
import { prefetchMapData, usePrefetchMapData } from './api/hooks'
import { sessionToken } from './api/session'
import { issuedBriefingQuery } from './api/briefings'
import { useStoreChanges } from './api/storeEvents'
import { seatSettingsAvailable } from './api/seat'
import { SeatFrame } from './features/seat/SeatFrame'
import { SeatSetupScreen } from './features/seat/SeatSetupScreen'

// Each screen and print view is its own chunk: a print view or the wall need not parse the map,
// the grids and the tables, and the console starts with only the screen it shows.
/**
 * A screen whose code is loaded on demand, or beforehand (`load`). Once loaded it renders directly:
 * through lazy() alone a screen already loaded still suspends once, and React then holds its
 * fallback for 300 ms before showing it.
 */
function screen<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>) {
  let loaded: ComponentType<P> | null = null
  const loadAndKeep = () => load().then((m) => (loaded = pick(m)))
  const Lazy = lazy(() => loadAndKeep().then((c) => ({ default: c })))
  const Screen = (props: P) => {
    const Loaded = loaded
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />
  }
  return Object.assign(Screen, { load: loadAndKeep })
}

const MapScreen = screen(
  () => import('./features/map/MapScreen'),
  (m) => m.MapScreen
)
const PeopleScreen = screen(
  () => import('./features/people/PeopleScreen'),
  (m) => m.PeopleScreen
)
const PlacementScreen = screen(
  () => import('./features/placement/PlacementScreen'),
  (m) => m.PlacementScreen
)
const IssuesScreen = screen(
  () => import('./features/issues/IssuesScreen'),
  (m) => m.IssuesScreen
)
const RentalsScreen = screen(
  () => import('./features/rentals/RentalsScreen'),
  (m) => m.RentalsScreen
)
const BriefingsScreen = screen(
  () => import('./features/briefings/BriefingsScreen'),
  (m) => m.BriefingsScreen
)
const AccountsScreen = screen(
  () => import('./features/admin/AccountsScreen'),
  (m) => m.AccountsScreen
)
const AuditScreen = screen(
  () => import('./features/admin/AuditScreen'),
  (m) => m.AuditScreen
)
const screenCode: Partial<Record<Route, () => Promise<unknown>>> = {
  map: MapScreen.load,
  people: PeopleScreen.load,
  placement: PlacementScreen.load,
  issues: IssuesScreen.load,
  rentals: RentalsScreen.load,
  briefings: BriefingsScreen.load,
  accounts: AccountsScreen.load,
  audit: AuditScreen.load
}
const WallScreen = lazy(() => import('./features/wall/WallScreen').then((m) => ({ default: m.WallScreen })))
const ReportingPrint = lazy(() => import('./features/print/ReportingPrint').then((m) => ({ default: m.ReportingPrint })))
const IssueSheetPrint = lazy(() => import('./features/print/IssueSheetPrint').then((m) => ({ default: m.IssueSheetPrint })))
const SupervisionPrint = lazy(() => import('./features/print/SupervisionPrint').then((m) => ({ default: m.SupervisionPrint })))
const loadBriefingPrint = () => import('./features/print/BriefingPrint')
const BriefingPrint = lazy(() => loadBriefingPrint().then((m) => ({ default: m.BriefingPrint })))

/**
 * A window opened on the map or on a printed briefing with a session (a reload, a link, the desktop's
 * start, a print) loads that view's code and data while React starts and the session is checked, not
 * after: at city scale that wait was a third of the map's load (issue 9). A session that turns out
 * expired, locked or of a role without the view only makes these reads fail: signing in starts with a
 * clean cache, and a read that failed is read again when the view is shown.
 */
export function startEarly(queryClient: QueryClient) {
  const token = sessionToken()
  const location = parseHash(window.location.hash)
  const briefingId = location.route === 'print' && location.doc === 'briefing' ? location.id : null
  if ((location.route !== 'map' && briefingId === null) || token === null) return
  // The session check first: the store answers in order, and the console waits for it.
  void queryClient.prefetchQuery(meQuery(token))
  if (briefingId !== null) {
    void loadBriefingPrint()
    void queryClient.prefetchQuery(issuedBriefingQuery(briefingId))
  } else {
    void MapScreen.load()
    prefetchMapData(queryClient)
  }
}

const loading = <ScreenLoading />

// Everything is behind the session gate: sign in first (or, on a new database, set the administrator's
// password). The wall does not lock on idle: nobody touches it, and it shows no personal data.
// 系统设置 → 本机使用方式 (the desktop app) comes before any session: it chooses the server signed in to.
export function App() {
  const [location, go] = useLocation()
  return (
    <SeatFrame>
      {location.route === 'seat-setup' && seatSettingsAvailable() ? (
        <SeatSetupScreen first={/[?&]first=1/.test(window.location.hash)} />
      ) : (
        <SessionGate idleLock={location.route !== 'wall'}>
          <Console location={location} go={go} />
        </SessionGate>
      )}
    </SeatFrame>
  )
}

// The console's screens, chosen in the header: the grid map, the people registries, placement, issues,
// briefings; accounts and the audit trail for the administrators. Print views take the whole window.
function Console({ location, go }: { location: Location; go: (r: Route) => void }) {
  const can = useCan()
  const allowed = screens.filter((s) => s.needs.some(can)).map((s) => s.value)
  usePrefetchMapData(location.route === 'map' && allowed.includes('map'))
  usePreloadScreens(allowed.flatMap((r) => screenCode[r] ?? []))
  useStoreChanges()
  if (location.route === 'print')
    return (
      <Suspense fallback={loading}>
        {location.doc === 'issue' ? (
          <IssueSheetPrint issueId={location.id} />
        ) : location.doc === 'supervision' ? (
          <SupervisionPrint eventId={location.id} />
        ) : location.doc === 'briefing' ? (
          <BriefingPrint briefingId={location.id} />
        ) : (
          <ReportingPrint doc={location.doc} reportingMemberId={location.id} />
        )}
      </Suspense>
    )
  // The wall takes the whole screen: no header, nothing to click.
  if (location.route === 'wall' && can('wall.read'))
    return (
      <Suspense fallback={loading}>
        <WallScreen />
      </Suspense>
    )
  // A screen this role may not open falls back to the first it may (an administrator lands on accounts).
  const route = allowed.includes(location.route) ? location.route : allowed[0]
  if (!route) return <Result status="403" title="账号尚未授权" subTitle="请联系安全管理员为本账号授予角色。" extra={<AccountMenu />} />
  return (
    <div className="app">
      <AppHeader route={route} onNavigate={go} />
      <KeptScreens
        current={route}
        render={(screen) => (
          <Suspense fallback={loading}>
            {screen === 'accounts' && <AccountsScreen />}
            {screen === 'audit' && <AuditScreen />}
            {screen === 'map' && <MapScreen />}
            {screen === 'people' && <PeopleScreen />}
            {screen === 'placement' && <PlacementScreen />}
            {screen === 'issues' && <IssuesScreen />}
            {screen === 'rentals' && <RentalsScreen />}
            {screen === 'briefings' && <BriefingsScreen />}
          </Suspense>
        )}
      />
    </div>
  )
}
