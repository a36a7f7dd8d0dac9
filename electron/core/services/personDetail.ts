// One person with every role they hold; masked, or unmasked for one record with a logged reason.
import type { Db } from '../db/open'
import type { Clock } from '../clock'
import { AppError, notFound } from '../errors'
import { registrySpecs, maskRow } from './registries'
import { unmaskLog } from '../db/schema'

type Row = Record<string, unknown> & { id: number; idNumber: string | null; phone: string | null }

export function createPersonService(db: Db, clock: Clock) {
  const sqlite = db.$client
  function load(id: number) {
    const spec = registrySpecs.persons
    const row = sqlite
      .prepare(
        `select ${spec.select}, p.home_lon as lon, p.home_lat as lat, p.party_registration as partyRegistration, p.version, g.name as homeGrid,
          (select count(*) from households h where h.contact_person_id = p.id) as contactHouseholds,
          (select t.name || '（' || m.role || '）' from team_members m join resident_teams t on t.id = m.team_id where m.person_id = p.id limit 1) as team
         from ${spec.from} left join grids g on g.id = p.home_grid_id where p.id = ?`
      )
      .get(id) as (Row & { lon: number | null; lat: number | null }) | undefined
    if (!row) throw notFound('人员', id)
    const reporting = sqlite
      .prepare(
        `select r.id, v.name as village, r.reported_at as reportedAt, g.name as "group", g.inspector as leader,
          (select group_concat(vp.name, '、') from post_claims c join volunteer_posts vp on vp.id = c.post_id where c.reporting_member_id = r.id) as posts,
          (select coalesce(sum(hours), 0) from service_records s where s.reporting_member_id = r.id) as serviceHours
         from reporting_members r join units v on v.id = r.village_unit_id left join grids g on g.id = r.group_grid_id where r.person_id = ?`
      )
      .get(id) as Record<string, unknown> | undefined
    const reserve = sqlite
      .prepare('select s.id, s.unit, s.specialty, v.name as village from reserve_contacts s join units v on v.id = s.village_unit_id where s.person_id = ?')
      .get(id) as Record<string, unknown> | undefined
    const { lon, lat, ...rest } = row
    return {
      ...rest,
      isPartyMember: row.isPartyMember === 1,
      homeLonLat: lon !== null && lat !== null ? ([lon, lat] as [number, number]) : null,
      reporting: reporting ?? null,
      reserve: reserve ?? null
    } as unknown as Row & { masked: boolean }
  }

  const get = (id: number) => ({ ...maskRow(load(id)), masked: true })

  /** The full ID number and phone of one person; the reason and the reader are logged first. */
  function unmask(id: number, reason: string, actor: string) {
    if (reason.trim().length < 2) throw new AppError('BAD_INPUT', '请填写查看完整信息的事由（至少 2 个字）')
    const person = load(id)
    db.insert(unmaskLog).values({ at: clock.now().toISOString(), actor, personId: id, reason: reason.trim() }).run()
    return { ...person, masked: false }
  }

  return { get, unmask }
}
