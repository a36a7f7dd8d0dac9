// The screen shown is the URL's hash (#/map, #/people, #/placement, #/print/receipt/12), so a
// screen can be linked, reloaded and opened on another display without a router library.
import { useEffect, useState } from 'react'

export const routes = ['map', 'people', 'placement', 'issues', 'rentals', 'briefings', 'wall', 'accounts', 'audit', 'seat-setup'] as const
export type Route = (typeof routes)[number]
export const printDocs = ['receipt', 'service', 'issue', 'supervision', 'briefing'] as const
export type PrintDoc = (typeof printDocs)[number]
/** A print view: #/print/<doc>/<id> — receipt and service take a reporting member, issue an issue, supervision a log event, briefing an issued briefing. */
export type Location = { route: Route } | { route: 'print'; doc: PrintDoc; id: number }

export function parseHash(hash: string): Location {
  const parts = hash.replace(/^#\/?/, '').split('?')[0].split('/')
  if (parts[0] === 'print' && (printDocs as readonly string[]).includes(parts[1]) && /^\d+$/.test(parts[2] ?? ''))
    return { route: 'print', doc: parts[1] as PrintDoc, id: Number(parts[2]) }
  return { route: (routes as readonly string[]).includes(parts[0]) ? (parts[0] as Route) : 'map' }
}

export function useLocation(): [Location, (r: Route) => void] {
  const [location, setLocation] = useState<Location>(() => parseHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setLocation(parseHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return [location, (r) => (window.location.hash = `#/${r}`)]
}
