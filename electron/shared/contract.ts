// The API contract: every method the app offers, declared once with its zod input and output.
// IPC handlers, the preload bridge, the renderer client and the HTTP bridge are all typed from
// this object, so a method without a handler (or a client call with the wrong shape) is a type error.
// No electron, no node:, no DOM here: every part of the app imports this file.
import { z } from 'zod'
import { issueSources } from './issueWords'
import { isCalendarDay } from './chinaTime'
import { Account, AuditQuery, AuditRow, AuditVerification, BackupFolder, Me, Password, Role, SecuritySettings, Username } from './accounts'
import { BriefingDocument, BriefingKind, sectionKeys } from './briefing'
import { Hukou, ListQuery, PartyGroupView, PeopleImportKind, PeopleImportReport, PeopleProblem, PersonDetail, PlacementSuggestion, RegistryName, registryPages } from './people'

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
const GridAttributes = z
  .object({
    code: z.string().trim().regex(/^[0-9A-Za-z-]{1,32}$/, '编码只能由数字、字母和连字符组成（至多 32 位）'),
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

const Version = z.number().int().min(1)
const BatchResult = z.object({ version: z.number().int(), batchId: Id })

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
  kind: z.enum(['OUTSIDE_PARENT', 'OVERLAP', 'GAP', 'SELF_INTERSECTION', 'SLIVER', 'NO_GEOMETRY', 'NO_INSPECTOR', 'NO_PARTY_ORGANISATION', 'OVER_CAPACITY', 'NOT_CHECKED']),
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

/** A file produced by the core, carried as base64 so it crosses IPC and HTTP alike. */
export const ExportedFile = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string(), count: z.number().int() })

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
  properties: z.object({ index: z.number().int(), name: z.string(), status: z.enum(['accepted', 'rejected']), parent: z.string().nullable(), reasons: z.string().nullable() })
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

export const BatchSummary = z.object({ id: Id, kind: z.string(), actor: z.string(), at: z.string(), description: z.string(), undoneBy: Id.nullable() })

const NoInput = z.object({}).strict().optional().default({})
/** The fields one person entered at a desk has whatever the registry (新增, 登记报到): checked in full by the import's row rules. */
const personEntry = {
  name: z.string().trim().min(1, '请填写姓名').max(30),
  gender: z.enum(['男', '女']).optional(),
  idNumber: z.string().trim().min(1, '请填写身份证号').max(20),
  partyBranch: z.string().trim().max(60).optional(),
  homeAddress: z.string().trim().max(100).optional(),
  specialties: z.string().trim().max(60).optional()
}
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2026-05-19').refine(isCalendarDay, '日期无效：日历上没有这一天')
const VisitStats = z.object({
  households: z.number().int(),
  visits: z.number().int(),
  visitRate: z.number(),
  rounds: z.number().int(),
  teamPersonTimes: z.number().int(),
  teamVisits: z.number().int(),
  memberVisits: z.number().int(),
  receptions: z.number().int()
})
const ReportingPrintout = z.object({
  id: Id,
  name: z.string(),
  gender: z.string().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  workUnit: z.string().nullable(),
  partyBranch: z.string().nullable(),
  village: z.string(),
  office: z.string().nullable(),
  reportedAt: z.string(),
  servicesClaimed: z.string().nullable(),
  specialties: z.string().nullable(),
  volunteerWishes: z.string().nullable(),
  projectWishes: z.string().nullable(),
  group: z.string().nullable(),
  leader: z.string().nullable(),
  posts: z.array(z.string()),
  services: z.array(z.object({ id: Id, date: z.string(), activity: z.string(), hours: z.number(), householdsVisited: z.number().int(), note: z.string().nullable() })),
  totalHours: z.number(),
  totalHouseholds: z.number().int(),
  printedAt: z.string()
})

const Reason = z.string().trim().max(500)
export const IssueAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }).strict(),
  z.object({ type: z.literal('escalate'), reason: Reason, toUnitId: Id.optional() }).strict(),
  z.object({ type: z.literal('dispatch'), toUnitId: Id, deadline: z.string().datetime({ offset: true }).optional(), note: Reason.optional() }).strict(),
  z.object({ type: z.literal('return'), reason: Reason }).strict(),
  z.object({ type: z.literal('cohandle'), unitIds: z.array(Id).min(1).max(20), note: Reason }).strict(),
  z.object({ type: z.literal('note'), note: Reason }).strict(),
  z.object({ type: z.literal('resolve'), result: Reason }).strict(),
  z.object({ type: z.literal('verify'), approved: z.boolean(), note: Reason }).strict(),
  z.object({ type: z.literal('supervise'), note: Reason, deadline: z.string().datetime({ offset: true }).optional() }).strict(),
  z.object({ type: z.literal('requestExtension'), days: z.number().int(), reason: Reason }).strict(),
  z.object({ type: z.literal('decideExtension'), approved: z.boolean(), note: Reason.optional() }).strict(),
  z.object({ type: z.literal('suspend'), reason: Reason }).strict(),
  z.object({ type: z.literal('resume') }).strict(),
  z.object({ type: z.literal('reopen'), reason: Reason }).strict(),
  z.object({ type: z.literal('merge'), intoId: Id, note: Reason.optional() }).strict()
])
const IssueStatus = z.enum(['reported', 'accepted', 'resolved', 'closed', 'suspended', 'merged'])
const IssueRow = z.object({
  id: Id,
  code: z.string(),
  title: z.string(),
  category: z.string(),
  urgency: z.string(),
  source: z.string(),
  status: IssueStatus,
  holderUnitId: Id,
  holder: z.string(),
  level: z.number().int(),
  village: z.string(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
  /** red overdue · yellow past the warning point · green in time; null when no clock runs (as issues.get) */
  clock: z.enum(['green', 'yellow', 'red']).nullable(),
  supervised: z.number().int(),
  escalations: z.number().int(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  lon: z.number().nullable(),
  lat: z.number().nullable()
})
const Share = z.number().min(0).max(1)
/** Issue figures of one village or office. */
const UnitFigures = z.object({ unitId: Id, unit: z.string(), collected: z.number().int(), resolved: z.number().int(), overdue: z.number().int() })

const RoutingRuleRow = z.object({
  category: z.string(),
  urgency: z.enum(['一般', '较急', '紧急']),
  defaultLevel: z.number().int().min(1, '处置层级为 1–4').max(4, '处置层级为 1–4'),
  skipAllowed: z.boolean(),
  acceptHours: z.number().positive('时限须大于 0').max(24 * 365),
  handleHours: z.number().positive('时限须大于 0').max(24 * 365),
  verifyHours: z.number().positive('时限须大于 0').max(24 * 365),
  warnPercent: z.number().int().min(10, '预警点为 10%–95%').max(95, '预警点为 10%–95%')
})

/** An issue in the wall's rolling lists. */
const WallIssue = z.object({ id: Id, code: z.string(), title: z.string(), category: z.string(), status: z.string(), createdAt: z.string(), dueAt: z.string().nullable(), village: z.string(), holder: z.string() })

/** Which briefing: kind, a day inside the period (or from/to for 专报), scope (none = the town). */
const BriefingInput = z.object({ kind: BriefingKind, anchor: IsoDate.optional(), from: IsoDate.optional(), to: IsoDate.optional(), scopeUnitId: Id.optional() }).strict()

const BackupInfo = z.object({ file: z.string(), name: z.string(), bytes: z.number().int(), at: z.string(), beforeRestore: z.boolean() })
const BackupPreview = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number().int(),
  integrity: z.string(),
  counts: z.record(z.string(), z.number().int().nullable()),
  lastChangeAt: z.string().nullable(),
  lastAuditAt: z.string().nullable(),
  migrations: z.number().int().nullable()
})

const MB = 1024 * 1024
/** Sign-in and first start are called without a session, so anyone can send them: a little is enough. */
const publicBody = 64 * 1024
/**
 * Every method of the app. Keys are `<area>.<verb>`. `maxBodyBytes`: how large a request body the
 * transport reads for it (files travel as base64 in JSON); other methods take at most `defaultBodyBytes`.
 */
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
    input: z
      .object({ id: Id, version: Version, patch: GridAttributes.refine((p) => Object.keys(p).length > 0, '没有要修改的内容') })
      .strict(),
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
    input: z
      .object({ id: Id, version: Version, children: z.enum(['refuse', 'cascade', 'reparent']).default('refuse'), reparentTo: Id.optional() })
      .strict(),
    output: z.object({ deleted: z.number().int(), batchId: Id }),
    doc: '删除网格；有下级时须选择一并删除或移到其他网格'
  },
  'grids.history': { input: z.object({ id: Id }).strict(), output: z.array(HistoryEntry), doc: '网格的修改记录（谁、何时、改前改后）' },
  'changes.undo': {
    input: z.object({ batchId: Id }).strict(),
    output: z.object({ undoBatchId: Id, restored: z.number().int() }),
    doc: '撤销一次操作（整批撤销）'
  },
  'grids.check': {
    input: z.object({ gridId: Id.optional() }).strict().optional().default({}),
    output: z.object({ scopeName: z.string(), checkedGrids: z.number().int(), durationMs: z.number(), problems: z.array(HealthProblem) }),
    doc: '网格健康检查：超出上级、相互重叠、空隙、自相交、碎片、缺巡查员或党组织、党小组超员'
  },
  'grids.export': {
    input: z
      .object({ format: z.enum(['geojson', 'xlsx']), tier: Tier.optional(), gridId: Id.optional(), crs: z.enum(['WGS84', 'GCJ02']).optional() })
      .strict(),
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
  'changes.list': {
    input: z.object({ kind: z.enum(['import', 'edit', 'create', 'delete', 'move', 'geometry', 'split', 'undo', 'place', 'people-import', 'people-edit']).optional(), limit: z.number().int().min(1).max(200).optional() }).strict().optional().default({}),
    output: z.array(BatchSummary),
    doc: '最近的操作记录（如导入记录），可据此撤销'
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
  // ── People (issue 4) ──
  'persons.list': { input: ListQuery, output: registryPages.persons, doc: '人员台账（分页、筛选、排序均在数据库完成；证件号和电话已脱敏）' },
  'households.list': { input: ListQuery, output: registryPages.households, doc: '党员户联系台账：户、类型、所在网格、联系党员、最近走访' },
  'teams.list': { input: ListQuery, output: registryPages.teams, doc: '驻点团队：村居、队长、成员及其户籍' },
  'reporting.list': { input: ListQuery, output: registryPages.reporting, doc: '报到党员：单位、报到村居、领岗、服务、意向、所编党小组' },
  'reserve.list': { input: ListQuery, output: registryPages.reserve, doc: '储能联系人：单位、专长、居住村居' },
  'persons.get': { input: z.object({ id: Id }).strict(), output: PersonDetail, doc: '一名人员的详情与全部身份（脱敏）' },
  'persons.unmask': {
    input: z.object({ id: Id, reason: z.string().trim().min(2, '请填写查看事由').max(200) }).strict(),
    output: PersonDetail,
    doc: '查看一名人员的完整证件号和电话（须填写事由，记录在案）'
  },
  'persons.update': {
    input: z
      .object({
        id: Id,
        version: Version,
        patch: z
          .object({
            phone: z.string().trim().max(20).nullable(),
            idNumber: z.string().trim().max(20),
            hukou: z.string().trim().max(10),
            homeAddress: z.string().trim().max(100).nullable(),
            workUnit: z.string().trim().max(60).nullable(),
            specialties: z.string().trim().max(60).nullable(),
            partyBranch: z.string().trim().max(60).nullable(),
            note: z.string().trim().max(200).nullable()
          })
          .partial()
          .strict()
      })
      .strict(),
    output: BatchResult,
    doc: '修改一名人员的信息（逐项校验，记录修改，可撤销）'
  },
  'persons.create': {
    input: z
      .object({
        ...personEntry,
        phone: z.string().trim().max(20).optional(),
        hukou: Hukou,
        isPartyMember: z.boolean().optional(),
        partyRegistration: z.enum(['村居', '单位']).optional(),
        villageUnitId: Id,
        workUnit: z.string().trim().max(60).optional()
      })
      .strict(),
    output: z.object({ id: Id, batchId: Id }),
    doc: '新增一名人员（与导入同样的校验：身份证号、重复登记、村居），可撤销'
  },
  'reporting.register': {
    input: z
      .object({
        ...personEntry,
        phone: z.string().trim().min(1, '请填写手机号码').max(20),
        hukou: Hukou.optional(),
        workUnit: z.string().trim().min(1, '请填写工作单位').max(60),
        village: z.string().trim().min(1, '请选择报到村居').max(40),
        reportedAt: IsoDate,
        lon: z.number().min(73).max(136).optional(),
        lat: z.number().min(3).max(54).optional(),
        servicesClaimed: z.string().trim().max(60).optional(),
        volunteerWishes: z.string().trim().max(100).optional(),
        projectWishes: z.string().trim().max(100).optional()
      })
      .strict(),
    output: z.object({ reportingMemberId: Id, batchId: Id }),
    doc: '在村居窗口登记一名报到党员（与导入同样逐项校验），之后可编组、打印回执'
  },
  'teams.members': {
    input: z.object({ teamId: Id }).strict(),
    output: z.array(z.object({ id: Id, role: z.enum(['队长', '队员']), personId: Id, name: z.string(), hukou: z.string(), phone: z.string().nullable(), workUnit: z.string().nullable() })),
    doc: '驻点团队成员（电话脱敏）'
  },
  'teams.addMember': {
    input: z.object({ teamId: Id, personId: Id, role: z.enum(['队长', '队员']).default('队员') }).strict(),
    output: z.object({ id: Id }),
    doc: '驻点团队增加成员（指定新队长时原队长改为队员）'
  },
  'teams.removeMember': { input: z.object({ memberId: Id }).strict(), output: z.object({ removed: z.number().int() }), doc: '驻点团队移除成员' },
  'households.setContact': {
    input: z.object({ householdId: Id, version: Version, contactPersonId: Id.nullable() }).strict(),
    output: BatchResult,
    doc: '指定一户的联系党员（须为本村居的党员）'
  },
  'units.all': {
    input: NoInput,
    output: z.array(z.object({ id: Id, name: z.string(), kind: UnitRef.shape.kind, parentId: Id.nullable() })),
    doc: '全部单位（区、镇、部门、管理处、村居）及上下级关系，用于事件流转'
  },
  'issues.create': {
    maxBodyBytes: 130 * MB,
    input: z
      .object({
        title: z.string().trim().min(2, '请填写事件标题').max(60),
        description: z.string().trim().min(2, '请填写事件描述').max(2000),
        category: z.string().trim().min(1).max(20),
        urgency: z.enum(['一般', '较急', '紧急']),
        source: z.enum(issueSources),
        reporterName: z.string().trim().max(30).optional(),
        reporterPhone: z.string().trim().max(20).optional(),
        lon: z.number().min(73).max(136).optional(),
        lat: z.number().min(3).max(54).optional(),
        address: z.string().trim().max(100).optional(),
        villageUnitId: Id.optional(),
        reportingUnitId: Id.optional(),
        photos: z.array(z.object({ fileName: z.string().max(120), mimeType: z.string().max(40), contentBase64: z.string().max(14_000_000, '照片不能超过 10 MB') }).strict()).max(9, '最多 9 张照片').optional(),
        duplicateOf: Id.optional()
      })
      .strict(),
    output: z.object({ id: Id, code: z.string(), holderUnitId: Id }),
    doc: '登记新事件：按地图位置找到三级网格，按规则交给默认处置层级的单位；确认重复时登记并合并到已有事件'
  },
  'issues.act': {
    input: z.object({ id: Id, version: Version, actingUnitId: Id, action: IssueAction }).strict(),
    output: z.object({ version: z.number().int(), status: IssueStatus, holderUnitId: Id }),
    doc: '对事件执行一个动作（受理、上报、交办、退回、办结、核查、督办、延期、挂起、重开、合并…）；不允许的动作返回原因'
  },
  'issues.get': {
    input: z.object({ id: Id, actingUnitId: Id.optional() }).strict(),
    output: z.object({
      id: Id,
      code: z.string(),
      title: z.string(),
      description: z.string(),
      category: z.string(),
      urgency: z.string(),
      source: z.string(),
      reporterName: z.string().nullable(),
      lonLat: LonLat.nullable(),
      address: z.string().nullable(),
      village: z.string(),
      grids: z.object({ tier1: z.string().nullable(), tier2: z.string().nullable(), tier3: z.string().nullable() }),
      status: IssueStatus,
      holderUnitId: Id,
      holder: z.string(),
      /** Who must act next when it is not the holder: the verifier of a resolved issue, or of a requested extension. */
      waitingOn: z.object({ unitId: Id, unit: z.string(), for: z.enum(['核查', '审批延期']) }).nullable(),
      stage: z.enum(['accept', 'handle', 'verify']).nullable(),
      dueAt: z.string().nullable(),
      clock: z.enum(['green', 'yellow', 'red']).nullable(),
      supervised: z.number().int(),
      escalations: z.number().int(),
      extensionRequest: z.object({ days: z.number().int(), reason: z.string() }).nullable(),
      createdAt: z.string(),
      closedAt: z.string().nullable(),
      mergedInto: z.object({ id: Id, code: z.string() }).nullable(),
      version: z.number().int(),
      photos: z.array(z.object({ id: Id, fileName: z.string(), mimeType: z.string(), sha256: z.string() })),
      events: z.array(
        z.object({ id: Id, at: z.string(), action: z.string(), actionName: z.string(), fromUnitId: Id.nullable(), fromUnit: z.string().nullable(), toUnitId: Id.nullable(), toUnit: z.string().nullable(), actor: z.string(), note: z.string().nullable(), dueAt: z.string().nullable(), statusBefore: z.string().nullable(), statusAfter: z.string() })
      ),
      actions: z.array(z.string())
    }),
    doc: '事件详情：流转记录（谁、何时、交给谁、为何）、当前时限，以及某单位现在可执行的动作'
  },
  'issues.photo': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
    doc: '事件的一张现场照片'
  },
  'issues.supervisionNotice': {
    input: z.object({ eventId: Id }).strict(),
    output: z.object({
      number: z.string(),
      nth: z.number().int(),
      at: z.string(),
      supervisor: z.string(),
      holder: z.string(),
      note: z.string(),
      previousDueAt: z.string().nullable(),
      overdueDays: z.number().int(),
      dueAt: z.string().nullable(),
      issue: z.object({ id: Id, code: z.string(), title: z.string(), description: z.string(), category: z.string(), urgency: z.string(), source: z.string(), address: z.string().nullable(), createdAt: z.string(), village: z.string(), tier3: z.string().nullable() })
    }),
    doc: '督办单（打印）：按年编号，督办单位、承办单位、原期限、督办意见和新的期限'
  },
  'issues.list': { input: ListQuery, output: z.object({ total: z.number().int(), rows: z.array(IssueRow) }), doc: '事件列表：状态、层级、承办单位、类别、来源、超期、督办、期间筛选（数据库分页）' },
  'issues.place': {
    input: z.object({ lon: z.number().min(73).max(136), lat: z.number().min(3).max(54) }).strict(),
    output: z
      .object({
        villageUnitId: Id,
        village: z.string(),
        tier1: z.string().nullable(),
        tier2: z.string().nullable(),
        tier3: z.string(),
        /** Whether the caller may register a report there (a clerk: only in their own villages). */
        inReach: z.boolean()
      })
      .nullable(),
    doc: '登记前确认位置：所在村居与三级网格，及是否在本账号管辖范围内'
  },
  'issues.similar': {
    input: z.object({ category: z.string().max(20), lon: z.number(), lat: z.number(), radiusM: z.number().positive().max(5000).optional(), days: z.number().int().positive().max(90).optional() }).strict(),
    output: z.array(z.object({ id: Id, code: z.string(), title: z.string(), status: z.string(), createdAt: z.string(), lon: z.number(), lat: z.number(), distanceM: z.number() })),
    doc: '可能重复的事件：同类别、附近、近期'
  },
  'issues.points': {
    input: z.object({ closedDays: z.number().int().min(0).max(365).optional() }).strict().optional().default({}),
    output: z.object({
      type: z.literal('FeatureCollection'),
      features: z.array(
        z.object({
          type: z.literal('Feature'),
          id: Id,
          geometry: z.object({ type: z.literal('Point'), coordinates: LonLat }),
          properties: z.object({ id: Id, code: z.string(), title: z.string(), status: z.string(), clock: z.enum(['green', 'yellow', 'red', 'none']) })
        })
      )
    }),
    doc: '地图：未办结事件（及近期办结的）的位置，按状态和时限着色'
  },
  'issues.overdueUnits': {
    input: NoInput,
    output: z.array(z.object({ unitId: Id, unit: z.string(), overdue: z.number().int(), oldestDueAt: z.string(), records: z.number().int() })),
    doc: '有超期事件的单位（按超期件数排序）及已有的约谈问责记录数'
  },
  'accountability.record': {
    input: z.object({ unitId: Id, issueId: Id.optional(), kind: z.enum(['约谈', '问责', '通报']), note: z.string().trim().min(2, '请填写约谈问责的事由').max(500) }).strict(),
    output: z.object({ id: Id }),
    doc: '对单位记录一次约谈、问责或通报（可关联事件）'
  },
  'accountability.list': {
    input: z.object({ unitId: Id.optional() }).strict().optional().default({}),
    output: z.array(z.object({ id: Id, unitId: Id, unit: z.string(), issueId: Id.nullable(), issueCode: z.string().nullable(), kind: z.string(), note: z.string(), at: z.string(), by: z.string() })),
    doc: '约谈问责记录'
  },
  'stats.kpis': {
    input: z.object({ from: IsoDate, to: IsoDate, scope: Id.optional() }).strict(),
    output: z.object({
      from: z.string(),
      to: z.string(),
      collected: z.number().int(),
      resolved: z.number().int(),
      resolutionRate: Share,
      onTimeRate: Share,
      villageShare: Share,
      townShare: Share,
      overdue: z.number().int(),
      supervised: z.number().int(),
      escalations: z.number().int(),
      medianByLevel: z.array(z.object({ level: z.number().int(), resolved: z.number().int(), medianHours: z.number().nullable() })),
      escalationsByLevel: z.array(z.object({ level: z.number().int(), escalations: z.number().int() })),
      byCategory: z.array(z.object({ category: z.string(), collected: z.number().int(), resolved: z.number().int(), overdue: z.number().int() })),
      byUnit: z.array(UnitFigures),
      byOffice: z.array(UnitFigures)
    }),
    doc: '关键指标：收集、解决、解决率、按时率、小事不出村、大事不出镇、各层级办结时长中位数、上报、超期、督办，分类别、村居和管理处'
  },
  'routing.rules.get': {
    input: NoInput,
    output: z.object({ categories: z.array(z.object({ id: Id, name: z.string(), active: z.boolean() })), rules: z.array(RoutingRuleRow) }),
    doc: '事件类别和流转规则（类别×紧急程度→默认处置层级、可否越级、各环节时限与预警点）'
  },
  'routing.rules.set': {
    input: z.object({ categories: z.array(z.string().trim().min(2).max(20)).min(1).max(60).optional(), rules: z.array(RoutingRuleRow).max(500).optional() }).strict(),
    output: z.object({ categories: z.array(z.object({ id: Id, name: z.string(), active: z.boolean() })), rules: z.array(RoutingRuleRow) }),
    doc: '修改事件类别和流转规则'
  },
  'briefings.compose': {
    input: BriefingInput,
    output: BriefingDocument,
    doc: '编写简报：按类型（周报、月报、季报、年报、专报）、期间和范围（全镇、管理处、村居）从数据生成各部分，供修改后签发'
  },
  'briefings.issue': {
    maxBodyBytes: 4 * MB,
    input: BriefingInput.extend({ sections: z.array(z.object({ key: z.enum(sectionKeys), paragraphs: z.array(z.string().max(4000, '每段不超过 4000 字')).max(20).optional() }).strict()).max(sectionKeys.length) }).strict(),
    output: z.object({ id: Id, number: z.number().int(), year: z.number().int() }),
    doc: '签发简报：按年编号（第N期），冻结数字、表格、图和文字；重印与签发时完全相同'
  },
  'briefings.get': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id, issuedAt: z.string(), issuedBy: z.string(), document: BriefingDocument }),
    doc: '已签发的简报（快照）'
  },
  'briefings.list': {
    input: z.object({ q: z.string().max(40).optional(), year: z.number().int().min(2000).max(2100).optional() }).strict().optional().default({}),
    output: z.array(z.object({ id: Id, kind: z.string(), year: z.number().int(), number: z.number().int(), title: z.string(), scopeName: z.string(), periodFrom: z.string(), periodTo: z.string(), issuedAt: z.string(), issuedBy: z.string() })),
    doc: '已签发的简报列表（可按期号、范围、类型搜索）'
  },
  'wall.summary': {
    input: NoInput,
    output: z.object({
      at: z.string(),
      tiles: z.object({
        tier1: z.number().int(),
        tier2: z.number().int(),
        tier3: z.number().int(),
        partyMembers: z.number().int(),
        reportingMembers: z.number().int(),
        reserveContacts: z.number().int(),
        residentTeams: z.number().int(),
        issuesToday: z.number().int(),
        openIssues: z.number().int(),
        overdueIssues: z.number().int(),
        resolutionRate: Share,
        collectedThisYear: z.number().int(),
        resolvedThisYear: z.number().int()
      }),
      trend: z.array(z.object({ month: z.string(), collected: z.number().int(), resolved: z.number().int() })),
      categories: z.array(z.object({ category: z.string(), collected: z.number().int() })),
      flow: z.array(z.object({ level: z.number().int(), heldNow: z.number().int(), resolvedThisYear: z.number().int(), escalatedThisYear: z.number().int() })),
      newest: z.array(WallIssue),
      overdue: z.array(WallIssue)
    }),
    doc: '指挥大屏：网格、党员、报到党员、储能联系、驻点团队、今日/未办结/超期事件、解决率，近12个月趋势、类别、四级流转、最新与超期事件'
  },
  'wall.measure': {
    input: z.object({ measure: z.enum(['open', 'overdue', 'visits', 'reporting']) }).strict(),
    output: z.object({ measure: z.string(), max: z.number(), values: z.array(z.object({ gridId: Id, value: z.number() })) }),
    doc: '指挥大屏地图着色：各三级网格的未办结事件、超期事件、近30天走访覆盖率（%）或报到党员数'
  },
  'wall.points': {
    input: NoInput,
    output: z.array(z.object({ id: Id, lonLat: LonLat, state: z.enum(['new', 'open', 'overdue']) })),
    doc: '指挥大屏地图：未办结事件的位置，今日新登记和超期的闪烁'
  },
  'people.check': {
    input: z.object({ villageUnitId: Id.optional() }).strict().optional().default({}),
    output: z.object({ problems: z.array(PeopleProblem), capacity: z.number().int(), householdsPerMemberLimit: z.number().int() }),
    doc: '人员规则检查：驻点团队非佛山户籍人数、无联系党员的户、联系户数过多、未编组和超员、重复证件号'
  },
  'people.settings': {
    input: NoInput,
    output: z.object({ partyGroupCapacity: z.number().int(), householdsPerMemberLimit: z.number().int() }),
    doc: '人员规则设置：党小组容量、每名党员联系户数上限'
  },
  'people.setSettings': {
    input: z
      .object({
        partyGroupCapacity: z.number().int('须为整数').min(5, '党小组容量至少 5 人').max(200, '党小组容量至多 200 人').optional(),
        householdsPerMemberLimit: z.number().int('须为整数').min(1).max(1000).optional()
      })
      .strict(),
    output: z.object({ partyGroupCapacity: z.number().int(), householdsPerMemberLimit: z.number().int() }),
    doc: '修改人员规则设置'
  },
  'placement.suggest': {
    input: z.object({ villageUnitId: Id }).strict(),
    output: z.array(PlacementSuggestion),
    doc: '为村居未编组的报到党员按就近原则建议党小组（说明距离和剩余容量）'
  },
  'placement.placeSuggested': {
    input: z.object({ villageUnitId: Id, memberIds: z.array(Id).max(5000).optional() }).strict(),
    output: z.object({ placed: z.number().int(), notPlaced: z.number().int(), batchId: Id.nullable() }),
    doc: '按建议编入党小组：一名，或村居全部未编组的报到党员（可整批撤销）'
  },
  'placement.assign': {
    input: z.object({ memberId: Id, version: Version, groupGridId: Id.nullable(), reason: z.string().trim().max(100).optional() }).strict(),
    output: BatchResult,
    doc: '人工指定党小组（可超出容量，记为人工），或移出党小组'
  },
  'placement.rebalance': {
    input: z.object({ villageUnitId: Id }).strict(),
    output: z.object({ moved: z.number().int(), batchId: Id.nullable() }),
    doc: '调整超员党小组：把离得最远的成员移到有空位的最近党小组（人工指定的不动）'
  },
  'placement.groups': {
    input: z.object({ villageUnitId: Id }).strict(),
    output: z.array(PartyGroupView),
    doc: '村居的党小组：组长（网格巡查员）、社区党员数、报到党员名单、容量'
  },
  'people.export': {
    input: z.object({ registry: RegistryName, query: ListQuery.omit({ offset: true, limit: true }).optional() }).strict(),
    output: ExportedFile,
    doc: '把当前筛选的台账导出为 Excel（证件号和电话脱敏）'
  },
  'people.template': { input: z.object({ kind: PeopleImportKind }).strict(), output: ExportedFile, doc: '下载人员导入模板（Excel）' },
  'people.import': {
    maxBodyBytes: 160 * MB,
    input: z
      .object({
        kind: PeopleImportKind,
        fileName: z.string().trim().min(1).max(255),
        contentBase64: z.string().max(150 * 1024 * 1024, '文件过大'),
        dryRun: z.boolean().default(true)
      })
      .strict(),
    output: PeopleImportReport,
    doc: '导入人员台账（Excel 或 CSV）：逐行校验证件号、电话、村居网格、重复；先预览，再一次性提交'
  },
  'people.importReportFile': {
    maxBodyBytes: 32 * MB,
    input: z.object({ kind: PeopleImportKind, rejected: PeopleImportReport.shape.rejected }).strict(),
    output: ExportedFile,
    doc: '把导入校验中被拒绝的行和原因导出为 Excel'
  },
  'visits.record': {
    input: z
      .object({
        kind: z.enum(['入户走访', '来访接待']),
        date: IsoDate,
        villageUnitId: Id.optional(),
        householdId: Id.optional(),
        visitorKind: z.enum(['驻点团队', '户联系党员', '报到党员']),
        teamId: Id.optional(),
        visitorPersonId: Id.optional(),
        personTimes: z.number().int().min(1, '人次至少为 1').max(10_000).default(1),
        notes: z.string().trim().max(500).optional(),
        problemFound: z.string().trim().max(500).optional()
      })
      .strict(),
    output: z.object({ id: Id }),
    doc: '记录一次入户走访或来访接待（发现的问题可在以后转为事件）'
  },
  'visits.ofHousehold': {
    input: z.object({ householdId: Id }).strict(),
    output: z.array(z.object({ id: Id, date: z.string(), kind: z.string(), visitorKind: z.string(), visitor: z.string().nullable(), notes: z.string().nullable(), problemFound: z.string().nullable() })),
    doc: '一户最近的走访记录'
  },
  'visits.stats': {
    input: z.object({ villageUnitId: Id.optional(), from: IsoDate, to: IsoDate }).strict(),
    output: z.object({ from: z.string(), to: z.string(), villages: z.array(VisitStats.extend({ villageUnitId: Id, village: z.string() })), total: VisitStats }),
    doc: '走访统计：户数、入户走访次数、走访率（可超过 100%）、全覆盖轮次、驻点团队接待或联系人次'
  },
  'posts.list': {
    input: z.object({ villageUnitId: Id }).strict(),
    output: z.array(z.object({ id: Id, name: z.string(), capacity: z.number().int(), description: z.string().nullable(), claimed: z.number().int(), members: z.string().nullable() })),
    doc: '村居的志愿服务岗位及认领情况'
  },
  'posts.create': {
    input: z.object({ villageUnitId: Id, name: z.string().trim().min(2, '岗位名称至少 2 字').max(30), capacity: z.number().int().min(1).max(500), description: z.string().trim().max(200).optional() }).strict(),
    output: z.object({ id: Id }),
    doc: '新设志愿服务岗位'
  },
  'posts.claim': { input: z.object({ postId: Id, reportingMemberId: Id }).strict(), output: z.object({ claimed: z.number().int() }), doc: '报到党员认领岗位（领岗）' },
  'posts.unclaim': { input: z.object({ postId: Id, reportingMemberId: Id }).strict(), output: z.object({ removed: z.number().int() }), doc: '取消认领岗位' },
  'services.record': {
    input: z
      .object({
        reportingMemberId: Id,
        date: IsoDate,
        activity: z.string().trim().min(2, '请填写服务内容').max(60),
        hours: z.number().min(0.5, '服务时长至少 0.5 小时').max(24, '一次服务不超过 24 小时'),
        householdsVisited: z.number().int().min(0).max(1000).default(0),
        note: z.string().trim().max(200).optional()
      })
      .strict(),
    output: z.object({ id: Id }),
    doc: '登记报到党员的一次服务'
  },
  'services.list': {
    input: z.object({ reportingMemberId: Id }).strict(),
    output: z.array(z.object({ id: Id, date: z.string(), activity: z.string(), hours: z.number(), householdsVisited: z.number().int(), note: z.string().nullable() })),
    doc: '报到党员的服务记录'
  },
  'reporting.printout': {
    input: z.object({ reportingMemberId: Id }).strict(),
    output: ReportingPrintout,
    doc: '打印报到回执和服务记录（发送工作单位，双管理）所需内容；证件号、电话脱敏'
  },
  'reserve.sendNotice': {
    input: z
      .object({
        villageUnitId: Id.optional(),
        specialty: z.string().trim().max(20).optional(),
        contactIds: z.array(Id).max(10_000).optional(),
        subject: z.string().trim().min(2, '请填写通知标题').max(60),
        content: z.string().trim().min(2, '请填写通知内容').max(1000)
      })
      .strict(),
    output: z.object({ noticeId: Id, recipients: z.number().int() }),
    doc: '按村居和专长记录一次给储能联系人的通知（本系统不发短信，可导出名单）'
  },
  'reserve.notices': {
    input: z.object({ villageUnitId: Id.optional() }).strict().optional().default({}),
    output: z.array(
      z.object({ id: Id, subject: z.string(), content: z.string(), specialty: z.string().nullable(), sentAt: z.string(), sentBy: z.string(), village: z.string().nullable(), recipients: z.number().int(), willing: z.number().int(), declined: z.number().int(), participated: z.number().int() })
    ),
    doc: '已发出的储能联系通知及回复、参与情况'
  },
  'reserve.answers': {
    input: z.object({ noticeId: Id }).strict(),
    output: z.array(z.object({ id: Id, name: z.string(), unit: z.string(), specialty: z.string().nullable(), village: z.string(), answer: z.enum(['未回复', '愿意参加', '不能参加']), participated: z.boolean(), note: z.string().nullable() })),
    doc: '一次通知的对象及其回复'
  },
  'reserve.answer': {
    input: z.object({ recipientId: Id, answer: z.enum(['未回复', '愿意参加', '不能参加']), participated: z.boolean(), note: z.string().trim().max(200).optional() }).strict(),
    output: z.object({ updated: z.number().int() }),
    doc: '登记储能联系人的回复和是否参与'
  },
  'people.points': {
    input: z.object({ kind: z.enum(['reporting', 'reserve']), specialty: z.string().trim().max(20).optional(), villageUnitId: Id.optional() }).strict(),
    output: z.object({
      type: z.literal('FeatureCollection'),
      features: z.array(z.object({ type: z.literal('Feature'), id: Id, geometry: z.object({ type: z.literal('Point'), coordinates: LonLat }), properties: z.object({ id: Id, name: z.string(), detail: z.string().nullable(), placed: z.boolean() }) }))
    }),
    doc: '地图：报到党员住址、储能联系人（按专长）的位置'
  },
  'grids.peopleMeasure': {
    input: z.object({ measure: z.enum(['contactCoverage', 'daysSinceVisit']) }).strict(),
    output: z.array(z.object({ gridId: Id, value: z.number() })),
    doc: '地图着色：各三级网格的户联系覆盖率（%）或距上次走访的平均天数'
  },
  // ── Accounts, sessions and the audit trail (issue 8) ──
  'auth.status': { input: NoInput, output: z.object({ needsSetup: z.boolean() }), doc: '新数据库是否尚未设置系统管理员密码', maxBodyBytes: publicBody },
  'auth.setup': {
    maxBodyBytes: publicBody,
    input: z.object({ password: Password }).strict(),
    output: z.object({ token: z.string(), me: Me }),
    doc: '新数据库首次启动：设置系统管理员（admin）的密码并登录；已有账号时拒绝'
  },
  'auth.login': {
    maxBodyBytes: publicBody,
    input: z.object({ username: z.string().trim().min(1, '请输入用户名').max(32), password: Password }).strict(),
    output: z.object({ token: z.string(), me: Me }),
    doc: '登录：返回会话令牌（浏览器模式须以 Authorization: Bearer <令牌> 调用其他接口）；连续 5 次失败锁定 10 分钟'
  },
  'auth.logout': { input: NoInput, output: z.object({ loggedOut: z.boolean() }), doc: '退出登录（令牌作废）' },
  'auth.me': { input: NoInput, output: Me, doc: '当前账号、角色、权限、可见范围，以及是否锁屏、是否须改密码' },
  'auth.lock': { input: NoInput, output: z.object({ locked: z.boolean() }), doc: '锁屏（无操作超时或用户主动）；须输入密码解锁' },
  'auth.unlock': { input: z.object({ password: Password }).strict(), output: Me, doc: '输入本人密码解除锁屏' },
  'auth.changePassword': {
    input: z.object({ currentPassword: Password, newPassword: Password }).strict(),
    output: Me,
    doc: '修改本人密码（须符合复杂度，不得与原密码相同）'
  },
  'accounts.list': { input: NoInput, output: z.array(Account), doc: '全部账号（系统管理员、安全管理员）' },
  'accounts.create': {
    input: z.object({ username: Username, displayName: z.string().trim().min(1, '请填写姓名').max(30), password: Password }).strict(),
    output: Account,
    doc: '新建账号（系统管理员）；角色与范围由安全管理员授予，首次登录须改密码'
  },
  'accounts.setRole': {
    input: z.object({ id: z.number().int().positive(), role: Role.nullable(), unitId: z.number().int().positive().nullable() }).strict(),
    output: Account,
    doc: '授予角色与范围（安全管理员）；管理处专干、村居专干须指定本单位'
  },
  'accounts.setEnabled': {
    input: z.object({ id: z.number().int().positive(), enabled: z.boolean() }).strict(),
    output: Account,
    doc: '停用或启用账号（系统管理员）；停用后其会话立即失效'
  },
  'accounts.resetPassword': {
    input: z.object({ id: z.number().int().positive(), password: Password }).strict(),
    output: Account,
    doc: '重置密码并解除锁定（系统管理员）；该账号下次登录须改密码'
  },
  'security.settings': { input: NoInput, output: SecuritySettings, doc: '安全设置：密码有效期、锁屏时间、备份目录与保留份数' },
  'security.setSettings': { input: SecuritySettings.partial().extend({ backupFolder: BackupFolder.nullable().optional() }).strict(), output: SecuritySettings, doc: '修改安全设置（系统管理员）' },
  'audit.search': {
    input: AuditQuery,
    output: z.object({ total: z.number().int(), rows: z.array(AuditRow) }),
    doc: '审计记录查询（安全审计员）：时间、账号、操作、结果、关键字'
  },
  'audit.verify': { input: NoInput, output: AuditVerification, doc: '校验审计记录的哈希链，报告第一处断链' },
  'audit.export': { input: AuditQuery, output: ExportedFile, doc: '导出审计记录（Excel）' },
  'audit.recordPrint': {
    input: z.object({ what: z.string().trim().min(1).max(40), target: z.string().trim().max(80) }).strict(),
    output: z.object({ recorded: z.boolean() }),
    doc: '记录一次打印（打印页调用）'
  },
  'backups.list': {
    input: NoInput,
    output: z.object({ folder: z.string(), backups: z.array(BackupInfo) }),
    doc: '备份目录与其中的备份（新的在前）'
  },
  'backups.run': {
    input: NoInput,
    output: z.object({ file: z.string(), name: z.string(), bytes: z.number().int(), integrity: z.literal('ok'), removed: z.array(z.string()) }),
    doc: '立即备份（SQLite 在线备份，写完做完整性校验，只保留最近 N 份）'
  },
  'backups.preview': { input: z.object({ file: z.string().min(1).max(1000) }).strict(), output: BackupPreview, doc: '查看一个备份：是否完好、包含多少网格人员事件、最后修改时间' },
  'backups.restore': {
    input: z.object({ file: z.string().min(1).max(1000), confirm: z.literal(true, { error: '请确认恢复（当前数据将被备份替换）' }) }).strict(),
    output: z.object({ restored: z.boolean(), safetyBackup: z.string(), preview: BackupPreview }),
    doc: '从备份恢复（先自动备份当前数据）；恢复后所有人须重新登录'
  }
} as const

/** The body a method without files may have: a briefing's paragraphs or a long geometry take more, and say so. */
export const defaultBodyBytes = 1 * MB
export const bodyLimitOf = (method: MethodName): number => {
  const spec = contract[method]
  return 'maxBodyBytes' in spec ? spec.maxBodyBytes : defaultBodyBytes
}

export type Contract = typeof contract
export type MethodName = keyof Contract
export const methodNames = Object.keys(contract) as MethodName[]
export type Input<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type Output<M extends MethodName> = z.output<Contract[M]['output']>

export const ErrorCode = z.enum(['BAD_INPUT', 'NOT_FOUND', 'UNKNOWN_METHOD', 'CONFLICT', 'INTERNAL', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'LOCKED', 'PASSWORD_EXPIRED'])
export type ErrorCode = z.infer<typeof ErrorCode>
export type ApiError = { code: ErrorCode; message: string; details?: unknown }
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** What a transport carries with a call: the session token (browser mode: the Bearer header; desktop: the IPC argument). */
export type Credentials = { token?: string }

/**
 * Who is calling, after the core checked the token: recorded with every change. `scopeVillageIds`
 * limits office and village clerks to their own villages (null = the whole town).
 */
export type CallContext = { actor: string; username: string | null; accountId: number | null; role: Role | null; unitId: number | null; scopeVillageIds: number[] | null; token?: string }

/** What the preload exposes as `window.api` and what the HTTP client mimics. */
export type ApiBridge = { [M in MethodName]: (input?: Input<M>, token?: string) => Promise<Result<Output<M>>> }
