import type { CallContext } from '../../shared/contract'

/** A list query limited to the caller's villages (office and village clerks; null = the whole town). */
export const scoped = <Q extends object>(q: Q, ctx: CallContext) => ({ ...q, scopeVillageIds: ctx.scopeVillageIds })
