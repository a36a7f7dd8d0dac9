// The five people registries as paged SQL lists. Personal data leaves here masked; the full values
// come only from `persons.unmask`, one record at a time, logged.
import type { z } from 'zod'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import { maskAddress, maskIdNumber, maskPhone } from '../kernel/personalData'
import { boolFilter, ownEntry, personSearch, prefix, runList, type ListInput, type ListSpec } from '../db/sqlList'
import { AppError } from '../errors'
import { registryPages, type RegistryName } from '../../shared/people'

const eqFilter = (label: string, column: string) => ({ label, clause: (v: string | number | boolean) => ({ sql: `${column} = ?`, params: [v] }) })

/** Roles of a person, in words (社区党员、报到党员 …), computed per row of the page. */
const rolesExpr = `trim(
  (case when p.party_registration = '村居' then '社区党员 ' else '' end) ||
  (case when exists (select 1 from reporting_members r where r.person_id = p.id) then '报到党员 ' else '' end) ||
  (case when exists (select 1 from reserve_contacts r where r.person_id = p.id) then '储能联系 ' else '' end) ||
  (case when exists (select 1 from team_members t where t.person_id = p.id) then '驻点团队 ' else '' end) ||
  (case when exists (select 1 from households h where h.contact_person_id = p.id) then '户联系 ' else '' end))`

const roleIn: Record<string, string> = {
  社区党员: `p.party_registration = '村居'`,
  报到党员: 'p.id in (select person_id from reporting_members)',
  储能联系: 'p.id in (select person_id from reserve_contacts)',
  驻点团队: 'p.id in (select person_id from team_members)',
  户联系: 'p.id in (select contact_person_id from households where contact_person_id is not null)'
}

export const registrySpecs: Record<RegistryName, ListSpec> = {
  persons: {
    key: 'p.id',
    countFrom: 'persons p',
    from: 'persons p left join units v on v.id = p.village_unit_id',
    select: `p.id, p.name, p.gender, p.id_number as idNumber, p.phone, p.hukou, p.is_party_member as isPartyMember, p.party_branch as partyBranch,
      p.home_address as homeAddress, v.name as village, p.work_unit as workUnit, p.specialties, ${rolesExpr} as roles`,
    sortable: { name: 'p.name', gender: 'p.gender', hukou: 'p.hukou', village: 'v.sort_order', workUnit: 'p.work_unit', partyBranch: 'p.party_branch' },
    defaultOrder: 'p.id',
    villageColumn: 'p.village_unit_id',
    filters: {
      hukou: eqFilter('户籍', 'p.hukou'),
      party: { label: '党员', clause: (v) => ({ sql: 'p.is_party_member = ?', params: [boolFilter(v) ? 1 : 0] }) },
      role: {
        label: '身份',
        clause: (v) => {
          const sql = ownEntry(roleIn, String(v))
          if (!sql) throw new AppError('BAD_INPUT', `身份应为 ${Object.keys(roleIn).join('、')} 之一`, { field: 'filters.role' })
          return { sql, params: [] }
        }
      },
      gender: eqFilter('性别', 'p.gender')
    },
    search: personSearch('p')
  },
  households: {
    key: 'h.id',
    countFrom: 'households h',
    from: 'households h join units v on v.id = h.village_unit_id left join grids g on g.id = h.grid_id left join persons c on c.id = h.contact_person_id',
    select: `h.id, h.code, h.kind, h.name, h.address, h.members, v.name as village, g.name as grid, c.name as contact, h.contact_person_id as contactPersonId,
      h.last_visit_at as lastVisitAt, (select count(*) from visits x where x.household_id = h.id) as visits, h.village_unit_id as villageUnitId, h.version`,
    sortable: { code: 'h.code', kind: 'h.kind', name: 'h.name', members: 'h.members', village: 'v.sort_order', lastVisitAt: 'h.last_visit_at' },
    defaultOrder: 'h.id',
    villageColumn: 'h.village_unit_id',
    filters: {
      kind: eqFilter('类型', 'h.kind'),
      gridId: eqFilter('网格', 'h.grid_id'),
      contactPersonId: eqFilter('联系党员', 'h.contact_person_id'),
      noContact: {
        label: '无联系党员',
        clause: (v) => ({ sql: boolFilter(v) ? 'h.contact_person_id is null' : 'h.contact_person_id is not null', params: [] })
      }
    },
    search: (q) => (/^\d{6,}/.test(q) ? prefix('h.code')(q) : prefix('h.name')(q))
  },
  teams: {
    key: 't.id',
    countFrom: 'resident_teams t',
    from: 'resident_teams t join units v on v.id = t.village_unit_id',
    select: `t.id, t.name, v.name as village, t.village_unit_id as villageUnitId,
      (select p.name from team_members m join persons p on p.id = m.person_id where m.team_id = t.id and m.role = '队长' limit 1) as leader,
      (select count(*) from team_members m where m.team_id = t.id) as memberCount,
      (select count(*) from team_members m join persons p on p.id = m.person_id where m.team_id = t.id and p.hukou = '非佛山户籍') as nonFoshanCount,
      (select group_concat(p.name || '（' || m.role || '，' || p.hukou || '）', '、') from team_members m join persons p on p.id = m.person_id where m.team_id = t.id) as members`,
    sortable: { name: 't.name', village: 'v.sort_order', memberCount: 'memberCount', nonFoshanCount: 'nonFoshanCount' },
    defaultOrder: 'v.sort_order, t.id',
    villageColumn: 't.village_unit_id',
    filters: {
      belowRule: {
        label: '非佛山户籍不足 2 人',
        clause: (v) => ({
          sql: `(select count(*) from team_members m join persons p on p.id = m.person_id where m.team_id = t.id and p.hukou = '非佛山户籍') ${boolFilter(v) ? '<' : '>='} 2`,
          params: []
        })
      }
    },
    search: prefix('t.name')
  },
  reporting: {
    key: 'r.id',
    countFrom: 'reporting_members r join persons p on p.id = r.person_id',
    from: 'reporting_members r join persons p on p.id = r.person_id join units v on v.id = r.village_unit_id left join grids g on g.id = r.group_grid_id',
    select: `r.id, p.id as personId, p.name, p.gender, p.phone, p.work_unit as workUnit, v.name as village, r.village_unit_id as villageUnitId, r.reported_at as reportedAt,
      (select group_concat(vp.name, '、') from post_claims c join volunteer_posts vp on vp.id = c.post_id where c.reporting_member_id = r.id) as posts,
      r.services_claimed as servicesClaimed, p.specialties, r.volunteer_wishes as volunteerWishes, r.project_wishes as projectWishes,
      r.group_grid_id as groupGridId, g.name as "group", g.inspector as leader, r.placement,
      (select coalesce(sum(s.hours), 0) from service_records s where s.reporting_member_id = r.id) as serviceHours, r.version`,
    sortable: { name: 'p.name', workUnit: 'p.work_unit', village: 'v.sort_order', reportedAt: 'r.reported_at', group: 'g.name' },
    defaultOrder: 'r.id',
    villageColumn: 'r.village_unit_id',
    filters: {
      placed: { label: '编组情况', clause: (v) => ({ sql: boolFilter(v) ? 'r.group_grid_id is not null' : 'r.group_grid_id is null', params: [] }) },
      workUnit: eqFilter('工作单位', 'p.work_unit'),
      groupGridId: eqFilter('党小组', 'r.group_grid_id')
    },
    search: personSearch('p')
  },
  reserve: {
    key: 's.id',
    countFrom: 'reserve_contacts s join persons p on p.id = s.person_id',
    from: 'reserve_contacts s join persons p on p.id = s.person_id join units v on v.id = s.village_unit_id',
    select: `s.id, p.id as personId, p.name, p.phone, s.unit, s.specialty, v.name as village,
      (select count(*) from reserve_notice_recipients n where n.reserve_contact_id = s.id) as notices,
      (select count(*) from reserve_notice_recipients n where n.reserve_contact_id = s.id and n.participated) as participated`,
    sortable: { name: 'p.name', unit: 's.unit', specialty: 's.specialty', village: 'v.sort_order' },
    defaultOrder: 's.id',
    villageColumn: 's.village_unit_id',
    filters: { specialty: eqFilter('专长', 's.specialty'), unit: eqFilter('单位', 's.unit') },
    search: personSearch('p')
  }
}

/** ID numbers, phones and home addresses masked (4401**********123X, 138****1234, 汀圃社区杨坳****) wherever a row carries them. */
export const maskRow = <T extends Record<string, unknown>>(row: T): T => ({
  ...row,
  ...('idNumber' in row ? { idNumber: row.idNumber ? maskIdNumber(String(row.idNumber)) : null } : {}),
  ...('phone' in row ? { phone: row.phone ? maskPhone(String(row.phone)) : null } : {}),
  ...('homeAddress' in row ? { homeAddress: row.homeAddress ? maskAddress(String(row.homeAddress)) : null } : {}),
  // A household's address is where its people live.
  ...('address' in row && 'members' in row ? { address: row.address ? maskAddress(String(row.address)) : null } : {})
})

/** A registry's page as its list method answers (the contract's registryPages). */
export type RegistryPage<R extends RegistryName> = z.infer<(typeof registryPages)[R]>

export function createRegistryService(db: Db) {
  function list<R extends RegistryName>(registry: R, input: ListInput): RegistryPage<R> {
    // The spec's select names the contract's columns (the contract tests validate every answer); a
    // flag reads from SQLite as 0/1.
    const page = runList<RegistryPage<R>['rows'][number] & { isPartyMember?: number | boolean }>(sqlOn(db), registrySpecs[registry], input)
    return {
      total: page.total,
      rows: page.rows.map((r) => maskRow({ ...r, ...('isPartyMember' in r ? { isPartyMember: r.isPartyMember === 1 } : {}) }))
    } as RegistryPage<R>
  }
  return { list }
}
