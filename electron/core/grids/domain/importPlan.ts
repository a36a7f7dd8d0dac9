// Which imported features become grids, under which parent, and why the others are refused.
// Pure: features (already in WGS-84) and what the store holds in, a plan out.
import { gridKinds, type Tier } from '../../../shared/contract'
import { pointInMultiPolygon, toGeoJsonGeometry, type BBox, type MultiPolygonCoords } from '../../kernel/geometry'
import { checkGridGeometry, measureShape } from './gridShape'

export type ImportOptions = {
  tier: Tier
  /** How to find each feature's parent (tiers 2 and 3): by a code or name attribute, or by where it lies. */
  parentMatch: 'code' | 'name' | 'location'
  parentField?: string
  nameField?: string
  codeField?: string
  kind?: string
  /** add: new grids beside the existing ones; replace: the parents' current children of this tier go. */
  mode: 'add' | 'replace'
}

export type ParentCandidate = { id: number; code: string; name: string; villageUnitId: number; shape: MultiPolygonCoords | null; bbox: BBox | null }
export type ImportContext = {
  parents: ParentCandidate[]
  /** Every code in use, and for replace mode the codes that would be freed under each parent. */
  existingCodes: Set<string>
  codesUnderParent: Map<number, string[]>
  /** Tier-1 import updates existing villages' boundaries, found by code. */
  tier1ByCode: Map<string, { id: number; name: string }>
  townOutline: MultiPolygonCoords | null
}

export type PlannedGrid = {
  index: number
  name: string
  code: string | null
  kind: string
  parentId: number | null
  /** Tier 1: the existing grid whose boundary this replaces. */
  updateId: number | null
  geometry: ReturnType<typeof toGeoJsonGeometry>
  /** Measured while checking, so the commit does not measure again. */
  measure: ReturnType<typeof measureShape>
  attributes: { households?: number; registeredPopulation?: number; nonHukouPopulation?: number; inspector?: string; partyOrganisation?: string }
}
export type Rejection = { index: number; name: string | null; reasons: string[]; geometry: ReturnType<typeof toGeoJsonGeometry> | null }
export type ImportPlan = { accepted: PlannedGrid[]; rejected: Rejection[]; replacedParents: number[] }

/** Attribute names officers' files commonly use, tried when no field is chosen. */
export const fieldGuesses = {
  name: ['name', 'NAME', 'Name', '名称', '网格名称', 'WGMC', 'MC'],
  code: ['code', 'CODE', 'Code', '编码', '网格编码', 'WGBM', 'BM', 'DM'],
  parent: ['parent_code', 'PARENT', '上级编码', 'SJBM', 'SJWGBM', 'parent_name', '上级名称', '所属村居']
}
const attributeGuesses: { key: keyof PlannedGrid['attributes']; names: string[]; numeric: boolean }[] = [
  { key: 'households', names: ['households', '户数', 'HS'], numeric: true },
  { key: 'registeredPopulation', names: ['registered_population', '户籍人口', 'HJRK'], numeric: true },
  { key: 'nonHukouPopulation', names: ['non_hukou_population', '非户籍人口', 'FHJRK', '流动人口'], numeric: true },
  { key: 'inspector', names: ['inspector', '网格巡查员', '巡查员', '网格员'], numeric: false },
  { key: 'partyOrganisation', names: ['party_organisation', '党组织', '党支部', '党小组'], numeric: false }
]

export function guessField(fields: string[], kind: keyof typeof fieldGuesses): string | undefined {
  return fieldGuesses[kind].find((g) => fields.includes(g))
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim())

export function planImport(
  features: { index: number; geometry: unknown; properties: Record<string, unknown> }[],
  options: ImportOptions,
  ctx: ImportContext
): ImportPlan {
  const accepted: PlannedGrid[] = []
  const rejected: Rejection[] = []
  const parentsByCode = new Map(ctx.parents.map((p) => [p.code, p]))
  const parentsByName = new Map<string, ParentCandidate[]>()
  for (const p of ctx.parents) parentsByName.set(p.name, [...(parentsByName.get(p.name) ?? []), p])
  const seenCodes = new Set<string>()
  const allowedKinds = gridKinds[options.tier] as readonly string[]
  const defaultKind = options.kind && allowedKinds.includes(options.kind) ? options.kind : allowedKinds[0]

  // First pass: each feature on its own.
  type Draft = PlannedGrid & { reasons: string[] }
  const drafts: Draft[] = features.map((f) => {
    const reasons: string[] = []
    const name = text(f.properties[options.nameField ?? '']).slice(0, 60)
    const code = text(f.properties[options.codeField ?? '']) || null
    if (!name) reasons.push(options.nameField ? `名称字段“${options.nameField}”为空` : '没有选择名称字段')
    let shape: MultiPolygonCoords | null = null
    if (f.geometry === null || f.geometry === undefined) reasons.push('没有几何（空图形）')
    else {
      const checked = checkGridGeometry(f.geometry)
      if (checked.shape) shape = checked.shape
      else reasons.push(...checked.problems.map((p) => p.message))
    }
    const measured = shape ? measureShape(shape) : null
    if (shape && measured && ctx.townOutline && !pointInMultiPolygon(measured.labelPoint, ctx.townOutline))
      reasons.push(
        `不在狮山镇范围内（位于 ${measured.labelPoint[0].toFixed(4)}, ${measured.labelPoint[1].toFixed(4)}；如果偏离约 600 米，请检查坐标系是否应为 GCJ-02）`
      )
    let parentId: number | null = null
    let updateId: number | null = null
    if (options.tier === 1) {
      const existing = code ? ctx.tier1ByCode.get(code) : undefined
      if (!existing)
        reasons.push(
          code ? `没有编码为 ${code} 的村居；一级网格只能更新已有村居的边界，新村居请先在网格树中新建` : '一级网格须有村居编码（12 位统计用区划代码）'
        )
      else updateId = existing.id
    } else if (options.parentMatch === 'location') {
      const [x, y] = measured ? measured.labelPoint : [0, 0]
      const inside = measured
        ? ctx.parents.filter(
            (p) => p.bbox && x >= p.bbox[0] && x <= p.bbox[2] && y >= p.bbox[1] && y <= p.bbox[3] && p.shape && pointInMultiPolygon([x, y], p.shape)
          )
        : []
      if (measured && inside.length === 0) reasons.push('不在任何上级网格内，无法按位置确定上级')
      else if (inside.length) parentId = inside[0].id
    } else {
      const key = text(f.properties[options.parentField ?? ''])
      if (!key) reasons.push(options.parentField ? `上级字段“${options.parentField}”为空` : '没有选择上级字段')
      else if (options.parentMatch === 'code') {
        const p = parentsByCode.get(key)
        if (p) parentId = p.id
        else reasons.push(`找不到编码为 ${key} 的上级网格`)
      } else {
        const found = parentsByName.get(key) ?? []
        if (found.length === 1) parentId = found[0].id
        else reasons.push(found.length ? `上级名称“${key}”不唯一（${found.length} 个），请改用编码匹配` : `找不到名为“${key}”的上级网格`)
      }
    }
    const kindValue = text(f.properties['kind'] ?? f.properties['类型'])
    const attributes: PlannedGrid['attributes'] = {}
    for (const { key, names, numeric } of attributeGuesses) {
      const field = names.find((n) => n in f.properties)
      const v = field ? f.properties[field] : undefined
      if (v === undefined || v === null || v === '') continue
      if (numeric) {
        const n = Number(v)
        if (Number.isInteger(n) && n >= 0) (attributes as Record<string, unknown>)[key] = n
      } else (attributes as Record<string, unknown>)[key] = text(v).slice(0, 60)
    }
    return {
      index: f.index,
      name,
      code,
      kind: allowedKinds.includes(kindValue) ? kindValue : defaultKind,
      parentId,
      updateId,
      geometry: shape ? toGeoJsonGeometry(shape) : (null as never),
      measure: measured as never,
      attributes,
      reasons
    }
  })

  // Second pass: codes must be unique in the file and, unless freed by replacement, in the store.
  const replacedParents =
    options.mode === 'replace' && options.tier > 1
      ? [...new Set(drafts.filter((d) => d.parentId !== null && d.reasons.length === 0).map((d) => d.parentId!))]
      : []
  const freed = new Set(replacedParents.flatMap((p) => ctx.codesUnderParent.get(p) ?? []))
  for (const d of drafts) {
    if (d.code && options.tier > 1) {
      if (seenCodes.has(d.code)) d.reasons.push(`编码 ${d.code} 在文件中重复`)
      else if (ctx.existingCodes.has(d.code) && !freed.has(d.code)) d.reasons.push(`编码 ${d.code} 已被现有网格使用`)
      seenCodes.add(d.code)
    }
    const { reasons, ...grid } = d
    if (reasons.length) rejected.push({ index: d.index, name: d.name || null, reasons, geometry: d.geometry ?? null })
    else accepted.push(grid)
  }
  return { accepted, rejected, replacedParents }
}
