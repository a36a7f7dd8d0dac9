// Who may call what, on which records. Every contract method has a rule here (a missing one is a
// type error); the core's guard (api/guard.ts) applies them to every call from every transport, so
// hiding a button is never the only thing between a role and a method.
import type { MethodName, ParsedInput } from '../../shared/contract'
import type { Role } from '../../shared/accounts'
import { personRegistries } from '../../shared/people'

export const capabilities = [
  'data.read',
  'wall.read',
  'grids.write',
  'people.write',
  'people.unmask',
  'data.export',
  'issues.handle',
  'issues.configure',
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
  'briefings.write': '签发简报',
  'accounts.manage': '管理账号',
  'roles.manage': '授予角色与权限',
  'settings.manage': '安全设置',
  'backups.manage': '备份与恢复',
  'audit.read': '查阅审计记录'
}

/** The three administrators hold no business capability, and no business role holds theirs (三员分立). */
export const roleCapabilities: Record<Role, readonly Capability[]> = {
  operator: ['data.read', 'wall.read', 'grids.write', 'issues.handle', 'issues.configure', 'people.unmask', 'data.export', 'briefings.write'],
  organiser: ['data.read', 'wall.read', 'grids.write', 'people.write', 'people.unmask', 'data.export', 'briefings.write'],
  leader: ['data.read', 'wall.read'],
  officeClerk: ['data.read', 'people.write', 'people.unmask', 'data.export', 'issues.handle'],
  villageClerk: ['data.read', 'people.write', 'people.unmask', 'data.export', 'issues.handle'],
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
export function actingRefusal(role: Role | null, ownUnitId: number | null, unitId: number | null | undefined, kindOf: (id: number) => string | undefined): string | null {
  const fixed = role === 'officeClerk' || role === 'villageClerk' || role === 'districtClerk'
  if (fixed) return unitId === ownUnitId && ownUnitId !== null ? null : '只能以本单位的身份办理'
  if (!unitId) return null
  if (kindOf(unitId) === 'district') return '以区级身份办理须使用区联动中心的账号，镇指挥中心不能代区办理'
  return null
}

export const hasCapability = (role: Role | null, any: readonly Capability[]) => role !== null && any.some((c) => roleCapabilities[role].includes(c))

/** Records whose village decides whether a scoped clerk may touch them. */
export type RecordKind = 'person' | 'household' | 'team' | 'teamMember' | 'reportingMember' | 'post' | 'reserveNotice' | 'reserveRecipient' | 'issue' | 'issuePhoto' | 'issueEvent' | 'briefing'

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
      /** The quick search over people the call carries: a search by a whole number is audited and counted. */
      personSearch?: (input: I) => string | undefined
      scope: ScopeCheck<I>[]
    }

const town = [{ kind: 'town' }] as const satisfies ScopeCheck<unknown>[]
const list = [{ kind: 'list' }] as const satisfies ScopeCheck<unknown>[]
const none = [{ kind: 'none' }] as const satisfies ScopeCheck<unknown>[]
// Each extractor below is typed by its method's input where it is written; the table only collects them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCheck = ScopeCheck<any>
const read = (scope: readonly AnyCheck[]) => ({ access: ['data.read'] as Capability[], scope: [...scope] })
const write = (caps: Capability[], scope: readonly AnyCheck[]) => ({ access: caps, write: true, scope: [...scope] })
const record = <I>(record: RecordKind, idOf: (input: I) => number | null | undefined): ScopeCheck<I> => ({ kind: 'record', record, idOf })
const unit = <I>(unitOf: (input: I) => number | null | undefined): ScopeCheck<I> => ({ kind: 'unit', unitOf })

type Rules = { [M in MethodName]: MethodRule<ParsedInput<M>> }

export const methodRules: Rules = {
  'grids.summary': read(town),
  'grids.tree': read(town),
  'grids.geojson': read(town),
  'grids.get': read(town),
  'grids.search': read(town),
  'town.outline': read(town),
  'units.offices': read(town),
  'units.villages': read(town),
  // The security administrator binds clerks to units, so sees the unit list (no personal data in it).
  'units.all': { access: ['data.read', 'roles.manage'], scope: [...town] },
  'grids.check': read(town),
  'grids.history': read(town),
  'grids.peopleMeasure': read(town),
  'routing.rules.get': read(town),
  'people.settings': read(town),
  'people.template': read(town),
  // The refused rows of the officer's own file, names included: an export like any other.
  'people.importReportFile': { access: ['data.read'], audited: true, scope: [...town] },
  'grids.create': write(['grids.write'], none),
  'grids.update': write(['grids.write'], none),
  'grids.setGeometry': write(['grids.write'], none),
  'grids.split': write(['grids.write'], none),
  'grids.move': write(['grids.write'], none),
  'grids.delete': write(['grids.write'], none),
  'grids.import': write(['grids.write'], none),
  'units.moveVillage': write(['grids.write'], none),
  'changes.undo': write(['grids.write', 'people.write'], none),
  'changes.list': read(none),
  'grids.export': { access: ['data.export'], audited: true, scope: [...town] },
  'persons.list': { ...read(list), personSearch: (i: ParsedInput<'persons.list'>) => i.q },
  'households.list': read(list),
  'teams.list': read(list),
  'reporting.list': { ...read(list), personSearch: (i: ParsedInput<'reporting.list'>) => i.q },
  'reserve.list': { ...read(list), personSearch: (i: ParsedInput<'reserve.list'>) => i.q },
  'persons.get': read([record('person', (i: ParsedInput<'persons.get'>) => i.id)]),
  'persons.unmask': { access: ['people.unmask'], audited: true, scope: [record('person', (i) => i.id)] },
  'persons.update': write(['people.write'], [record('person', (i: ParsedInput<'persons.update'>) => i.id)]),
  'reporting.register': write(['people.write'], none),
  'persons.create': write(['people.write'], [unit((i: ParsedInput<'persons.create'>) => i.villageUnitId)]),
  'teams.members': read([record('team', (i: ParsedInput<'teams.members'>) => i.teamId)]),
  'teams.addMember': write(['people.write'], [record('team', (i: ParsedInput<'teams.addMember'>) => i.teamId), record('person', (i: ParsedInput<'teams.addMember'>) => i.personId)]),
  'teams.removeMember': write(['people.write'], [record('teamMember', (i: ParsedInput<'teams.removeMember'>) => i.memberId)]),
  'households.setContact': write(['people.write'], [record('household', (i: ParsedInput<'households.setContact'>) => i.householdId)]),
  'issues.create': write(['issues.handle'], [{ kind: 'acting', unitOf: (i: ParsedInput<'issues.create'>) => i.reportingUnitId }]),
  'issues.act': write(['issues.handle'], [{ kind: 'acting', unitOf: (i: ParsedInput<'issues.act'>) => i.actingUnitId }, record('issue', (i: ParsedInput<'issues.act'>) => i.id)]),
  'issues.get': read([{ kind: 'acting', unitOf: (i: ParsedInput<'issues.get'>) => i.actingUnitId, optional: true }, record('issue', (i: ParsedInput<'issues.get'>) => i.id)]),
  'issues.photo': read([record('issuePhoto', (i: ParsedInput<'issues.photo'>) => i.id)]),
  'issues.supervisionNotice': read([record('issueEvent', (i: ParsedInput<'issues.supervisionNotice'>) => i.eventId)]),
  'issues.list': read(list),
  // Grids and village names only; whether the point is in the caller's reach is part of the answer.
  'issues.place': read(town),
  'issues.similar': read(list),
  'issues.points': read(list),
  'issues.overdueUnits': read(none),
  'accountability.record': write(['issues.configure'], none),
  'accountability.list': read([unit((i: ParsedInput<'accountability.list'>) => i.unitId)]),
  'stats.kpis': read([unit((i: ParsedInput<'stats.kpis'>) => i.scope)]),
  'routing.rules.set': write(['issues.configure'], none),
  'briefings.compose': read([unit((i: ParsedInput<'briefings.compose'>) => i.scopeUnitId)]),
  'briefings.issue': write(['briefings.write'], [unit((i: ParsedInput<'briefings.issue'>) => i.scopeUnitId)]),
  'briefings.get': read([record('briefing', (i: ParsedInput<'briefings.get'>) => i.id)]),
  'briefings.list': read(list),
  'wall.summary': { access: ['wall.read'], scope: [...none] },
  'wall.measure': { access: ['wall.read'], scope: [...none] },
  'wall.points': { access: ['wall.read'], scope: [...none] },
  'people.check': read([unit((i: ParsedInput<'people.check'>) => i.villageUnitId)]),
  'people.setSettings': write(['people.write'], none),
  'placement.suggest': read([unit((i: ParsedInput<'placement.suggest'>) => i.villageUnitId)]),
  'placement.groups': read([unit((i: ParsedInput<'placement.groups'>) => i.villageUnitId)]),
  'placement.placeSuggested': write(['people.write'], [unit((i: ParsedInput<'placement.placeSuggested'>) => i.villageUnitId)]),
  'placement.rebalance': write(['people.write'], [unit((i: ParsedInput<'placement.rebalance'>) => i.villageUnitId)]),
  'placement.assign': write(['people.write'], [record('reportingMember', (i: ParsedInput<'placement.assign'>) => i.memberId)]),
  'people.export': { access: ['data.export'], audited: true, scope: [...list], personSearch: (i: ParsedInput<'people.export'>) => (personRegistries.includes(i.registry) ? i.query?.q : undefined) },
  'people.import': write(['people.write'], none),
  'visits.record': write(['people.write'], [unit((i: ParsedInput<'visits.record'>) => i.villageUnitId), record('household', (i: ParsedInput<'visits.record'>) => i.householdId)]),
  'visits.ofHousehold': read([record('household', (i: ParsedInput<'visits.ofHousehold'>) => i.householdId)]),
  'visits.stats': read([unit((i: ParsedInput<'visits.stats'>) => i.villageUnitId)]),
  'posts.list': read([unit((i: ParsedInput<'posts.list'>) => i.villageUnitId)]),
  'posts.create': write(['people.write'], [unit((i: ParsedInput<'posts.create'>) => i.villageUnitId)]),
  'posts.claim': write(['people.write'], [record('post', (i: ParsedInput<'posts.claim'>) => i.postId), record('reportingMember', (i: ParsedInput<'posts.claim'>) => i.reportingMemberId)]),
  'posts.unclaim': write(['people.write'], [record('post', (i: ParsedInput<'posts.unclaim'>) => i.postId), record('reportingMember', (i: ParsedInput<'posts.unclaim'>) => i.reportingMemberId)]),
  'services.record': write(['people.write'], [record('reportingMember', (i: ParsedInput<'services.record'>) => i.reportingMemberId)]),
  'services.list': read([record('reportingMember', (i: ParsedInput<'services.list'>) => i.reportingMemberId)]),
  'reporting.printout': read([record('reportingMember', (i: ParsedInput<'reporting.printout'>) => i.reportingMemberId)]),
  'reserve.sendNotice': write(['people.write'], [unit((i: ParsedInput<'reserve.sendNotice'>) => i.villageUnitId)]),
  'reserve.notices': read([unit((i: ParsedInput<'reserve.notices'>) => i.villageUnitId)]),
  'reserve.answers': read([record('reserveNotice', (i: ParsedInput<'reserve.answers'>) => i.noticeId)]),
  'reserve.answer': write(['people.write'], [record('reserveRecipient', (i: ParsedInput<'reserve.answer'>) => i.recipientId)]),
  'people.points': read(list),
  'auth.status': { access: 'public' },
  'auth.setup': { access: 'public' },
  'auth.login': { access: 'public' },
  'auth.logout': { access: 'session' },
  'auth.me': { access: 'session' },
  'auth.lock': { access: 'session' },
  'auth.unlock': { access: 'session' },
  'auth.changePassword': { access: 'session' },
  'accounts.list': { access: ['accounts.manage', 'roles.manage'], scope: [...none] },
  'accounts.create': write(['accounts.manage'], none),
  'accounts.setRole': write(['roles.manage'], none),
  'accounts.setEnabled': write(['accounts.manage'], none),
  'accounts.resetPassword': write(['accounts.manage'], none),
  'security.settings': { access: ['settings.manage'], scope: [...none] },
  'security.setSettings': write(['settings.manage'], none),
  'audit.search': { access: ['audit.read'], scope: [...none] },
  'audit.verify': { access: ['audit.read'], scope: [...none] },
  'audit.export': { access: ['audit.read'], audited: true, scope: [...none] },
  'backups.list': { access: ['backups.manage'], scope: [...none] },
  'backups.run': { access: ['backups.manage'], audited: true, scope: [...none] },
  'backups.preview': { access: ['backups.manage'], scope: [...none] },
  // Audited by the restore itself, in the restored trail (this connection closes during the call).
  'backups.restore': { access: ['backups.manage'], scope: [...none] },
  // The call is the audit row of a print; whoever may read may print.
  'audit.recordPrint': { access: ['data.read'], audited: true, scope: [...town] }
}
