// The offline map style: no tiles, glyphs or sprites from anywhere. Text is drawn locally from
// system fonts (MapLibre renders with TinySDF when the style has no `glyphs`).
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import type { Tier } from '../../../electron/shared/contract'

export const tiers: Tier[] = [1, 2, 3]
export const sourceOf = (tier: Tier) => `tier${tier}`
export const fillLayerOf = (tier: Tier) => `tier${tier}-fill`
export const tierName: Record<Tier, string> = { 1: '一级网格（村/社区）', 2: '二级网格（经济社/小区）', 3: '三级网格（党小组）' }
export const tierColour: Record<Tier, string> = { 1: '#1d4e89', 2: '#c0651f', 3: '#2f8a57' }
/** Zoom from which a tier's boundaries and hit areas are drawn (finer tiers need room). */
export const tierMinZoom: Record<Tier, number> = { 1: 0, 2: 11, 3: 12.3 }
const labelMinZoom: Record<Tier, number> = { 1: 10, 2: 13, 3: 14.3 }
/**
 * Zoom from which a click means a tier's grid: at the town's zoom a click picks the village whose
 * name is drawn, not the 经济社 under its label; finer tiers once the map is close enough to tell
 * them apart. A tier whose coarser tiers are all hidden is picked at any zoom it is drawn.
 */
const pickMinZoom: Record<Tier, number> = { 1: 0, 2: 12.5, 3: 13.5 }
export function pickableTiers(visible: Record<Tier, boolean>, zoom: number): Tier[] {
  const shown = ([1, 2, 3] as Tier[]).filter((t) => visible[t])
  return shown.filter((t) => zoom >= pickMinZoom[t] || t === shown[0])
}

export const problemColour = '#d4380d'
export const importColour = { accepted: '#52c41a', acceptedLine: '#237804', rejected: '#f5222d' }
const officePalette = ['#8fb8de', '#f2c48d', '#a8d5a2', '#d7b5e3', '#f4a6a6', '#9ed9d3', '#e8d88e']
export const fontStack = ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif']

const state = (name: 'hover' | 'selected'): ExpressionSpecification => ['boolean', ['feature-state', name], false]
const isPolygon: ExpressionSpecification = ['!=', ['geometry-type'], 'Point']
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point']

function officeColour(): ExpressionSpecification {
  const pairs: (number | string)[] = []
  for (let i = 0; i < 40; i++) pairs.push(i, officePalette[i % officePalette.length])
  return ['match', ['coalesce', ['get', 'officeId'], 0], ...pairs, '#cccccc'] as unknown as ExpressionSpecification
}

function tierLayers(tier: Tier): LayerSpecification[] {
  const source = sourceOf(tier)
  const minzoom = tierMinZoom[tier]
  const fillColour = tier === 1 ? officeColour() : tierColour[tier]
  const baseOpacity = tier === 1 ? 0.35 : 0
  return [
    {
      id: fillLayerOf(tier),
      type: 'fill',
      source,
      minzoom,
      filter: isPolygon,
      paint: {
        'fill-color': fillColour,
        'fill-opacity': ['case', state('selected'), tier === 1 ? 0.6 : 0.3, state('hover'), tier === 1 ? 0.55 : 0.2, baseOpacity]
      }
    },
    {
      id: `tier${tier}-line`,
      type: 'line',
      source,
      minzoom,
      filter: isPolygon,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': tierColour[tier],
        'line-width':
          tier === 1 ? ['interpolate', ['linear'], ['zoom'], 10, 1.4, 15, 3] : tier === 2 ? ['interpolate', ['linear'], ['zoom'], 11, 0.8, 15, 1.8] : 0.9,
        ...(tier === 3 ? { 'line-dasharray': [3, 2] } : {}),
        'line-opacity': tier === 1 ? 0.95 : 0.85
      }
    }
  ]
}

function selectionLayer(tier: Tier): LayerSpecification {
  return {
    id: `tier${tier}-selected`,
    type: 'line',
    source: sourceOf(tier),
    filter: isPolygon,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#e0282e', 'line-width': ['case', state('selected'), 3.5, 0] }
  }
}

function labelLayer(tier: Tier): LayerSpecification {
  return {
    id: `tier${tier}-label`,
    type: 'symbol',
    source: sourceOf(tier),
    minzoom: labelMinZoom[tier],
    filter: isPoint,
    layout: {
      'text-field': ['get', 'label'],
      'text-font': fontStack,
      'text-size': tier === 1 ? 14 : tier === 2 ? 12.5 : 11.5,
      'text-max-width': 8,
      'text-padding': 4,
      'symbol-sort-key': tier
    },
    paint: {
      'text-color': tier === 1 ? '#10294d' : tier === 2 ? '#6b3410' : '#1d5535',
      'text-halo-color': 'rgba(255,255,255,0.92)',
      'text-halo-width': 1.6
    }
  }
}

const emptyCollection = { type: 'FeatureCollection' as const, features: [] }

/** Shading of tier-3 grids by a people measure (set per grid as feature-state `measure`). */
export type ShadingMeasure = 'contactCoverage' | 'daysSinceVisit' | 'heads'
export const shadingRamp: Record<ShadingMeasure, { stops: [number, string][]; unit: string; label: string }> = {
  contactCoverage: {
    stops: [
      [0, '#d73027'],
      [80, '#fee08b'],
      [100, '#1a9850']
    ],
    unit: '%',
    label: '户联系覆盖率'
  },
  daysSinceVisit: {
    stops: [
      [0, '#1a9850'],
      [60, '#fee08b'],
      [180, '#d73027']
    ],
    unit: '天',
    label: '距上次走访（平均天数）'
  },
  // -1: no head in office (red, a gap to fill); else the heads' records this year, few → many.
  heads: {
    stops: [
      [-1, '#d73027'],
      [0, '#fee08b'],
      [20, '#1a9850']
    ],
    unit: '条',
    label: '三长本年工作记录'
  }
}
export function shadingColour(measure: ShadingMeasure): ExpressionSpecification {
  return ['interpolate', ['linear'], ['coalesce', ['feature-state', 'measure'], 0], ...shadingRamp[measure].stops.flat()] as unknown as ExpressionSpecification
}
export const pointColour = { placed: '#1d4e89', unplaced: '#d4380d', reserve: '#7b3fb0' }

export const issueClockColour = { red: '#d4380d', yellow: '#faad14', green: '#389e0d', none: '#8c8c8c' }

/** 出租屋消防 (issue 21): a village's rectification rate in the campaign (feature-state `progress`, %) and buildings by risk. */
export const progressRamp: [number, string][] = [
  [0, '#d73027'],
  [80, '#fee08b'],
  [100, '#1a9850']
]
export const rentalRiskColour: Record<string, string> = { 高风险: '#c62828', 中风险: '#ef8a17', 低风险: '#2f6fb3' }
function rentalLayers(): LayerSpecification[] {
  return [
    {
      id: 'rental-buildings',
      type: 'circle',
      source: 'rentals',
      paint: {
        'circle-color': ['match', ['get', 'riskClass'], '高风险', rentalRiskColour.高风险, '中风险', rentalRiskColour.中风险, rentalRiskColour.低风险],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 15, 6],
        // An overdue hazard rings the building in black.
        'circle-stroke-color': ['case', ['>', ['get', 'overdue'], 0], '#1f1f1f', '#ffffff'],
        'circle-stroke-width': ['case', ['>', ['get', 'overdue'], 0], 1.6, 0.8]
      }
    },
    {
      id: 'rental-labels',
      type: 'symbol',
      source: 'rentals',
      minzoom: 16,
      layout: { 'text-field': ['get', 'address'], 'text-font': fontStack, 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top' },
      paint: { 'text-color': '#5c1a00', 'text-halo-color': '#fff', 'text-halo-width': 1.4 }
    }
  ]
}

/** Open issues, clustered; each pin coloured by its clock (overdue red, warning yellow, in time green). */
function issueLayers(): LayerSpecification[] {
  return [
    {
      id: 'issue-clusters',
      type: 'circle',
      source: 'issues',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ['case', ['>', ['get', 'overdue'], 0], issueClockColour.red, '#ad6800'],
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 50, 22],
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 2,
        'circle-opacity': 0.9
      }
    },
    {
      id: 'issue-cluster-count',
      type: 'symbol',
      source: 'issues',
      filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': fontStack, 'text-size': 12 },
      paint: { 'text-color': '#fff' }
    },
    {
      id: 'issue-pins',
      type: 'circle',
      source: 'issues',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': [
          'match',
          ['get', 'clock'],
          'red',
          issueClockColour.red,
          'yellow',
          issueClockColour.yellow,
          'green',
          issueClockColour.green,
          issueClockColour.none
        ],
        'circle-radius': 7,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 2
      }
    },
    {
      id: 'issue-labels',
      type: 'symbol',
      source: 'issues',
      minzoom: 14,
      filter: ['!', ['has', 'point_count']],
      layout: { 'text-field': ['get', 'title'], 'text-font': fontStack, 'text-size': 11, 'text-offset': [0, 1.2], 'text-anchor': 'top' },
      paint: { 'text-color': '#5c0011', 'text-halo-color': '#fff', 'text-halo-width': 1.4 }
    }
  ]
}

/** People points (reporting members' homes, reserve contacts), clustered by the map. */
function peopleLayers(): LayerSpecification[] {
  return [
    {
      id: 'people-clusters',
      type: 'circle',
      source: 'people',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ['step', ['get', 'point_count'], '#6fa8dc', 20, '#3d85c6', 100, '#0b5394'],
        'circle-radius': ['step', ['get', 'point_count'], 14, 20, 19, 100, 25],
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 2,
        'circle-opacity': 0.9
      }
    },
    {
      id: 'people-cluster-count',
      type: 'symbol',
      source: 'people',
      filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': fontStack, 'text-size': 12 },
      paint: { 'text-color': '#fff' }
    },
    {
      id: 'people-points',
      type: 'circle',
      source: 'people',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['case', ['==', ['get', 'kind'], 'reserve'], pointColour.reserve, ['get', 'placed'], pointColour.placed, pointColour.unplaced],
        'circle-radius': 6,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1.5
      }
    },
    {
      id: 'people-names',
      type: 'symbol',
      source: 'people',
      minzoom: 15,
      filter: ['!', ['has', 'point_count']],
      layout: { 'text-field': ['get', 'name'], 'text-font': fontStack, 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top' },
      paint: { 'text-color': '#243b53', 'text-halo-color': '#fff', 'text-halo-width': 1.4 }
    }
  ]
}

export function buildStyle(): StyleSpecification {
  return {
    version: 8,
    name: '狮山镇网格（离线）',
    sources: {
      town: { type: 'geojson', data: emptyCollection },
      problem: { type: 'geojson', data: emptyCollection },
      importPreview: { type: 'geojson', data: emptyCollection },
      people: { type: 'geojson', data: emptyCollection, cluster: true, clusterRadius: 45, clusterMaxZoom: 15 },
      rentals: { type: 'geojson', data: emptyCollection },
      issues: {
        type: 'geojson',
        data: emptyCollection,
        cluster: true,
        clusterRadius: 40,
        clusterMaxZoom: 14,
        clusterProperties: { overdue: ['+', ['case', ['==', ['get', 'clock'], 'red'], 1, 0]] }
      },
      ...Object.fromEntries(tiers.map((t) => [sourceOf(t), { type: 'geojson', data: emptyCollection, promoteId: 'id' }]))
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e9eef3' } },
      { id: 'town-fill', type: 'fill', source: 'town', paint: { 'fill-color': '#fbfcfd', 'fill-opacity': 1 } },
      ...tiers.flatMap(tierLayers),
      // Tier-3 grids shaded by a people measure; invisible until a measure is chosen.
      {
        id: 'tier3-measure',
        type: 'fill',
        source: sourceOf(3),
        filter: isPolygon,
        layout: { visibility: 'none' },
        paint: { 'fill-color': shadingColour('contactCoverage'), 'fill-opacity': ['case', ['==', ['feature-state', 'measure'], null], 0, 0.6] }
      },
      // Villages shaded by their progress in the rental campaign; invisible until the layer is on.
      {
        id: 'tier1-progress',
        type: 'fill',
        source: sourceOf(1),
        filter: isPolygon,
        layout: { visibility: 'none' },
        paint: {
          'fill-color': [
            'interpolate',
            ['linear'],
            ['coalesce', ['feature-state', 'progress'], 0],
            ...progressRamp.flat()
          ] as unknown as ExpressionSpecification,
          'fill-opacity': ['case', ['==', ['feature-state', 'progress'], null], 0, 0.45]
        }
      },
      { id: 'town-line', type: 'line', source: 'town', paint: { 'line-color': '#0c2340', 'line-width': 2.5 } },
      ...tiers.map(selectionLayer),
      // An import preview: what will be imported (green) and what is refused (red).
      {
        id: 'import-fill',
        type: 'fill',
        source: 'importPreview',
        paint: { 'fill-color': ['match', ['get', 'status'], 'accepted', importColour.accepted, importColour.rejected], 'fill-opacity': 0.4 }
      },
      {
        id: 'import-line',
        type: 'line',
        source: 'importPreview',
        paint: { 'line-color': ['match', ['get', 'status'], 'accepted', importColour.acceptedLine, importColour.rejected], 'line-width': 2 }
      },
      {
        id: 'import-label',
        type: 'symbol',
        source: 'importPreview',
        minzoom: 12,
        layout: { 'text-field': ['get', 'name'], 'text-font': fontStack, 'text-size': 12 },
        paint: { 'text-color': '#173d13', 'text-halo-color': '#fff', 'text-halo-width': 1.5 }
      },
      // A health-check problem area (overlap, gap, part outside the parent), drawn over everything.
      { id: 'problem-fill', type: 'fill', source: 'problem', paint: { 'fill-color': problemColour, 'fill-opacity': 0.45 } },
      { id: 'problem-line', type: 'line', source: 'problem', paint: { 'line-color': problemColour, 'line-width': 2.5, 'line-dasharray': [2, 1] } },
      ...[3, 2, 1].map((t) => labelLayer(t as Tier)),
      ...rentalLayers(),
      ...peopleLayers(),
      ...issueLayers()
    ]
  }
}

/** Layers a tier toggle shows or hides. */
export const layersOfTier = (tier: Tier) => [`tier${tier}-fill`, `tier${tier}-line`, `tier${tier}-selected`, `tier${tier}-label`]
