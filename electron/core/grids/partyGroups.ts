// Party groups (党小组) are the tier-3 grids: their members are the community party members living
// in the grid plus the reporting members placed there. Shared by placement, rules and the health check.
import type Database from 'better-sqlite3'

export const settingDefaults = { partyGroupCapacity: 30, householdsPerMemberLimit: 50 } as const
export type SettingKey = keyof typeof settingDefaults

export function readSetting(sqlite: Database.Database, key: SettingKey): number {
  const row = sqlite.prepare('select value from app_meta where key = ?').get(key) as { value: string } | undefined
  const n = row ? Number(row.value) : NaN
  return Number.isInteger(n) && n > 0 ? n : settingDefaults[key]
}

export type GroupCount = { gridId: number; name: string; villageUnitId: number; community: number; reporting: number; total: number }

/** Member counts of tier-3 grids (all, one village's, or the given ones). */
export function groupCounts(sqlite: Database.Database, scope: { villageUnitId?: number; gridIds?: number[] } = {}): GroupCount[] {
  const where = scope.villageUnitId ? 'and g.village_unit_id = ?' : scope.gridIds ? `and g.id in (${scope.gridIds.map(() => '?').join(',') || 'null'})` : ''
  const params = scope.villageUnitId ? [scope.villageUnitId] : (scope.gridIds ?? [])
  const rows = sqlite
    .prepare(
      `select g.id as gridId, g.name, g.village_unit_id as villageUnitId,
        (select count(*) from persons p where p.home_grid_id = g.id and p.party_registration = '村居') as community,
        (select count(*) from reporting_members r where r.group_grid_id = g.id) as reporting
       from grids g where g.tier = 3 ${where} order by g.sort_order, g.id`
    )
    .all(...params) as Omit<GroupCount, 'total'>[]
  return rows.map((r) => ({ ...r, total: r.community + r.reporting }))
}
