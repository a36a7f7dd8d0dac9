// One drawing session on the map with terra-draw: draw a new boundary, edit (vertices, midpoints,
// drag to move) an existing one, or draw a split line. Snaps to the given rings.
import type { Map as MapLibreMap } from 'maplibre-gl'
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'
import type { Geometry, Polygon } from 'geojson'
import { snapTo, type LonLat } from './snap'

export type DrawMode = 'polygon' | 'edit' | 'split'
export type DrawRequest = { mode: DrawMode; gridId: number; geometry: Geometry | null; snapRings: LonLat[][]; nonce: number }
export type DrawSession = { stop: () => void; /** Edit mode: the shape as it is now. */ current: () => Geometry | null }

// terra-draw keeps 7 decimals (about 1 cm); anything finer fails its validation.
const PRECISION = 7
const round = (p: LonLat): LonLat => [Number(p[0].toFixed(PRECISION)), Number(p[1].toFixed(PRECISION))]

export function startDrawSession(
  map: MapLibreMap,
  request: DrawRequest,
  onDone: (result: { geometry?: Geometry; line?: LonLat[] }) => void,
  onProblem: (message: string) => void
): DrawSession {
  const snapping = {
    toCustom: (event: { containerX: number; containerY: number }) => {
      const p = snapTo({ x: event.containerX, y: event.containerY }, request.snapRings, (q) => map.project(q))
      return p ? round(p) : undefined
    }
  }
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: PRECISION }),
    modes: [
      new TerraDrawPolygonMode({ snapping, styles: { fillColor: '#1677ff', fillOpacity: 0.25, outlineColor: '#0958d9', outlineWidth: 2 } }),
      new TerraDrawLineStringMode({ snapping, styles: { lineStringColor: '#d4380d', lineStringWidth: 3 } }),
      new TerraDrawSelectMode({
        flags: {
          polygon: { feature: { draggable: true, coordinates: { midpoints: true, draggable: true, deletable: true, snappable: snapping } } }
        },
        styles: { selectedPolygonColor: '#1677ff', selectedPolygonFillOpacity: 0.25, selectedPolygonOutlineColor: '#0958d9', selectedPolygonOutlineWidth: 2 }
      })
    ]
  })
  draw.start()
  let editedId: string | number | null = null
  if (request.mode === 'edit' && request.geometry) {
    // A multi-part boundary is edited part by part: the largest part here; the others are kept as they are.
    const polygon: Polygon =
      request.geometry.type === 'Polygon'
        ? request.geometry
        : { type: 'Polygon', coordinates: (request.geometry as { coordinates: Polygon['coordinates'][] }).coordinates[0] }
    const id = crypto.randomUUID()
    const rounded = { ...polygon, coordinates: polygon.coordinates.map((ring) => ring.map((p) => round(p as LonLat))) }
    const [check] = draw.addFeatures([{ id, type: 'Feature', geometry: rounded, properties: { mode: 'polygon' } } as GeoJSONStoreFeatures])
    if (check?.valid) {
      editedId = id
      draw.setMode('select')
      draw.selectFeature(id)
    } else {
      onProblem(`这个边界无法直接编辑（${check?.reason ?? '格式不符'}），请重新绘制。`)
      draw.setMode('polygon')
    }
  } else draw.setMode(request.mode === 'split' ? 'linestring' : 'polygon')

  draw.on('finish', (id, context) => {
    if (context.action !== 'draw') return
    const feature = draw.getSnapshotFeature(id)
    if (!feature) return
    if (request.mode === 'split') onDone({ line: feature.geometry.coordinates as LonLat[] })
    else onDone({ geometry: feature.geometry as Geometry })
  })
  return {
    stop: () => {
      draw.stop()
    },
    current: () => (editedId !== null ? ((draw.getSnapshotFeature(editedId)?.geometry as Geometry | undefined) ?? null) : null)
  }
}
