// People: registries, placement, visits, posts, the reserve (issues 4, 6, 7).
// Part of the store's schema (db/schema.ts gathers the parts; drizzle.config.ts lists them):
// change it, run `npm run db:generate`, read the SQL, commit the migration.
import { sql } from 'drizzle-orm'
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { units, grids } from '../grids/schema'

/**
 * Everyone the command centre keeps: party members, reporting members, reserve contacts, team
 * members. One row per person; the roles live in their own tables.
 */
export const persons = sqliteTable(
  'persons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['男', '女'] }),
    /** GB 11643 18-digit ID number (15-digit ones are upgraded on entry). */
    idNumber: text('id_number'),
    /** Last 4 characters of the ID number, indexed for the quick search (身份证后四位). */
    idTail: text('id_tail'),
    phone: text('phone'),
    phoneTail: text('phone_tail'),
    /** 本镇户籍 / 佛山市其他镇街户籍 / 非佛山户籍. */
    hukou: text('hukou', { enum: ['本镇户籍', '佛山市户籍', '非佛山户籍'] }).notNull(),
    isPartyMember: integer('is_party_member', { mode: 'boolean' }).notNull().default(false),
    /**
     * Where a member's party relation is kept: 村居 (a community member, in the party group of the
     * home grid) or 单位 (an agency's member: reporting members are placed by hand or suggestion).
     */
    partyRegistration: text('party_registration', { enum: ['村居', '单位'] }),
    partyBranch: text('party_branch'),
    homeAddress: text('home_address'),
    homeLon: real('home_lon'),
    homeLat: real('home_lat'),
    /** The village/community the person lives in. */
    villageUnitId: integer('village_unit_id').references(() => units.id),
    /** The tier-3 grid the home lies in: a community party member belongs to that party group. */
    homeGridId: integer('home_grid_id').references(() => grids.id),
    workUnit: text('work_unit'),
    /** Comma-separated (医疗,法律,…). */
    specialties: text('specialties'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1)
  },
  (t) => [
    index('persons_name').on(t.name),
    index('persons_hukou').on(t.hukou, t.name),
    index('persons_id_number').on(t.idNumber),
    index('persons_id_tail').on(t.idTail),
    index('persons_phone_tail').on(t.phoneTail),
    index('persons_village').on(t.villageUnitId, t.name),
    index('persons_party').on(t.isPartyMember, t.villageUnitId),
    index('persons_home_grid').on(t.homeGridId, t.partyRegistration)
  ]
)

/** Households contacted by party members (党员户联系): every household has a contact member. */
export const households = sqliteTable(
  'households',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    kind: text('kind', { enum: ['居民家庭户', '非户籍家庭户', '工商企业户', '社会组织'] }).notNull(),
    /** The head of household, or the firm's/organisation's name. */
    name: text('name').notNull(),
    address: text('address').notNull(),
    members: integer('members').notNull().default(1),
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    /** The tier-3 grid (party group area) the household lies in. */
    gridId: integer('grid_id').references(() => grids.id),
    contactPersonId: integer('contact_person_id').references(() => persons.id),
    lastVisitAt: text('last_visit_at'),
    version: integer('version').notNull().default(1)
  },
  (t) => [
    uniqueIndex('households_code').on(t.code),
    index('households_village').on(t.villageUnitId, t.kind),
    index('households_grid').on(t.gridId),
    index('households_contact').on(t.contactPersonId),
    index('households_name').on(t.name)
  ]
)

/** Resident teams (驻点团队): town cadres stationed in one village; ≥ 2 non-Foshan-hukou members. */
export const residentTeams = sqliteTable(
  'resident_teams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    version: integer('version').notNull().default(1)
  },
  (t) => [index('resident_teams_village').on(t.villageUnitId)]
)

export const teamMembers = sqliteTable(
  'team_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => residentTeams.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role', { enum: ['队长', '队员'] }).notNull()
  },
  (t) => [uniqueIndex('team_members_unique').on(t.teamId, t.personId), index('team_members_person').on(t.personId)]
)

/** In-service party members reporting to the village where they live (报到党员, 一报到两认领双管理). */
export const reportingMembers = sqliteTable(
  'reporting_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    /** The village/community reported to. */
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    reportedAt: text('reported_at').notNull(),
    servicesClaimed: text('services_claimed'),
    volunteerWishes: text('volunteer_wishes'),
    projectWishes: text('project_wishes'),
    /** The tier-3 grid (party group) the member is placed in; null while unplaced. */
    groupGridId: integer('group_grid_id').references(() => grids.id),
    placedAt: text('placed_at'),
    /** 'suggested' (by proximity) or 'manual' (an officer overrode it; capacity may then be exceeded). */
    placement: text('placement', { enum: ['suggested', 'manual'] }),
    placementReason: text('placement_reason'),
    version: integer('version').notNull().default(1)
  },
  (t) => [
    uniqueIndex('reporting_members_person').on(t.personId),
    index('reporting_members_village').on(t.villageUnitId, t.groupGridId),
    index('reporting_members_group').on(t.groupGridId)
  ]
)

/** Public servants living in the town, kept as a reserve (储能联系); never placed in grids. */
export const reserveContacts = sqliteTable(
  'reserve_contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    unit: text('unit').notNull(),
    specialty: text('specialty'),
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    version: integer('version').notNull().default(1)
  },
  (t) => [uniqueIndex('reserve_contacts_person').on(t.personId), index('reserve_contacts_village').on(t.villageUnitId, t.specialty)]
)

/** Volunteer posts per village (关爱长者爱心岗 …) that reporting members claim (领岗). */
export const volunteerPosts = sqliteTable(
  'volunteer_posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    /** The post's duties (岗位职责). */
    description: text('description'),
    /** Who claims it: reporting members (报到党员), or the village's own members without office (无职党员设岗定责). */
    audience: text('audience', { enum: ['报到党员', '无职党员'] })
      .notNull()
      .default('报到党员'),
    version: integer('version').notNull().default(1)
  },
  (t) => [index('volunteer_posts_village').on(t.villageUnitId)]
)

/** A community party member without office holding a post (领岗), from a day until a day (or still). */
export const postMemberClaims = sqliteTable(
  'post_member_claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => volunteerPosts.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    claimedOn: text('claimed_on').notNull(),
    endedOn: text('ended_on')
  },
  (t) => [uniqueIndex('post_member_claims_unique').on(t.postId, t.personId), index('post_member_claims_person').on(t.personId)]
)

/** The yearly review of a member's post (年度考评): one a year. */
export const postReviews = sqliteTable(
  'post_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => postMemberClaims.id),
    year: integer('year').notNull(),
    rating: text('rating', { enum: ['优秀', '合格', '基本合格', '不合格'] }).notNull(),
    note: text('note'),
    reviewedOn: text('reviewed_on').notNull(),
    reviewedBy: text('reviewed_by').notNull()
  },
  (t) => [uniqueIndex('post_reviews_year').on(t.claimId, t.year)]
)

export const postClaims = sqliteTable(
  'post_claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => volunteerPosts.id),
    reportingMemberId: integer('reporting_member_id')
      .notNull()
      .references(() => reportingMembers.id),
    claimedAt: text('claimed_at').notNull()
  },
  (t) => [uniqueIndex('post_claims_unique').on(t.postId, t.reportingMemberId), index('post_claims_member').on(t.reportingMemberId)]
)

/** Service done by a reporting member, reported to the work unit (双管理). */
export const serviceRecords = sqliteTable(
  'service_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportingMemberId: integer('reporting_member_id')
      .notNull()
      .references(() => reportingMembers.id),
    date: text('date').notNull(),
    activity: text('activity').notNull(),
    hours: real('hours').notNull(),
    householdsVisited: integer('households_visited').notNull().default(0),
    note: text('note')
  },
  (t) => [index('service_records_member').on(t.reportingMemberId, t.date)]
)

/** A notice sent to reserve contacts (大情小事, an invitation by specialty). The app does not send SMS. */
export const reserveNotices = sqliteTable('reserve_notices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  villageUnitId: integer('village_unit_id').references(() => units.id),
  subject: text('subject').notNull(),
  content: text('content').notNull(),
  specialty: text('specialty'),
  sentAt: text('sent_at').notNull(),
  sentBy: text('sent_by').notNull()
})

export const reserveNoticeRecipients = sqliteTable(
  'reserve_notice_recipients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => reserveNotices.id),
    reserveContactId: integer('reserve_contact_id')
      .notNull()
      .references(() => reserveContacts.id),
    answer: text('answer', { enum: ['未回复', '愿意参加', '不能参加'] })
      .notNull()
      .default('未回复'),
    participated: integer('participated', { mode: 'boolean' }).notNull().default(false),
    note: text('note')
  },
  (t) => [uniqueIndex('reserve_notice_recipients_unique').on(t.noticeId, t.reserveContactId), index('reserve_notice_recipients_contact').on(t.reserveContactId)]
)

/**
 * Contacts with residents: household visits (入户走访) by resident teams and contact members, and
 * receptions (来访接待). Visit rate = household visits ÷ households; person-times = Σ personTimes.
 */
export const visits = sqliteTable(
  'visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['入户走访', '来访接待'] }).notNull(),
    date: text('date').notNull(),
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    /** Required for a household visit. */
    householdId: integer('household_id').references(() => households.id),
    visitorKind: text('visitor_kind', { enum: ['驻点团队', '户联系党员', '报到党员'] }).notNull(),
    teamId: integer('team_id').references(() => residentTeams.id),
    visitorPersonId: integer('visitor_person_id').references(() => persons.id),
    personTimes: integer('person_times').notNull().default(1),
    notes: text('notes'),
    problemFound: text('problem_found')
  },
  (t) => [
    index('visits_village_date').on(t.villageUnitId, t.date),
    index('visits_household').on(t.householdId, t.date),
    index('visits_visitor').on(t.visitorPersonId),
    index('visits_team').on(t.teamId),
    check('visits_household_required', sql`${t.kind} <> '入户走访' or ${t.householdId} is not null`),
    check('visits_person_times', sql`${t.personTimes} >= 1`)
  ]
)

/** Every time someone saw a person's full ID number and phone: who, when, whose, why. */
export const unmaskLog = sqliteTable(
  'unmask_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    personId: integer('person_id').notNull(),
    reason: text('reason').notNull()
  },
  (t) => [index('unmask_log_person').on(t.personId)]
)
