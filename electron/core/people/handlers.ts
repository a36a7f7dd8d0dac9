// People:
// one short function per method of this feature's contract part, each calling a service.
import type { FeatureHandlers } from '../api/handlers'
import { scoped } from '../api/scoped'
import type { peopleContract } from './contract'
import { createRegistryService } from './registries'
import { createPersonService } from './personDetail'
import { createPeopleRuleService } from './peopleRules'
import { createPeopleSettingService } from './peopleSettings'
import { createPlacementService } from './placement'
import { createPeopleSheetService } from './peopleSheets'
import { createPeopleImportService } from './peopleImport'
import { createVisitService } from './visits'
import { createPostService } from './posts'
import { createMemberPostService } from './memberPosts'
import { createPostLedgerService } from './postLedger'
import { postTemplate } from './domain/postLedgerRows'
import { ledgerTemplateFile, rejectedRowsFile } from '../kernel/ledger'
import { chinaDate } from '../../shared/chinaTime'
import { createReserveNoticeService } from './reserveNotices'
import { createPeopleMapService } from './peopleMap'
import { createTeamService } from './teams'
import type { Db } from '../db/open'
import type { Clock } from '../clock'

export function createPeopleHandlers({ db, clock }: { db: Db; clock: Clock }): FeatureHandlers<typeof peopleContract> {
  const registries = createRegistryService(db)
  const persons = createPersonService(db, clock)
  const peopleRules = createPeopleRuleService(db)
  const peopleSettings = createPeopleSettingService(db)
  const placement = createPlacementService(db, clock)
  const sheets = createPeopleSheetService(db, clock)
  const peopleImport = createPeopleImportService(db, clock)
  const visits = createVisitService(db, clock)
  const posts = createPostService(db, clock)
  const memberPosts = createMemberPostService(db, clock)
  const postLedger = createPostLedgerService(db, clock)
  const notices = createReserveNoticeService(db, clock)
  const peopleMap = createPeopleMapService(db, clock)
  const teams = createTeamService(db, clock)
  return {
    'persons.list': (q, ctx) => registries.list('persons', scoped(q, ctx)),
    'households.list': (q, ctx) => registries.list('households', scoped(q, ctx)),
    'teams.list': (q, ctx) => registries.list('teams', scoped(q, ctx)),
    'reporting.list': (q, ctx) => registries.list('reporting', scoped(q, ctx)),
    'reserve.list': (q, ctx) => registries.list('reserve', scoped(q, ctx)),
    'persons.get': ({ id }) => persons.get(id),
    'persons.unmask': ({ id, reason }, { actor }) => persons.unmask(id, reason, actor),
    'persons.update': (input, { actor }) => persons.update(input, actor),
    'reporting.register': (input, { actor }) => peopleImport.registerReporting(input, actor),
    'persons.create': (input, { actor }) => peopleImport.createPerson(input, actor),
    'teams.members': ({ teamId }) => teams.members(teamId),
    'teams.addMember': (input) => teams.addMember(input),
    'teams.removeMember': ({ memberId }) => teams.removeMember(memberId),
    'households.setContact': (input, { actor }) => teams.setContact(input, actor),
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
    'posts.claimByMember': (input) => memberPosts.claim(input),
    'posts.endClaim': (input) => memberPosts.endClaim(input),
    'posts.review': (input, { actor }) => memberPosts.review(input, actor),
    'posts.memberClaims': ({ postId }) => memberPosts.claims(postId),
    'posts.figures': (input, { scopeVillageIds }) => memberPosts.figures(input, scopeVillageIds),
    'posts.mapMeasure': () => memberPosts.mapMeasure(),
    'posts.importTemplate': () => ledgerTemplateFile(postTemplate.title, postTemplate.columns, clock.now(), ['idNumber']),
    'posts.import': (input) => postLedger.run(input),
    'posts.importReportFile': ({ rejected }) => rejectedRowsFile(postTemplate.title, rejected, clock.now(), chinaDate(clock.now()).replaceAll('-', '')),
    'posts.export': ({ villageUnitId }, { scopeVillageIds }) => postLedger.exportPosts(villageUnitId, scopeVillageIds),
    'services.record': (input) => posts.recordService(input),
    'services.list': ({ reportingMemberId }) => posts.services(reportingMemberId),
    'reporting.printout': ({ reportingMemberId }) => posts.printout(reportingMemberId),
    'reserve.sendNotice': (input, { actor }) => notices.send(input, actor),
    'reserve.notices': ({ villageUnitId }) => notices.list(villageUnitId),
    'reserve.answers': ({ noticeId }) => notices.answers(noticeId),
    'reserve.answer': (input) => notices.answer(input),
    'people.points': (input, ctx) => peopleMap.points(scoped(input, ctx)),
    'grids.peopleMeasure': (input) => peopleMap.measure(input)
  }
}
