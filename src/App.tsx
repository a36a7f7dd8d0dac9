import { AppHeader } from './components/AppHeader'
import { useRoute } from './components/useRoute'
import { MapScreen } from './features/map/MapScreen'
import { PeopleScreen } from './features/people/PeopleScreen'
import { PlacementScreen } from './features/placement/PlacementScreen'

// The console's screens, chosen in the header: the grid map, the people registries, placement.
export function App() {
  const [route, go] = useRoute()
  return (
    <div className="app">
      <AppHeader route={route} onNavigate={go} />
      {route === 'map' && <MapScreen />}
      {route === 'people' && <PeopleScreen />}
      {route === 'placement' && <PlacementScreen />}
    </div>
  )
}
