// 网格健康检查: what is wrong with a set of nested grids. Pure: grids in, problems out.
// Areas are measured in a local planar projection in square metres.
import {
  bboxOf,
  localProjection,
  mapCoords,
  multiPolygonArea,
  labelPoint,
  type BBox,
  type MultiPolygonCoords,
  type Pt,
  withoutRepeatedPoints
} from '../../kernel/geometry'
import { ringSelfIntersection } from './gridShape'
import { clip, ClipError } from './clip'

export type HealthGrid = {
  id: number
  tier: number
  name: string
  parentId: number | null
  shape: MultiPolygonCoords | null
  partyOrganisation: string | null
  inspector: string | null
  /** Party members in the group (tier 3): community members living there plus reporting members placed there. */
  members?: number
}

export type ProblemKind =
  | 'OUTSIDE_PARENT'
  | 'OVERLAP'
  | 'GAP'
  | 'SELF_INTERSECTION'
  | 'SLIVER'
  | 'NO_GEOMETRY'
  | 'NO_INSPECTOR'
  | 'NO_PARTY_ORGANISATION'
  | 'OVER_CAPACITY'
  | 'NOT_CHECKED'

export type HealthProblem = {
  kind: ProblemKind
  severity: 'error' | 'warning'
  gridIds: number[]
  message: string
  areaM2: number | null
  percent: number | null
  /** Where to look (lon/lat) and, for area problems, the problem area itself (WGS-84). */
  bbox: BBox | null
  point: Pt | null
  area: MultiPolygonCoords | null
}

export type HealthOptions = {
  /** Ignore overlaps, gaps and outside parts smaller than this (m²): coordinate rounding, not errors. */
  toleranceM2: number
  /** Ignore overlap/gap parts thinner than this on average (2·area/perimeter, metres): the slivers that
   *  centimetre coordinate rounding leaves along long shared edges, as a digitising snap tolerance does. */
  minWidthM: number
  /** A grid smaller than this (m²) or thinner than `sliverThinness` is a sliver. */
  sliverAreaM2: number
  /** Isoperimetric quotient 4πA/P² below which a shape is a sliver (1 = circle). */
  sliverThinness: number
  /** Party members a tier-3 group may hold (约每30人一个党小组, seed 001). */
  partyGroupCapacity: number
}
export const defaultHealthOptions: HealthOptions = { toleranceM2: 1, minWidthM: 0.1, sliverAreaM2: 200, sliverThinness: 0.04, partyGroupCapacity: 30 }

type Planar = { grid: HealthGrid; m: MultiPolygonCoords; bbox: BBox; areaM2: number }

/** Boolean operations in metres, snapping to 1 mm then 1 cm if the exact computation fails. */
const pc = {
  intersection: (...g: MultiPolygonCoords[]) => clip('intersection', g, [1e-3, 1e-2]),
  difference: (...g: MultiPolygonCoords[]) => clip('difference', g, [1e-3, 1e-2])
}

const touches = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
const perimeter = (mp: MultiPolygonCoords) =>
  mp.reduce((s, poly) => s + poly.reduce((r, ring) => r + ring.slice(1).reduce((t, p, i) => t + Math.hypot(p[0] - ring[i][0], p[1] - ring[i][1]), 0), 0), 0)
/** The parts of a problem area that are real: not hairline slivers from rounding. */
const significant = (mp: MultiPolygonCoords, o: HealthOptions) =>
  mp.filter((poly) => {
    const a = multiPolygonArea([poly])
    return a > o.toleranceM2 && (2 * a) / perimeter([poly]) >= o.minWidthM
  })
const fmtArea = (m2: number) => (m2 >= 10_000 ? `${(m2 / 1_000_000).toFixed(4)} 平方公里` : `${m2.toFixed(1)} 平方米`)

/**
 * Check grids for: parts outside their parent, overlaps between siblings, gaps (parent area no
 * child covers, with %), self-intersections, slivers, missing shapes, inspectors (tier 3) and party
 * organisations. `outline` (optional) is the town: tier-1 grids are checked against it like children.
 */
export function checkGridHealth(grids: HealthGrid[], outline: MultiPolygonCoords | null, options: HealthOptions = defaultHealthOptions): HealthProblem[] {
  const problems: HealthProblem[] = []
  const withShape = grids.filter((g) => g.shape && g.shape.length > 0).map((g) => ({ ...g, shape: withoutRepeatedPoints(g.shape!) }))
  if (withShape.length === 0 && !outline) return missingFacts(grids, options)
  const all = [...withShape.flatMap((g) => g.shape!), ...(outline ?? [])]
  const b = bboxOf(all)
  const proj = localProjection([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2])
  const toM = (mp: MultiPolygonCoords) => mapCoords(mp, (p) => proj.toKm(p).map((v) => v * 1000) as Pt)
  const toGeo = (mp: MultiPolygonCoords) => mapCoords(mp, ([x, y]) => proj.toLonLat([x / 1000, y / 1000]))
  const place = (area: MultiPolygonCoords) => {
    const geo = toGeo(area)
    return { bbox: bboxOf(geo), point: proj.toLonLat(labelPoint(area).map((v) => v / 1000) as Pt), area: geo }
  }

  /** Run one comparison; if the geometry engine cannot, say so as a warning instead of failing the whole check. */
  const attempt = (involved: HealthGrid[], what: string, f: () => MultiPolygonCoords): MultiPolygonCoords | null => {
    try {
      return f()
    } catch (e) {
      if (!(e instanceof ClipError)) throw e
      problems.push({
        kind: 'NOT_CHECKED',
        severity: 'warning',
        gridIds: involved.map((g) => g.id),
        message: `无法计算${involved.map((g) => `“${g.name}”`).join('与') || '镇域'}的${what}（边界可能有极细的尖角或重合的边），请检查后重试。`,
        areaM2: null,
        percent: null,
        bbox: involved[0]?.shape ? bboxOf(involved[0].shape) : null,
        point: null,
        area: null
      })
      return null
    }
  }

  const planar = new Map<number, Planar>()
  for (const g of withShape) {
    // Self-intersecting rings make every other measure meaningless for that grid: report and skip it.
    const crossing = g
      .shape!.flatMap((poly) => poly)
      .map(ringSelfIntersection)
      .find(Boolean)
    if (crossing) {
      problems.push({
        kind: 'SELF_INTERSECTION',
        severity: 'error',
        gridIds: [g.id],
        message: `“${g.name}”的边界自相交。`,
        areaM2: null,
        percent: null,
        bbox: bboxOf(g.shape!),
        point: crossing,
        area: null
      })
      continue
    }
    const m = toM(g.shape!)
    planar.set(g.id, { grid: g, m, bbox: bboxOf(m), areaM2: multiPolygonArea(m) })
  }

  const children = new Map<number | 'town', Planar[]>()
  for (const p of planar.values()) {
    const key = p.grid.parentId ?? 'town'
    if (key === 'town' && p.grid.tier !== 1) continue
    children.set(key, [...(children.get(key) ?? []), p])
  }
  const parents: [number | 'town', { name: string; m: MultiPolygonCoords; areaM2: number } | null][] = [...children.keys()].map((key) => {
    if (key === 'town') return [key, outline ? { name: '镇域', m: toM(outline), areaM2: multiPolygonArea(toM(outline)) } : null]
    const p = planar.get(key)
    return [key, p ? { name: p.grid.name, m: p.m, areaM2: p.areaM2 } : null]
  })

  for (const [key, parent] of parents) {
    const kids = children.get(key)!
    // Overlaps between siblings.
    for (let i = 0; i < kids.length; i++)
      for (let j = i + 1; j < kids.length; j++) {
        if (!touches(kids[i].bbox, kids[j].bbox)) continue
        const overlap = attempt([kids[i].grid, kids[j].grid], '重叠', () => significant(pc.intersection(kids[i].m, kids[j].m), options))
        if (!overlap) continue
        const a = multiPolygonArea(overlap)
        if (a > options.toleranceM2)
          problems.push({
            kind: 'OVERLAP',
            severity: 'error',
            gridIds: [kids[i].grid.id, kids[j].grid.id],
            message: `“${kids[i].grid.name}”与“${kids[j].grid.name}”重叠 ${fmtArea(a)}。`,
            areaM2: a,
            percent: (a / Math.min(kids[i].areaM2, kids[j].areaM2)) * 100,
            ...place(overlap)
          })
      }
    if (!parent) continue
    // Children outside their parent.
    for (const k of kids) {
      const outside = attempt([k.grid], '是否超出上级', () => significant(pc.difference(k.m, parent.m), options))
      if (!outside) continue
      const a = multiPolygonArea(outside)
      if (a > options.toleranceM2)
        problems.push({
          kind: 'OUTSIDE_PARENT',
          severity: 'error',
          gridIds: [k.grid.id],
          message: `“${k.grid.name}”有 ${fmtArea(a)}（${((a / k.areaM2) * 100).toFixed(2)}%）超出上级“${parent.name}”。`,
          areaM2: a,
          percent: (a / k.areaM2) * 100,
          ...place(outside)
        })
    }
    // Gaps: parent area no child covers.
    const gap = attempt(key === 'town' ? [] : [planar.get(key)!.grid], '空隙', () => significant(pc.difference(parent.m, ...kids.map((k) => k.m)), options))
    if (!gap) continue
    const gapArea = multiPolygonArea(gap)
    if (gapArea > options.toleranceM2) {
      const pct = (gapArea / parent.areaM2) * 100
      problems.push({
        kind: 'GAP',
        severity: 'error',
        gridIds: key === 'town' ? [] : [key],
        message: `“${parent.name}”有 ${fmtArea(gapArea)}（${pct.toFixed(2)}%）不属于任何下级网格${gap.length > 1 ? `，分布在 ${gap.length} 处` : ''}。`,
        areaM2: gapArea,
        percent: pct,
        ...place(gap)
      })
    }
  }

  // Slivers.
  for (const p of planar.values()) {
    const thinness = (4 * Math.PI * p.areaM2) / perimeter(p.m) ** 2
    if (p.areaM2 < options.sliverAreaM2 || thinness < options.sliverThinness)
      problems.push({
        kind: 'SLIVER',
        severity: 'warning',
        gridIds: [p.grid.id],
        message: `“${p.grid.name}”面积仅 ${fmtArea(p.areaM2)}${thinness < options.sliverThinness ? '，形状极为狭长' : ''}，可能是碎片。`,
        areaM2: p.areaM2,
        percent: null,
        ...place(p.m)
      })
  }
  return [...problems, ...missingFacts(grids, options)]
}

function missingFacts(grids: HealthGrid[], options: HealthOptions): HealthProblem[] {
  const out: HealthProblem[] = []
  const at = (g: HealthGrid) => (g.shape ? { bbox: bboxOf(g.shape), point: null, area: null } : { bbox: null, point: null, area: null })
  for (const g of grids) {
    if (!g.shape)
      out.push({ kind: 'NO_GEOMETRY', severity: 'warning', gridIds: [g.id], message: `“${g.name}”尚未绘制边界。`, areaM2: null, percent: null, ...at(g) })
    if (g.tier === 3 && !g.inspector?.trim())
      out.push({ kind: 'NO_INSPECTOR', severity: 'warning', gridIds: [g.id], message: `“${g.name}”没有网格巡查员。`, areaM2: null, percent: null, ...at(g) })
    if (g.tier === 3 && (g.members ?? 0) > options.partyGroupCapacity)
      out.push({
        kind: 'OVER_CAPACITY',
        severity: 'warning',
        gridIds: [g.id],
        message: `“${g.name}”党小组有 ${g.members} 名党员，超过每组 ${options.partyGroupCapacity} 人，宜拆分网格或调整编组。`,
        areaM2: null,
        percent: null,
        ...at(g)
      })
    if (!g.partyOrganisation?.trim())
      out.push({
        kind: 'NO_PARTY_ORGANISATION',
        severity: 'warning',
        gridIds: [g.id],
        message: `“${g.name}”没有填写党组织。`,
        areaM2: null,
        percent: null,
        ...at(g)
      })
  }
  return out
}
