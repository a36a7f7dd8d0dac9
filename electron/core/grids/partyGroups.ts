// Party groups (党小组) are the tier-3 grids: their members are the community party members living
// in the grid plus the reporting members placed there. Shared by placement, rules and the health check.
import { idList, type Sql } from '../db/sql'

export const settingDefaults = { partyGroupCapacity: 30, householdsPerMemberLimit: 50 } as const
export type SettingKey = keyof typeof settingDefaults

export function readSetting(sql: Sql, key: SettingKey): number {
  const row = sql.row<{ value: string }>('select value from app_meta where key = ?', key)
  const n = row ? Number(row.value) : NaN
  return Number.isInteger(n) && n > 0 ? n : settingDefaults[key]
}

export type GroupCount = { gridId: number; name: string; villageUnitId: number; community: number; reporting: number; total: number }

/** Member counts of tier-3 grids (all, one village's, or the given ones). */
export function groupCounts(sql: Sql, scope: { villageUnitId?: number; gridIds?: number[] } = {}): GroupCount[] {
  const where = scope.villageUnitId ? 'and g.village_unit_id = ?' : scope.gridIds ? 'and g.id in (select value from json_each(?))' : ''
  const params = scope.villageUnitId ? [scope.villageUnitId] : scope.gridIds ? [idList(scope.gridIds)] : []
  const rows = sql.rows<Omit<GroupCount, 'total'>>(
    `select g.id as gridId, g.name, g.village_unit_id as villageUnitId,
        (select count(*) from persons p where p.home_grid_id = g.id and p.party_registration = '村居') as community,
        (select count(*) from reporting_members r where r.group_grid_id = g.id) as reporting
       from grids g where g.tier = 3 ${where} order by g.sort_order, g.id`,
    ...params
  )
  return rows.map((r) => ({ ...r, total: r.community + r.reporting }))
}
