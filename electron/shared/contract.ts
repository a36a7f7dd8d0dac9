// The API contract: every method the app offers, declared once with its zod input and output.
// IPC handlers, the preload bridge, the renderer client and the HTTP bridge are all typed from
// this object, so a method without a handler (or a client call with the wrong shape) is a type error.
// No electron, no node:, no DOM here: every part of the app imports this file.
import { z } from 'zod'
import { MB } from './contractParts'
import { gridsContract } from '../core/grids/contract'
import { changesContract } from '../core/changes/contract'
import { peopleContract } from '../core/people/contract'
import { issuesContract } from '../core/issues/contract'
import { briefingsContract } from '../core/briefings/contract'
import { wallContract } from '../core/wall/contract'
import { trustContract } from '../core/trust/contract'
import { rentalsContract } from '../core/rentals/contract'
import { headsContract } from '../core/heads/contract'
import type { Role } from './accounts'

// The schemas other modules use by name, wherever they are declared.
export {
  GridAttributes,
  Tier,
  Geometry,
  GridFeature,
  GridLabelFeature,
  GridFeatureCollection,
  GridRef,
  UnitRef,
  gridKinds,
  HistoryEntry,
  GridDetail,
  GridSearchHit,
  TreeNode,
  GridSummary,
  TownOutline,
  HealthProblem,
  ImportOptions,
  ImportReport
} from '../core/grids/contract'
export { ExportedFile } from './contractParts'
export { BatchSummary } from '../core/changes/contract'
export { IssueAction } from '../core/issues/contract'

/**
 * Every method of the app. Keys are `<area>.<verb>`. `maxBodyBytes`: how large a request body the
 * transport reads for it (files travel as base64 in JSON); other methods take at most `defaultBodyBytes`.
 */
export const contract = {
  ...gridsContract,
  ...changesContract,
  ...peopleContract,
  ...issuesContract,
  ...briefingsContract,
  ...wallContract,
  ...trustContract,
  ...rentalsContract,
  ...headsContract
} as const

/** The feature each method belongs to (its folder under electron/core): what a change to the store was a change of. */
const featureParts = {
  grids: gridsContract,
  changes: changesContract,
  people: peopleContract,
  issues: issuesContract,
  briefings: briefingsContract,
  wall: wallContract,
  trust: trustContract,
  rentals: rentalsContract,
  heads: headsContract
} as const
export type Feature = keyof typeof featureParts
export const featureOf = Object.fromEntries(
  Object.entries(featureParts).flatMap(([feature, part]) => Object.keys(part).map((method) => [method, feature]))
) as Record<MethodName, Feature>

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

export const ErrorCode = z.enum([
  'BAD_INPUT',
  'NOT_FOUND',
  'UNKNOWN_METHOD',
  'CONFLICT',
  'INTERNAL',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'LOCKED',
  'PASSWORD_EXPIRED',
  /** A seat cannot reach the town server (the call was not made, or its outcome is not known: see the message). */
  'UNAVAILABLE'
])
export type ErrorCode = z.infer<typeof ErrorCode>
export type ApiError = { code: ErrorCode; message: string; details?: unknown }
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/**
 * Where a call came from, as its transport saw it (never what the caller says of itself): the
 * server's own console (the desktop app's IPC, or loopback), a desktop seat on the town network
 * (`seat`: its certificate's name), or a browser on the network (no certificate). `address`: the
 * client's IP address (null over IPC).
 */
export type CallOrigin = { kind: 'console' | 'desktop' | 'browser'; seat: string | null; address: string | null }
export const consoleOrigin: CallOrigin = { kind: 'console', seat: null, address: null }

/**
 * What a transport carries with a call: the session token (browser mode: the Bearer header; desktop:
 * the IPC argument), where the call came from (set by the transport; absent means the console), and
 * a write's idempotency key (a seat sends one with every write, so a retry is not done twice).
 */
export type Credentials = { token?: string; origin?: CallOrigin; idempotencyKey?: string }

/**
 * Who is calling, after the core checked the token: recorded with every change. `scopeVillageIds`
 * limits office and village clerks to their own villages (null = the whole town).
 */
export type CallContext = {
  actor: string
  username: string | null
  accountId: number | null
  role: Role | null
  unitId: number | null
  scopeVillageIds: number[] | null
  token?: string
  origin: CallOrigin
  /** The write's idempotency key, when its transport sent one (trust/writeReceipts.ts). */
  idempotencyKey?: string
}

/** What the preload exposes as `window.api` and what the HTTP client mimics. */
export type ApiBridge = { [M in MethodName]: (input?: Input<M>, token?: string) => Promise<Result<Output<M>>> }
