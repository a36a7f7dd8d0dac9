// Shapes of the people side of the contract (issue 4): registries, rules, placement, import.
// Declared here to keep contract.ts readable; every method using them is declared in contract.ts.
import { z } from 'zod'

const Id = z.number().int().positive()

/** 户籍类型, as the registries, the import templates and the forms name them. */
export const hukouKinds = ['本镇户籍', '佛山市户籍', '非佛山户籍'] as const
export const Hukou = z.enum(hukouKinds, { error: `户籍类型应为 ${hukouKinds.join('、')} 之一` })

export const registryNames = ['persons', 'households', 'teams', 'reporting', 'reserve'] as const
export type RegistryName = (typeof registryNames)[number]
export const RegistryName = z.enum(registryNames)
/** Registries of people, whose quick search finds a person by name or number (shared/personQuery.ts). */
export const personRegistries: readonly RegistryName[] = ['persons', 'reporting', 'reserve']

/** One page of a registry: filtered, sorted and paged in SQL. */
export const ListQuery = z
  .object({
    /** Quick search: name (prefix), the last digits of an ID number or phone (≥ 4). */
    q: z.string().trim().max(50).optional(),
    villageUnitId: Id.optional(),
    /** Registry-specific filters; an unknown key is refused with its name. */
    filters: z.record(z.string(), z.union([z.string().max(60), z.number(), z.boolean()])).optional(),
    sort: z.object({ field: z.string().max(40), dir: z.enum(['asc', 'desc']) }).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100)
  })
  .strict()
export type ListQuery = z.input<typeof ListQuery>

const page = <T extends z.ZodTypeAny>(row: T) => z.object({ total: z.number().int(), rows: z.array(row) })
const S = z.string().nullable()

export const PersonRow = z.object({
  id: Id,
  name: z.string(),
  gender: S,
  idNumber: S,
  phone: S,
  hukou: z.string(),
  isPartyMember: z.boolean(),
  partyBranch: S,
  homeAddress: S,
  village: S,
  workUnit: S,
  specialties: S,
  roles: z.string()
})
export type PersonRow = z.infer<typeof PersonRow>
export const HouseholdRow = z.object({
  id: Id,
  code: z.string(),
  kind: z.string(),
  name: z.string(),
  address: z.string(),
  members: z.number().int(),
  village: z.string(),
  grid: S,
  contact: S,
  contactPersonId: Id.nullable(),
  lastVisitAt: S,
  visits: z.number().int(),
  villageUnitId: Id,
  version: z.number().int()
})
export type HouseholdRow = z.infer<typeof HouseholdRow>
export const TeamRow = z.object({
  id: Id,
  name: z.string(),
  village: z.string(),
  villageUnitId: Id,
  leader: S,
  memberCount: z.number().int(),
  nonFoshanCount: z.number().int(),
  members: z.string()
})
export type TeamRow = z.infer<typeof TeamRow>
export const ReportingRow = z.object({
  id: Id,
  personId: Id,
  name: z.string(),
  gender: S,
  phone: S,
  workUnit: S,
  village: z.string(),
  villageUnitId: Id,
  reportedAt: z.string(),
  posts: S,
  servicesClaimed: S,
  specialties: S,
  volunteerWishes: S,
  projectWishes: S,
  groupGridId: Id.nullable(),
  group: S,
  leader: S,
  placement: S,
  serviceHours: z.number(),
  version: z.number().int()
})
export type ReportingRow = z.infer<typeof ReportingRow>
export const ReserveRow = z.object({
  id: Id,
  personId: Id,
  name: z.string(),
  phone: S,
  unit: z.string(),
  specialty: S,
  village: z.string(),
  notices: z.number().int(),
  participated: z.number().int()
})
export type ReserveRow = z.infer<typeof ReserveRow>
export const registryPages = {
  persons: page(PersonRow),
  households: page(HouseholdRow),
  teams: page(TeamRow),
  reporting: page(ReportingRow),
  reserve: page(ReserveRow)
}

export const PersonDetail = PersonRow.extend({
  masked: z.boolean(),
  homeLonLat: z.tuple([z.number(), z.number()]).nullable(),
  homeGrid: S,
  partyRegistration: S,
  contactHouseholds: z.number().int(),
  team: S,
  reporting: z.object({ id: Id, village: z.string(), reportedAt: z.string(), group: S, leader: S, posts: S, serviceHours: z.number() }).nullable(),
  reserve: z.object({ id: Id, unit: z.string(), specialty: S, village: z.string() }).nullable(),
  version: z.number().int()
})

export const PeopleProblem = z.object({
  kind: z.enum(['TEAM_FEW_NON_FOSHAN', 'HOUSEHOLD_NO_CONTACT', 'MEMBER_TOO_MANY_HOUSEHOLDS', 'REPORTING_UNPLACED', 'GROUP_OVER_CAPACITY', 'DUPLICATE_ID']),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  village: S,
  villageUnitId: Id.nullable(),
  count: z.number().int(),
  refs: z.array(z.object({ type: z.enum(['person', 'household', 'team', 'reporting', 'grid']), id: Id, name: z.string() }))
})

export const PlacementSuggestion = z.object({
  memberId: Id,
  name: z.string(),
  workUnit: S,
  reportedAt: z.string(),
  groupGridId: Id.nullable(),
  group: S,
  leader: S,
  reason: z.string(),
  distanceM: z.number().nullable(),
  capacityLeft: z.number().int().nullable(),
  version: z.number().int()
})

export const PartyGroupView = z.object({
  gridId: Id,
  code: z.string(),
  name: z.string(),
  tier2: S,
  leader: S,
  communityMembers: z.number().int(),
  reporting: z.array(z.object({ id: Id, name: z.string(), workUnit: S, placement: S, distanceM: z.number().nullable(), version: z.number().int() })),
  total: z.number().int(),
  capacity: z.number().int(),
  over: z.boolean()
})

export const peopleImportKinds = ['persons', 'households', 'reporting', 'reserve'] as const
export const PeopleImportKind = z.enum(peopleImportKinds)

export const PeopleImportReport = z.object({
  kind: PeopleImportKind,
  fileError: S,
  /** Rows read (empty rows are skipped and not counted). */
  rowCount: z.number().int(),
  accepted: z.number().int(),
  warnings: z.array(z.string()),
  rejected: z.array(z.object({ row: z.number().int(), name: S, reasons: z.array(z.string()) })),
  committed: z.boolean(),
  batchId: Id.nullable()
})

/** Specialties of reporting members and reserve contacts (filters, map, demo). */
export const specialties = [
  '医疗卫生',
  '法律咨询',
  '教育培训',
  '规划建设',
  '财务会计',
  '心理咨询',
  '文体活动',
  '信息技术',
  '消防安全',
  '环境保护',
  '农业技术',
  '社会工作'
]
