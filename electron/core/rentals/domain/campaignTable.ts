// The campaign table (专项整治进度表) — seed 002's figures are exactly this: hazards found, rectified,
// the rate, and those overdue, by village and by kind. One definition, here, in words and as a plain
// function over the hazards; the store computes the same in SQL (rentals/campaignFigures.ts), and a
// property test holds the two equal.
//
// For a campaign's period [startsOn, endsOn], its villages, and the day asked (asOf, China calendar):
// - found (发现): hazards found in the period up to the day asked — startsOn ≤ foundOn ≤ min(endsOn, asOf);
// - rectified (已整改): of those, rectified on or before the day asked;
// - rate (整改率): rectified ÷ found, null when none was found;
// - overdue (逾期未改): of those found, not rectified by the day asked and past their deadline (deadline < asOf).
// A kind counted by the building (栋, as 打通疏散通道 3.96 万栋) counts buildings, not places: a building
// is found with the kind when any such hazard of it was found, rectified when every one found is
// rectified, overdue when any is overdue. The totals (合计) and the villages count places (处).

export type CampaignHazard = { villageId: number; kindId: number; buildingId: number; foundOn: string; deadline: string; rectifiedOn: string | null }
export type CampaignKind = { id: number; countedBy: '处' | '栋' }
export type CampaignPeriod = { startsOn: string; endsOn: string; asOf: string; villageIds: number[] | null }
export type CampaignCounts = { found: number; rectified: number; overdue: number; rate: number | null }

/** The state of one hazard as of a day, within a campaign's period (null: not counted). */
export function hazardAsOf(h: CampaignHazard, p: CampaignPeriod): { rectified: boolean; overdue: boolean } | null {
  const last = p.endsOn < p.asOf ? p.endsOn : p.asOf
  if (h.foundOn < p.startsOn || h.foundOn > last) return null
  if (p.villageIds && !p.villageIds.includes(h.villageId)) return null
  const rectified = h.rectifiedOn !== null && h.rectifiedOn <= p.asOf
  return { rectified, overdue: !rectified && h.deadline < p.asOf }
}

export const rateOf = (rectified: number, found: number) => (found === 0 ? null : rectified / found)

function countPlaces(states: { rectified: boolean; overdue: boolean }[]): CampaignCounts {
  const found = states.length
  const rectified = states.filter((s) => s.rectified).length
  return { found, rectified, overdue: states.filter((s) => s.overdue).length, rate: rateOf(rectified, found) }
}

function countBuildings(states: { buildingId: number; rectified: boolean; overdue: boolean }[]): CampaignCounts {
  const byBuilding = new Map<number, { rectified: boolean; overdue: boolean }>()
  for (const s of states) {
    const b = byBuilding.get(s.buildingId) ?? { rectified: true, overdue: false }
    byBuilding.set(s.buildingId, { rectified: b.rectified && s.rectified, overdue: b.overdue || s.overdue })
  }
  return countPlaces([...byBuilding.values()])
}

/** The whole table: totals, each village's row, each kind's row (only rows with something found). */
export function campaignTable(hazards: CampaignHazard[], kinds: CampaignKind[], p: CampaignPeriod) {
  const counted = hazards.flatMap((h) => {
    const s = hazardAsOf(h, p)
    return s ? [{ ...h, ...s }] : []
  })
  const group = <K>(key: (h: (typeof counted)[number]) => K) => {
    const m = new Map<K, typeof counted>()
    for (const h of counted) m.set(key(h), [...(m.get(key(h)) ?? []), h])
    return m
  }
  const countedBy = new Map(kinds.map((k) => [k.id, k.countedBy]))
  return {
    total: countPlaces(counted),
    villages: [...group((h) => h.villageId)].map(([villageId, hs]) => ({ villageId, ...countPlaces(hs) })).sort((a, b) => a.villageId - b.villageId),
    kinds: [...group((h) => h.kindId)]
      .map(([kindId, hs]) => ({ kindId, countedBy: countedBy.get(kindId) ?? '处', ...(countedBy.get(kindId) === '栋' ? countBuildings(hs) : countPlaces(hs)) }))
      .sort((a, b) => a.kindId - b.kindId)
  }
}
export type CampaignTable = ReturnType<typeof campaignTable>
