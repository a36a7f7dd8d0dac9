// Writing the demo town into a store: all of it in one transaction, or nothing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../db/open'
import { appMeta, grids, units } from '../db/schema'
import { sqlOn } from '../db/sql'
import type { Clock } from '../clock'
import { generateDemoTown, parseVillageCsv, type DemoTown } from './town'
import { measuredColumns } from '../db/gridColumns'

export function loadVillageList(resourcesFolder: string) {
  return parseVillageCsv(readFileSync(join(resourcesFolder, 'data', 'shishan_villages.csv'), 'utf8'))
}

export function writeDemoTown(db: Db, town: DemoTown, clock: Clock): void {
  const sql = sqlOn(db)
  sql.transaction(() => {
    const unitIds = new Map<string, number>()
    for (const u of town.units) {
      const row = sql.insert(units, {
        code: u.code,
        name: u.name,
        kind: u.kind,
        villageType: u.villageType,
        officialName: u.officialName,
        parentId: u.parentKey ? unitIds.get(u.parentKey)! : null,
        illustrative: u.illustrative,
        geometry: u.geometry,
        sortOrder: u.sortOrder
      })
      unitIds.set(u.key, row.id)
    }
    const gridIds = new Map<string, number>()
    for (const g of town.grids) {
      const row = sql.insert(grids, {
        tier: g.tier,
        code: g.code,
        name: g.name,
        label: g.label,
        kind: g.kind,
        parentId: g.parentKey ? gridIds.get(g.parentKey)! : null,
        villageUnitId: unitIds.get(g.villageKey)!,
        ...measuredColumns(g.geometry, g),
        partyOrganisation: g.partyOrganisation,
        inspector: g.inspector,
        households: g.households,
        registeredPopulation: g.registeredPopulation,
        nonHukouPopulation: g.nonHukouPopulation,
        illustrative: g.illustrative,
        sortOrder: g.sortOrder
      })
      gridIds.set(g.key, row.id)
    }
    const meta = { ...town.meta, demoCreatedAt: clock.now().toISOString() }
    for (const [key, value] of Object.entries(meta)) sql.insert(appMeta, { key, value })
  })
}

/** A store with no units yet is new: give it the demo town. Existing data is never touched. */
export function ensureDemoTown(db: Db, opts: { resourcesFolder: string; clock: Clock; seed?: number }): boolean {
  if (sqlOn(db).value<number>('select count(*) from units')! > 0) return false
  writeDemoTown(db, generateDemoTown(loadVillageList(opts.resourcesFolder), opts.seed), opts.clock)
  return true
}
