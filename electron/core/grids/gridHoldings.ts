// What hangs on grids — households and residents, reporting members placed in a party group, rental
// buildings, 三长, issues — handed over when grids go: to an heir party group, or released (the grid
// cleared, everything else kept), each row recorded in the change batch for undo. Used by grids.delete
// and by a replacing grids.import, which then places what it released again by its point.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { areaHeads, households, persons, rentalBuildings, reportingMembers } from '../db/schema'
import { idList, sqlOn } from '../db/sql'
import type { GridHoldings } from './domain/gridRules'
import type { beginBatch } from '../changes/changes'
import { createGridLocator } from './gridsAt'

type Recorder = ReturnType<typeof beginBatch>

export function createGridHoldings(db: Db, clock: Clock) {
  const sql = sqlOn(db)

  /** Issues located in any of the given grids (of any tier). */
  function issuesIn(ids: number[]): { id: number; tier1GridId: number | null; tier2GridId: number | null; tier3GridId: number | null; version: number }[] {
    if (ids.length === 0) return []
    return sql.rows<{ id: number; tier1GridId: number | null; tier2GridId: number | null; tier3GridId: number | null; version: number }>(
      `with going(id) as (select value from json_each(?))
       select id, tier1_grid_id as tier1GridId, tier2_grid_id as tier2GridId, tier3_grid_id as tier3GridId, version from issues
       where tier3_grid_id in going or tier2_grid_id in going or tier1_grid_id in going`,
      idList(ids)
    )
  }

  /**
   * Re-point issues at grids that are going: to the heir party group (and its parents) when a
   * party group's contents move, else to what remains of their chain. Issues are never deleted.
   */
  function moveIssues(recorder: ReturnType<typeof beginBatch>, going: Set<number>, heirTier3: number | null) {
    const parentOf = (id: number | null) => (id ? (sql.row<{ p: number | null }>('select parent_id as p from grids where id = ?', id)?.p ?? null) : null)
    for (const before of issuesIn([...going])) {
      const t3 = before.tier3GridId && going.has(before.tier3GridId) ? heirTier3 : before.tier3GridId
      const t2 = t3 ? parentOf(t3) : before.tier2GridId && !going.has(before.tier2GridId) ? before.tier2GridId : null
      const t1 = t2 ? parentOf(t2) : before.tier1GridId && !going.has(before.tier1GridId) ? before.tier1GridId : null
      const after = { ...before, tier1GridId: t1, tier2GridId: t2, tier3GridId: t3, version: before.version + 1 }
      sql.run('update issues set tier1_grid_id = ?, tier2_grid_id = ?, tier3_grid_id = ?, version = version + 1 where id = ?', t1, t2, t3, before.id)
      recorder.updated('issue', before, after, `所在网格：${before.tier3GridId ?? '无'} → ${t3 ?? '无'}`)
    }
  }

  /** Rental buildings lie in a tier-3 grid as homes do: they go with its heir, or lose the grid. */
  function moveRentalBuildings(recorder: ReturnType<typeof beginBatch>, from: number[], to: number | null) {
    for (const b of sql.where(rentalBuildings, 'tier3_grid_id in (select value from json_each(?))', idList(from))) {
      const after = sql.update(rentalBuildings, b.id, { tier3GridId: to, version: b.version + 1 })!
      recorder.updated('rentalBuilding', b, after, `所在网格：${b.tier3GridId} → ${to ?? '无'}`)
    }
  }

  /** 三长 of a tier-3 area go with its heir, or are released from it (their village and term stay), as residents are. */
  function moveHeads(recorder: ReturnType<typeof beginBatch>, from: number[], to: number | null) {
    for (const h of sql.where(areaHeads, 'tier3_grid_id in (select value from json_each(?))', idList(from))) {
      const after = sql.update(areaHeads, h.id, { tier3GridId: to, version: h.version + 1 })!
      recorder.updated('areaHead', h, after, `所在网格：${h.tier3GridId} → ${to ?? '无'}`)
    }
  }

  /** Who lives in or is placed in the given (tier-3) grids. */
  function holdings(ids: number[]): GridHoldings {
    if (ids.length === 0) return { households: 0, partyMembers: 0, reportingMembers: 0 }
    const n = (text: string) => sql.value<number>(text, idList(ids))!
    const list = '(select value from json_each(?))'
    return {
      households: n(`select count(*) from households where grid_id in ${list}`),
      partyMembers: n(`select count(*) from persons where home_grid_id in ${list} and party_registration = '村居'`),
      reportingMembers: n(`select count(*) from reporting_members where group_grid_id in ${list}`),
      rentalBuildings: n(`select count(*) from rental_buildings where tier3_grid_id in ${list}`),
      areaHeads: n(`select count(*) from area_heads where tier3_grid_id in ${list}`)
    }
  }

  /** Move everyone hanging on `from` grids to `to` (or release them with null), recording each row. */
  function movePeople(recorder: ReturnType<typeof beginBatch>, from: number[], to: number | null) {
    if (from.length === 0) return
    for (const h of sql.where(households, 'grid_id in (select value from json_each(?))', idList(from))) {
      const after = sql.update(households, h.id, { gridId: to, version: h.version + 1 })!
      recorder.updated('household', h, after, `所属网格：${h.gridId} → ${to ?? '无'}`)
    }
    for (const p of sql.where(persons, 'home_grid_id in (select value from json_each(?))', idList(from))) {
      const after = sql.update(persons, p.id, { homeGridId: to, version: p.version + 1 })!
      recorder.updated('person', p, after, `住址网格：${p.homeGridId} → ${to ?? '无'}`)
    }
    for (const r of sql.where(reportingMembers, 'group_grid_id in (select value from json_each(?))', idList(from))) {
      const after = sql.update(reportingMembers, r.id, {
        groupGridId: to,
        placement: to ? 'manual' : null,
        placedAt: to ? clock.now().toISOString() : null,
        placementReason: to ? '原党小组删除，随之移入' : null,
        version: r.version + 1
      })!
      recorder.updated('reportingMember', r, after, `党小组：${r.groupGridId} → ${to ?? '未编组'}`)
    }
  }

  /** Everything on the going grids to the heir party group (`heirTier3`), or released with null. */
  function handOver(recorder: Recorder, goingTier3: number[], going: Set<number>, heirTier3: number | null) {
    movePeople(recorder, goingTier3, heirTier3)
    moveRentalBuildings(recorder, goingTier3, heirTier3)
    moveHeads(recorder, goingTier3, heirTier3)
    moveIssues(recorder, going, heirTier3)
  }

  /**
   * After new grids are drawn: residents' homes, rental buildings and issues with no grid
   * but a point are placed in the tier-3 grid their point lies in (its village's own); the rest stay
   * released (households and reporting members have no point: a clerk places them again). Returns how many were placed.
   */
  function placeByPoint(recorder: Recorder, villageIds: number[]): number {
    const { gridsAt } = createGridLocator(db)
    const within = (v: number | null, lon: number | null, lat: number | null) => {
      if (lon === null || lat === null) return null
      const at = gridsAt(lon, lat)
      return at && at.villageUnitId === v ? at : null
    }
    const villages = idList(villageIds)
    let placed = 0
    for (const p of sql.where(persons, 'home_grid_id is null and village_unit_id in (select value from json_each(?))', villages)) {
      const at = within(p.villageUnitId, p.homeLon, p.homeLat)
      if (!at) continue
      recorder.updated('person', p, sql.update(persons, p.id, { homeGridId: at.tier3, version: p.version + 1 })!, `住址网格：无 → ${at.tier3}（按坐标）`)
      placed++
    }
    for (const b of sql.where(rentalBuildings, 'tier3_grid_id is null and village_unit_id in (select value from json_each(?))', villages)) {
      const at = within(b.villageUnitId, b.lon, b.lat)
      if (!at) continue
      recorder.updated(
        'rentalBuilding',
        b,
        sql.update(rentalBuildings, b.id, { tier3GridId: at.tier3, version: b.version + 1 })!,
        `所在网格：无 → ${at.tier3}（按坐标）`
      )
      placed++
    }
    const issues = sql.rows<{
      id: number
      v: number
      lon: number | null
      lat: number | null
      tier1GridId: number | null
      tier2GridId: number | null
      tier3GridId: number | null
      version: number
    }>(
      `select id, village_unit_id v, lon, lat, tier1_grid_id tier1GridId, tier2_grid_id tier2GridId, tier3_grid_id tier3GridId, version from issues
       where tier3_grid_id is null and lon is not null and village_unit_id in (select value from json_each(?))`,
      villages
    )
    for (const { v, lon, lat, ...before } of issues) {
      const at = within(v, lon, lat)
      if (!at) continue
      sql.run(
        'update issues set tier1_grid_id = ?, tier2_grid_id = ?, tier3_grid_id = ?, version = version + 1 where id = ?',
        at.tier1,
        at.tier2,
        at.tier3,
        before.id
      )
      recorder.updated(
        'issue',
        before,
        { ...before, tier1GridId: at.tier1, tier2GridId: at.tier2, tier3GridId: at.tier3, version: before.version + 1 },
        `所在网格：无 → ${at.tier3}（按坐标）`
      )
      placed++
    }
    return placed
  }

  return { holdings, issuesIn, handOver, placeByPoint }
}
