// The deterministic demo town: the real village list of 狮山镇, offices assigned by name and
// proximity (示意), a generated outline and three tiers of nested cells (示意). Pure: the same seed
// and village list give the same town, byte for byte.
import {
  bboxOf,
  labelPoint,
  localProjection,
  mapCoords,
  multiPolygonArea,
  polygonArea,
  roundTo,
  toGeoJsonGeometry,
  type BBox,
  type MultiPolygonCoords,
  type Pt,
  type Ring,
  withoutRepeatedPoints
} from '../kernel/geometry'
import { chineseNumber, commercialBuildingName, economicCooperativeName, personName, residentialComplexName, residentsGroupName } from './names'
import { apportion, createRng, type Rng } from './prng'
import { partition, spreadPoints } from './partition'
import { nodeShapes } from './topology'
import * as facts from './facts'

export type VillageRow = { code: string; name: string; type: string; officialName: string; category: string }

export type DemoUnit = {
  key: string
  code: string
  name: string
  kind: 'district' | 'town' | 'department' | 'office' | 'village'
  villageType: '社区' | '村' | '园区' | null
  officialName: string | null
  parentKey: string | null
  illustrative: boolean
  geometry: string | null
  sortOrder: number
}

export type DemoGrid = {
  key: string
  tier: 1 | 2 | 3
  code: string
  name: string
  label: string
  kind: string
  parentKey: string | null
  villageKey: string
  geometry: string
  bbox: BBox
  labelPoint: Pt
  areaKm2: number
  partyOrganisation: string
  inspector: string | null
  households: number
  registeredPopulation: number
  nonHukouPopulation: number
  illustrative: true
  sortOrder: number
}

export type DemoTown = { seed: number; units: DemoUnit[]; grids: DemoGrid[]; meta: Record<string, string> }

/** Parse the NBS village list (resources/data/shishan_villages.csv). */
export function parseVillageCsv(text: string): VillageRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
  const header = lines[0].split(',')
  const col = (name: string) => header.indexOf(name)
  return lines.slice(1).map((line) => {
    const f = line.split(',')
    return { code: f[col('code')], name: f[col('name')], type: f[col('type')], officialName: f[col('nbs_name')], category: f[col('category')] }
  })
}

const villageTypeOf = (v: VillageRow): '社区' | '村' | '园区' => (v.code.slice(9, 10) === '4' ? '园区' : v.type === '村' ? '村' : '社区')

/** A smooth, irregular outline of the target area around the centre (km coordinates). */
function townOutline(rng: Rng): MultiPolygonCoords {
  const { rxKm, ryKm, areaKm2 } = facts.outlineSpec
  const waves = [2, 3, 4, 5, 7].map((k) => ({ k, amp: rng.range(0.02, 0.07) / Math.sqrt(k / 2), phase: rng.range(0, Math.PI * 2) }))
  const n = 144
  const ring: Ring = []
  for (let i = 0; i < n; i++) {
    const t = (i / n) * Math.PI * 2
    const r = 1 + waves.reduce((s, w) => s + w.amp * Math.sin(w.k * t + w.phase), 0)
    ring.push([rxKm * r * Math.cos(t), ryKm * r * Math.sin(t)])
  }
  ring.push(ring[0])
  const scale = Math.sqrt(areaKm2 / polygonArea([ring]))
  return [[ring.map(([x, y]) => [x * scale, y * scale] as Pt)]]
}

/** Drop numerical slivers (< 1 m²) that clipping can leave; they are not real parts of a cell. */
const withoutSlivers = (mp: MultiPolygonCoords) => {
  const kept = mp.filter((p) => polygonArea(p) > 1e-6)
  return kept.length > 0 ? kept : mp
}

const dist2 = (a: Pt, b: Pt) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2

function nearestFree(points: Pt[], taken: boolean[], to: Pt): number {
  let best = -1
  for (let i = 0; i < points.length; i++) if (!taken[i] && (best < 0 || dist2(points[i], to) < dist2(points[best], to))) best = i
  return best
}

export function generateDemoTown(villages: VillageRow[], seed = 2023): DemoTown {
  const rng = createRng(seed)
  const proj = localProjection(facts.outlineSpec.centre)
  const outline = townOutline(rng)

  // --- Units: district, town, departments, offices, villages -------------------------------------
  const units: DemoUnit[] = []
  const unit = (u: Omit<DemoUnit, 'sortOrder' | 'villageType' | 'officialName' | 'geometry'> & Partial<DemoUnit>) =>
    units.push({ villageType: null, officialName: null, geometry: null, sortOrder: units.length, ...u })
  unit({ key: 'district', code: facts.district.code, name: facts.district.name, kind: 'district', parentKey: null, illustrative: false })
  unit({ key: 'town', code: facts.town.code, name: facts.town.name, kind: 'town', parentKey: 'district', illustrative: false })
  facts.departments.forEach((d, i) =>
    unit({
      key: `dept:${d}`,
      code: `${facts.town.code}-D${String(i + 1).padStart(2, '0')}`,
      name: d,
      kind: 'department',
      parentKey: 'town',
      illustrative: false
    })
  )
  facts.offices.forEach((o, i) =>
    unit({ key: `office:${o.key}`, code: `${facts.town.code}-O${i + 1}`, name: o.name, kind: 'office', parentKey: 'town', illustrative: true })
  )

  // --- Tier 1: a cell per village; offices by name, seed facts, then proximity ---------------------
  const villagePoints = spreadPoints(outline, villages.length, rng, 4)
  const officeKm = facts.offices.map((o) => proj.toKm(o.at))
  const taken = villagePoints.map(() => false)
  const pointOf: number[] = Array(villages.length).fill(-1)
  const fixedOffice: (number | null)[] = villages.map((v) => {
    const key = facts.villageOfficeBySeed[v.name] ?? facts.offices.find((o) => v.name.startsWith(o.key))?.key
    return key ? facts.offices.findIndex((o) => o.key === key) : null
  })
  villages.forEach((v, i) => {
    const cluster = facts.clusterAnchors.find((c) => v.name.includes(c.match))
    const anchor = fixedOffice[i] !== null ? officeKm[fixedOffice[i]!] : cluster ? proj.toKm(cluster.at) : null
    if (anchor) {
      pointOf[i] = nearestFree(villagePoints, taken, anchor)
      taken[pointOf[i]] = true
    }
  })
  villages.forEach((_, i) => {
    if (pointOf[i] >= 0) return
    const free = villagePoints.map((_, j) => j).filter((j) => !taken[j])
    pointOf[i] = free[Math.floor(rng.next() * free.length)]
    taken[pointOf[i]] = true
  })
  const tier1Cells = partition(outline, villagePoints).map(withoutSlivers)
  const officeOf = villages.map((_, i) => {
    if (fixedOffice[i] !== null) return fixedOffice[i]!
    const p = villagePoints[pointOf[i]]
    return officeKm.reduce((best, o, j) => (dist2(p, o) < dist2(p, officeKm[best]) ? j : best), 0)
  })
  villages.forEach((v, i) =>
    unit({
      key: `village:${v.code}`,
      code: v.code,
      name: v.name,
      kind: 'village',
      villageType: villageTypeOf(v),
      officialName: v.officialName,
      parentKey: `office:${facts.offices[officeOf[i]].key}`,
      illustrative: true // the office assignment is illustrative; name and code are official
    })
  )

  // --- Tier 2: ~600 cells; 583 经济社, the rest complexes and buildings -----------------------------
  type Cell = { village: number; shape: MultiPolygonCoords; kind: string; name: string; code: string; parent: number }
  const isPark = villages.map((v) => villageTypeOf(v) === '园区')
  const parkCount = isPark.filter(Boolean).length
  const nonPark = villages.map((_, i) => i).filter((i) => !isPark[i])
  const nonParkCounts = apportion(
    facts.gridTargets.tier2 - parkCount * 2,
    nonPark.map((i) => multiPolygonArea(tier1Cells[pointOf[i]])),
    3
  )
  const tier2Count = villages.map((_, i) => (isPark[i] ? 2 : nonParkCounts[nonPark.indexOf(i)]))
  // Non-经济社 tier-2 cells beyond the parks' go to the first cells of the most urban communities.
  let urbanQuota = facts.gridTargets.tier2 - facts.gridTargets.economicCooperatives - parkCount * 2
  const tier2: Cell[] = []
  villages.forEach((v, i) => {
    const used = new Set<string>()
    const shape = tier1Cells[pointOf[i]]
    const cells = partition(shape, spreadPoints(shape, tier2Count[i], rng, 2)).map(withoutSlivers)
    cells.forEach((c, j) => {
      let kind: string
      let name: string
      if (isPark[i]) {
        kind = j % 2 === 0 ? '商务楼宇' : '住宅小区'
        name = kind === '商务楼宇' ? commercialBuildingName(rng, used) : residentialComplexName(rng, used)
      } else if (urbanQuota > 0 && v.name === '大学城社区' && j === 0) {
        urbanQuota--
        kind = '住宅小区'
        name = residentialComplexName(rng, used)
      } else {
        kind = '经济社'
        name = economicCooperativeName(rng, used)
      }
      tier2.push({ village: i, shape: c, kind, name, code: `${v.code}${String(j + 1).padStart(3, '0')}`, parent: i })
    })
  })
  // Any quota left (a town with no 大学城社区) becomes 居民小组 in the largest community cells.
  for (const c of tier2.filter((c) => c.kind === '经济社' && villageTypeOf(villages[c.village]) === '社区')) {
    if (urbanQuota <= 0) break
    c.kind = '居民小组'
    c.name = residentsGroupName(rng, new Set())
    urbanQuota--
  }

  // --- Tier 3: ~1,400 cells, 2 per tier-2 cell and a third in the largest ---------------------------
  const extra = facts.gridTargets.tier3 - tier2.length * 2
  const byArea = tier2.map((c, i) => [multiPolygonArea(c.shape), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  const tier3Count = tier2.map(() => 2)
  for (let k = 0; k < extra && k < byArea.length; k++) tier3Count[byArea[k][1]]++
  const tier3: Cell[] = []
  tier2.forEach((p, pi) => {
    const cells = partition(p.shape, spreadPoints(p.shape, tier3Count[pi], rng, 2)).map(withoutSlivers)
    const kind = p.kind === '经济社' ? '党小组' : p.kind === '居民小组' ? '巷长' : '楼长'
    cells.forEach((c, j) => {
      const n = chineseNumber(j + 1)
      const name = kind === '党小组' ? `${p.name}第${n}党小组` : `${p.name}第${n}${kind}片区`
      tier3.push({ village: p.village, shape: c, kind, name, code: `${p.code}${String(j + 1).padStart(2, '0')}`, parent: pi })
    })
  })

  // --- Figures: tier-3 households and population add up to the town totals; parents are sums ------
  const villageShare = villages.map((v, i) => (isPark[i] ? rng.range(0.75, 0.9) : v.name === '大学城社区' ? 0.85 : rng.range(0.5, 0.72)))
  const weight = tier3.map((c) => Math.sqrt(multiPolygonArea(c.shape)) * rng.range(0.6, 1.4) * (isPark[c.village] ? 0.5 : 1))
  const households = apportion(facts.townTotals.households, weight)
  const nonHukou = apportion(
    facts.townTotals.nonHukouPopulation,
    weight.map((w, i) => w * villageShare[tier3[i].village])
  )
  const registered = apportion(
    facts.townTotals.registeredPopulation,
    weight.map((w, i) => w * (1 - villageShare[tier3[i].village]))
  )

  // --- Output: shared boundaries made identical, then WGS-84 at 6 decimals (≈0.1 m) --------------
  const tier1Shapes = villages.map((_, i) => tier1Cells[pointOf[i]])
  const noded = nodeShapes([outline, ...tier1Shapes, ...tier2.map((c) => c.shape), ...tier3.map((c) => c.shape)])
  const nodedOutline = noded[0]
  tier1Shapes.forEach((_, i) => (tier1Shapes[i] = noded[1 + i]))
  tier2.forEach((c, i) => (c.shape = noded[1 + villages.length + i]))
  tier3.forEach((c, i) => (c.shape = noded[1 + villages.length + tier2.length + i]))
  const toGeo = (mp: MultiPolygonCoords) => withoutRepeatedPoints(mapCoords(mp, (p) => proj.toLonLat(p).map((v) => roundTo(v, 6)) as Pt))
  const grids: DemoGrid[] = []
  const emit = (g: Omit<DemoGrid, 'geometry' | 'bbox' | 'labelPoint' | 'areaKm2' | 'illustrative' | 'sortOrder'>, shape: MultiPolygonCoords) => {
    const geo = toGeo(shape)
    grids.push({
      ...g,
      geometry: JSON.stringify(toGeoJsonGeometry(geo)),
      bbox: bboxOf(geo),
      labelPoint: proj.toLonLat(labelPoint(shape)).map((v) => roundTo(v, 6)) as Pt,
      areaKm2: roundTo(multiPolygonArea(shape), 4),
      illustrative: true,
      sortOrder: grids.length
    })
  }
  const sum = (xs: number[], pick: (i: number) => boolean) => xs.reduce((s, x, i) => (pick(i) ? s + x : s), 0)
  villages.forEach((v, i) => {
    const inVillage = (k: number) => tier3[k].village === i
    emit(
      {
        key: `g1:${v.code}`,
        tier: 1,
        code: v.code,
        name: v.name,
        label: v.name.replace('南海科技工业园', '科技园'),
        kind: villageTypeOf(v),
        parentKey: null,
        villageKey: `village:${v.code}`,
        partyOrganisation: `${v.name}党委`,
        inspector: null,
        households: sum(households, inVillage),
        registeredPopulation: sum(registered, inVillage),
        nonHukouPopulation: sum(nonHukou, inVillage)
      },
      tier1Shapes[i]
    )
  })
  tier2.forEach((c, ci) => {
    const under = (k: number) => tier3[k].parent === ci
    emit(
      {
        key: `g2:${c.code}`,
        tier: 2,
        code: c.code,
        name: c.name,
        label: c.name,
        kind: c.kind,
        parentKey: `g1:${villages[c.village].code}`,
        villageKey: `village:${villages[c.village].code}`,
        partyOrganisation: `${c.name}党支部`,
        inspector: null,
        households: sum(households, under),
        registeredPopulation: sum(registered, under),
        nonHukouPopulation: sum(nonHukou, under)
      },
      c.shape
    )
  })
  tier3.forEach((c, k) => {
    const parent = tier2[c.parent]
    emit(
      {
        key: `g3:${c.code}`,
        tier: 3,
        code: c.code,
        name: c.name,
        label: c.name.slice(parent.name.length),
        kind: c.kind,
        parentKey: `g2:${parent.code}`,
        villageKey: `village:${villages[c.village].code}`,
        partyOrganisation: c.kind === '党小组' ? c.name : `${parent.name}党支部${c.name.slice(parent.name.length).replace(/片区$/, '')}党小组`,
        inspector: personName(rng),
        households: households[k],
        registeredPopulation: registered[k],
        nonHukouPopulation: nonHukou[k]
      },
      c.shape
    )
  })
  const townUnit = units.find((u) => u.key === 'town')!
  townUnit.geometry = JSON.stringify(toGeoJsonGeometry(toGeo(nodedOutline)))
  townUnit.illustrative = false // the town is real; its outline is marked illustrative via meta
  return {
    seed,
    units,
    grids,
    meta: {
      demoSeed: String(seed),
      townOutlineIllustrative: 'true',
      townAreaKm2: String(roundTo(multiPolygonArea(outline), 2)),
      dataNote: facts.dataNote
    }
  }
}
