// The handler map: every feature's handlers (electron/core/<feature>/handlers.ts), merged. A method
// declared in the contract without a handler in its feature is a type error here.
import type { CallContext, MethodName, Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { createGridsHandlers } from '../grids/handlers'
import { createChangesHandlers } from '../changes/handlers'
import { createPeopleHandlers } from '../people/handlers'
import { createIssuesHandlers } from '../issues/handlers'
import { createBriefingsHandlers } from '../briefings/handlers'
import { createWallHandlers } from '../wall/handlers'
import { createTrustHandlers } from '../trust/handlers'
import { createRentalsHandlers } from '../rentals/handlers'
import { createHeadsHandlers } from '../heads/handlers'
import type { AccountService } from '../trust/accounts'
import type { AuditService } from '../trust/audit'
import type { BackupService } from '../trust/backups'
import type { WriteReceipts } from '../trust/writeReceipts'

type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>>
export type Handlers = { [M in MethodName]: Handler<M> }
/** One feature's handlers: one for each method of its contract part. */
export type FeatureHandlers<Part> = { [M in keyof Part & MethodName]: Handler<M> }

export function createHandlers(deps: {
  db: Db
  clock: Clock
  accounts: AccountService
  audit: AuditService
  backups: BackupService
  receipts: WriteReceipts
  restore: (file: string, ctx: CallContext) => Promise<Output<'backups.restore'>>
}): Handlers {
  return {
    ...createGridsHandlers(deps),
    ...createChangesHandlers(deps),
    ...createPeopleHandlers(deps),
    ...createIssuesHandlers(deps),
    ...createBriefingsHandlers(deps),
    ...createWallHandlers(deps),
    ...createTrustHandlers(deps),
    ...createRentalsHandlers(deps),
    ...createHeadsHandlers(deps)
  }
}
