import { AppHeader } from './components/AppHeader'
import { useLocation } from './components/useRoute'
import { MapScreen } from './features/map/MapScreen'
import { PeopleScreen } from './features/people/PeopleScreen'
import { PlacementScreen } from './features/placement/PlacementScreen'
import { ReportingPrint } from './features/print/ReportingPrint'
import { IssuesScreen } from './features/issues/IssuesScreen'
import { IssueSheetPrint } from './features/print/IssueSheetPrint'
import { SupervisionPrint } from './features/print/SupervisionPrint'
import { BriefingPrint } from './features/print/BriefingPrint'
import { BriefingsScreen } from './features/briefings/BriefingsScreen'

// The console's screens, chosen in the header: the grid map, the people registries, placement, issues, briefings.
// Print views take the whole window, without the header.
export function App() {
  const [location, go] = useLocation()
  if (location.route === 'print') {
    if (location.doc === 'issue') return <IssueSheetPrint issueId={location.id} />
    if (location.doc === 'supervision') return <SupervisionPrint eventId={location.id} />
    if (location.doc === 'briefing') return <BriefingPrint briefingId={location.id} />
    return <ReportingPrint doc={location.doc} reportingMemberId={location.id} />
  }
  return (
    <div className="app">
      <AppHeader route={location.route} onNavigate={go} />
      {location.route === 'map' && <MapScreen />}
      {location.route === 'people' && <PeopleScreen />}
      {location.route === 'placement' && <PlacementScreen />}
      {location.route === 'issues' && <IssuesScreen />}
      {location.route === 'briefings' && <BriefingsScreen />}
    </div>
  )
}
