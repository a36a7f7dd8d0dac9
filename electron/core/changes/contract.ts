// Change history and undo (shared by every feature that writes in batches):
// this feature's part of the contract, merged into electron/shared/contract.ts.
// Zod only (the renderer bundles it): no electron, no node:, no DOM.
import { z } from 'zod'
import { Id } from '../../shared/contractParts'

export const BatchSummary = z.object({ id: Id, kind: z.string(), actor: z.string(), at: z.string(), description: z.string(), undoneBy: Id.nullable() })

export const changesContract = {
  'changes.undo': {
    input: z.object({ batchId: Id }).strict(),
    output: z.object({ undoBatchId: Id, restored: z.number().int() }),
    doc: '撤销一次操作（整批撤销）'
  },
  'changes.list': {
    input: z
      .object({
        kind: z.enum(['import', 'edit', 'create', 'delete', 'move', 'geometry', 'split', 'undo', 'place', 'people-import', 'people-edit']).optional(),
        limit: z.number().int().min(1).max(200).optional()
      })
      .strict()
      .optional()
      .default({}),
    output: z.array(BatchSummary),
    doc: '最近的操作记录（如导入记录），可据此撤销'
  }
} as const
