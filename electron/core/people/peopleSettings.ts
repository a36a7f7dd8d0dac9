// The people rules' settings (party-group capacity, households per contact member), kept in app_meta.
import type { Db } from '../db/open'
import { readSetting, type SettingKey } from '../grids/partyGroups'
import { sqlOn } from '../db/sql'

export function createPeopleSettingService(db: Db) {
  const sql = sqlOn(db)
  const get = () => ({
    partyGroupCapacity: readSetting(sql, 'partyGroupCapacity'),
    householdsPerMemberLimit: readSetting(sql, 'householdsPerMemberLimit')
  })
  function set(patch: Partial<Record<SettingKey, number>>) {
    const write = sql.statement('insert into app_meta (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
    sql.transaction(() => {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) write.run(key, String(value))
    })
    return get()
  }
  return { get, set }
}
