// The handler map: one short function per contract method, each calling a service.
// A method declared in the contract without a handler here is a type error.
import type { CallContext, MethodName, Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { createChangeService } from '../services/changes'
import { createGridEditService } from '../services/gridEdits'
import { createGridService } from '../services/grids'
import { createGridHealthService } from '../services/gridHealthCheck'
import { createGridExportService } from '../services/gridExport'
import { createGridImportService } from '../services/gridImport'
import { createRegistryService } from '../services/registries'
import { createPersonService } from '../services/personDetail'
import { createPeopleRuleService } from '../services/peopleRules'
import { createPeopleSettingService } from '../services/peopleSettings'
import { createPlacementService } from '../services/placement'
import { createPeopleSheetService } from '../services/peopleSheets'
import { createPeopleImportService } from '../services/peopleImport'
import { createVisitService } from '../services/visits'
import { createPostService } from '../services/posts'
import { createReserveNoticeService } from '../services/reserveNotices'
import { createPeopleMapService } from '../services/peopleMap'
import { createTeamService } from '../services/teams'
import { createIssueService } from '../services/issues'
import { createIssueFigureService } from '../services/issueFigures'
import { createIssuePrintService } from '../services/issuePrints'
import { createBriefingService } from '../services/briefings'
import { createWallService } from '../services/wall'
import type { AccountService } from '../services/accounts'
import type { AuditService } from '../services/audit'
import type { BackupService } from '../services/backups'

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>> }

export function createHandlers(deps: {
  db: Db
  clock: Clock
  accounts: AccountService
  audit: AuditService
  backups: BackupService
  restore: (file: string, ctx: CallContext) => Promise<Output<'backups.restore'>>
}): Handlers {
  const { accounts, audit, backups } = deps
  // The guard admitted the call on this token, so its session exists.
  const session = (ctx: CallContext) => accounts.sessionOf(ctx.token)!
  const scoped = <Q extends object>(q: Q, ctx: CallContext) => ({ ...q, scopeVillageIds: ctx.scopeVillageIds })
  const grids = createGridService(deps.db)
  const edits = createGridEditService(deps.db, deps.clock)
  const changes = createChangeService(deps.db, deps.clock)
  const health = createGridHealthService(deps.db)
  const exporter = createGridExportService(deps.db, deps.clock)
  const importer = createGridImportService(deps.db, deps.clock)
  const registries = createRegistryService(deps.db)
  const persons = createPersonService(deps.db, deps.clock)
  const peopleRules = createPeopleRuleService(deps.db)
  const peopleSettings = createPeopleSettingService(deps.db)
  const placement = createPlacementService(deps.db, deps.clock)
  const sheets = createPeopleSheetService(deps.db, deps.clock)
  const peopleImport = createPeopleImportService(deps.db, deps.clock)
  const visits = createVisitService(deps.db, deps.clock)
  const posts = createPostService(deps.db, deps.clock)
  const notices = createReserveNoticeService(deps.db, deps.clock)
  const peopleMap = createPeopleMapService(deps.db, deps.clock)
  const teams = createTeamService(deps.db, deps.clock)
  const issues = createIssueService(deps.db, deps.clock)
  const issueFigures = createIssueFigureService(deps.db, deps.clock)
  const issuePrints = createIssuePrintService(deps.db)
  const briefings = createBriefingService(deps.db, deps.clock)
  const wall = createWallService(deps.db, deps.clock)
  return {
    'grids.summary': () => grids.summary(),
    'grids.tree': () => grids.tree(),
    'grids.geojson': ({ tier }) => grids.geojson(tier),
    'grids.get': ({ id }) => grids.get(id),
    'grids.search': ({ q, limit }) => grids.search(q, limit),
    'town.outline': () => grids.outline(),
    'units.offices': () => grids.offices(),
    'grids.create': (input, { actor }) => edits.create(input, actor),
    'grids.update': (input, { actor }) => edits.update(input, actor),
    'grids.setGeometry': (input, { actor }) => edits.setGeometry(input, actor),
    'grids.split': (input, { actor }) => edits.split(input, actor),
    'grids.move': (input, { actor }) => edits.move(input, actor),
    'grids.delete': (input, { actor }) => edits.remove(input, actor),
    'grids.history': ({ id }) => changes.gridHistory(id),
    'changes.undo': ({ batchId }, { actor }) => changes.undo(batchId, actor),
    'grids.check': ({ gridId }) => health.check(gridId),
    'grids.export': (input) => exporter.export(input),
    'grids.import': (input, { actor }) => importer.run(input, actor),
    'changes.list': ({ kind, limit }) => changes.list(kind, limit),
    'units.moveVillage': (input, { actor }) => edits.moveVillage(input, actor),
    'units.villages': () => grids.villages(),
    'persons.list': (q, ctx) => registries.list('persons', scoped(q, ctx)) as Output<'persons.list'>,
    'households.list': (q, ctx) => registries.list('households', scoped(q, ctx)) as Output<'households.list'>,
    'teams.list': (q, ctx) => registries.list('teams', scoped(q, ctx)) as Output<'teams.list'>,
    'reporting.list': (q, ctx) => registries.list('reporting', scoped(q, ctx)) as Output<'reporting.list'>,
    'reserve.list': (q, ctx) => registries.list('reserve', scoped(q, ctx)) as Output<'reserve.list'>,
    'persons.get': ({ id }) => persons.get(id) as unknown as Output<'persons.get'>,
    'persons.unmask': ({ id, reason }, { actor }) => persons.unmask(id, reason, actor) as unknown as Output<'persons.unmask'>,
    'persons.update': (input, { actor }) => persons.update(input, actor),
    'reporting.register': (input, { actor }) => peopleImport.registerReporting(input, actor),
    'persons.create': (input, { actor }) => peopleImport.createPerson(input, actor),
    'teams.members': ({ teamId }) => teams.members(teamId),
    'teams.addMember': (input) => teams.addMember(input),
    'teams.removeMember': ({ memberId }) => teams.removeMember(memberId),
    'households.setContact': (input, { actor }) => teams.setContact(input, actor),
    'units.all': () => grids.allUnits(),
    'issues.create': (input, { actor, scopeVillageIds }) => issues.create(input, actor, scopeVillageIds),
    'issues.act': (input, { actor }) => issues.act(input, actor),
    'issues.get': ({ id, actingUnitId }) => issues.get(id, actingUnitId) as Output<'issues.get'>,
    'issues.photo': ({ id }) => issues.photo(id),
    'issues.supervisionNotice': ({ eventId }) => issuePrints.supervisionNotice(eventId),
    'issues.list': (q, ctx) => issueFigures.list(scoped(q, ctx)) as Output<'issues.list'>,
    'issues.place': ({ lon, lat }, { scopeVillageIds }) => issues.place(lon, lat, scopeVillageIds),
    'issues.similar': (input, ctx) => issueFigures.similar(input, ctx.scopeVillageIds),
    'issues.points': (input, ctx) => issueFigures.points(input, ctx.scopeVillageIds),
    'issues.overdueUnits': () => issueFigures.overdueUnits(),
    'accountability.record': (input, { actor }) => issueFigures.recordAccountability(input, actor),
    'accountability.list': ({ unitId }) => issueFigures.accountability(unitId),
    'stats.kpis': ({ from, to, scope }) => issueFigures.kpis({ from, to, scopeUnitId: scope }),
    'briefings.compose': (input) => briefings.compose(input),
    'briefings.issue': (input, { actor }) => briefings.issue(input, actor),
    'briefings.get': ({ id }) => briefings.get(id),
    'briefings.list': (input, ctx) => briefings.list(input, ctx.scopeVillageIds && [...ctx.scopeVillageIds, ...(ctx.unitId ? [ctx.unitId] : [])]),
    'wall.summary': () => wall.summary(),
    'wall.measure': (input) => wall.measure(input),
    'wall.points': () => wall.points(),
    'routing.rules.get': () => issueFigures.rules() as Output<'routing.rules.get'>,
    'routing.rules.set': (input) => issueFigures.setRules(input) as Output<'routing.rules.set'>,
    'people.check': ({ villageUnitId }) => peopleRules.check(villageUnitId),
    'people.settings': () => peopleSettings.get(),
    'people.setSettings': (patch) => peopleSettings.set(patch),
    'placement.suggest': ({ villageUnitId }) => placement.suggest(villageUnitId),
    'placement.placeSuggested': (input, { actor }) => placement.placeSuggested(input, actor),
    'placement.assign': (input, { actor }) => placement.assign(input, actor),
    'placement.rebalance': ({ villageUnitId }, { actor }) => placement.rebalance(villageUnitId, actor),
    'placement.groups': ({ villageUnitId }) => placement.groups(villageUnitId),
    'people.export': ({ registry, query }, ctx) => sheets.exportRegistry(registry, scoped(query ?? {}, ctx)),
    'people.template': ({ kind }) => sheets.template(kind),
    'people.import': (input, { actor }) => peopleImport.run(input, actor),
    'people.importReportFile': ({ kind, rejected }) => sheets.rejectedRows(kind, rejected),
    'visits.record': (input) => visits.record(input),
    'visits.ofHousehold': ({ householdId }) => visits.ofHousehold(householdId),
    'visits.stats': (input) => visits.stats(input),
    'posts.list': ({ villageUnitId }) => posts.list(villageUnitId),
    'posts.create': (input) => posts.create(input),
    'posts.claim': (input) => posts.claim(input),
    'posts.unclaim': (input) => posts.unclaim(input),
    'services.record': (input) => posts.recordService(input),
    'services.list': ({ reportingMemberId }) => posts.services(reportingMemberId),
    'reporting.printout': ({ reportingMemberId }) => posts.printout(reportingMemberId) as Output<'reporting.printout'>,
    'reserve.sendNotice': (input, { actor }) => notices.send(input, actor),
    'reserve.notices': ({ villageUnitId }) => notices.list(villageUnitId),
    'reserve.answers': ({ noticeId }) => notices.answers(noticeId),
    'reserve.answer': (input) => notices.answer(input),
    'people.points': (input, ctx) => peopleMap.points(scoped(input, ctx)),
    'grids.peopleMeasure': (input) => peopleMap.measure(input),
    'auth.status': () => accounts.status(),
    'auth.setup': ({ password }) => accounts.setup(password),
    'auth.login': ({ username, password }) => accounts.login(username, password),
    'auth.logout': (_, ctx) => accounts.logout(session(ctx)),
    'auth.me': (_, ctx) => accounts.me(session(ctx)),
    'auth.lock': (_, ctx) => accounts.lock(session(ctx)),
    'auth.unlock': ({ password }, ctx) => accounts.unlock(session(ctx), password),
    'auth.changePassword': ({ currentPassword, newPassword }, ctx) => accounts.changePassword(session(ctx), currentPassword, newPassword),
    'accounts.list': () => accounts.list(),
    'accounts.create': (input) => accounts.create(input),
    'accounts.setRole': (input) => accounts.setRole(input),
    'accounts.setEnabled': (input, ctx) => accounts.setEnabled(input, ctx.accountId),
    'accounts.resetPassword': (input) => accounts.resetPassword(input),
    'security.settings': () => accounts.settings(),
    'security.setSettings': (patch) => accounts.setSettings(patch),
    'audit.search': (q) => audit.search(q),
    'audit.verify': () => audit.verify(),
    'audit.export': (q) => audit.exportFile(q),
    // The guard writes the audit row (what was printed, which record); nothing else to do.
    'audit.recordPrint': () => ({ recorded: true }),
    'backups.list': () => backups.list(),
    'backups.run': () => backups.run(),
    'backups.preview': ({ file }) => backups.preview(file),
    'backups.restore': ({ file }, ctx) => deps.restore(backups.inFolder(file), ctx)
  }
}
