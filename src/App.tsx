import { lazy, Suspense } from 'react'
import { Spin } from 'antd'
import { AppHeader } from './components/AppHeader'
import { useLocation } from './components/useRoute'

// Each screen and print view is its own chunk: a print view or the wall need not parse the map,
// the grids and the tables, and the console starts with only the screen it shows.
const MapScreen = lazy(() => import('./features/map/MapScreen').then((m) => ({ default: m.MapScreen })))
const PeopleScreen = lazy(() => import('./features/people/PeopleScreen').then((m) => ({ default: m.PeopleScreen })))
const PlacementScreen = lazy(() => import('./features/placement/PlacementScreen').then((m) => ({ default: m.PlacementScreen })))
const IssuesScreen = lazy(() => import('./features/issues/IssuesScreen').then((m) => ({ default: m.IssuesScreen })))
const WallScreen = lazy(() => import('./features/wall/WallScreen').then((m) => ({ default: m.WallScreen })))
const BriefingsScreen = lazy(() => import('./features/briefings/BriefingsScreen').then((m) => ({ default: m.BriefingsScreen })))
const ReportingPrint = lazy(() => import('./features/print/ReportingPrint').then((m) => ({ default: m.ReportingPrint })))
const IssueSheetPrint = lazy(() => import('./features/print/IssueSheetPrint').then((m) => ({ default: m.IssueSheetPrint })))
const SupervisionPrint = lazy(() => import('./features/print/SupervisionPrint').then((m) => ({ default: m.SupervisionPrint })))
const BriefingPrint = lazy(() => import('./features/print/BriefingPrint').then((m) => ({ default: m.BriefingPrint })))

const loading = <Spin className="screen-loading" />

// The console's screens, chosen in the header: the grid map, the people registries, placement, issues, briefings.
// Print views take the whole window, without the header.
export function App() {
  const [location, go] = useLocation()
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
  if (location.route === 'wall')
    return (
      <Suspense fallback={loading}>
        <WallScreen />
      </Suspense>
    )
  return (
    <div className="app">
      <AppHeader route={location.route} onNavigate={go} />
      <Suspense fallback={loading}>
        {location.route === 'map' && <MapScreen />}
        {location.route === 'people' && <PeopleScreen />}
        {location.route === 'placement' && <PlacementScreen />}
        {location.route === 'issues' && <IssuesScreen />}
        {location.route === 'briefings' && <BriefingsScreen />}
      </Suspense>
    </div>
  )
}
