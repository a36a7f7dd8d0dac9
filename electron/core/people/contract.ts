// People: registries, placement, visits, posts, the reserve (issues 4, 6, 7):
// this feature's part of the contract, merged into electron/shared/contract.ts.
// Zod only (the renderer bundles it): no electron, no node:, no DOM.
import { z } from 'zod'
import {
  Hukou,
  ListQuery,
  PartyGroupView,
  PeopleImportKind,
  PeopleImportReport,
  PeopleProblem,
  PersonDetail,
  PlacementSuggestion,
  RegistryName,
  registryPages
} from '../../shared/people'
import { Id, LonLat, Version, BatchResult, ExportedFile, NoInput, IsoDate, MB, ledgerImportMethods } from '../../shared/contractParts'

/** The fields one person entered at a desk has whatever the registry (新增, 登记报到): checked in full by the import's row rules. */
const personEntry = {
  name: z.string().trim().min(1, '请填写姓名').max(30),
  gender: z.enum(['男', '女']).optional(),
  idNumber: z.string().trim().min(1, '请填写身份证号').max(20),
  partyBranch: z.string().trim().max(60).optional(),
  homeAddress: z.string().trim().max(100).optional(),
  specialties: z.string().trim().max(60).optional()
}
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
/** One service a reporting member gave (双管理), as listed and as printed for the work unit. */
const ServiceRecord = z.object({
  id: Id,
  date: z.string(),
  activity: z.string(),
  hours: z.number(),
  householdsVisited: z.number().int(),
  note: z.string().nullable()
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
  services: z.array(ServiceRecord),
  totalHours: z.number(),
  totalHouseholds: z.number().int(),
  printedAt: z.string()
})

const postLedger = ledgerImportMethods(z.enum(['memberPosts']), {
  template: '下载设岗定责台账的导入模板（Excel）',
  import: '导入村居的设岗定责台账（Excel 或 CSV）：新设无职党员岗位、登记领岗党员；逐行校验村居、岗位、人数、党员、日期与重复；先预览，再一次性提交',
  report: '把设岗定责台账导入校验中被拒绝的行和原因导出为 Excel'
})

export const peopleContract = {
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
    output: z.array(
      z.object({
        id: Id,
        role: z.enum(['队长', '队员']),
        personId: Id,
        name: z.string(),
        hukou: z.string(),
        phone: z.string().nullable(),
        workUnit: z.string().nullable()
      })
    ),
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
    output: z.array(
      z.object({
        id: Id,
        date: z.string(),
        kind: z.string(),
        visitorKind: z.string(),
        visitor: z.string().nullable(),
        notes: z.string().nullable(),
        problemFound: z.string().nullable()
      })
    ),
    doc: '一户最近的走访记录'
  },
  'visits.stats': {
    input: z.object({ villageUnitId: Id.optional(), from: IsoDate, to: IsoDate }).strict(),
    output: z.object({ from: z.string(), to: z.string(), villages: z.array(VisitStats.extend({ villageUnitId: Id, village: z.string() })), total: VisitStats }),
    doc: '走访统计：户数、入户走访次数、走访率（可超过 100%）、全覆盖轮次、驻点团队接待或联系人次'
  },
  'posts.list': {
    input: z.object({ villageUnitId: Id }).strict(),
    output: z.array(
      z.object({
        id: Id,
        name: z.string(),
        capacity: z.number().int(),
        description: z.string().nullable(),
        audience: z.enum(['报到党员', '无职党员']),
        claimed: z.number().int(),
        members: z.string().nullable()
      })
    ),
    doc: '村居的岗位及认领情况：报到党员的志愿服务岗位、本村居无职党员的设岗定责岗位'
  },
  'posts.create': {
    input: z
      .object({
        villageUnitId: Id,
        name: z.string().trim().min(2, '岗位名称至少 2 字').max(30),
        capacity: z.number().int().min(1).max(500),
        description: z.string().trim().max(200).optional(),
        audience: z.enum(['报到党员', '无职党员']).optional()
      })
      .strict(),
    output: z.object({ id: Id }),
    doc: '新设岗位：报到党员的志愿服务岗位，或本村居无职党员的设岗定责岗位（写明职责）'
  },
  'posts.claimByMember': {
    input: z.object({ postId: Id, personId: Id }).strict(),
    output: z.object({ claimId: Id, claimed: z.number().int() }),
    doc: '本村居的无职党员认领设岗定责岗位（领岗）'
  },
  'posts.review': {
    input: z
      .object({
        claimId: Id,
        year: z.number().int().min(2000).max(2100),
        rating: z.enum(['优秀', '合格', '基本合格', '不合格']),
        note: z.string().trim().max(200).optional()
      })
      .strict(),
    output: z.object({ id: Id }),
    doc: '无职党员岗位的年度考评（每年一次）'
  },
  'posts.endClaim': {
    input: z.object({ claimId: Id, endedOn: IsoDate }).strict(),
    output: z.object({ claimId: Id }),
    doc: '无职党员离岗（结束日期）'
  },
  'posts.memberClaims': {
    input: z.object({ postId: Id }).strict(),
    output: z.array(
      z.object({
        claimId: Id,
        personId: Id,
        name: z.string(),
        claimedOn: z.string(),
        endedOn: z.string().nullable(),
        reviews: z.array(z.object({ year: z.number().int(), rating: z.string(), note: z.string().nullable() }))
      })
    ),
    doc: '一个设岗定责岗位的领岗党员与历年考评'
  },
  'posts.figures': {
    input: z.object({ year: z.number().int().min(2000).max(2100), villageIds: z.array(Id).max(400).optional(), asOf: IsoDate.optional() }).strict(),
    output: z.object({
      posts: z.number().int(),
      claimedPosts: z.number().int(),
      members: z.number().int(),
      reviewed: z.number().int(),
      excellent: z.number().int(),
      unclaimed: z.array(z.object({ postId: Id, name: z.string(), audience: z.string(), village: z.string() }))
    }),
    doc: '设岗定责统计（截至某日，默认今天）：无职党员岗位数、已有人认领的岗位、在岗无职党员人数、当年已考评（其中优秀）；无人认领的岗位（规则检查）'
  },
  'posts.mapMeasure': {
    input: NoInput,
    output: z.array(z.object({ gridId: Id, posts: z.number().int(), unclaimed: z.number().int(), value: z.number() })),
    doc: '地图着色（村居，一级网格）：今天的设岗定责岗位数（报到党员与无职党员的）、无人认领的岗位数、有人认领的岗位占比（%）'
  },
  'posts.importTemplate': postLedger.template,
  'posts.import': postLedger.import,
  'posts.importReportFile': postLedger.report,
  'posts.export': {
    input: z.object({ villageUnitId: Id.optional() }).strict(),
    output: ExportedFile,
    doc: '把岗位（报到党员与无职党员的）及领岗党员、当年考评导出为 Excel（只有姓名）'
  },
  'posts.claim': {
    input: z.object({ postId: Id, reportingMemberId: Id }).strict(),
    output: z.object({ claimed: z.number().int() }),
    doc: '报到党员认领岗位（领岗）'
  },
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
    output: z.array(ServiceRecord),
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
      z.object({
        id: Id,
        subject: z.string(),
        content: z.string(),
        specialty: z.string().nullable(),
        sentAt: z.string(),
        sentBy: z.string(),
        village: z.string().nullable(),
        recipients: z.number().int(),
        willing: z.number().int(),
        declined: z.number().int(),
        participated: z.number().int()
      })
    ),
    doc: '已发出的储能联系通知及回复、参与情况'
  },
  'reserve.answers': {
    input: z.object({ noticeId: Id }).strict(),
    output: z.array(
      z.object({
        id: Id,
        name: z.string(),
        unit: z.string(),
        specialty: z.string().nullable(),
        village: z.string(),
        answer: z.enum(['未回复', '愿意参加', '不能参加']),
        participated: z.boolean(),
        note: z.string().nullable()
      })
    ),
    doc: '一次通知的对象及其回复'
  },
  'reserve.answer': {
    input: z
      .object({ recipientId: Id, answer: z.enum(['未回复', '愿意参加', '不能参加']), participated: z.boolean(), note: z.string().trim().max(200).optional() })
      .strict(),
    output: z.object({ updated: z.number().int() }),
    doc: '登记储能联系人的回复和是否参与'
  },
  'people.points': {
    input: z.object({ kind: z.enum(['reporting', 'reserve']), specialty: z.string().trim().max(20).optional(), villageUnitId: Id.optional() }).strict(),
    output: z.object({
      type: z.literal('FeatureCollection'),
      features: z.array(
        z.object({
          type: z.literal('Feature'),
          id: Id,
          geometry: z.object({ type: z.literal('Point'), coordinates: LonLat }),
          properties: z.object({ id: Id, name: z.string(), detail: z.string().nullable(), placed: z.boolean() })
        })
      )
    }),
    doc: '地图：报到党员住址、储能联系人（按专长）的位置'
  },
  'grids.peopleMeasure': {
    input: z.object({ measure: z.enum(['contactCoverage', 'daysSinceVisit']) }).strict(),
    output: z.array(z.object({ gridId: Id, value: z.number() })),
    doc: '地图着色：各三级网格的户联系覆盖率（%）或距上次走访的平均天数'
  }
} as const
