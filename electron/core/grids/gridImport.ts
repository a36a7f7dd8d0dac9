// grids.import: read a boundary file, convert it to WGS-84, plan which features become grids,
// and either report (dry run) or commit every accepted feature in one transaction, as one
// undoable batch. Whatever the bytes, the answer is a report, never a crash or a partial write.
import type { Output, ParsedInput, Tier } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { grids, units } from '../db/schema'
import { idList, sqlOn } from '../db/sql'
import { convertShape, type Crs } from './domain/crs'
import { fromGeoJsonGeometry, type MultiPolygonCoords } from '../kernel/geometry'
import { guessField, planImport, type ImportContext, type ImportOptions } from './domain/importPlan'
import { describeHoldings, holdsAnyone, nextChildCode } from './domain/gridRules'
import { createGridHoldings } from './gridHoldings'
import { readGridFile } from './files/readGridFile'
import { ImportFileError, type RawFeature } from './files/types'
import { beginBatch } from '../changes/changes'
import { measuredColumns } from '../db/gridColumns'

type Report = Output<'grids.import'>
const tierWord = ['', '一级', '二级', '三级']

/** Move a feature's polygon coordinates from the source system to WGS-84; leave anything else for the plan to reject. */
function toWgs84(f: RawFeature, crs: Crs): RawFeature {
  if (crs === 'WGS84') return f
  const g = f.geometry as { type?: string; coordinates?: unknown } | null
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return f
  try {
    const converted = convertShape(fromGeoJsonGeometry(g as never), crs, 'WGS84')
    return { ...f, geometry: g.type === 'Polygon' ? { type: 'Polygon', coordinates: converted[0] } : { type: 'MultiPolygon', coordinates: converted } }
  } catch {
    return f
  }
}

export function createGridImportService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const holdings = createGridHoldings(db, clock)
  function context(tier: Tier, withShapes: boolean): ImportContext {
    const parentRows = tier > 1 ? sql.where(grids, 'tier = ?', tier - 1) : []
    const codesUnderParent = new Map<number, string[]>()
    if (tier > 1) {
      const rows = sql.rows<{ parent: number; code: string }>(
        'select c.parent_id as parent, c.code from grids c where c.tier = ? union all select c.parent_id, g.code from grids c join grids g on g.parent_id = c.id where c.tier = ?',
        tier,
        tier
      )
      for (const r of rows) codesUnderParent.set(r.parent, [...(codesUnderParent.get(r.parent) ?? []), r.code])
    }
    const town = sql.where(units, "kind = 'town'")[0]
    return {
      parents: parentRows.map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        villageUnitId: p.villageUnitId,
        shape: withShapes && p.geometry ? fromGeoJsonGeometry(JSON.parse(p.geometry)) : null,
        bbox: p.geometry ? [p.minLon!, p.minLat!, p.maxLon!, p.maxLat!] : null
      })),
      existingCodes: new Set(sql.values<string>('select code from grids')),
      codesUnderParent,
      tier1ByCode: new Map(
        tier === 1 ? sql.rows<{ id: number; code: string; name: string }>('select id, code, name from grids where tier = 1').map((g) => [g.code, g]) : []
      ),
      townOutline: town?.geometry ? (fromGeoJsonGeometry(JSON.parse(town.geometry)) as MultiPolygonCoords) : null
    }
  }

  function run(input: ParsedInput<'grids.import'>, actor: string): Report {
    const bytes = Buffer.from(input.contentBase64, 'base64')
    const empty = {
      format: null,
      featureCount: 0,
      fields: [],
      warnings: [],
      options: null,
      accepted: 0,
      rejected: [],
      replacedGrids: 0,
      preview: { type: 'FeatureCollection' as const, features: [] },
      committed: false,
      batchId: null
    }
    let read
    try {
      read = readGridFile(input.fileName, bytes)
    } catch (e) {
      if (e instanceof ImportFileError) return { ...empty, fileError: e.message }
      return { ...empty, fileError: `无法读取文件“${input.fileName}”：${(e as Error).message}` }
    }
    const o = input.options
    const options: ImportOptions = {
      tier: o.tier,
      mode: o.mode,
      parentMatch: o.parentMatch,
      kind: o.kind,
      nameField: o.nameField ?? guessField(read.fields, 'name'),
      codeField: o.codeField ?? guessField(read.fields, 'code'),
      parentField: o.parentField ?? guessField(read.fields, 'parent')
    }
    const ctx = context(o.tier, o.parentMatch === 'location')
    const plan = planImport(
      read.features.map((f) => toWgs84(f, o.crs)),
      options,
      ctx
    )
    const parentName = new Map(ctx.parents.map((p) => [p.id, p.name]))
    const replacedGrids = plan.replacedParents.reduce((s, p) => s + (ctx.codesUnderParent.get(p)?.length ?? 0), 0)
    // Replace: the grids that go (the parents' current grids of this tier, and theirs), and what hangs on them.
    const olds = plan.replacedParents.length ? sql.where(grids, 'parent_id in (select value from json_each(?))', idList(plan.replacedParents)) : []
    const below = olds.length ? sql.where(grids, 'parent_id in (select value from json_each(?))', idList(olds.map((g) => g.id))) : []
    const goingTier3 = [...olds, ...below].filter((g) => g.tier === 3).map((g) => g.id)
    const held = { ...holdings.holdings(goingTier3), issues: holdings.issuesIn([...olds, ...below].map((g) => g.id)).length }
    const warnings = [...read.warnings]
    if (holdsAnyone(held))
      warnings.push(
        `替换将清空原有网格上的 ${describeHoldings(held)}：有坐标的居民住址、出租屋和事件按坐标落入新的三级网格，户、报到党员和三长须重新编入（可整批撤销）。`
      )
    const report: Report = {
      format: read.format,
      fileError: null,
      featureCount: read.features.length,
      fields: read.fields,
      warnings,
      options: { ...o, nameField: options.nameField ?? null, codeField: options.codeField ?? null, parentField: options.parentField ?? null },
      accepted: plan.accepted.length,
      rejected: plan.rejected.map((r) => ({ index: r.index, name: r.name, reasons: r.reasons })),
      replacedGrids,
      preview: {
        type: 'FeatureCollection',
        features: [
          ...plan.accepted.map((a) => ({
            type: 'Feature' as const,
            geometry: a.geometry,
            properties: {
              index: a.index,
              name: a.name,
              status: 'accepted' as const,
              parent: a.parentId ? (parentName.get(a.parentId) ?? null) : null,
              reasons: null
            }
          })),
          ...plan.rejected
            .filter((r) => r.geometry)
            .map((r) => ({
              type: 'Feature' as const,
              geometry: r.geometry!,
              properties: { index: r.index, name: r.name ?? '', status: 'rejected' as const, parent: null, reasons: r.reasons.join('；') }
            }))
        ]
      },
      committed: false,
      batchId: null
    }
    if (input.dryRun || plan.accepted.length === 0) return report

    const batchId = sql.transaction(() => {
      const recorder = beginBatch(db, clock, {
        kind: 'import',
        actor,
        description: `导入“${input.fileName}”：${plan.accepted.length} 个${tierWord[o.tier]}网格${plan.replacedParents.length ? `（替换原有 ${replacedGrids} 个）` : ''}`
      })
      // Replace: what hangs on the grids that go is released first (recorded), then they go, deepest first.
      holdings.handOver(recorder, goingTier3, new Set([...olds, ...below].map((g) => g.id)), null)
      for (const row of [...below, ...olds]) {
        sql.remove(grids, row.id)
        recorder.deleted('grid', row)
      }
      const parents = new Map(ctx.parents.map((p) => [p.id, p]))
      // Codes in use under each parent, for numbering features that bring no code of their own.
      const codesUnder = new Map<number, string[]>()
      for (const r of sql.rows<{ parentId: number | null; code: string }>('select parent_id parentId, code from grids where tier = ?', o.tier))
        if (r.parentId !== null) codesUnder.set(r.parentId, [...(codesUnder.get(r.parentId) ?? []), r.code])
      // …and the codes the file itself brings, so an automatic number never takes one of them.
      for (const a of plan.accepted) if (a.code && a.parentId !== null) codesUnder.set(a.parentId, [...(codesUnder.get(a.parentId) ?? []), a.code])
      let sortOrder = sql.value<number>('select coalesce(max(sort_order), 0) from grids')!
      for (const a of plan.accepted) {
        const columns = measuredColumns(a.geometry, a.measure)
        if (a.updateId) {
          const before = sql.find(grids, a.updateId)!
          const after = sql.update(grids, a.updateId, { ...columns, illustrative: false, version: before.version + 1, ...a.attributes })!
          recorder.updated('grid', before, after)
          continue
        }
        const parent = parents.get(a.parentId!)!
        const siblings = codesUnder.get(parent.id) ?? []
        const code = a.code ?? nextChildCode(parent.code, o.tier, siblings)
        if (!a.code) codesUnder.set(parent.id, [...siblings, code])
        const row = sql.insert(grids, {
          tier: o.tier,
          code,
          label: a.name,
          illustrative: false,
          name: a.name,
          kind: a.kind,
          parentId: parent.id,
          villageUnitId: parent.villageUnitId,
          ...columns,
          partyOrganisation: a.attributes.partyOrganisation ?? null,
          inspector: a.attributes.inspector ?? null,
          households: a.attributes.households ?? 0,
          registeredPopulation: a.attributes.registeredPopulation ?? 0,
          nonHukouPopulation: a.attributes.nonHukouPopulation ?? 0,
          sortOrder: ++sortOrder
        })
        recorder.created('grid', row)
      }
      // …and what was released is placed again by its point, where the new grids have one.
      if (olds.length) holdings.placeByPoint(recorder, [...new Set(olds.map((g) => g.villageUnitId))])
      return recorder.batchId
    })
    return { ...report, committed: true, batchId }
  }

  return { run }
}
