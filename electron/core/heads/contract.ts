// 三长制 (issue 21): this feature's part of the contract, merged into electron/shared/contract.ts.
// Zod only (the renderer bundles it): no electron, no node:, no DOM.
import { z } from 'zod'
import { ExportedFile, Id, IsoDate, NoInput, ledgerImportMethods } from '../../shared/contractParts'
import { ListQuery } from '../../shared/people'

const Role = z.enum(['楼长', '巷长', '街长'])
const RecordKind = z.enum(['解决问题', '调解纠纷', '社区活动'])
const Outcome = z.enum(['调解成功', '未能调解', '转交办理'])
const Counts = z.object({
  heads: z.number().int(),
  problems: z.number().int(),
  disputes: z.number().int(),
  settled: z.number().int(),
  activities: z.number().int(),
  volunteers: z.number().int()
})
export const AreaHeadRow = z.object({
  id: Id,
  personId: Id,
  name: z.string(),
  role: Role,
  area: z.string(),
  villageUnitId: Id,
  village: z.string(),
  tier3GridId: Id.nullable(),
  tier3: z.string(),
  appointedOn: z.string(),
  endedOn: z.string().nullable(),
  problems: z.number().int(),
  disputes: z.number().int(),
  activities: z.number().int(),
  sample: z.boolean(),
  version: z.number().int()
})

const ledger = ledgerImportMethods(z.enum(['heads', 'records']), {
  template: '下载三长名册或三长工作台账的导入模板（Excel）',
  import: '导入村居的三长名册或三长工作台账（Excel 或 CSV）：逐行校验人员、村居、三级网格、类别、任期、调解记录与重复；先预览，再一次性提交',
  report: '把三长台账导入校验中被拒绝的行和原因导出为 Excel'
})

export const headsContract = {
  'heads.list': {
    input: ListQuery,
    output: z.object({ total: z.number().int(), rows: z.array(AreaHeadRow) }),
    doc: '三长台账：楼长、巷长、街长，所在村居与三级网格、负责的楼巷街、任期，解决问题、调解纠纷、开展活动的次数；按村居、类别、在任筛选，按姓名或楼巷查找'
  },
  'heads.appoint': {
    input: z
      .object({
        personId: Id,
        tier3GridId: Id,
        role: Role,
        area: z.string().trim().min(1, '请填写负责的楼栋、巷或街').max(60),
        appointedOn: IsoDate
      })
      .strict(),
    output: z.object({ id: Id }),
    doc: '任命楼长、巷长或街长：本村居的居民，负责所在三级网格内的一栋楼、一条巷或一条街'
  },
  'heads.end': {
    input: z.object({ id: Id, version: z.number().int(), endedOn: IsoDate }).strict(),
    output: z.object({ version: z.number().int() }),
    doc: '三长卸任（任期结束日期）'
  },
  'heads.record': {
    input: z
      .object({
        headId: Id,
        kind: RecordKind,
        date: IsoDate,
        title: z.string().trim().min(2, '请填写事项').max(100),
        issueId: Id.optional(),
        parties: z.string().trim().max(100).optional(),
        outcome: Outcome.optional(),
        volunteers: z.number().int().min(0).max(10_000).optional(),
        note: z.string().trim().max(500).optional()
      })
      .strict(),
    output: z.object({ id: Id }),
    doc: '登记三长的工作：解决的问题（可关联其上报的事件）、调解的纠纷（双方、结果）、开展的社区活动（带动志愿者人次）'
  },
  'heads.records': {
    input: z.object({ headId: Id }).strict(),
    output: z.array(
      z.object({
        id: Id,
        kind: RecordKind,
        date: z.string(),
        title: z.string(),
        issueId: Id.nullable(),
        issueCode: z.string().nullable(),
        parties: z.string().nullable(),
        outcome: Outcome.nullable(),
        volunteers: z.number().int(),
        note: z.string().nullable()
      })
    ),
    doc: '一位三长的工作记录'
  },
  'heads.figures': {
    input: z
      .object({ from: IsoDate, to: IsoDate, villageIds: z.array(Id).max(400).optional() })
      .strict()
      .refine((v) => v.to >= v.from, { message: '结束日期不能早于开始日期', path: ['to'] }),
    output: z.object({ asOf: z.string(), total: Counts, villages: z.array(Counts.extend({ villageId: Id, village: z.string() })) }),
    doc: '三长制统计：截至某日在任三长，期间内解决问题、调解纠纷（其中调解成功）、开展活动、带动志愿者人次，按村居'
  },
  'heads.export': {
    input: ListQuery.omit({ offset: true, limit: true }),
    output: ExportedFile,
    doc: '把当前筛选的三长台账导出为 Excel（姓名、类别、负责楼巷街、村居、网格、任期、工作次数）'
  },
  'heads.exportRecords': {
    input: z
      .object({ from: IsoDate, to: IsoDate, villageUnitId: Id.optional() })
      .strict()
      .refine((v) => v.to >= v.from, { message: '结束日期不能早于开始日期', path: ['to'] }),
    output: ExportedFile,
    doc: '把期间内三长的工作记录导出为 Excel（三长工作台账的列，不含身份证号）'
  },
  'heads.check': {
    input: z.object({ villageUnitId: Id.optional() }).strict(),
    output: z.object({ areas: z.number().int(), withoutHead: z.array(z.object({ tier3GridId: Id, name: z.string(), village: z.string() })) }),
    doc: '规则检查：没有在任楼长、巷长或街长的三级网格'
  },
  'heads.mapMeasure': {
    input: NoInput,
    output: z.array(z.object({ gridId: Id, value: z.number().int() })),
    doc: '地图着色：各三级网格有无在任三长（无为 -1），有则为其三长本年的工作记录数（解决问题、调解纠纷、社区活动）'
  },
  'heads.importTemplate': ledger.template,
  'heads.import': ledger.import,
  'heads.importReportFile': ledger.report
} as const
