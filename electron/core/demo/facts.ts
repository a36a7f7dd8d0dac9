// Facts the demo town is built from, each with where it comes from. Anything not from a
// source is marked 示意 (illustrative) here and in the store.

/** Town totals the demo's tier-3 figures add up to. */
export const townTotals = {
  /** Seed 000: 已联系群众 22.28 万户（人） — every household has a contact party member. */
  households: 222_800,
  /** Seed 000: 非户籍常住人口 目前已超过 50 万人. */
  nonHukouPopulation: 520_000,
  /** Not in the seeds: an assumed registered (户籍) population of plausible size. */
  registeredPopulation: 320_000
} as const

/** Grid counts (product.md, seed 000/003): ~600 tier-2 incl. 583 经济社, ~1,400 tier-3. */
export const gridTargets = { tier2: 600, economicCooperatives: 583, tier3: 1400 } as const

/** Town outline: generated, about 230 km², centred in lon 112.95–113.10, lat 23.05–23.24 (data/README). */
export const outlineSpec = { centre: [113.025, 23.145] as [number, number], areaKm2: 230, rxKm: 7.0, ryKm: 10.5 }

export const district = { code: '440605', name: '南海区' }
export const town = { code: '440605124', name: '狮山镇' }

/** Town departments (部门) that take dispatched issues. */
export const departments = ['综治办', '城管办', '安监办', '消防办', '住建办', '信访办', '组织办', '民政办'] as const

/**
 * Management offices (管理处). The seeds name 官窑, 小塘, 罗村 and 大圃 as areas and 官窑社会管理处 as an
 * office; 松岗 is a former town merged into 狮山. Positions are illustrative (示意), not surveyed.
 */
export const offices = [
  { key: '官窑', name: '官窑社会管理处', at: [113.035, 23.215] as [number, number] },
  { key: '松岗', name: '松岗社会管理处', at: [113.075, 23.175] as [number, number] },
  { key: '大圃', name: '大圃社会管理处', at: [112.995, 23.165] as [number, number] },
  { key: '小塘', name: '小塘社会管理处', at: [112.975, 23.085] as [number, number] },
  { key: '罗村', name: '罗村社会管理处', at: [113.0328, 23.07] as [number, number] }
] as const

/** Villages the seeds place under an office (seed 001) or whose name is the office's area. */
export const villageOfficeBySeed: Record<string, string> = {
  汀圃社区: '官窑',
  状元社区: '罗村',
  大学城社区: '大圃'
}

/** Where clustered units sit (illustrative): the science park's five communities together. */
export const clusterAnchors: { match: string; at: [number, number] }[] = [
  { match: '南海科技工业园', at: [113.058, 23.128] },
  { match: '沙堤机场', at: [113.07, 23.085] }
]

export const dataNote = '村居名称、代码来源：国家统计局统计用区划代码（2023）；管理处归属、镇域轮廓与全部网格边界为示意数据，非官方。'
