// Pick an issue's place on a small offline map of the town: villages and party groups drawn from
// the same sources as the main map; a click sets the point (the core finds its grids).
import { useEffect, useRef, useState } from 'react'
import { Map as MapLibreMap, type GeoJSONSource } from 'maplibre-gl'
import { ensureMapWorker } from '../map/mapWorker'
import { useTierGeoJson, useTownOutline } from '../../api/hooks'
import { fontStack } from '../map/mapStyle'

const empty = { type: 'FeatureCollection' as const, features: [] }

export function PointPicker({ value, onChange }: { value?: [number, number]; onChange: (p: [number, number]) => void }) {
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
        sources: { town: { type: 'geojson', data: empty }, t1: { type: 'geojson', data: empty }, t3: { type: 'geojson', data: empty }, pick: { type: 'geojson', data: empty } },
        layers: [
          { id: 'bg', type: 'background', paint: { 'background-color': '#e9eef3' } },
          { id: 'town', type: 'fill', source: 'town', paint: { 'fill-color': '#fbfcfd' } },
          { id: 't3', type: 'line', source: 't3', minzoom: 12, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#2f8a57', 'line-width': 0.8, 'line-dasharray': [3, 2] } },
          { id: 't1', type: 'line', source: 't1', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#1d4e89', 'line-width': 1.2 } },
          { id: 't1-label', type: 'symbol', source: 't1', minzoom: 11, filter: ['==', ['geometry-type'], 'Point'], layout: { 'text-field': ['get', 'label'], 'text-font': fontStack, 'text-size': 12 }, paint: { 'text-color': '#10294d', 'text-halo-color': '#fff', 'text-halo-width': 1.4 } },
          { id: 'pick', type: 'circle', source: 'pick', paint: { 'circle-color': '#d4380d', 'circle-radius': 8, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } }
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
      const [w, s, e, n] = outline.data.bbox
      map.fitBounds([w, s, e, n], { padding: 10, duration: 0 })
    }
    if (tier1) (map.getSource('t1') as GeoJSONSource).setData(tier1)
    if (tier3) (map.getSource('t3') as GeoJSONSource).setData(tier3)
  }, [loaded, outline.data, tier1, tier3])
  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map) return
    ;(map.getSource('pick') as GeoJSONSource).setData(value ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: value }, properties: {} }] } : empty)
  }, [loaded, value])
  return <div ref={box} className="point-picker" data-testid="point-picker" />
}
