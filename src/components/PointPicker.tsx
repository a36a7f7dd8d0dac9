// Pick a place (an issue's, a rental building's) on a small offline map of the town: villages and party groups drawn from
// the same sources as the main map, with their names; a click sets the point (the core finds its
// grids). A clerk's map opens framed on their own villages.
import { useEffect, useRef, useState } from 'react'
import { Map as MapLibreMap, type GeoJSONSource } from 'maplibre-gl'
import { ensureMapWorker } from '../features/map/mapWorker'
import { useTierGeoJson, useTownOutline } from '../api/hooks'
import { fontStack } from '../features/map/mapStyle'

const empty = { type: 'FeatureCollection' as const, features: [] }

/** The box around the polygons of the given tier-1 features (a village's grid is coded with its NBS code). */
function boundsOf(fc: GeoJSON.FeatureCollection, codes: string[]): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      ;[w, s, e, n] = [Math.min(w, c[0]), Math.min(s, c[1] as number), Math.max(e, c[0]), Math.max(n, c[1] as number)]
    } else if (Array.isArray(c)) c.forEach(visit)
  }
  for (const f of fc.features)
    if (f.geometry.type !== 'Point' && codes.includes(String(f.properties?.code))) visit((f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon).coordinates)
  return w === Infinity ? null : [w, s, e, n]
}

export function PointPicker({ value, onChange, frameCodes }: { value?: [number, number]; onChange: (p: [number, number]) => void; frameCodes?: string[] }) {
  const box = useRef<HTMLDivElement>(null)
  const mapRef = useRef<MapLibreMap | null>(null)
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const [loaded, setLoaded] = useState(false)
  const outline = useTownOutline()
  const tier1 = useTierGeoJson(1).data
  const tier3 = useTierGeoJson(3).data
  useEffect(() => {
    ensureMapWorker()
    const map = new MapLibreMap({
      container: box.current!,
      style: {
        version: 8,
        sources: {
          town: { type: 'geojson', data: empty },
          t1: { type: 'geojson', data: empty },
          t3: { type: 'geojson', data: empty },
          pick: { type: 'geojson', data: empty }
        },
        layers: [
          { id: 'bg', type: 'background', paint: { 'background-color': '#e9eef3' } },
          { id: 'town', type: 'fill', source: 'town', paint: { 'fill-color': '#fbfcfd' } },
          {
            id: 't3',
            type: 'line',
            source: 't3',
            minzoom: 12,
            filter: ['!=', ['geometry-type'], 'Point'],
            paint: { 'line-color': '#2f8a57', 'line-width': 0.8, 'line-dasharray': [3, 2] }
          },
          { id: 't1', type: 'line', source: 't1', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#1d4e89', 'line-width': 1.2 } },
          {
            id: 't1-label',
            type: 'symbol',
            source: 't1',
            minzoom: 10.5,
            filter: ['==', ['geometry-type'], 'Point'],
            layout: { 'text-field': ['get', 'label'], 'text-font': fontStack, 'text-size': 12 },
            paint: { 'text-color': '#10294d', 'text-halo-color': '#fff', 'text-halo-width': 1.4 }
          },
          {
            id: 't3-label',
            type: 'symbol',
            source: 't3',
            minzoom: 13.5,
            filter: ['==', ['geometry-type'], 'Point'],
            layout: { 'text-field': ['get', 'label'], 'text-font': fontStack, 'text-size': 11 },
            paint: { 'text-color': '#1f6b43', 'text-halo-color': '#fff', 'text-halo-width': 1.2 }
          },
          {
            id: 'pick',
            type: 'circle',
            source: 'pick',
            paint: { 'circle-color': '#d4380d', 'circle-radius': 8, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 }
          }
        ]
      },
      center: [113.025, 23.145],
      zoom: 10,
      attributionControl: false,
      localIdeographFontFamily: fontStack.join(', '),
      dragRotate: false
    })
    mapRef.current = map
    const el = box.current!
    el.dataset.idle = '0'
    map.on('load', () => setLoaded(true))
    map.on('idle', () => (el.dataset.idle = '1'))
    map.on('click', (e) => onChangeRef.current([Math.round(e.lngLat.lng * 1e6) / 1e6, Math.round(e.lngLat.lat * 1e6) / 1e6]))
    return () => {
      map.remove()
      mapRef.current = null
    }
  }, [])
  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map) return
    if (outline.data) {
      ;(map.getSource('town') as GeoJSONSource).setData(outline.data)
      const own = frameCodes && tier1 ? boundsOf(tier1 as GeoJSON.FeatureCollection, frameCodes) : null
      const [w, s, e, n] = own ?? outline.data.bbox
      map.fitBounds([w, s, e, n], { padding: own ? 24 : 10, duration: 0 })
      if (own) box.current!.dataset.framed = frameCodes!.join(',')
    }
    if (tier1) (map.getSource('t1') as GeoJSONSource).setData(tier1)
    if (tier3) (map.getSource('t3') as GeoJSONSource).setData(tier3)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, outline.data, tier1, tier3, frameCodes?.join(',')])
  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map) return
    ;(map.getSource('pick') as GeoJSONSource).setData(
      value ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: value }, properties: {} }] } : empty
    )
  }, [loaded, value])
  return <div ref={box} className="point-picker" data-testid="point-picker" />
}
