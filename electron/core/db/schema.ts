// The single source of truth for storage. Change this, run `npm run db:generate`, commit the
// migration in drizzle/. Never edit a migration that has landed.
import { sql } from 'drizzle-orm'
import { blob, check, index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { roles } from '../../shared/accounts'

/** Organisation units: 南海区 → 狮山镇 → departments (部门) and management offices (管理处) → villages (村居). */
export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['district', 'town', 'department', 'office', 'village'] }).notNull(),
    /** 社区 / 村 / 园区 for villages; null otherwise. */
    villageType: text('village_type', { enum: ['社区', '村', '园区'] }),
    /** Statistical name (e.g. 汀圃社区居委会) where the unit comes from the NBS code list. */
    officialName: text('official_name'),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    /** True where the fact is not official (e.g. a village's office assignment, a generated outline). */
    illustrative: integer('illustrative', { mode: 'boolean' }).notNull().default(false),
    /** GeoJSON (WGS-84) of the unit's area where the unit has one of its own (the town outline). */
    geometry: text('geometry'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1)
  },
  (t) => [uniqueIndex('units_code').on(t.code), index('units_parent').on(t.parentId), index('units_kind').on(t.kind)]
)

/** The three tiers of party-building grids (三级党建网格). */
export const grids = sqliteTable(
  'grids',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tier: integer('tier').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Short map label (e.g. 第一党小组 for a tier-3 grid). */
    label: text('label').notNull(),
    /** 村/社区/园区; 经济社/住宅小区/居民小组/商务楼宇; 党小组/楼长/巷长/街长. */
    kind: text('kind').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => grids.id),
    /** The village/community unit this grid belongs to (every tier), for scoping and lookups. */
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    /** GeoJSON geometry (Polygon or MultiPolygon), WGS-84 lon/lat; null until a new grid's shape is drawn. */
    geometry: text('geometry'),
    minLon: real('min_lon'),
    minLat: real('min_lat'),
    maxLon: real('max_lon'),
    maxLat: real('max_lat'),
    labelLon: real('label_lon'),
    labelLat: real('label_lat'),
    areaKm2: real('area_km2'),
    partyOrganisation: text('party_organisation'),
    inspector: text('inspector'),
    households: integer('households').notNull().default(0),
    registeredPopulation: integer('registered_population').notNull().default(0),
    nonHukouPopulation: integer('non_hukou_population').notNull().default(0),
    illustrative: integer('illustrative', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Optimistic concurrency: every write checks and bumps it, so a stale edit is refused, not lost. */
    version: integer('version').notNull().default(1)
  },
  (t) => [
    uniqueIndex('grids_code').on(t.code),
    index('grids_tier').on(t.tier),
    index('grids_parent').on(t.parentId),
    index('grids_village').on(t.villageUnitId, t.tier),
    index('grids_name').on(t.name),
    check('grids_tier_range', sql`${t.tier} between 1 and 3`),
    check('grids_counts_nonneg', sql`${t.households} >= 0 and ${t.registeredPopulation} >= 0 and ${t.nonHukouPopulation} >= 0`)
  ]
)

/** Small facts about the store itself (demo seed, data provenance). */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull()
})

/** A set of changes made by one action (an edit, a delete with its children, an import, an undo). */
export const changeBatches = sqliteTable(
  'change_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['edit', 'create', 'delete', 'move', 'geometry', 'split', 'import', 'undo', 'place', 'people-import', 'people-edit'] }).notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
    description: text('description').notNull(),
    /** Set when the batch has been undone, to the undoing batch. */
    undoneBy: integer('undone_by'),
    /** For an undo batch: the batch it undid. */
    undoes: integer('undoes')
  },
  (t) => [index('change_batches_at').on(t.at)]
)

/** Every change to a grid or unit: who, when, before and after (full row snapshots as JSON). */
export const changes = sqliteTable(
  'changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => changeBatches.id),
    entity: text('entity', { enum: ['grid', 'unit', 'person', 'household', 'reportingMember', 'reserveContact', 'residentTeam', 'teamMember', 'volunteerPost', 'postClaim', 'serviceRecord', 'visit', 'issue'] }).notNull(),
    /** No foreign key: the history of a deleted grid outlives it. */
    entityId: integer('entity_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    before: text('before'),
    after: text('after'),
    /** What changed, in words (名称：甲 → 乙). */
    summary: text('summary').notNull()
  },
  (t) => [index('changes_entity').on(t.entity, t.entityId), index('changes_batch').on(t.batchId)]
)

// ── People (issue 4) ────────────────────────────────────────────────────────────────────────────

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
    description: text('description'),
    version: integer('version').notNull().default(1)
  },
  (t) => [index('volunteer_posts_village').on(t.villageUnitId)]
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
    answer: text('answer', { enum: ['未回复', '愿意参加', '不能参加'] }).notNull().default('未回复'),
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

// ── Issues through the four-level linkage (issue 5) ─────────────────────────────────────────────

/** The standard list of issue categories; the town edits it. */
export const issueCategories = sqliteTable('issue_categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true)
})

/** Category × urgency → default handling level, whether skipping is allowed, stage time limits. */
export const routingRules = sqliteTable(
  'routing_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    category: text('category').notNull(),
    urgency: text('urgency', { enum: ['一般', '较急', '紧急'] }).notNull(),
    /** 1 村居, 2 管理处, 3 镇, 4 区. */
    defaultLevel: integer('default_level').notNull(),
    skipAllowed: integer('skip_allowed', { mode: 'boolean' }).notNull().default(false),
    acceptHours: real('accept_hours').notNull(),
    handleHours: real('handle_hours').notNull(),
    verifyHours: real('verify_hours').notNull(),
    warnPercent: integer('warn_percent').notNull().default(75)
  },
  (t) => [uniqueIndex('routing_rules_key').on(t.category, t.urgency), check('routing_rules_level', sql`${t.defaultLevel} between 1 and 4`)]
)

export const issues = sqliteTable(
  'issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** SS-2026-000123: town, year, sequence. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category').notNull(),
    urgency: text('urgency', { enum: ['一般', '较急', '紧急'] }).notNull(),
    source: text('source', { enum: ['网格巡查', '驻点团队', '党员户联系', '报到党员', '12345热线', '信访', '来访'] }).notNull(),
    /** Null for an anonymous report. */
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    lon: real('lon'),
    lat: real('lat'),
    address: text('address'),
    villageUnitId: integer('village_unit_id')
      .notNull()
      .references(() => units.id),
    tier1GridId: integer('tier1_grid_id').references(() => grids.id),
    tier2GridId: integer('tier2_grid_id').references(() => grids.id),
    tier3GridId: integer('tier3_grid_id').references(() => grids.id),
    status: text('status', { enum: ['reported', 'accepted', 'resolved', 'closed', 'suspended', 'merged'] }).notNull(),
    holderUnitId: integer('holder_unit_id')
      .notNull()
      .references(() => units.id),
    senderUnitId: integer('sender_unit_id').references(() => units.id),
    dispatcherUnitId: integer('dispatcher_unit_id').references(() => units.id),
    stage: text('stage', { enum: ['accept', 'handle', 'verify'] }),
    dueAt: text('due_at'),
    warnAt: text('warn_at'),
    suspendedAt: text('suspended_at'),
    suspendedFrom: text('suspended_from'),
    supervised: integer('supervised').notNull().default(0),
    escalations: integer('escalations').notNull().default(0),
    /** JSON {days, reason} while an extension waits for a decision. */
    extensionRequest: text('extension_request'),
    /** JSON array of co-handling unit ids. */
    coHandlers: text('co_handlers').notNull().default('[]'),
    mergedInto: integer('merged_into'),
    createdAt: text('created_at').notNull(),
    createdByUnitId: integer('created_by_unit_id').references(() => units.id),
    closedAt: text('closed_at'),
    /** Level of the unit that resolved it (1 村居 … 4 区), set on closing. */
    closedLevel: integer('closed_level'),
    /**
     * The highest level that ever held it (1 村居 … 4 区): 小事不出村 is a resolved issue whose peak is
     * 1, 大事不出镇 one whose peak is below the district, wherever it was closed.
     */
    peakLevel: integer('peak_level').notNull().default(1),
    /** Closed before its deadline ran out. */
    closedOnTime: integer('closed_on_time', { mode: 'boolean' }),
    version: integer('version').notNull().default(1)
  },
  (t) => [
    uniqueIndex('issues_code').on(t.code),
    index('issues_created').on(t.createdAt),
    index('issues_status').on(t.status, t.createdAt),
    index('issues_holder').on(t.holderUnitId, t.status),
    index('issues_category').on(t.category, t.createdAt),
    index('issues_village').on(t.villageUnitId, t.createdAt),
    index('issues_due').on(t.dueAt),
    index('issues_closed').on(t.closedAt),
    index('issues_tier3').on(t.tier3GridId)
  ]
)

/** The hand-off log (流转记录): append-only — triggers in the migration refuse UPDATE and DELETE. */
export const issueEvents = sqliteTable(
  'issue_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    at: text('at').notNull(),
    action: text('action').notNull(),
    fromUnitId: integer('from_unit_id').references(() => units.id),
    toUnitId: integer('to_unit_id').references(() => units.id),
    actor: text('actor').notNull(),
    note: text('note'),
    dueAt: text('due_at'),
    statusBefore: text('status_before'),
    statusAfter: text('status_after').notNull()
  },
  (t) => [index('issue_events_issue').on(t.issueId, t.id), index('issue_events_action').on(t.action, t.at)]
)

/** Photos of an issue, stored with their content hash (the same photo twice is kept once). */
export const issuePhotos = sqliteTable(
  'issue_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    fileName: text('file_name').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull()
  },
  (t) => [uniqueIndex('issue_photos_hash').on(t.issueId, t.sha256)]
)

/** Accountability records (约谈问责) written against a unit, often for overdue issues. */
export const accountabilityRecords = sqliteTable(
  'accountability_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    issueId: integer('issue_id').references(() => issues.id),
    kind: text('kind', { enum: ['约谈', '问责', '通报'] }).notNull(),
    note: text('note').notNull(),
    at: text('at').notNull(),
    by: text('by').notNull()
  },
  (t) => [index('accountability_unit').on(t.unitId, t.at)]
)

/**
 * Issued briefings (简报): a frozen snapshot of everything printed — numbers, tables, chart and map
 * drawings, the officer's text — so a reprint is the same document whatever changed since.
 * Triggers in the migration refuse UPDATE and DELETE.
 */
export const briefings = sqliteTable(
  'briefings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['周报', '月报', '季报', '年报', '专报'] }).notNull(),
    /** 第N期: numbered per year of issue. */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    scopeUnitId: integer('scope_unit_id').references(() => units.id),
    scopeName: text('scope_name').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    /** The whole document as JSON (electron/shared/briefing.ts). */
    snapshot: text('snapshot').notNull()
  },
  (t) => [uniqueIndex('briefings_number').on(t.year, t.number), index('briefings_issued').on(t.issuedAt)]
)

// ── Accounts and the audit trail (issue 8) ──────────────────────────────────────────────────────

/** Who may sign in. Passwords are scrypt hashes (domain/passwordPolicy.ts); never stored in clear. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** Null until the security administrator grants one: the account can then do nothing but sign in. */
    role: text('role', { enum: roles }),
    /** The office or village a clerk is bound to (the district for the district's desk). */
    unitId: integer('unit_id').references(() => units.id),
    passwordHash: text('password_hash').notNull(),
    /** Null = must change at next sign-in (a new or reset account). */
    passwordChangedAt: text('password_changed_at'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    lastLoginAt: text('last_login_at'),
    createdAt: text('created_at').notNull()
  },
  (t) => [uniqueIndex('accounts_username').on(t.username)]
)

/**
 * The audit trail: every change, unmask, export, print, sign-in and denial. Append-only (triggers in
 * the migration refuse UPDATE and DELETE) and hash-chained: each row's hash covers the previous
 * row's hash, so a changed or removed row breaks the chain at that point (domain/auditChain.ts).
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    accountId: integer('account_id'),
    username: text('username').notNull(),
    role: text('role'),
    /** The API method or event (auth.login, persons.unmask, print …). */
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    /** Which record (person:12, issue:301 …). */
    target: text('target'),
    /** The request (personal data masked), the reason, the change batches. JSON. */
    detail: text('detail'),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull()
  },
  (t) => [index('audit_events_at').on(t.at), index('audit_events_user').on(t.username, t.at), index('audit_events_action').on(t.action, t.at)]
)
