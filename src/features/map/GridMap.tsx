// The town map: outline and one GeoJSON source per tier; hover and selection are feature-state,
// so nothing is re-uploaded when the pointer moves.
import { useEffect, useMemo, useRef, useState } from 'react'
import { Map as MapLibreMap, NavigationControl, ScaleControl, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl'
import { ensureMapWorker } from './mapWorker'
import type { FeatureCollection, Geometry } from 'geojson'
import type { Tier } from '../../../electron/shared/contract'
import { useTierGeoJson, useTownOutline } from '../../api/hooks'
import { startDrawSession, type DrawRequest, type DrawSession } from '../draw/drawSession'
import type { LonLat } from '../draw/snap'
import { buildStyle, fillLayerOf, fontStack, layersOfTier, pickableTiers, shadingColour, sourceOf, tiers, type ShadingMeasure } from './mapStyle'
import { useOnScreenToggle } from '../../api/screenShown'

export type GridPick = { id: number; tier: Tier }
export type FlyTarget = { bbox: [number, number, number, number]; labelPoint: [number, number]; nonce: number }

type Props = {
  /** A problem area to highlight (health check), or null. */
  highlight: Geometry | null
  /** An import preview to draw (accepted and rejected features), or null. */
  importPreview: FeatureCollection | null
  visibleTiers: Record<Tier, boolean>
  selected: GridPick | null
  flyTarget: FlyTarget | null
  onSelect: (pick: GridPick) => void
  onContextMenu: (pick: GridPick, at: { x: number; y: number }) => void
  /** A drawing session to run (new boundary, edit, split line), or null. */
  drawRequest: DrawRequest | null
  onDrawn: (result: { geometry?: Geometry; line?: LonLat[] }) => void
  onDrawProblem: (message: string) => void
  /** Filled while a session runs, so the screen can read an edited shape on “save”. */
  drawSessionRef: { current: DrawSession | null }
  /** People to show as clustered points, or null. */
  peoplePoints: FeatureCollection | null
  /** Open issues to pin, or null. */
  issuePoints: FeatureCollection | null
  onIssueClick?: (id: number) => void
  /** A rental building clicked (the 出租屋消防 layer). */
  onRentalClick?: (id: number) => void
  /** The rental campaign layer's buildings with open hazards, or null. */
  rentalBuildings?: FeatureCollection | null
  /** Villages (tier-1 grids) shaded by a share done, 0–100 % (a campaign's rectification rate, posts held), or null. */
  villageShading?: { gridId: number; value: number }[] | null
  /** Tier-3 shading by a people measure, or null. */
  shading: { measure: ShadingMeasure; values: { gridId: number; value: number }[] } | null
  /**
   * The width of the panel a selection opens over the map's right edge. It lies over the map rather
   * than beside it: resizing a city-scale map's canvas costs a second or more (issue 9), so the map
   * keeps its size and brings what is selected into the part left visible.
   */
  selectionPanelWidth?: number
  /** Called once, at the first idle that has drawn all three tiers' grids. */
  onGridsDrawn?: () => void
}

const emptyPreview: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** Put a tier's features into its source once the map and the data are both there. */
function useSourceData(map: MapLibreMap | null, source: string, data: FeatureCollection | undefined, onGiven?: (source: string) => void) {
  const everSet = useRef(false)
  useEffect(() => {
    if (!map || !data) return
    // The style starts every overlay empty: emptying it again would only cost a frame.
    if (!onGiven && !everSet.current && data.features.length === 0) return
    everSet.current = true
    onGiven?.(source)
    ;(map.getSource(source) as GeoJSONSource).setData(data)
  }, [map, source, data, onGiven])
}

/** The finest tier under the pointer wins: at street zoom a click means the party group. */
function finest(features: MapGeoJSONFeature[]): GridPick | null {
  let best: GridPick | null = null
  for (const f of features) {
    const tier = f.properties.tier as Tier
    if (!best || tier > best.tier) best = { id: Number(f.id), tier }
  }
  return best
}

export function GridMap({
  highlight,
  importPreview,
  visibleTiers,
  selected,
  flyTarget,
  onSelect,
  onContextMenu,
  drawRequest,
  onDrawn,
  onDrawProblem,
  drawSessionRef,
  peoplePoints,
  issuePoints,
  shading,
  rentalBuildings = null,
  villageShading = null,
  onIssueClick,
  onRentalClick,
  selectionPanelWidth = 0,
  onGridsDrawn
}: Props) {
  const onGridsDrawnRef = useRef(onGridsDrawn)
  onGridsDrawnRef.current = onGridsDrawn
  const panelWidthRef = useRef(selectionPanelWidth)
  panelWidthRef.current = selectionPanelWidth
  const container = useRef<HTMLDivElement>(null)
  const mapRef = useRef<MapLibreMap | null>(null)
  /** The tier-3 grids given a shading measure, so the next measure can clear exactly those. */
  const shadedIds = useRef<number[]>([])
  const progressIds = useRef<number[]>([])
  /**
   * The tier sources given their grids, and those whose grids MapLibre has taken in (its worker
   * answered). An idle after that has drawn them; an idle before it only drew the empty style.
   */
  const tiersGiven = useRef(new Set<string>())
  const tiersTakenIn = useRef(new Set<string>())
  const giveTier = useRef((source: string) => void tiersGiven.current.add(source)).current
  const onSelectRef = useRef(onSelect)
  onSelectRef.current = onSelect
  const onIssueRef = useRef(onIssueClick)
  onIssueRef.current = onIssueClick
  const onRentalRef = useRef(onRentalClick)
  onRentalRef.current = onRentalClick
  const onContextRef = useRef(onContextMenu)
  onContextRef.current = onContextMenu
  const visibleRef = useRef(visibleTiers)
  visibleRef.current = visibleTiers
  const onDrawnRef = useRef(onDrawn)
  onDrawnRef.current = onDrawn
  const onProblemRef = useRef(onDrawProblem)
  onProblemRef.current = onDrawProblem
  // While drawing, clicks belong to the drawing, not to grid selection.
  const drawingRef = useRef(false)
  drawingRef.current = drawRequest !== null
  const [loaded, setLoaded] = useState(false)
  const outline = useTownOutline()
  /** The outline the map was framed on, so the frame is not set twice. */
  const framedOn = useRef<unknown>(null)
  const tier1 = useTierGeoJson(1).data
  const tier2 = useTierGeoJson(2).data
  const tier3 = useTierGeoJson(3).data

  useEffect(() => {
    ensureMapWorker()
    const el = container.current!
    // Usually the outline is already read (the map screen prefetches it): open framed on it rather than
    // on a default view, whose tiles would be loaded and drawn once for nothing (issue 9).
    const known = outline.data
    framedOn.current = known ?? null
    const map = new MapLibreMap({
      container: el,
      style: buildStyle(),
      ...(known
        ? { bounds: known.bbox as [number, number, number, number], fitBoundsOptions: { padding: 32 } }
        : { center: [113.025, 23.145] as [number, number], zoom: 10.5 }),
      minZoom: 8,
      maxZoom: 18,
      attributionControl: { compact: true, customAttribution: '村居名称、代码：国家统计局 2023 · 边界为示意数据' },
      localIdeographFontFamily: fontStack.join(', '),
      dragRotate: false,
      pitchWithRotate: false,
      // Labels appear at once: each frame of a fade redraws every grid, a quarter second a frame on a
      // machine drawing without a GPU (measured at city scale, issue 9). The wall map does the same.
      fadeDuration: 0
    })
    mapRef.current = map
    map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right')
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left')
    map.touchZoomRotate.disableRotation()
    // Operators (and tests) can tell when the map has finished drawing.
    el.dataset.idle = '0'
    el.dataset.idleCount = '0'
    map.on('load', () => setLoaded(true))
    map.on('sourcedata', (e) => {
      if (e.sourceDataType === 'content' && tiersGiven.current.has(e.sourceId)) tiersTakenIn.current.add(e.sourceId)
    })
    map.on('movestart', () => (el.dataset.idle = '0'))
    // How many frames the map has drawn (the benchmark compares this with a bare MapLibre page).
    let frames = 0
    map.on('render', () => (el.dataset.frames = String(++frames)))
    map.on('idle', () => {
      el.dataset.center = JSON.stringify(map.getCenter().toArray())
      el.dataset.zoom = String(map.getZoom())
      // What this idle has drawn: how many tiers' grids, which grid selected (the benchmark waits on these).
      el.dataset.tiersDrawn = String(tiersTakenIn.current.size)
      el.dataset.idleSelected = el.dataset.selected ?? ''
      el.dataset.idle = '1'
      el.dataset.idleCount = String(Number(el.dataset.idleCount) + 1)
      if (tiersTakenIn.current.size === tiers.length && el.dataset.gridsDrawnAt === undefined) {
        // When, from the page's navigation, the grids were first drawn: the benchmark reads it here, as
        // work started by this idle (the grid tree) would delay any check from outside the page.
        el.dataset.gridsDrawnAt = String(Math.round(performance.now()))
        onGridsDrawnRef.current?.()
      }
    })

    let hovered: GridPick | null = null
    const setHover = (next: GridPick | null) => {
      if (hovered && (hovered.id !== next?.id || hovered.tier !== next?.tier))
        map.setFeatureState({ source: sourceOf(hovered.tier), id: hovered.id }, { hover: false })
      if (next) map.setFeatureState({ source: sourceOf(next.tier), id: next.id }, { hover: true })
      hovered = next
      map.getCanvas().style.cursor = next ? 'pointer' : ''
    }
    const pickAt = (point: { x: number; y: number }) => {
      const layers = pickableTiers(visibleRef.current, map.getZoom()).map(fillLayerOf)
      return layers.length ? finest(map.queryRenderedFeatures([point.x, point.y], { layers })) : null
    }
    map.on('mousemove', (e) => setHover(drawingRef.current ? null : pickAt(e.point)))
    map.on('mouseout', () => setHover(null))
    map.on('contextmenu', (e) => {
      if (drawingRef.current) return
      const pick = pickAt(e.point)
      if (pick) onContextRef.current(pick, { x: e.originalEvent.clientX, y: e.originalEvent.clientY })
    })
    map.on('click', (e) => {
      if (drawingRef.current) return
      // An issue pin under the pointer opens that issue.
      const pin = map.getLayer('issue-pins') ? map.queryRenderedFeatures([e.point.x, e.point.y], { layers: ['issue-pins'] })[0] : undefined
      if (pin) return onIssueRef.current?.(Number(pin.properties.id))
      // A rental building near the pointer (its dot is a few pixels wide) opens in 出租屋整治.
      const { x, y } = e.point
      const building = map.queryRenderedFeatures(
        [
          [x - 4, y - 4],
          [x + 4, y + 4]
        ],
        { layers: ['rental-buildings'] }
      )[0]
      if (building) return onRentalRef.current?.(Number(building.properties.id))
      const pick = pickAt(e.point)
      if (!pick) return
      onSelectRef.current(pick)
      // The panel that opens would hide a grid clicked near the right edge: bring it into view.
      const visibleWidth = map.getContainer().clientWidth - panelWidthRef.current
      if (e.point.x > visibleWidth - 40) map.panBy([e.point.x - visibleWidth / 2, 0], { duration: 300 })
    })
    return () => {
      map.remove()
      mapRef.current = null
    }
    // The map is made once per mount; the outline it opens framed on is read where it is made.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map || !outline.data) return
    ;(map.getSource('town') as GeoJSONSource).setData(outline.data)
    if (framedOn.current === outline.data) return
    framedOn.current = outline.data
    const [w, s, e, n] = outline.data.bbox
    map.fitBounds([w, s, e, n], { padding: 32, duration: 0 })
  }, [loaded, outline.data])

  // A map kept on a hidden screen takes no pointer input: its drag handlers listen on the whole page
  // and measure the canvas at every mouse move, which lays the hidden screen out again (8 ms a move).
  useOnScreenToggle((shown) => {
    const map = mapRef.current
    for (const handler of map ? [map.dragPan, map.boxZoom] : []) {
      if (shown) handler.enable()
      else handler.disable()
    }
  })
  useSourceData(loaded ? mapRef.current : null, 'importPreview', importPreview ?? emptyPreview)
  useSourceData(loaded ? mapRef.current : null, 'people', peoplePoints ?? emptyPreview)
  useSourceData(loaded ? mapRef.current : null, 'issues', issuePoints ?? emptyPreview)

  // Shading is feature-state on the tier-3 source: no data is re-uploaded when the measure changes.
  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map || !tier3) return
    // MapLibre 6 removes one key only per feature id: clear the grids shaded last time.
    for (const id of shadedIds.current) map.removeFeatureState({ source: sourceOf(3), id }, 'measure')
    shadedIds.current = shading ? shading.values.map((v) => v.gridId) : []
    if (!shading) {
      map.setLayoutProperty('tier3-measure', 'visibility', 'none')
      return
    }
    for (const v of shading.values) map.setFeatureState({ source: sourceOf(3), id: v.gridId }, { measure: v.value })
    map.setPaintProperty('tier3-measure', 'fill-color', shadingColour(shading.measure))
    map.setLayoutProperty('tier3-measure', 'visibility', 'visible')
  }, [loaded, shading, tier3])
  useSourceData(loaded ? mapRef.current : null, 'rentals', rentalBuildings ?? emptyPreview)
  // The villages' shading is feature-state on the tier-1 source, as the people shading is on tier 3.
  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map || !tier1) return
    for (const id of progressIds.current) map.removeFeatureState({ source: sourceOf(1), id }, 'progress')
    progressIds.current = villageShading ? villageShading.map((v) => v.gridId) : []
    for (const v of villageShading ?? []) map.setFeatureState({ source: sourceOf(1), id: v.gridId }, { progress: v.value })
    map.setLayoutProperty('tier1-progress', 'visibility', villageShading ? 'visible' : 'none')
  }, [loaded, villageShading, tier1])
  useSourceData(loaded ? mapRef.current : null, sourceOf(1), tier1, giveTier)
  useSourceData(loaded ? mapRef.current : null, sourceOf(2), tier2, giveTier)
  useSourceData(loaded ? mapRef.current : null, sourceOf(3), tier3, giveTier)

  const problemArea = useMemo<FeatureCollection>(
    () => ({ type: 'FeatureCollection', features: highlight ? [{ type: 'Feature', geometry: highlight, properties: {} }] : [] }),
    [highlight]
  )
  useSourceData(loaded ? mapRef.current : null, 'problem', problemArea)

  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map) return
    for (const tier of tiers)
      for (const layer of layersOfTier(tier)) {
        // Only a real change: MapLibre reloads a layer's whole source on any visibility set, even to
        // 'visible' on a layer that shows already (its style leaves visibility unset). At load that
        // laid out and drew every tier twice (issue 9).
        const want = visibleTiers[tier] ? 'visible' : 'none'
        if ((map.getLayoutProperty(layer, 'visibility') ?? 'visible') !== want) map.setLayoutProperty(layer, 'visibility', want)
      }
  }, [loaded, visibleTiers])

  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map || !selected) return
    map.setFeatureState({ source: sourceOf(selected.tier), id: selected.id }, { selected: true })
    if (container.current) container.current.dataset.selected = `${selected.tier}:${selected.id}`
    return () => {
      if (mapRef.current) map.setFeatureState({ source: sourceOf(selected.tier), id: selected.id }, { selected: false })
    }
    // Keyed by the grid chosen, not by the object (a new object for the same grid must not redraw it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, selected?.id, selected?.tier])

  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map || !flyTarget) return
    // Centre on the label point, which is always inside the grid (a bbox centre may not be).
    const [w, s, e, n] = flyTarget.bbox
    // Flying to a grid selects it, so its panel covers the right edge.
    const covered = panelWidthRef.current
    const camera = map.cameraForBounds([w, s, e, n], { padding: { top: 60, bottom: 60, left: 60, right: 60 + covered }, maxZoom: 16.5 })
    map.flyTo({ center: flyTarget.labelPoint, offset: [-covered / 2, 0], zoom: camera?.zoom ?? 14, duration: 700 })
  }, [loaded, flyTarget])

  useEffect(() => {
    const map = mapRef.current
    if (!loaded || !map || !drawRequest) return
    const session = startDrawSession(
      map,
      drawRequest,
      (result) => onDrawnRef.current(result),
      (m) => onProblemRef.current(m)
    )
    drawSessionRef.current = session
    return () => {
      session.stop()
      drawSessionRef.current = null
    }
  }, [loaded, drawRequest, drawSessionRef])

  return <div ref={container} className={`grid-map${drawRequest ? ' drawing' : ''}`} data-testid="grid-map" />
}
