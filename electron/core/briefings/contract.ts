// Briefings (issue 7):
// this feature's part of the contract, merged into electron/shared/contract.ts.
// Zod only (the renderer bundles it): no electron, no node:, no DOM.
import { z } from 'zod'
import { BriefingDocument, BriefingKind, sectionKeys } from '../../shared/briefing'
import { Id, IsoDate, MB } from '../../shared/contractParts'

/** Which briefing: kind, a day inside the period (or from/to for 专报), scope (none = the town). */
const BriefingInput = z
  .object({ kind: BriefingKind, anchor: IsoDate.optional(), from: IsoDate.optional(), to: IsoDate.optional(), scopeUnitId: Id.optional() })
  .strict()

export const briefingsContract = {
  'briefings.compose': {
    input: BriefingInput,
    output: BriefingDocument,
    doc: '编写简报：按类型（周报、月报、季报、年报、专报）、期间和范围（全镇、管理处、村居）从数据生成各部分，供修改后签发'
  },
  'briefings.issue': {
    maxBodyBytes: 4 * MB,
    input: BriefingInput.extend({
      sections: z
        .array(z.object({ key: z.enum(sectionKeys), paragraphs: z.array(z.string().max(4000, '每段不超过 4000 字')).max(20).optional() }).strict())
        .max(sectionKeys.length)
    }).strict(),
    output: z.object({ id: Id, number: z.number().int(), year: z.number().int() }),
    doc: '签发简报：按年编号（第N期），冻结数字、表格、图和文字；重印与签发时完全相同'
  },
  'briefings.get': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id, issuedAt: z.string(), issuedBy: z.string(), document: BriefingDocument }),
    doc: '已签发的简报（快照）'
  },
  'briefings.list': {
    input: z
      .object({ q: z.string().max(40).optional(), year: z.number().int().min(2000).max(2100).optional() })
      .strict()
      .optional()
      .default({}),
    output: z.array(
      z.object({
        id: Id,
        kind: z.string(),
        year: z.number().int(),
        number: z.number().int(),
        title: z.string(),
        scopeName: z.string(),
        periodFrom: z.string(),
        periodTo: z.string(),
        issuedAt: z.string(),
        issuedBy: z.string()
      })
    ),
    doc: '已签发的简报列表（可按期号、范围、类型搜索）'
  }
} as const
