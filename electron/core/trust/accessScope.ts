// Where a clerk's reach ends: the units and villages under their own unit, and which village a
// record belongs to (so a village clerk cannot reach another village's people by any method).
import type { Role } from '../../shared/accounts'
import type { Db } from '../db/open'
import type { RecordKind } from '../api/access'
import { sqlOn } from '../db/sql'

export type Scope = { unitIds: number[]; villageIds: number[] }

/** The village column of each record kind, through the joins it needs; `unit` for a briefing's scope. */
const recordVillage: Record<RecordKind, string> = {
  person: 'select village_unit_id from persons where id = ?',
  household: 'select village_unit_id from households where id = ?',
  team: 'select village_unit_id from resident_teams where id = ?',
  teamMember: 'select t.village_unit_id from team_members m join resident_teams t on t.id = m.team_id where m.id = ?',
  reportingMember: 'select village_unit_id from reporting_members where id = ?',
  post: 'select village_unit_id from volunteer_posts where id = ?',
  reserveNotice: 'select village_unit_id from reserve_notices where id = ?',
  reserveRecipient: 'select n.village_unit_id from reserve_notice_recipients r join reserve_notices n on n.id = r.notice_id where r.id = ?',
  issue: 'select village_unit_id from issues where id = ?',
  issuePhoto: 'select i.village_unit_id from issue_photos p join issues i on i.id = p.issue_id where p.id = ?',
  issueEvent: 'select i.village_unit_id from issue_events e join issues i on i.id = e.issue_id where e.id = ?',
  briefing: 'select scope_unit_id from briefings where id = ?',
  rentalBuilding: 'select village_unit_id from rental_buildings where id = ?',
  fireHazard: 'select village_unit_id from fire_hazards where id = ?',
  grid: 'select village_unit_id from grids where id = ?',
  areaHead: 'select village_unit_id from area_heads where id = ?',
  postMemberClaim: 'select p.village_unit_id from post_member_claims c join volunteer_posts p on p.id = c.post_id where c.id = ?'
}

export function createAccessScope(db: Db) {
  const sql = sqlOn(db)

  /** Null for roles that see the whole town; an empty scope for a clerk without a unit. */
  function scopeOf(role: Role | null, unitId: number | null): Scope | null {
    if (role !== 'officeClerk' && role !== 'villageClerk') return null
    if (!unitId) return { unitIds: [], villageIds: [] }
    if (role === 'villageClerk') return { unitIds: [unitId], villageIds: [unitId] }
    const villages = sql.values<number>("select id from units where parent_id = ? and kind = 'village'", unitId)
    return { unitIds: [unitId, ...villages], villageIds: villages }
  }

  /**
   * The village (or, for a briefing, the scope unit) a record belongs to: a number, null when the
   * record is town-wide, undefined when there is no such record.
   */
  function unitOfRecord(kind: RecordKind, id: number): number | null | undefined {
    return sql.value<number | null>(recordVillage[kind], id)
  }

  /** The villages a unit stands for: itself, an office's villages; null for the town, the district or a department (town-wide). */
  function villagesOf(unitId: number): number[] | null {
    const kind = unitKind(unitId)
    if (kind === 'village') return [unitId]
    if (kind === 'office') return sql.values<number>("select id from units where parent_id = ? and kind = 'village'", unitId)
    return null
  }

  /** A unit's kind (district, town, department, office, village); undefined when there is none. */
  const unitKind = (id: number) => sql.value<string>('select kind from units where id = ?', id)

  return { scopeOf, unitOfRecord, unitKind, villagesOf }
}
export type AccessScope = ReturnType<typeof createAccessScope>
