// Placing reporting party members (报到党员) into party groups (tier-3 grids) by proximity to their
// homes (seed 001: 依据就近原则编入党建网格, 约每30人为一个党小组, 巡查员担任小组长). Pure.
import { localProjection, pointInMultiPolygon, type MultiPolygonCoords, type Pt } from '../../kernel/geometry'

export type PlacementMember = { id: number; name: string; home: Pt | null; villageUnitId: number }
export type PartyGroup = {
  id: number
  name: string
  villageUnitId: number
  shape: MultiPolygonCoords | null
  labelPoint: Pt | null
  /** Members already in the group (placed before, or community members counted against capacity). */
  occupied: number
  /** The grid inspector, who leads the group. */
  inspector: string | null
}

export type Suggestion = {
  memberId: number
  groupId: number | null
  /** In words, for the officer: 住址在该网格内 / 距该网格约 350 米 / 本村居党小组均已满员. */
  reason: string
  distanceM: number | null
  insideHome: boolean
  capacityLeft: number | null
  leader: string | null
}

const distanceTo = (proj: ReturnType<typeof localProjection>, home: Pt, g: PartyGroup): number => {
  if (g.shape && pointInMultiPolygon(home, g.shape)) return 0
  const [x, y] = proj.toKm(home)
  // Distance to the nearest point of the group's boundary (not merely its nearest corner).
  let best = Infinity
  for (const poly of g.shape ?? [])
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = proj.toKm(ring[i])
        const [bx, by] = proj.toKm(ring[i + 1])
        const len2 = (bx - ax) ** 2 + (by - ay) ** 2
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2))
        best = Math.min(best, Math.hypot(ax + t * (bx - ax) - x, ay + t * (by - ay) - y))
      }
  if (best === Infinity && g.labelPoint) {
    const [lx, ly] = proj.toKm(g.labelPoint)
    best = Math.hypot(lx - x, ly - y)
  }
  return best * 1000
}

/**
 * Suggest a party group for each member, within the village the member reported to: the group
 * whose area holds the member's home, else the nearest; never over `capacity`. Pairs are filled
 * nearest-first across all members at once, so nobody takes a far group's seat from a neighbour.
 */
export function suggestPlacements(members: PlacementMember[], groups: PartyGroup[], capacity = 30): Suggestion[] {
  const left = new Map(groups.map((g) => [g.id, Math.max(0, capacity - g.occupied)]))
  const byVillage = new Map<number, PartyGroup[]>()
  for (const g of groups) byVillage.set(g.villageUnitId, [...(byVillage.get(g.villageUnitId) ?? []), g])
  const anchor = members.find((m) => m.home)?.home ?? groups.find((g) => g.labelPoint)?.labelPoint ?? [113, 23]
  const proj = localProjection(anchor)

  const pairs: { member: PlacementMember; group: PartyGroup; d: number }[] = []
  for (const m of members) {
    if (!m.home) continue
    for (const g of byVillage.get(m.villageUnitId) ?? []) pairs.push({ member: m, group: g, d: distanceTo(proj, m.home, g) })
  }
  // Nearest first; ties by member id then group id, so the result never depends on input order.
  pairs.sort((a, b) => a.d - b.d || a.member.id - b.member.id || a.group.id - b.group.id)
  const chosen = new Map<number, { group: PartyGroup; d: number }>()
  for (const p of pairs) {
    if (chosen.has(p.member.id) || (left.get(p.group.id) ?? 0) <= 0) continue
    chosen.set(p.member.id, { group: p.group, d: p.d })
    left.set(p.group.id, left.get(p.group.id)! - 1)
  }
  return members.map((m) => {
    const c = chosen.get(m.id)
    if (!m.home)
      return {
        memberId: m.id,
        groupId: null,
        reason: '没有住址坐标，无法按就近原则编组，请手动指定',
        distanceM: null,
        insideHome: false,
        capacityLeft: null,
        leader: null
      }
    if (!c) {
      const none = (byVillage.get(m.villageUnitId) ?? []).length === 0
      return {
        memberId: m.id,
        groupId: null,
        reason: none ? '报到村居没有三级网格（党小组）' : `本村居党小组均已满员（每组 ${capacity} 人），请新增党小组或调整容量`,
        distanceM: null,
        insideHome: false,
        capacityLeft: 0,
        leader: null
      }
    }
    const inside = c.d === 0
    const capacityLeft = left.get(c.group.id)!
    return {
      memberId: m.id,
      groupId: c.group.id,
      reason: `${inside ? '住址在该网格内' : `住址距该网格约 ${Math.round(c.d)} 米`}；编入后该组还可容纳 ${capacityLeft} 人`,
      distanceM: Math.round(c.d),
      insideHome: inside,
      capacityLeft,
      leader: c.group.inspector
    }
  })
}

/**
 * When a group is over capacity (members placed by hand, or capacity lowered), move its members
 * farthest from it to the nearest groups of the same village that have room. Returns the moves.
 */
export function rebalance(
  placed: { memberId: number; groupId: number; home: Pt | null }[],
  groups: PartyGroup[],
  capacity = 30
): { memberId: number; from: number; to: number; distanceM: number }[] {
  const count = new Map(groups.map((g) => [g.id, g.occupied]))
  for (const p of placed) count.set(p.groupId, (count.get(p.groupId) ?? 0) + 1)
  const anchor = placed.find((p) => p.home)?.home ?? [113, 23]
  const proj = localProjection(anchor)
  const moves: { memberId: number; from: number; to: number; distanceM: number }[] = []
  for (const g of groups) {
    let over = (count.get(g.id) ?? 0) - capacity
    if (over <= 0) continue
    const mine = placed
      .filter((p) => p.groupId === g.id && p.home)
      .sort((a, b) => distanceTo(proj, b.home!, g) - distanceTo(proj, a.home!, g) || a.memberId - b.memberId)
    for (const p of mine) {
      if (over <= 0) break
      const options = groups
        .filter((o) => o.id !== g.id && o.villageUnitId === g.villageUnitId && (count.get(o.id) ?? 0) < capacity)
        .map((o) => ({ o, d: distanceTo(proj, p.home!, o) }))
        .sort((a, b) => a.d - b.d || a.o.id - b.o.id)
      if (!options.length) break
      const to = options[0]
      moves.push({ memberId: p.memberId, from: g.id, to: to.o.id, distanceM: Math.round(to.d) })
      count.set(g.id, count.get(g.id)! - 1)
      count.set(to.o.id, (count.get(to.o.id) ?? 0) + 1)
      over--
    }
  }
  return moves
}
