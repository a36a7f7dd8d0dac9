// Grids, units and the town outline (issues 1–3):
// this feature's part of the contract, merged into electron/shared/contract.ts.
// Zod only (the renderer bundles it): no electron, no node:, no DOM.
import { z } from 'zod'
import { Id, LonLat, Version, BatchResult, ExportedFile, NoInput, MB } from '../../shared/contractParts'

export const Tier = z.literal([1, 2, 3], { error: '网格级别须为 1、2 或 3' })
export type Tier = z.infer<typeof Tier>

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
  illustrative: z.boolean(),
  version: z.number().int()
})

/** The kinds a grid of each tier may be. */
export const gridKinds = {
  1: ['社区', '村', '园区'],
  2: ['经济社', '住宅小区', '居民小组', '商务楼宇'],
  3: ['党小组', '楼长', '巷长', '街长']
} as const
const allKinds = [...gridKinds[1], ...gridKinds[2], ...gridKinds[3]] as [string, ...string[]]

const Count = z.number().int('须为整数').min(0, '不能为负数').max(10_000_000)
/** A grid's own fields, as every write checks them (the grid form checks the same, zodRule). */
export const GridAttributes = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{1,32}$/, '编码只能由数字、字母和连字符组成（至多 32 位）'),
    name: z.string().trim().min(1, '名称不能为空').max(60, '名称至多 60 字'),
    label: z.string().trim().min(1).max(30, '地图标注至多 30 字'),
    kind: z.enum(allKinds),
    partyOrganisation: z.string().trim().max(60).nullable(),
    inspector: z.string().trim().max(30).nullable(),
    households: Count,
    registeredPopulation: Count,
    nonHukouPopulation: Count
  })
  .partial()
  .strict()

export const HistoryEntry = z.object({
  changeId: Id,
  batchId: Id,
  action: z.enum(['create', 'update', 'delete']),
  summary: z.string(),
  kind: z.string(),
  actor: z.string(),
  at: z.string(),
  description: z.string(),
  undoneBy: Id.nullable()
})

export const GridDetail = GridRef.extend({
  version: z.number().int(),
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
  /** Null while a new grid's shape has not been drawn yet. */
  areaKm2: z.number().nullable(),
  bbox: BBox.nullable(),
  labelPoint: LonLat.nullable(),
  hasGeometry: z.boolean(),
  label: z.string(),
  illustrative: z.boolean(),
  /** Registered people on the tier-3 grids at or under this grid (issue 4). */
  holds: z.object({ households: z.number().int(), partyMembers: z.number().int(), reportingMembers: z.number().int(), issues: z.number().int() })
})

export const GridSearchHit = GridRef.extend({ path: z.string(), labelPoint: LonLat.nullable(), bbox: BBox.nullable() })

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

export const HealthProblem = z.object({
  kind: z.enum([
    'OUTSIDE_PARENT',
    'OVERLAP',
    'GAP',
    'SELF_INTERSECTION',
    'SLIVER',
    'NO_GEOMETRY',
    'NO_INSPECTOR',
    'NO_PARTY_ORGANISATION',
    'OVER_CAPACITY',
    'NOT_CHECKED'
  ]),
  severity: z.enum(['error', 'warning']),
  gridIds: z.array(Id),
  grids: z.array(z.object({ id: Id, tier: Tier, name: z.string() })),
  message: z.string(),
  areaM2: z.number().nullable(),
  percent: z.number().nullable(),
  bbox: BBox.nullable(),
  point: LonLat.nullable(),
  /** The problem area itself (overlap, gap, outside part), for highlighting. */
  area: Geometry.nullable()
})

export const ImportOptions = z
  .object({
    tier: Tier,
    parentMatch: z.enum(['code', 'name', 'location']).default('location'),
    parentField: z.string().max(64).optional(),
    nameField: z.string().max(64).optional(),
    codeField: z.string().max(64).optional(),
    kind: z.string().max(10).optional(),
    mode: z.enum(['add', 'replace']).default('add'),
    crs: z.enum(['WGS84', 'GCJ02', 'BD09']).default('WGS84')
  })
  .strict()

const PreviewFeature = z.object({
  type: z.literal('Feature'),
  geometry: Geometry,
  properties: z.object({
    index: z.number().int(),
    name: z.string(),
    status: z.enum(['accepted', 'rejected']),
    parent: z.string().nullable(),
    reasons: z.string().nullable()
  })
})

export const ImportReport = z.object({
  format: z.string().nullable(),
  /** The file as a whole could not be read (empty, truncated, not a supported format …). */
  fileError: z.string().nullable(),
  featureCount: z.number().int(),
  fields: z.array(z.string()),
  warnings: z.array(z.string()),
  /** The options as applied, with the fields guessed from the file where none were chosen. */
  options: ImportOptions.extend({ nameField: z.string().nullable(), codeField: z.string().nullable(), parentField: z.string().nullable() }).nullable(),
  accepted: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), name: z.string().nullable(), reasons: z.array(z.string()) })),
  /** Replace mode: how many existing grids the import takes away. */
  replacedGrids: z.number().int(),
  preview: z.object({ type: z.literal('FeatureCollection'), features: z.array(PreviewFeature) }),
  committed: z.boolean(),
  batchId: Id.nullable()
})

export const gridsContract = {
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
  'town.outline': { input: NoInput, output: TownOutline, doc: '镇域轮廓（示意）' },
  'units.offices': {
    input: NoInput,
    output: z.array(UnitRef),
    doc: '全部管理处（用于划归村居、新建村居）'
  },
  'grids.create': {
    maxBodyBytes: 32 * MB,
    input: GridAttributes.extend({
      tier: Tier,
      name: GridAttributes.shape.name.unwrap(),
      kind: GridAttributes.shape.kind.unwrap(),
      parentId: Id.optional(),
      officeId: Id.optional(),
      geometry: Geometry.optional()
    }).strict(),
    output: z.object({ id: Id, batchId: Id }),
    doc: '新建网格（二、三级须指定上级；一级须指定管理处和区划代码）'
  },
  'grids.update': {
    input: z.object({ id: Id, version: Version, patch: GridAttributes.refine((p) => Object.keys(p).length > 0, '没有要修改的内容') }).strict(),
    output: BatchResult,
    doc: '修改网格属性（名称、类型、党组织、巡查员、户数、人口等）'
  },
  'grids.setGeometry': {
    maxBodyBytes: 32 * MB,
    input: z.object({ id: Id, version: Version, geometry: Geometry }).strict(),
    output: BatchResult,
    doc: '修改网格边界'
  },
  'grids.split': {
    input: z.object({ id: Id, version: Version, line: z.array(LonLat).min(2).max(1000), newName: z.string().trim().max(60).optional() }).strict(),
    output: z.object({ keptId: Id, newId: Id, batchId: Id, movedChildren: z.number().int() }),
    doc: '沿一条线把网格拆分为两个（户数人口按面积分配，下级网格随所在部分）'
  },
  'grids.move': {
    input: z.object({ id: Id, version: Version, parentId: Id }).strict(),
    output: BatchResult,
    doc: '调整上级网格（连同下级一起移动）'
  },
  'grids.delete': {
    input: z.object({ id: Id, version: Version, children: z.enum(['refuse', 'cascade', 'reparent']).default('refuse'), reparentTo: Id.optional() }).strict(),
    output: z.object({ deleted: z.number().int(), batchId: Id }),
    doc: '删除网格；有下级时须选择一并删除或移到其他网格'
  },
  'grids.history': { input: z.object({ id: Id }).strict(), output: z.array(HistoryEntry), doc: '网格的修改记录（谁、何时、改前改后）' },
  'grids.check': {
    input: z.object({ gridId: Id.optional() }).strict().optional().default({}),
    output: z.object({ scopeName: z.string(), checkedGrids: z.number().int(), durationMs: z.number(), problems: z.array(HealthProblem) }),
    doc: '网格健康检查：超出上级、相互重叠、空隙、自相交、碎片、缺巡查员或党组织、党小组超员'
  },
  'grids.export': {
    input: z.object({ format: z.enum(['geojson', 'xlsx']), tier: Tier.optional(), gridId: Id.optional(), crs: z.enum(['WGS84', 'GCJ02']).optional() }).strict(),
    output: ExportedFile,
    doc: '导出网格：GeoJSON（WGS-84 或 GCJ-02）或 Excel 台账；可按级别、按网格范围'
  },
  'grids.import': {
    maxBodyBytes: 160 * MB,
    input: z
      .object({
        fileName: z.string().trim().min(1).max(255),
        contentBase64: z.string().max(150 * 1024 * 1024, '文件过大'),
        options: ImportOptions,
        dryRun: z.boolean().default(true)
      })
      .strict(),
    output: ImportReport,
    doc: '导入网格边界（GeoJSON、KML、KMZ、zip 压缩的 Shapefile）：先预览校验，再一次性提交，可整批撤销'
  },
  'units.moveVillage': {
    input: z.object({ villageUnitId: Id, version: Version, officeId: Id }).strict(),
    output: BatchResult,
    doc: '把村居划归另一个管理处'
  },
  'units.villages': {
    input: NoInput,
    output: z.array(z.object({ id: Id, code: z.string(), name: z.string(), villageType: z.string().nullable(), office: z.string().nullable() })),
    doc: '全部村居（按管理处排序），用于筛选和选择'
  },
  'units.all': {
    input: NoInput,
    output: z.array(z.object({ id: Id, name: z.string(), kind: UnitRef.shape.kind, parentId: Id.nullable() })),
    doc: '全部单位（区、镇、部门、管理处、村居）及上下级关系，用于事件流转'
  }
} as const
