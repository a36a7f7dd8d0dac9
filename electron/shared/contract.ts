// The API contract: every method the app offers, declared once with its zod input and output.
// IPC handlers, the preload bridge, the renderer client and the HTTP bridge are all typed from
// this object, so a method without a handler (or a client call with the wrong shape) is a type error.
// No electron, no node:, no DOM here: every part of the app imports this file.
import { z } from 'zod'

export const Tier = z.literal([1, 2, 3], { error: '网格级别须为 1、2 或 3' })
export type Tier = z.infer<typeof Tier>

const Id = z.number().int().positive()
const LonLat = z.tuple([z.number(), z.number()])
const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()])

export const Geometry = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  // Nested coordinate arrays; validated structurally on import (issue 3), not on every read.
  coordinates: z.array(z.any())
})

export const GridFeature = z.object({
  type: z.literal('Feature'),
  id: Id,
  geometry: Geometry,
  properties: z.object({
    id: Id,
    tier: Tier,
    code: z.string(),
    name: z.string(),
    label: z.string(),
    kind: z.string(),
    parentId: Id.nullable(),
    officeId: Id.nullable(),
    illustrative: z.boolean()
  })
})

/** A grid's label point, in the same source as its polygon (filter on geometry type). */
export const GridLabelFeature = z.object({
  type: z.literal('Feature'),
  id: Id,
  geometry: z.object({ type: z.literal('Point'), coordinates: LonLat }),
  properties: z.object({ id: Id, tier: Tier, label: z.string() })
})

export const GridFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.union([GridFeature, GridLabelFeature]))
})

export const GridRef = z.object({ id: Id, tier: Tier, code: z.string(), name: z.string(), kind: z.string() })

export const UnitRef = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(['district', 'town', 'department', 'office', 'village']),
  illustrative: z.boolean()
})

export const GridDetail = GridRef.extend({
  parentId: Id.nullable(),
  parentChain: z.array(GridRef),
  village: UnitRef,
  office: UnitRef.nullable(),
  children: z.array(GridRef),
  childCounts: z.object({ tier2: z.number().int(), tier3: z.number().int() }),
  partyOrganisation: z.string().nullable(),
  inspector: z.string().nullable(),
  households: z.number().int(),
  registeredPopulation: z.number().int(),
  nonHukouPopulation: z.number().int(),
  areaKm2: z.number(),
  bbox: BBox,
  labelPoint: LonLat,
  illustrative: z.boolean()
})

export const GridSearchHit = GridRef.extend({ path: z.string(), labelPoint: LonLat, bbox: BBox })

export type TreeNode = {
  key: string
  title: string
  type: 'unit' | 'grid'
  unitKind?: 'district' | 'town' | 'department' | 'office' | 'village'
  tier?: Tier
  id: number
  code: string
  illustrative: boolean
  children: TreeNode[]
}
export const TreeNode: z.ZodType<TreeNode> = z.lazy(() =>
  z.object({
    key: z.string(),
    title: z.string(),
    type: z.enum(['unit', 'grid']),
    unitKind: UnitRef.shape.kind.optional(),
    tier: Tier.optional(),
    id: Id,
    code: z.string(),
    illustrative: z.boolean(),
    children: z.array(TreeNode)
  })
)

export const GridSummary = z.object({
  town: z.object({ code: z.string(), name: z.string() }),
  tiers: z.array(z.object({ tier: Tier, count: z.number().int() })),
  offices: z.number().int(),
  villages: z.object({ total: z.number().int(), communities: z.number().int(), villages: z.number().int(), parks: z.number().int() }),
  households: z.number().int(),
  registeredPopulation: z.number().int(),
  nonHukouPopulation: z.number().int(),
  illustrativeGrids: z.number().int(),
  dataNote: z.string()
})

export const TownOutline = z.object({
  type: z.literal('Feature'),
  geometry: Geometry,
  properties: z.object({ name: z.string(), code: z.string(), areaKm2: z.number(), illustrative: z.boolean() }),
  bbox: BBox
})

const NoInput = z.object({}).strict().optional().default({})

/** Every method of the app. Keys are `<area>.<verb>`. */
export const contract = {
  'grids.summary': { input: NoInput, output: GridSummary, doc: '各级网格数量与人口户数合计' },
  'grids.tree': { input: NoInput, output: z.array(TreeNode), doc: '区—镇—管理处—村居—二级—三级网格层级树' },
  'grids.geojson': {
    input: z.object({ tier: Tier }).strict(),
    output: GridFeatureCollection,
    doc: '某一级网格的全部边界（GeoJSON，WGS-84）'
  },
  'grids.get': { input: z.object({ id: Id }).strict(), output: GridDetail, doc: '单个网格详情：上级链、下级数量、人口户数、巡查员' },
  'grids.search': {
    input: z.object({ q: z.string().trim().min(1).max(50), limit: z.number().int().min(1).max(100).optional() }).strict(),
    output: z.array(GridSearchHit),
    doc: '按名称或编码查找网格'
  },
  'town.outline': { input: NoInput, output: TownOutline, doc: '镇域轮廓（示意）' }
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export const methodNames = Object.keys(contract) as MethodName[]
export type Input<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type Output<M extends MethodName> = z.output<Contract[M]['output']>

export const ErrorCode = z.enum(['BAD_INPUT', 'NOT_FOUND', 'UNKNOWN_METHOD', 'CONFLICT', 'INTERNAL'])
export type ErrorCode = z.infer<typeof ErrorCode>
export type ApiError = { code: ErrorCode; message: string; details?: unknown }
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** What the preload exposes as `window.api` and what the HTTP client mimics. */
export type ApiBridge = { [M in MethodName]: (input?: Input<M>) => Promise<Result<Output<M>>> }
