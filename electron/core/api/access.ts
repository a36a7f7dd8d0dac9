// Who may call what, on which records: the capabilities, the roles, and how a method's rule is
// written. Each feature writes the rules of its own methods (<feature>/access.ts); methodRules.ts
// merges them, one for every contract method (a missing one is a type error), and the core's guard
// (api/guard.ts) applies them to every call from every transport, so hiding a button is never the
// only thing between a role and a method.
import type { MethodName, ParsedInput } from '../../shared/contract'
import type { Role } from '../../shared/accounts'
import type { ChangeKind } from '../../shared/storeChanges'

export const capabilities = [
  'data.read',
  'wall.read',
  'grids.write',
  'people.write',
  'people.unmask',
  'data.export',
  'issues.handle',
  'issues.configure',
  'rentals.handle',
  'briefings.write',
  'accounts.manage',
  'roles.manage',
  'settings.manage',
  'backups.manage',
  'audit.read'
] as const
export type Capability = (typeof capabilities)[number]

export const capabilityNames: Record<Capability, string> = {
  'data.read': '查看业务数据',
  'wall.read': '指挥大屏',
  'grids.write': '维护网格',
  'people.write': '维护人员台账',
  'people.unmask': '查看完整证件号和电话',
  'data.export': '导出数据',
  'issues.handle': '办理事件',
  'issues.configure': '设置流转规则与问责',
  'rentals.handle': '出租屋排查整治',
  'briefings.write': '签发简报',
  'accounts.manage': '管理账号',
  'roles.manage': '授予角色与权限',
  'settings.manage': '安全设置',
  'backups.manage': '备份与恢复',
  'audit.read': '查阅审计记录'
}

/** The three administrators hold no business capability, and no business role holds theirs (三员分立). */
export const roleCapabilities: Record<Role, readonly Capability[]> = {
  operator: ['data.read', 'wall.read', 'grids.write', 'issues.handle', 'issues.configure', 'rentals.handle', 'people.unmask', 'data.export', 'briefings.write'],
  organiser: ['data.read', 'wall.read', 'grids.write', 'people.write', 'people.unmask', 'data.export', 'briefings.write'],
  leader: ['data.read', 'wall.read'],
  officeClerk: ['data.read', 'people.write', 'people.unmask', 'data.export', 'issues.handle', 'rentals.handle'],
  villageClerk: ['data.read', 'people.write', 'people.unmask', 'data.export', 'issues.handle', 'rentals.handle'],
  // The district's desk in the linkage: reads the town's issues and acts as the district only.
  districtClerk: ['data.read', 'issues.handle'],
  sysadmin: ['accounts.manage', 'settings.manage', 'backups.manage'],
  secadmin: ['roles.manage'],
  auditor: ['audit.read']
}

/**
 * Why this role may not act as that unit in the linkage, or null if it may. Clerks and the district's
 * desk act as their own unit only; the command centre's operator acts as the town, or for a unit of
 * the town (代为办理) — never as the district, which has its own desk. A call naming no unit acts as
 * the command centre itself.
 */
export function actingRefusal(
  role: Role | null,
  ownUnitId: number | null,
  unitId: number | null | undefined,
  kindOf: (id: number) => string | undefined
): string | null {
  const fixed = role === 'officeClerk' || role === 'villageClerk' || role === 'districtClerk'
  if (fixed) return unitId === ownUnitId && ownUnitId !== null ? null : '只能以本单位的身份办理'
  if (!unitId) return null
  if (kindOf(unitId) === 'district') return '以区级身份办理须使用区联动中心的账号，镇指挥中心不能代区办理'
  return null
}

export const hasCapability = (role: Role | null, any: readonly Capability[]) => role !== null && any.some((c) => roleCapabilities[role].includes(c))

/** Records whose village decides whether a scoped clerk may touch them. */
export type RecordKind =
  | 'person'
  | 'household'
  | 'team'
  | 'teamMember'
  | 'reportingMember'
  | 'post'
  | 'reserveNotice'
  | 'reserveRecipient'
  | 'issue'
  | 'issuePhoto'
  | 'issueEvent'
  | 'briefing'
  | 'rentalBuilding'
  | 'fireHazard'
  | 'grid'
  | 'areaHead'
  | 'postMemberClaim'

/**
 * How a method is narrowed for office and village clerks (other roles see the whole town):
 * - town: reference data without personal data (grids, units, rules); everyone who may read reads it;
 * - list: the service narrows the rows to the clerk's villages (`ctx.scopeVillageIds`);
 * - unit: the named unit must be the clerk's own or under it; a missing one is refused;
 * - acting: the named unit is who acts (issues): see `actingRefusal` (checked for every role);
 * - record: the record's village must be the clerk's;
 * - none: town-wide work, not for clerks at all.
 */
export type ScopeCheck<I> =
  | { kind: 'town' }
  | { kind: 'list' }
  | { kind: 'none' }
  | { kind: 'unit'; unitOf: (input: I) => number | null | undefined }
  | { kind: 'acting'; unitOf: (input: I) => number | null | undefined; optional?: boolean }
  | { kind: 'record'; record: RecordKind; idOf: (input: I) => number | null | undefined }

export type MethodRule<I> =
  | { access: 'public' }
  | { access: 'session' }
  | {
      access: Capability[]
      /** Changes the store: run with its audit row in one transaction. */
      write?: boolean
      /** A read that is audited all the same (unmask, export, print). */
      audited?: boolean
      /** Kinds of record the write changes besides its own feature's (a hazard turned into an issue changes the issues too). */
      alsoChanges?: ChangeKind[]
      /** The record a write creates, for the change it tells the desks about (its village decides who hears). */
      creates?: { record: RecordKind; idOf: (value: unknown) => number | undefined }
      /** The quick search over people the call carries: a search by a whole number is audited and counted. */
      personSearch?: (input: I) => string | undefined
      scope: ScopeCheck<I>[]
    }

export const town = [{ kind: 'town' }] as const satisfies ScopeCheck<unknown>[]
export const list = [{ kind: 'list' }] as const satisfies ScopeCheck<unknown>[]
export const none = [{ kind: 'none' }] as const satisfies ScopeCheck<unknown>[]
// Each extractor below is typed by its method's input where it is written; the table only collects them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCheck = ScopeCheck<any>
export const read = (scope: readonly AnyCheck[]) => ({ access: ['data.read'] as Capability[], scope: [...scope] })
export const write = (caps: Capability[], scope: readonly AnyCheck[]) => ({ access: caps, write: true, scope: [...scope] })
export const record = <I>(record: RecordKind, idOf: (input: I) => number | null | undefined): ScopeCheck<I> => ({ kind: 'record', record, idOf })
export const unit = <I>(unitOf: (input: I) => number | null | undefined): ScopeCheck<I> => ({ kind: 'unit', unitOf })

/** One feature's rules: one for each method of its contract part (electron/core/<feature>/access.ts). */
export type FeatureRules<Part> = { [M in keyof Part & MethodName]: MethodRule<ParsedInput<M>> }
