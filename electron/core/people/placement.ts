// Placing reporting members into party groups (tier-3 grids) of the village they reported to:
// suggestions by proximity, place one / all, override by hand, rebalance. Every placement is a
// recorded change, so a whole 「全部编入」 can be undone.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { fromGeoJsonGeometry, type Pt } from '../kernel/geometry'
import { rebalance as planRebalance, suggestPlacements, type PartyGroup } from './domain/placement'
import { beginBatch } from '../changes/changes'
import { groupCounts, readSetting } from '../grids/partyGroups'
import { sqlOn } from '../db/sql'
import { reportingMembers } from './schema'

type MemberRow = {
  id: number
  name: string
  workUnit: string | null
  reportedAt: string
  villageUnitId: number
  lon: number | null
  lat: number | null
  groupGridId: number | null
  placement: string | null
  version: number
}

export function createPlacementService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const memberSelect = `select r.id, p.name, p.work_unit as workUnit, r.reported_at as reportedAt, r.village_unit_id as villageUnitId, p.home_lon as lon, p.home_lat as lat,
    r.group_grid_id as groupGridId, r.placement, r.version from reporting_members r join persons p on p.id = r.person_id`
  const home = (m: MemberRow): Pt | null => (m.lon !== null && m.lat !== null ? [m.lon, m.lat] : null)

  function villageOf(id: number) {
    const v = sql.row<{ id: number; name: string }>("select id, name from units where id = ? and kind = 'village'", id)
    if (!v) throw notFound('村居', id)
    return v
  }

  /** The village's party groups as the placement rule sees them; `occupied` counts everyone but `excludeIds`. */
  function partyGroups(villageUnitId: number, countReporting: (m: MemberRow) => boolean, members: MemberRow[]): PartyGroup[] {
    const counts = new Map(groupCounts(sql, { villageUnitId }).map((c) => [c.gridId, c]))
    const reportingIn = new Map<number, number>()
    for (const m of members) if (m.groupGridId && countReporting(m)) reportingIn.set(m.groupGridId, (reportingIn.get(m.groupGridId) ?? 0) + 1)
    const rows = sql.rows<{
      id: number
      name: string
      geometry: string | null
      label_lon: number | null
      label_lat: number | null
      inspector: string | null
    }>('select id, name, geometry, label_lon, label_lat, inspector from grids where tier = 3 and village_unit_id = ? order by sort_order, id', villageUnitId)
    return rows.map((g) => ({
      id: g.id,
      name: g.name,
      villageUnitId,
      shape: g.geometry ? fromGeoJsonGeometry(JSON.parse(g.geometry)) : null,
      labelPoint: g.label_lon !== null && g.label_lat !== null ? [g.label_lon, g.label_lat] : null,
      occupied: (counts.get(g.id)?.community ?? 0) + (reportingIn.get(g.id) ?? 0),
      inspector: g.inspector
    }))
  }

  const membersOf = (villageUnitId: number) => sql.rows<MemberRow>(`${memberSelect} where r.village_unit_id = ? order by r.id`, villageUnitId)

  function suggest(villageUnitId: number) {
    villageOf(villageUnitId)
    const capacity = readSetting(sql, 'partyGroupCapacity')
    const members = membersOf(villageUnitId)
    const groups = partyGroups(villageUnitId, () => true, members)
    const unplaced = members.filter((m) => !m.groupGridId)
    const byId = new Map(groups.map((g) => [g.id, g]))
    const suggestions = suggestPlacements(
      unplaced.map((m) => ({ id: m.id, name: m.name, home: home(m), villageUnitId })),
      groups,
      capacity
    )
    return unplaced.map((m, i) => {
      const s = suggestions[i]
      return {
        memberId: m.id,
        name: m.name,
        workUnit: m.workUnit,
        reportedAt: m.reportedAt,
        groupGridId: s.groupId,
        group: s.groupId ? byId.get(s.groupId)!.name : null,
        leader: s.leader,
        reason: s.reason,
        distanceM: s.distanceM,
        capacityLeft: s.capacityLeft,
        version: m.version
      }
    })
  }

  const readMember = (id: number) =>
    sql.row<Record<string, unknown> & { id: number; version: number; village_unit_id: number }>('select * from reporting_members where id = ?', id)
  /** Snapshot in the shape the change log stores (the schema's field names), for history and undo. */
  const snapshot = (id: number) => sql.find(reportingMembers, id)!
  const groupName = (id: number | null) => (id ? (sql.row<{ name: string }>('select name from grids where id = ?', id)?.name ?? String(id)) : '未编组')

  function apply(
    moves: { memberId: number; groupGridId: number | null; placement: 'suggested' | 'manual' | null; reason: string | null }[],
    info: { kind: 'place'; actor: string; description: string }
  ) {
    const recorder = beginBatch(db, clock, info)
    const setGroup = sql.statement(
      'update reporting_members set group_grid_id = ?, placed_at = ?, placement = ?, placement_reason = ?, version = version + 1 where id = ?'
    )
    const at = clock.now().toISOString()
    for (const m of moves) {
      const before = snapshot(m.memberId)
      setGroup.run(m.groupGridId, m.groupGridId ? at : null, m.placement, m.reason, m.memberId)
      const after = snapshot(m.memberId)
      recorder.updated('reportingMember', before, after, `党小组：${groupName(before.groupGridId as number | null)} → ${groupName(m.groupGridId)}`)
    }
    return recorder.batchId
  }

  /** Place the village's unplaced members (or the listed ones) where the rule suggests. */
  function placeSuggested(input: { villageUnitId: number; memberIds?: number[] }, actor: string) {
    return sql.transaction(() => {
      const village = villageOf(input.villageUnitId)
      const wanted = input.memberIds ? new Set(input.memberIds) : null
      const list = suggest(input.villageUnitId).filter((s) => !wanted || wanted.has(s.memberId))
      if (wanted)
        for (const id of wanted)
          if (!list.some((s) => s.memberId === id))
            throw new AppError('CONFLICT', `报到党员（编号 ${id}）不在${village.name}的未编组名单中，可能已被编组，请刷新后重试。`)
      const placeable = list.filter((s) => s.groupGridId)
      if (placeable.length === 0) return { placed: 0, notPlaced: list.length, batchId: null }
      const batchId = apply(
        placeable.map((s) => ({ memberId: s.memberId, groupGridId: s.groupGridId, placement: 'suggested' as const, reason: s.reason })),
        {
          kind: 'place',
          actor,
          description:
            placeable.length === 1 ? `${placeable[0].name}编入${placeable[0].group}` : `${village.name}：${placeable.length} 名报到党员按就近原则编入党小组`
        }
      )
      return { placed: placeable.length, notPlaced: list.length - placeable.length, batchId }
    })
  }

  /** An officer's choice: any party group of the village reported to (capacity may be exceeded), or none. */
  function assign(input: { memberId: number; version: number; groupGridId: number | null; reason?: string }, actor: string) {
    return sql.transaction(() => {
      const m = readMember(input.memberId)
      if (!m) throw notFound('报到党员', input.memberId)
      if (m.version !== input.version) throw new AppError('CONFLICT', '该报到党员的编组已被他人修改，请刷新后重试。')
      if (input.groupGridId !== null) {
        const g = sql.row<{ tier: number; v: number; name: string }>('select tier, village_unit_id as v, name from grids where id = ?', input.groupGridId)
        if (!g) throw notFound('网格', input.groupGridId)
        if (g.tier !== 3) throw new AppError('BAD_INPUT', `“${g.name}”不是三级网格（党小组），报到党员只能编入三级网格`)
        if (g.v !== m.village_unit_id) throw new AppError('BAD_INPUT', `“${g.name}”不在该党员报到的村居，报到党员只能编入报到村居的党小组`)
      }
      const name = sql.row<{ name: string }>('select p.name from persons p where p.id = ?', m.person_id)!.name
      const batchId = apply(
        [
          {
            memberId: m.id,
            groupGridId: input.groupGridId,
            placement: input.groupGridId ? 'manual' : null,
            reason: input.groupGridId ? input.reason?.trim() || '人工指定' : null
          }
        ],
        {
          kind: 'place',
          actor,
          description: input.groupGridId ? `${name}人工编入${groupName(input.groupGridId)}` : `${name}移出党小组`
        }
      )
      return { version: m.version + 1, batchId }
    })
  }

  /** Move members of over-full groups (farthest first; never those placed by hand) to the nearest groups with room. */
  function rebalance(villageUnitId: number, actor: string) {
    return sql.transaction(() => {
      const village = villageOf(villageUnitId)
      const capacity = readSetting(sql, 'partyGroupCapacity')
      const members = membersOf(villageUnitId)
      const groups = partyGroups(villageUnitId, (m) => m.placement === 'manual', members)
      const movable = members.filter((m) => m.groupGridId && m.placement !== 'manual').map((m) => ({ memberId: m.id, groupId: m.groupGridId!, home: home(m) }))
      const moves = planRebalance(movable, groups, capacity)
      if (moves.length === 0) return { moved: 0, batchId: null }
      const names = new Map(groups.map((g) => [g.id, g.name]))
      const batchId = apply(
        moves.map((mv) => ({
          memberId: mv.memberId,
          groupGridId: mv.to,
          placement: 'suggested' as const,
          reason: `原党小组（${names.get(mv.from)}）超员，调整到距住址约 ${mv.distanceM} 米的${names.get(mv.to)}`
        })),
        { kind: 'place', actor, description: `${village.name}：调整超员党小组，${moves.length} 人` }
      )
      return { moved: moves.length, batchId }
    })
  }

  /** The village's party groups with leader, members and how full they are. */
  function groups(villageUnitId: number) {
    villageOf(villageUnitId)
    const capacity = readSetting(sql, 'partyGroupCapacity')
    const counts = groupCounts(sql, { villageUnitId })
    const info = new Map(
      sql
        .rows<{ id: number; code: string; inspector: string | null; tier2: string | null }>(
          'select g.id, g.code, g.inspector, p.name as tier2 from grids g left join grids p on p.id = g.parent_id where g.tier = 3 and g.village_unit_id = ?',
          villageUnitId
        )
        .map((g) => [g.id, g])
    )
    const reporting = sql.rows<{
      id: number
      g: number
      name: string
      workUnit: string | null
      placement: string | null
      reason: string | null
      version: number
    }>(
      `select r.id, r.group_grid_id as g, p.name, p.work_unit as workUnit, r.placement, r.placement_reason as reason, r.version from reporting_members r join persons p on p.id = r.person_id
         where r.village_unit_id = ? and r.group_grid_id is not null order by p.name`,
      villageUnitId
    )
    return counts.map((c) => ({
      gridId: c.gridId,
      code: info.get(c.gridId)?.code ?? '',
      name: c.name,
      tier2: info.get(c.gridId)?.tier2 ?? null,
      leader: info.get(c.gridId)?.inspector ?? null,
      communityMembers: c.community,
      reporting: reporting
        .filter((r) => r.g === c.gridId)
        .map((r) => ({ id: r.id, name: r.name, workUnit: r.workUnit, placement: r.placement, distanceM: distanceIn(r.reason), version: r.version })),
      total: c.total,
      capacity,
      over: c.total > capacity
    }))
  }

  return { suggest, placeSuggested, assign, rebalance, groups }
}

/** The distance the suggestion recorded in words (住址距该网格约 350 米); 0 when the home is inside. */
function distanceIn(reason: string | null): number | null {
  if (!reason) return null
  if (reason.startsWith('住址在该网格内')) return 0
  const m = reason.match(/约 (\d+) 米/)
  return m ? Number(m[1]) : null
}
