// The people rules' settings (party-group capacity, households per contact member), kept in app_meta.
import type { Db } from '../db/open'
import { readSetting, type SettingKey } from '../grids/partyGroups'

export function createPeopleSettingService(db: Db) {
  const sqlite = db.$client
  const get = () => ({
    partyGroupCapacity: readSetting(sqlite, 'partyGroupCapacity'),
    householdsPerMemberLimit: readSetting(sqlite, 'householdsPerMemberLimit')
  })
  function set(patch: Partial<Record<SettingKey, number>>) {
    const write = sqlite.prepare('insert into app_meta (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
    sqlite.transaction(() => {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) write.run(key, String(value))
    })()
    return get()
  }
  return { get, set }
}
