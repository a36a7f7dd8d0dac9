// Issues: the four-level linkage, its figures and routing rules (issue 5):
// this feature's part of the contract, merged into electron/shared/contract.ts.
// Zod only (the renderer bundles it): no electron, no node:, no DOM.
import { z } from 'zod'
import { issueSources } from './words'
import { ListQuery } from '../../shared/people'
import { Id, LonLat, Version, NoInput, IsoDate, Share, MB } from '../../shared/contractParts'

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
export type IssueAction = z.infer<typeof IssueAction>
/** An action's type alone (what issues.get says the acting unit may do now), taken from the union above. */
export const IssueActionType = z.enum(IssueAction.options.map((o) => o.shape.type.value) as [IssueAction['type'], ...IssueAction['type'][]])
export const IssueStatus = z.enum(['reported', 'accepted', 'resolved', 'closed', 'suspended', 'merged'])
export type IssueStatus = z.infer<typeof IssueStatus>
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
/** What names an issue on its page and on the printed 督办单. */
const IssueHead = z.object({
  id: Id,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  urgency: z.string(),
  source: z.string()
})
/** Issue figures of one village or office. */
const UnitFigures = z.object({ unitId: Id, unit: z.string(), collected: z.number().int(), resolved: z.number().int(), overdue: z.number().int() })

const RoutingRuleRow = z.object({
  category: z.string(),
  urgency: z.enum(['一般', '较急', '紧急']),
  defaultLevel: z.number().int().min(1, '处置层级为 1–4').max(4, '处置层级为 1–4'),
  skipAllowed: z.boolean(),
  acceptHours: z
    .number()
    .positive('时限须大于 0')
    .max(24 * 365),
  handleHours: z
    .number()
    .positive('时限须大于 0')
    .max(24 * 365),
  verifyHours: z
    .number()
    .positive('时限须大于 0')
    .max(24 * 365),
  warnPercent: z.number().int().min(10, '预警点为 10%–95%').max(95, '预警点为 10%–95%')
})

export const issuesContract = {
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
        photos: z
          .array(
            z.object({ fileName: z.string().max(120), mimeType: z.string().max(40), contentBase64: z.string().max(14_000_000, '照片不能超过 10 MB') }).strict()
          )
          .max(9, '最多 9 张照片')
          .optional(),
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
    output: IssueHead.extend({
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
        z.object({
          id: Id,
          at: z.string(),
          action: z.string(),
          actionName: z.string(),
          fromUnitId: Id.nullable(),
          fromUnit: z.string().nullable(),
          toUnitId: Id.nullable(),
          toUnit: z.string().nullable(),
          actor: z.string(),
          note: z.string().nullable(),
          dueAt: z.string().nullable(),
          statusBefore: z.string().nullable(),
          statusAfter: z.string()
        })
      ),
      actions: z.array(IssueActionType)
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
      issue: IssueHead.extend({
        address: z.string().nullable(),
        createdAt: z.string(),
        village: z.string(),
        tier3: z.string().nullable()
      })
    }),
    doc: '督办单（打印）：按年编号，督办单位、承办单位、原期限、督办意见和新的期限'
  },
  'issues.list': {
    input: ListQuery,
    output: z.object({ total: z.number().int(), rows: z.array(IssueRow) }),
    doc: '事件列表：状态、层级、承办单位、类别、来源、超期、督办、期间筛选（数据库分页）'
  },
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
    input: z
      .object({
        category: z.string().max(20),
        lon: z.number(),
        lat: z.number(),
        radiusM: z.number().positive().max(5000).optional(),
        days: z.number().int().positive().max(90).optional()
      })
      .strict(),
    output: z.array(
      z.object({
        id: Id,
        code: z.string(),
        title: z.string(),
        status: z.string(),
        createdAt: z.string(),
        lon: z.number(),
        lat: z.number(),
        distanceM: z.number()
      })
    ),
    doc: '可能重复的事件：同类别、附近、近期'
  },
  'issues.points': {
    input: z
      .object({ closedDays: z.number().int().min(0).max(365).optional() })
      .strict()
      .optional()
      .default({}),
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
    input: z
      .object({ unitId: Id, issueId: Id.optional(), kind: z.enum(['约谈', '问责', '通报']), note: z.string().trim().min(2, '请填写约谈问责的事由').max(500) })
      .strict(),
    output: z.object({ id: Id }),
    doc: '对单位记录一次约谈、问责或通报（可关联事件）'
  },
  'accountability.list': {
    input: z.object({ unitId: Id.optional() }).strict().optional().default({}),
    output: z.array(
      z.object({
        id: Id,
        unitId: Id,
        unit: z.string(),
        issueId: Id.nullable(),
        issueCode: z.string().nullable(),
        kind: z.string(),
        note: z.string(),
        at: z.string(),
        by: z.string()
      })
    ),
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
    input: z
      .object({ categories: z.array(z.string().trim().min(2).max(20)).min(1).max(60).optional(), rules: z.array(RoutingRuleRow).max(500).optional() })
      .strict(),
    output: z.object({ categories: z.array(z.object({ id: Id, name: z.string(), active: z.boolean() })), rules: z.array(RoutingRuleRow) }),
    doc: '修改事件类别和流转规则'
  }
} as const
