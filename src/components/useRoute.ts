// The screen shown is the URL's hash (#/map, #/people, #/placement), so a screen can be linked,
// reloaded and opened on another display (#/wall later) without a router library.
import { useEffect, useState } from 'react'

export const routes = ['map', 'people', 'placement'] as const
export type Route = (typeof routes)[number]

const read = (): Route => {
  const name = window.location.hash.replace(/^#\/?/, '').split('?')[0]
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'map'
}

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(read)
  useEffect(() => {
    const onChange = () => setRoute(read())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return [route, (r) => (window.location.hash = `#/${r}`)]
}
