import { AppHeader } from './components/AppHeader'
import { MapScreen } from './features/map/MapScreen'

// One working screen for now: the grid map. Later screens join as they work end to end.
export function App() {
  return (
    <div className="app">
      <AppHeader />
      <MapScreen />
    </div>
  )
}
