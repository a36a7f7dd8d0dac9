// Placing reporting members into party groups: hand-built cases with known answers, and properties.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { rebalance, suggestPlacements, type PartyGroup, type PlacementMember } from '../../electron/core/people/domain/placement'
import type { MultiPolygonCoords, Pt } from '../../electron/core/kernel/geometry'

// Village 1 is two side-by-side squares of 0.01° (about 1 km): A west, B east. Village 2 has none.
const sq = (x: number, y: number, d = 0.01): MultiPolygonCoords => [
  [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y]
    ]
  ]
]
const group = (id: number, name: string, x: number, extra: Partial<PartyGroup> = {}): PartyGroup => ({
  id,
  name,
  villageUnitId: 1,
  shape: sq(x, 23),
  labelPoint: [x + 0.005, 23.005],
  occupied: 0,
  inspector: `${name}巡查员`,
  ...extra
})
const A = group(1, 'A', 113)
const B = group(2, 'B', 113.01)
const member = (id: number, home: Pt | null, villageUnitId = 1): PlacementMember => ({ id, name: `党员${id}`, home, villageUnitId })

describe('placing reporting members', () => {
  it('places a member in the group whose area holds the home, led by that grid’s inspector', () => {
    const [s] = suggestPlacements([member(1, [113.002, 23.002])], [A, B])
    expect(s).toMatchObject({ groupId: 1, insideHome: true, distanceM: 0, capacityLeft: 29, leader: 'A巡查员' })
    expect(s.reason).toContain('住址在该网格内')
  })

  it('places a member living outside every group in the nearest one, saying how far', () => {
    const [s] = suggestPlacements([member(1, [113.0205, 23.005])], [A, B])
    expect(s.groupId).toBe(2)
    expect(s.insideHome).toBe(false)
    expect(s.distanceM).toBeGreaterThan(40)
    expect(s.distanceM).toBeLessThan(60)
    expect(s.reason).toMatch(/距该网格约 \d+ 米/)
  })

  it('respects capacity: when the home group is full, the next nearest group with room', () => {
    const homes: Pt[] = [
      [113.001, 23.001],
      [113.002, 23.002],
      [113.003, 23.003]
    ]
    const s = suggestPlacements(
      homes.map((h, i) => member(i + 1, h)),
      [A, B],
      2
    )
    expect(s.map((x) => x.groupId)).toEqual([1, 1, 2])
    expect(s[2].reason).toContain('还可容纳 1 人')
  })

  it('counts members already in a group against its capacity', () => {
    const s = suggestPlacements([member(1, [113.002, 23.002])], [{ ...A, occupied: 30 }, B])
    expect(s[0].groupId).toBe(2)
  })

  it('fills nearest-first: the one seat goes to the member inside, whatever the input order', () => {
    const inside = member(1, [113.009, 23.005])
    const near = member(2, [113.0095, 22.9995])
    const oneSeat = [{ ...A, occupied: 29 }, B]
    for (const order of [
      [inside, near],
      [near, inside]
    ]) {
      const s = suggestPlacements(order, oneSeat)
      expect(s.find((x) => x.memberId === 1)!.groupId).toBe(1)
      expect(s.find((x) => x.memberId === 2)!.groupId).toBe(2)
    }
  })

  it('says why nobody could be placed', () => {
    const [noHome, otherVillage] = suggestPlacements([member(1, null), member(2, [113.002, 23.002], 2)], [A, B])
    expect(noHome).toMatchObject({ groupId: null, reason: expect.stringContaining('没有住址坐标') })
    expect(otherVillage).toMatchObject({ groupId: null, reason: expect.stringContaining('没有三级网格') })
    const full = suggestPlacements(
      [member(3, [113.002, 23.002])],
      [
        { ...A, occupied: 30 },
        { ...B, occupied: 30 }
      ]
    )
    expect(full[0]).toMatchObject({ groupId: null, reason: expect.stringContaining('均已满员') })
  })

  it('rebalances an overfull group by moving the members farthest from it', () => {
    const placed = [
      { memberId: 1, groupId: 1, home: [113.001, 23.005] as Pt },
      { memberId: 2, groupId: 1, home: [113.005, 23.005] as Pt },
      { memberId: 3, groupId: 1, home: [113.0098, 23.005] as Pt },
      { memberId: 4, groupId: 1, home: [113.0112, 23.005] as Pt }
    ]
    const moves = rebalance(placed, [A, B], 3)
    expect(moves).toEqual([{ memberId: 4, from: 1, to: 2, distanceM: 0 }])
  })
})

describe('placement properties', () => {
  const arbitraryCase = fc.record({
    capacity: fc.integer({ min: 1, max: 6 }),
    occupied: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 6 }),
    homes: fc.array(
      fc.tuple(fc.integer({ min: 1, max: 2 }), fc.double({ min: 112.995, max: 113.035, noNaN: true }), fc.double({ min: 22.995, max: 23.015, noNaN: true })),
      { maxLength: 40 }
    )
  })
  const groupsFor = (occupied: number[]) =>
    occupied.map((o, i) => ({ ...group(i + 1, `G${i + 1}`, 113 + (i % 3) * 0.01), villageUnitId: i < 3 ? 1 : 2, occupied: o }))

  it('never fills a group over capacity, keeps members in their village, and places as many as there is room for', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ capacity, occupied, homes }) => {
        const groups = groupsFor(occupied)
        const members = homes.map(([v, x, y], i) => member(i + 1, [x, y], v))
        const s = suggestPlacements(members, groups, capacity)
        for (const g of groups) expect(g.occupied + s.filter((x) => x.groupId === g.id).length).toBeLessThanOrEqual(Math.max(capacity, g.occupied))
        for (const x of s.filter((y) => y.groupId !== null))
          expect(groups.find((g) => g.id === x.groupId)!.villageUnitId).toBe(members.find((m) => m.id === x.memberId)!.villageUnitId)
        for (const v of [1, 2]) {
          const seats = groups.filter((g) => g.villageUnitId === v).reduce((sum, g) => sum + Math.max(0, capacity - g.occupied), 0)
          const demand = members.filter((m) => m.villageUnitId === v).length
          expect(s.filter((x) => x.groupId !== null && members.find((m) => m.id === x.memberId)!.villageUnitId === v).length).toBe(Math.min(seats, demand))
        }
      })
    )
  })

  it('gives the same answer whatever order the members come in', () => {
    fc.assert(
      fc.property(arbitraryCase, fc.integer(), ({ capacity, occupied, homes }, seed) => {
        const groups = groupsFor(occupied)
        const members = homes.map(([v, x, y], i) => member(i + 1, [x, y], v))
        const shuffled = [...members].sort((a, b) => (((a.id * 2654435761) ^ seed) % 97) - (((b.id * 2654435761) ^ seed) % 97))
        const key = (list: ReturnType<typeof suggestPlacements>) => [...list].sort((a, b) => a.memberId - b.memberId).map((x) => x.groupId)
        expect(key(suggestPlacements(shuffled, groups, capacity))).toEqual(key(suggestPlacements(members, groups, capacity)))
      })
    )
  })

  it('after rebalancing, no group is over capacity while its village has room', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.double({ min: 113, max: 113.03, noNaN: true })), { maxLength: 25 }),
        fc.integer({ min: 2, max: 8 }),
        (entries, capacity) => {
          const groups = [group(1, 'A', 113), group(2, 'B', 113.01), group(3, 'C', 113.02)]
          const placed = entries.map(([g, x], i) => ({ memberId: i + 1, groupId: g, home: [x, 23.005] as Pt }))
          const moves = rebalance(placed, groups, capacity)
          const after = new Map(groups.map((g) => [g.id, 0]))
          for (const p of placed)
            after.set(
              moves.find((m) => m.memberId === p.memberId)?.to ?? p.groupId,
              after.get(moves.find((m) => m.memberId === p.memberId)?.to ?? p.groupId)! + 1
            )
          const total = placed.length
          if (total <= capacity * groups.length) for (const n of after.values()) expect(n).toBeLessThanOrEqual(capacity)
        }
      )
    )
  })
})
