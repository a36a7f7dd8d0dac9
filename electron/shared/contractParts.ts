// The pieces of the contract more than one feature's methods use: ids, points, dates, empty
// inputs, grid and unit references, files. Each feature's own schemas live in its contract part.
import { z } from 'zod'
import { isCalendarDay } from './chinaTime'

export const Id = z.number().int().positive()
export const LonLat = z.tuple([z.number(), z.number()])
export const Version = z.number().int().min(1)
export const BatchResult = z.object({ version: z.number().int(), batchId: Id })

/** A file produced by the core, carried as base64 so it crosses IPC and HTTP alike. */
export const ExportedFile = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string(), count: z.number().int() })

export const NoInput = z.object({}).strict().optional().default({})
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2026-05-19')
  .refine(isCalendarDay, '日期无效：日历上没有这一天')
export const Share = z.number().min(0).max(1)
export const MB = 1024 * 1024

/** A photo sent with a record (files travel as base64 in JSON; what it really is, is read from its bytes). */
export const PhotoUpload = z
  .object({ fileName: z.string().max(120), mimeType: z.string().max(40), contentBase64: z.string().max(14_000_000, '照片不能超过 10 MB') })
  .strict()

/** A ledger import's three methods (template, import, the refused rows as a file), for a feature's kinds of ledger. */
export function ledgerImportMethods<K extends z.ZodTypeAny>(kind: K, docs: { template: string; import: string; report: string }) {
  const Rejected = z.array(z.object({ row: z.number().int(), name: z.string().nullable(), reasons: z.array(z.string()) }))
  return {
    template: { input: z.object({ kind }).strict(), output: ExportedFile, doc: docs.template },
    import: {
      maxBodyBytes: 160 * MB,
      input: z
        .object({
          kind,
          fileName: z.string().trim().min(1).max(255),
          contentBase64: z.string().max(150 * 1024 * 1024, '文件过大'),
          dryRun: z.boolean().default(true)
        })
        .strict(),
      output: z.object({
        kind,
        fileError: z.string().nullable(),
        rowCount: z.number().int(),
        accepted: z.number().int(),
        warnings: z.array(z.string()),
        rejected: Rejected,
        committed: z.boolean()
      }),
      doc: docs.import
    },
    report: { maxBodyBytes: 32 * MB, input: z.object({ kind, rejected: Rejected }).strict(), output: ExportedFile, doc: docs.report }
  }
}
