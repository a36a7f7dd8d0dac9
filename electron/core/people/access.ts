// People: who may call each method of this feature, on which records (see api/access.ts).
import type { ParsedInput } from '../../shared/contract'
import { town, list, none, read, write, record, unit, type FeatureRules } from '../api/access'
import { personRegistries } from '../../shared/people'
import type { peopleContract } from './contract'

export const peopleAccess: FeatureRules<typeof peopleContract> = {
  'grids.peopleMeasure': read(town),
  'people.settings': read(town),
  'people.template': read(town),
  // The refused rows of the officer's own file, names included: an export like any other.
  'people.importReportFile': { access: ['data.read'], audited: true, scope: [...town] },
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
  'teams.addMember': write(
    ['people.write'],
    [record('team', (i: ParsedInput<'teams.addMember'>) => i.teamId), record('person', (i: ParsedInput<'teams.addMember'>) => i.personId)]
  ),
  'teams.removeMember': write(['people.write'], [record('teamMember', (i: ParsedInput<'teams.removeMember'>) => i.memberId)]),
  'households.setContact': write(['people.write'], [record('household', (i: ParsedInput<'households.setContact'>) => i.householdId)]),
  'people.check': read([unit((i: ParsedInput<'people.check'>) => i.villageUnitId)]),
  'people.setSettings': write(['people.write'], none),
  'placement.suggest': read([unit((i: ParsedInput<'placement.suggest'>) => i.villageUnitId)]),
  'placement.groups': read([unit((i: ParsedInput<'placement.groups'>) => i.villageUnitId)]),
  'placement.placeSuggested': write(['people.write'], [unit((i: ParsedInput<'placement.placeSuggested'>) => i.villageUnitId)]),
  'placement.rebalance': write(['people.write'], [unit((i: ParsedInput<'placement.rebalance'>) => i.villageUnitId)]),
  'placement.assign': write(['people.write'], [record('reportingMember', (i: ParsedInput<'placement.assign'>) => i.memberId)]),
  'people.export': {
    access: ['data.export'],
    audited: true,
    scope: [...list],
    personSearch: (i: ParsedInput<'people.export'>) => (personRegistries.includes(i.registry) ? i.query?.q : undefined)
  },
  'people.import': write(['people.write'], none),
  'visits.record': write(
    ['people.write'],
    [unit((i: ParsedInput<'visits.record'>) => i.villageUnitId), record('household', (i: ParsedInput<'visits.record'>) => i.householdId)]
  ),
  'visits.ofHousehold': read([record('household', (i: ParsedInput<'visits.ofHousehold'>) => i.householdId)]),
  'visits.stats': read([unit((i: ParsedInput<'visits.stats'>) => i.villageUnitId)]),
  'posts.list': read([unit((i: ParsedInput<'posts.list'>) => i.villageUnitId)]),
  'posts.create': write(['people.write'], [unit((i: ParsedInput<'posts.create'>) => i.villageUnitId)]),
  'posts.claimByMember': write(
    ['people.write'],
    [record('post', (i: ParsedInput<'posts.claimByMember'>) => i.postId), record('person', (i: ParsedInput<'posts.claimByMember'>) => i.personId)]
  ),
  'posts.endClaim': write(['people.write'], [record('postMemberClaim', (i: ParsedInput<'posts.endClaim'>) => i.claimId)]),
  'posts.review': write(['people.write'], [record('postMemberClaim', (i: ParsedInput<'posts.review'>) => i.claimId)]),
  'posts.memberClaims': read([record('post', (i: ParsedInput<'posts.memberClaims'>) => i.postId)]),
  'posts.figures': read(list),
  'posts.mapMeasure': read(town),
  // The villages' ledgers are imported by the town, as the people registries are.
  'posts.importTemplate': read(town),
  'posts.import': write(['people.write'], none),
  'posts.importReportFile': read(town),
  'posts.export': { access: ['data.export'], audited: true, scope: [...list] },
  'posts.claim': write(
    ['people.write'],
    [record('post', (i: ParsedInput<'posts.claim'>) => i.postId), record('reportingMember', (i: ParsedInput<'posts.claim'>) => i.reportingMemberId)]
  ),
  'posts.unclaim': write(
    ['people.write'],
    [record('post', (i: ParsedInput<'posts.unclaim'>) => i.postId), record('reportingMember', (i: ParsedInput<'posts.unclaim'>) => i.reportingMemberId)]
  ),
  'services.record': write(['people.write'], [record('reportingMember', (i: ParsedInput<'services.record'>) => i.reportingMemberId)]),
  'services.list': read([record('reportingMember', (i: ParsedInput<'services.list'>) => i.reportingMemberId)]),
  'reporting.printout': read([record('reportingMember', (i: ParsedInput<'reporting.printout'>) => i.reportingMemberId)]),
  'reserve.sendNotice': write(['people.write'], [unit((i: ParsedInput<'reserve.sendNotice'>) => i.villageUnitId)]),
  'reserve.notices': read([unit((i: ParsedInput<'reserve.notices'>) => i.villageUnitId)]),
  'reserve.answers': read([record('reserveNotice', (i: ParsedInput<'reserve.answers'>) => i.noticeId)]),
  'reserve.answer': write(['people.write'], [record('reserveRecipient', (i: ParsedInput<'reserve.answer'>) => i.recipientId)]),
  'people.points': read(list)
}
