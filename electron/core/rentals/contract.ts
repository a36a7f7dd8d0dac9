// Rental housing and fire-safety rectification (issue 21): this feature's part of the contract,
// merged into electron/shared/contract.ts. Zod only (the renderer bundles it): no electron, no node:, no DOM.
import { z } from 'zod'
import { ExportedFile, Id, IsoDate, LonLat, MB, NoInput, PhotoUpload, ledgerImportMethods } from '../../shared/contractParts'
import { ListQuery } from '../../shared/people'

const Note = z.string().trim().max(500)
const Photos = z.array(PhotoUpload).max(9, '最多 9 张照片')
const Counts = z.object({ found: z.number().int(), rectified: z.number().int(), overdue: z.number().int(), rate: z.number().nullable() })
export const HazardKind = z.object({ id: Id, name: z.string(), countedBy: z.enum(['处', '栋']), photoRequired: z.boolean(), active: z.boolean() })

const Day = z.string().nullable()
export const RentalBuildingRow = z.object({
  id: Id,
  address: z.string(),
  villageUnitId: Id,
  village: z.string(),
  use: z.enum(['居住', '生产', '混合']),
  riskClass: z.enum(['低风险', '中风险', '高风险']),
  rentalRooms: z.number().int(),
  tenants: z.number().int(),
  /** The landlord's name only (the registry keeps the rest, masked). */
  landlord: z.string().nullable(),
  sample: z.boolean(),
  openHazards: z.number().int(),
  overdueHazards: z.number().int(),
  lastInspectedOn: Day,
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  /** The registry's households living there (rental_tenancies) and their members. */
  registeredHouseholds: z.number().int(),
  registeredResidents: z.number().int()
})
export const HazardRow = z.object({
  id: Id,
  kindId: Id,
  kind: z.string(),
  foundOn: z.string(),
  deadline: z.string(),
  rectifiedOn: Day,
  /** 已整改 · 逾期未改 · 整改中, as of today. */
  state: z.enum(['已整改', '逾期未改', '整改中']),
  issueId: Id.nullable(),
  issueCode: z.string().nullable(),
  note: z.string().nullable(),
  photos: z.number().int()
})

export const RentalCampaign = z.object({ id: Id, name: z.string(), startsOn: z.string(), endsOn: z.string(), villageIds: z.array(Id).nullable() })

const RentalLedgerKind = z.enum(['buildings', 'inspections'])
const ledger = ledgerImportMethods(RentalLedgerKind, {
  template: '下载出租屋台账或出租屋排查台账的导入模板（Excel）',
  import: '导入房东的出租屋台账或网格员的排查台账（Excel 或 CSV）：逐行校验村居、坐标、房东、出租屋、类别、日期、照片要求与重复；先预览，再一次性提交',
  report: '把出租屋台账导入校验中被拒绝的行和原因导出为 Excel'
})

const CampaignTableInput = z
  .object({ startsOn: IsoDate, endsOn: IsoDate, asOf: IsoDate.optional(), villageIds: z.array(Id).max(400).optional() })
  .strict()
  .refine((v) => v.endsOn >= v.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] })

export const rentalsContract = {
  'rentals.kinds': {
    input: NoInput,
    output: z.array(HazardKind),
    doc: '消防安全隐患类别：名称、按处或按栋计数、整改是否须附照片（镇里维护）'
  },
  'rentals.setKinds': {
    input: z
      .object({
        kinds: z
          .array(
            z
              .object({
                id: Id.optional(),
                name: z.string().trim().min(2, '类别名称至少 2 个字').max(30, '类别名称不超过 30 个字'),
                countedBy: z.enum(['处', '栋']),
                photoRequired: z.boolean(),
                active: z.boolean()
              })
              .strict()
          )
          .min(1, '至少保留一个隐患类别')
          .max(60)
      })
      .strict(),
    output: z.array(HazardKind),
    doc: '维护隐患类别（镇里）：新增、改名、计数方式、是否须附整改照片、停用；已有隐患的类别只能停用，不能删除'
  },
  'rentals.campaigns': {
    input: NoInput,
    output: z.array(RentalCampaign),
    doc: '专项整治行动：名称、起止日期、范围（村居；不列即全镇）'
  },
  'rentals.campaigns.create': {
    input: z
      .object({
        name: z.string().trim().min(2, '请填写行动名称').max(60),
        startsOn: IsoDate,
        endsOn: IsoDate,
        villageIds: z.array(Id).min(1).max(400).optional()
      })
      .strict()
      .refine((v) => v.endsOn >= v.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] }),
    output: z.object({ id: Id }),
    doc: '建立专项整治行动：名称、期间、范围；进度表按此计算'
  },
  'rentals.buildings.create': {
    input: z
      .object({
        address: z.string().trim().min(2, '请填写出租屋地址').max(100),
        villageUnitId: Id,
        lon: z.number().min(73).max(136).optional(),
        lat: z.number().min(3).max(54).optional(),
        landlordPersonId: Id.optional(),
        use: z.enum(['居住', '生产', '混合']),
        riskClass: z.enum(['低风险', '中风险', '高风险']),
        rentalRooms: z.number().int().min(0).max(10_000),
        tenants: z.number().int().min(0).max(100_000)
      })
      .strict(),
    output: z.object({ id: Id, tier3GridId: Id.nullable() }),
    doc: '登记出租屋：地址、所在村居（有坐标时按坐标找到三级网格）、房东、用途、风险等级、出租间数与租客数'
  },
  'rentals.inspect': {
    input: z
      .object({
        buildingId: Id,
        inspectedOn: IsoDate,
        inspector: z.string().trim().min(1, '请填写排查人员').max(60),
        note: Note.optional(),
        hazards: z
          .array(z.object({ kindId: Id, deadline: IsoDate, note: Note.optional(), photos: Photos.optional() }).strict())
          .max(50, '一次排查最多登记 50 处隐患')
      })
      .strict(),
    output: z.object({ inspectionId: Id, hazardIds: z.array(Id) }),
    doc: '登记一次排查：发现的隐患（类别、整改期限、照片），期限不得早于排查日',
    maxBodyBytes: 100 * MB
  },
  'rentals.reinspect': {
    input: z
      .object({
        buildingId: Id,
        inspectedOn: IsoDate,
        inspector: z.string().trim().min(1, '请填写复查人员').max(60),
        note: Note.optional(),
        results: z
          .array(z.object({ hazardId: Id, rectified: z.boolean(), note: Note.optional(), photos: Photos.optional() }).strict())
          .min(1, '请至少复查一处隐患')
          .max(50)
      })
      .strict(),
    output: z.object({ inspectionId: Id, rectified: z.array(Id), stillOpen: z.array(Id) }),
    doc: '登记一次复查：逐处写明已整改（须附整改照片的类别须有照片）或仍未整改',
    maxBodyBytes: 100 * MB
  },
  'rentals.escalate': {
    input: z.object({ hazardId: Id }).strict(),
    output: z.object({ issueId: Id, code: z.string(), holderUnitId: Id }),
    doc: '逾期未整改的隐患转为事件：消防安全类，交所在村居办理，与隐患关联'
  },
  'rentals.overdueHazards': {
    input: z.object({ villageUnitId: Id.optional() }).strict(),
    output: z.object({
      asOf: z.string(),
      total: z.number().int(),
      rows: z.array(
        z.object({
          hazardId: Id,
          buildingId: Id,
          address: z.string(),
          riskClass: z.string(),
          village: z.string(),
          tier3: z.string().nullable(),
          kind: z.string(),
          foundOn: z.string(),
          deadline: z.string(),
          daysOverdue: z.number().int()
        })
      )
    }),
    doc: '逾期未整改、尚未转为事件的隐患（全镇或一个村居，逾期最久的在前，最多 500 处），供批量转为事件'
  },
  'rentals.escalateMany': {
    input: z.object({ hazardIds: z.array(Id).min(1, '请选择隐患').max(200, '一次最多转 200 处隐患') }).strict(),
    output: z.array(z.object({ hazardId: Id, issueId: Id, code: z.string() })),
    doc: '批量把逾期未整改的隐患转为事件（各交所在村居办理）：全部可转才一并登记，否则逐处说明原因、一处也不登记'
  },
  'rentals.campaignTable': {
    input: CampaignTableInput,
    output: z.object({
      asOf: z.string(),
      total: Counts,
      villages: z.array(Counts.extend({ villageId: Id, village: z.string() })),
      kinds: z.array(Counts.extend({ kindId: Id, kind: z.string(), countedBy: z.enum(['处', '栋']) }))
    }),
    doc: '专项整治进度表：期间内发现、截至某日已整改、整改率、逾期未改，按村居与按类别（按栋计数的类别数楼栋）'
  },
  'rentals.campaignExport': {
    input: z.object({ table: CampaignTableInput, title: z.string().trim().max(60).optional() }).strict(),
    output: ExportedFile,
    doc: '把专项整治进度表导出为 Excel（按村居、按类别两张表，注明期间与截至日期）'
  },
  // After the writes: the contract test reads the building its writes made.
  'rentals.buildings.list': {
    input: ListQuery,
    output: z.object({ total: z.number().int(), rows: z.array(RentalBuildingRow) }),
    doc: '出租屋台账：按村居、风险等级、用途、有无未整改或逾期隐患筛选，按地址查找，分页'
  },
  'rentals.buildings.export': {
    input: ListQuery.omit({ offset: true, limit: true }),
    output: ExportedFile,
    doc: '把当前筛选的出租屋台账导出为 Excel（地址、村居、三级网格、用途、风险、租客与登记住户、房东姓名、今日未整改与逾期隐患）'
  },
  'rentals.tenants': {
    input: z.object({ buildingId: Id }).strict(),
    output: z.array(z.object({ householdId: Id, code: z.string(), name: z.string(), kind: z.string(), members: z.number().int(), since: z.string() })),
    doc: '一栋出租屋在人员台账中登记的住户（户、人数、入住日期）'
  },
  'rentals.addTenant': {
    input: z.object({ buildingId: Id, householdId: Id, since: IsoDate }).strict(),
    output: z.object({ households: z.number().int(), residents: z.number().int() }),
    doc: '把人员台账中本村居的一户登记为这栋出租屋的住户（一户同时只住一处）'
  },
  'rentals.removeTenant': {
    input: z.object({ buildingId: Id, householdId: Id }).strict(),
    output: z.object({ households: z.number().int(), residents: z.number().int() }),
    doc: '住户迁出这栋出租屋'
  },
  'rentals.hazards': {
    input: z.object({ buildingId: Id }).strict(),
    output: z.array(HazardRow),
    doc: '一栋出租屋的消防安全隐患：类别、发现日期、整改期限、整改日期、状态、转成的事件、照片数'
  },
  'rentals.mapLayer': {
    input: z.object({ campaignId: Id.optional() }).strict(),
    output: z.object({
      /** The campaign shown (the newest, unless one is asked for); this year when there is none. */
      campaign: z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string() }),
      asOf: z.string(),
      /** Each village's progress in the campaign, on its tier-1 grid (the campaign table's village rows). */
      villages: z.array(Counts.extend({ villageId: Id, gridId: Id })),
      /** Buildings with hazards not rectified today, by risk; overdue ones marked. */
      buildings: z.object({
        type: z.literal('FeatureCollection'),
        features: z.array(
          z.object({
            type: z.literal('Feature'),
            id: Id,
            geometry: z.object({ type: z.literal('Point'), coordinates: LonLat }),
            properties: z.object({ id: Id, address: z.string(), riskClass: z.string(), open: z.number().int(), overdue: z.number().int() })
          })
        )
      })
    }),
    doc: '地图：专项整治中各村居的整改进度（着色），有未整改隐患的出租屋（按风险等级、逾期标出）'
  },
  'rentals.importTemplate': ledger.template,
  'rentals.import': ledger.import,
  'rentals.importReportFile': ledger.report,
  'rentals.hazardPhotos': {
    input: z.object({ hazardId: Id }).strict(),
    output: z.array(z.object({ id: Id, stage: z.enum(['发现', '整改']), fileName: z.string(), mimeType: z.string(), contentBase64: z.string() })),
    doc: '一处隐患的照片（发现时与整改后）'
  }
} as const
