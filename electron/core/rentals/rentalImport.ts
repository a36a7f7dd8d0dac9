// rentals.import: the landlords' register of rental buildings and the inspectors' register of visits,
// read from Excel or CSV, every row checked (village, place, landlord in the people registry, building
// in the rental registry, kind, days, the town's photo rule, duplicates in the file and in the store),
// then reported (dry run) or written — all accepted rows in one transaction. Any bytes give a report.
import type { Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import { chinaDate } from '../../shared/chinaTime'
import { registryPersons, runLedgerImport, villageOfRow, villagesByKey, type Village } from '../kernel/ledger'
import type { Table } from '../kernel/readTable'
import { createGridLocator } from '../grids/gridsAt'
import { NOTHING_FOUND, parseRentalRow, rentalTemplates, type RentalLedgerKind } from './domain/ledgerRows'

type Report = Output<'rentals.import'>
type Values = Record<string, string | number | null>
type Accepted = {
  row: number
  values: Values
  village: Village
  gridId: number | null
  landlordId: number | null
  buildingId: number | null
  kindId: number | null
}

export function createRentalImportService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const { gridsAt } = createGridLocator(db)

  function checkRows(kind: RentalLedgerKind, table: Table, index: Record<string, number>, warnings: string[]) {
    const today = chinaDate(clock.now())
    const villageBy = villagesByKey(sql)
    const kinds = new Map(
      sql
        .rows<{ id: number; name: string; photoRequired: number; active: number }>('select id, name, photo_required photoRequired, active from hazard_kinds')
        .map((k) => [k.name, k])
    )
    const parsed = table.rows.map((r) => ({ row: r.row, ...parseRentalRow(kind, r.cells, index) }))
    const ids = [...new Set(parsed.flatMap((p) => (p.values.landlordIdNumber ? [String(p.values.landlordIdNumber)] : [])))]
    const personOf = registryPersons(sql, ids)
    const buildingAt = sql.statement<{ id: number }>('select id from rental_buildings where village_unit_id = ? and address = ?')
    const hazardRecorded = sql.statement<{ n: number }>('select 1 n from fire_hazards where building_id = ? and found_on = ? and kind_id = ? limit 1')
    const seen = new Map<string, number>()
    const accepted: Accepted[] = []
    const rejected: Report['rejected'] = []
    for (const r of parsed) {
      const { values, problems } = r
      const village = villageOfRow(villageBy, values.village, r.row, problems, warnings)
      const address = values.address as string | null
      const existing = village && address ? (buildingAt.row(village.id, address)?.id ?? null) : null
      let gridId: number | null = null
      let landlordId: number | null = null
      let kindId: number | null = null
      // A row is a duplicate of an earlier accepted one with the same key (a refused row holds no place).
      let dupKey: string | null = null
      if (kind === 'buildings') {
        if (existing !== null) problems.push(`${village!.name}已登记地址为“${address}”的出租屋`)
        dupKey = village && address ? `${village.id}|${address}` : null
        if (dupKey && seen.has(dupKey)) problems.push(`与第 ${seen.get(dupKey)} 行重复（同一村居、同一地址）`)
        if (village && typeof values.lon === 'number' && typeof values.lat === 'number') {
          const grids = gridsAt(values.lon, values.lat)
          if (!grids) problems.push('坐标不在镇内任何三级网格内')
          else if (grids.villageUnitId !== village.id) problems.push(`坐标落在另一个村居的网格内，不在${village.name}`)
          else gridId = grids.tier3
        }
        if (values.landlordIdNumber) {
          landlordId = personOf(String(values.landlordIdNumber), values.landlordName as string | null, '房东', problems)?.id ?? null
        } else if (values.landlordName) problems.push('填写房东须同时填写房东身份证号（按证件号关联人员台账）')
      } else {
        if (village && address && existing === null) problems.push(`${village.name}没有地址为“${address}”的出租屋：请先导入或登记出租屋台账`)
        const on = values.inspectedOn as string | null
        if (on && on > today) problems.push(`排查日期 ${on} 晚于今天（${today}）`)
        if (values.rectifiedOn && String(values.rectifiedOn) > today) problems.push(`整改日期 ${values.rectifiedOn} 晚于今天（${today}）`)
        const kindName = values.kind as string | null
        if (kindName && kindName !== NOTHING_FOUND) {
          const k = kinds.get(kindName)
          if (!k || !k.active) problems.push(`隐患类别“${kindName}”不在本镇在用的类别中`)
          else {
            kindId = k.id
            if (values.rectifiedOn && k.photoRequired)
              problems.push(`本镇要求“${kindName}”整改须附整改后的照片：请删去整改日期，导入后在系统中复查登记并上传照片`)
            if (existing !== null && on && hazardRecorded.row(existing, on, k.id)) problems.push(`该出租屋 ${on} 的“${kindName}”隐患已登记过`)
            dupKey = existing !== null && on ? `${existing}|${on}|${k.id}` : null
            if (dupKey && seen.has(dupKey)) problems.push(`与第 ${seen.get(dupKey)} 行重复（同一出租屋、同一天、同一类别）`)
          }
        }
      }
      if (problems.length) rejected.push({ row: r.row, name: address, reasons: problems })
      else {
        accepted.push({ row: r.row, values, village: village!, gridId, landlordId, buildingId: existing, kindId })
        if (dupKey) seen.set(dupKey, r.row)
      }
    }
    return { accepted, rejected }
  }

  function writeBuildings(accepted: Accepted[]) {
    const insert = sql.statement(
      'insert into rental_buildings (address, lon, lat, village_unit_id, tier3_grid_id, landlord_person_id, use, risk_class, rental_rooms, tenants, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    const at = clock.now().toISOString()
    for (const a of accepted) {
      const v = a.values
      insert.run(v.address, v.lon ?? null, v.lat ?? null, a.village.id, a.gridId, a.landlordId, v.use, v.riskClass, v.rentalRooms, v.tenants, at)
    }
  }

  /** Rows of one building, day and inspector are one visit (排查); a rectified row adds the 复查 that closed it. */
  function writeInspections(accepted: Accepted[], actor: string) {
    const at = clock.now().toISOString()
    const visit = sql.statement(
      'insert into rental_inspections (building_id, village_unit_id, kind, inspected_on, inspector, note, created_at, recorded_by) values (?, ?, ?, ?, ?, null, ?, ?)'
    )
    const hazard = sql.statement(
      'insert into fire_hazards (inspection_id, building_id, village_unit_id, kind_id, found_on, deadline, rectified_on, rectified_inspection_id, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    const visits = new Map<string, number>()
    const visitOf = (buildingId: number, villageId: number, kind: '排查' | '复查', day: string, inspector: string) => {
      const key = `${buildingId}|${kind}|${day}|${inspector}`
      let id = visits.get(key)
      if (id === undefined) visits.set(key, (id = Number(visit.run(buildingId, villageId, kind, day, inspector, at, actor).lastInsertRowid)))
      return id
    }
    for (const a of accepted) {
      const v = a.values
      const inspection = visitOf(a.buildingId!, a.village.id, '排查', String(v.inspectedOn), String(v.inspector))
      if (a.kindId === null) continue
      const fixed = v.rectifiedOn ? visitOf(a.buildingId!, a.village.id, '复查', String(v.rectifiedOn), String(v.inspector)) : null
      hazard.run(inspection, a.buildingId, a.village.id, a.kindId, v.inspectedOn, v.deadline, v.rectifiedOn ?? null, fixed, v.note ?? null)
    }
  }

  function run(input: ParsedInput<'rentals.import'>, actor: string): Promise<Report> {
    const kind = input.kind
    return runLedgerImport(
      sql,
      input,
      rentalTemplates[kind],
      (table, index, warnings) => checkRows(kind, table, index, warnings),
      (accepted) => (kind === 'buildings' ? writeBuildings(accepted) : writeInspections(accepted, actor))
    )
  }

  return { run }
}
