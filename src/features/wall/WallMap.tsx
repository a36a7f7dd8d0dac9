// The wall's map: the town's party groups coloured by the chosen measure (feature-state on one
// source), the villages outlined, and open issues as dots — today's new ones and overdue ones pulse
// (a CSS ring each, so the map redraws only when the data changes).
// Not interactive: nobody touches the wall.
import { useEffect, useRef, useState } from 'react'
import { Map as MapLibreMap, Marker, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl'
import { ensureMapWorker } from '../map/mapWorker'
import { useTierGeoJson, useTownOutline } from '../../api/hooks'

const empty = { type: 'FeatureCollection' as const, features: [] }
const style: StyleSpecification = {
  version: 8,
  sources: {
    tier1: { type: 'geojson', data: empty },
    tier3: { type: 'geojson', data: empty, promoteId: 'id' },
    issues: { type: 'geojson', data: empty }
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#060d1a' } },
    {
      id: 'tier3-fill',
      type: 'fill',
      source: 'tier3',
      paint: {
        'fill-color': [
          'interpolate',
          ['linear'],
          ['coalesce', ['feature-state', 'share'], 0],
          0,
          '#0f2747',
          0.01,
          '#16467a',
          0.35,
          '#2f7fc1',
          0.7,
          '#f0a020',
          1,
          '#e8452c'
        ],
        'fill-outline-color': '#1b3a60'
      }
    },
    { id: 'tier1-line', type: 'line', source: 'tier1', paint: { 'line-color': '#8fb3d9', 'line-width': 1.2, 'line-opacity': 0.8 } },
    {
      id: 'issues-dot',
      type: 'circle',
      source: 'issues',
      paint: {
        'circle-radius': 3.5,
        'circle-color': ['match', ['get', 'state'], 'overdue', '#ff4d4f', 'new', '#ffd666', '#69c0ff'],
        'circle-stroke-width': 0.5,
        'circle-stroke-color': '#060d1a'
      }
    }
  ]
}

type Props = { values: { gridId: number; value: number }[]; max: number; points: { id: number; lonLat: [number, number]; state: string }[] }

export function WallMap({ values, max, points }: Props) {
  const container = useRef<HTMLDivElement>(null)
  const mapRef = useRef<MapLibreMap | null>(null)
  const [ready, setReady] = useState(false)
  // New and overdue issues pulse: a CSS-animated ring per issue (the map itself stays idle), kept by
  // id and only added or removed when the set changes.
  const pulses = useRef(new Map<number, Marker>())
  const bounds = useRef<[number, number, number, number] | null>(null)
  const outline = useTownOutline().data
  const tier1 = useTierGeoJson(1).data
  const tier3 = useTierGeoJson(3).data

  useEffect(() => {
    ensureMapWorker()
    const map = new MapLibreMap({
      container: container.current!,
      style,
      center: [113.025, 23.145],
      zoom: 10.5,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0
    })
    mapRef.current = map
    map.on('load', () => setReady(true))
    map.on('idle', () => container.current && (container.current.dataset.idle = '1'))
    // A new window size keeps the whole town in view.
    const observer = new ResizeObserver(() => {
      map.resize()
      if (bounds.current) map.fitBounds(bounds.current, { padding: 24, animate: false })
    })
    observer.observe(container.current!)
    const pulsing = pulses.current
    return () => {
      for (const m of pulsing.values()) m.remove()
      pulsing.clear()
      observer.disconnect()
      map.remove()
      mapRef.current = null
    }
  }, [])

  useEffect(() => {
    const map = mapRef.current
    if (!map || !ready || !tier1 || !tier3) return
    ;(map.getSource('tier1') as GeoJSONSource).setData(tier1 as never)
    ;(map.getSource('tier3') as GeoJSONSource).setData(tier3 as never)
  }, [ready, tier1, tier3])

  useEffect(() => {
    const map = mapRef.current
    if (!map || !ready || !outline?.bbox) return
    bounds.current = outline.bbox as [number, number, number, number]
    map.fitBounds(bounds.current, { padding: 24, animate: false })
  }, [ready, outline])

  useEffect(() => {
    const map = mapRef.current
    if (!map || !ready || !tier3) return
    map.removeFeatureState({ source: 'tier3' })
    for (const v of values) map.setFeatureState({ source: 'tier3', id: v.gridId }, { share: max > 0 ? v.value / max : 0 })
  }, [ready, tier3, values, max])

  useEffect(() => {
    const map = mapRef.current
    if (!map || !ready) return
    ;(map.getSource('issues') as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: points.map((p) => ({ type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: p.lonLat }, properties: { state: p.state } }))
    })
    const wanted = new Map(points.filter((p) => p.state !== 'open').map((p) => [p.id, p]))
    for (const [id, marker] of pulses.current)
      if (wanted.get(id)?.state !== marker.getElement().dataset.state) {
        marker.remove()
        pulses.current.delete(id)
      }
    for (const p of wanted.values())
      if (!pulses.current.has(p.id)) {
        // The marker positions its element with a transform; the ring animates a child of it.
        const el = document.createElement('div')
        el.className = 'wall-pulse-anchor'
        el.dataset.state = p.state
        el.appendChild(document.createElement('div')).className = `wall-pulse ${p.state}`
        pulses.current.set(p.id, new Marker({ element: el }).setLngLat(p.lonLat).addTo(map))
      }
  }, [ready, points])

  return <div ref={container} className="wall-map" data-testid="wall-map" />
}
