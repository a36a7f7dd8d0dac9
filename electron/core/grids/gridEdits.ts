// Changing grids: create, edit attributes, re-parent, delete, reshape, and move a village to
// another office. Every write is one transaction with its change batch; stale versions are refused.
import type { ParsedInput, Tier } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { grids, units } from '../db/schema'
import { idList, sqlOn } from '../db/sql'
import { AppError, notFound } from '../errors'
import { deletionBlocker, holdsAnyone, kindProblem, nextChildCode, reparentProblem } from './domain/gridRules'
import { createGridHoldings } from './gridHoldings'
import { fromGeoJsonGeometry, multiPolygonArea, pointInMultiPolygon, toGeoJsonGeometry, type Pt } from '../kernel/geometry'
import { splitByLine } from './domain/splitShape'
import { beginBatch } from '../changes/changes'
import { geometryColumns } from '../db/gridColumns'

type GridRow = typeof grids.$inferSelect
type UnitRow = typeof units.$inferSelect

function uniqueCodeError(e: unknown, code: string): never {
  if (e instanceof Error && /UNIQUE constraint failed: (grids|units)\.code/.test(e.message))
    throw new AppError('CONFLICT', `编码“${code}”已被其他网格或单位使用，请换一个编码。`)
  throw e
}

export function createGridEditService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const { holdings, issuesIn, handOver } = createGridHoldings(db, clock)
  const gridById = (id: number): GridRow => {
    const g = sql.find(grids, id)
    if (!g) throw notFound('网格', id)
    return g
  }
  const current = (id: number, version: number): GridRow => {
    const g = gridById(id)
    if (g.version !== version)
      throw new AppError('CONFLICT', `“${g.name}”已被他人修改（当前版本 ${g.version}，你看到的是版本 ${version}）。你的修改未保存，请刷新后重试。`)
    return g
  }
  const unitById = (id: number): UnitRow => {
    const u = sql.find(units, id)
    if (!u) throw notFound('单位', id)
    return u
  }

  function create(input: ParsedInput<'grids.create'>, actor: string): { id: number; batchId: number } {
    const badKind = kindProblem(input.tier, input.kind)
    if (badKind) throw new AppError('BAD_INPUT', badKind)
    return sql.transaction(() => {
      const recorder = beginBatch(db, clock, { kind: 'create', actor, description: `新建网格“${input.name}”` })
      let villageUnitId: number
      let parentId: number | null = null
      let code = input.code
      if (input.tier === 1) {
        if (!input.officeId) throw new AppError('BAD_INPUT', '新建一级网格（村/社区）须指定所属管理处。')
        const office = unitById(input.officeId)
        if (office.kind !== 'office') throw new AppError('BAD_INPUT', `“${office.name}”不是管理处。`)
        if (!code) throw new AppError('BAD_INPUT', '新建一级网格须填写村居的 12 位统计用区划代码。')
        try {
          const unit = sql.insert(units, {
            code,
            name: input.name,
            kind: 'village',
            villageType: input.kind === '村' ? '村' : input.kind === '园区' ? '园区' : '社区',
            parentId: office.id,
            illustrative: false
          })
          recorder.created('unit', unit)
          villageUnitId = unit.id
        } catch (e) {
          uniqueCodeError(e, code)
        }
      } else {
        if (!input.parentId) throw new AppError('BAD_INPUT', `新建${input.tier === 2 ? '二' : '三'}级网格须指定上级网格。`)
        const parent = gridById(input.parentId)
        const problem = reparentProblem({ id: -1, tier: input.tier, parentId: null, villageUnitId: parent.villageUnitId, name: input.name }, parent)
        if (problem) throw new AppError('BAD_INPUT', problem)
        parentId = parent.id
        villageUnitId = parent.villageUnitId
        if (!code) {
          const siblings = sql.values<string>('select code from grids where parent_id = ?', parent.id)
          code = nextChildCode(parent.code, input.tier as Tier, siblings)
        }
      }
      try {
        const row = sql.insert(grids, {
          tier: input.tier,
          code,
          name: input.name,
          label: input.label ?? input.name,
          kind: input.kind,
          parentId,
          villageUnitId: villageUnitId!,
          partyOrganisation: input.partyOrganisation ?? null,
          inspector: input.inspector ?? null,
          households: input.households ?? 0,
          registeredPopulation: input.registeredPopulation ?? 0,
          nonHukouPopulation: input.nonHukouPopulation ?? 0,
          illustrative: false,
          sortOrder: (sql.value<number | null>('select max(sort_order) from grids') ?? 0) + 1,
          ...geometryColumns(input.geometry ?? null)
        })
        recorder.created('grid', row)
        return { id: row.id, batchId: recorder.batchId }
      } catch (e) {
        return uniqueCodeError(e, code)
      }
    })
  }

  function update(input: ParsedInput<'grids.update'>, actor: string): { version: number; batchId: number } {
    return sql.transaction(() => {
      const before = current(input.id, input.version)
      const badKind = input.patch.kind ? kindProblem(before.tier, input.patch.kind) : null
      if (badKind) throw new AppError('BAD_INPUT', badKind)
      const patch = { ...input.patch, ...(input.patch.name && !input.patch.label && before.tier < 3 ? { label: input.patch.name } : {}) }
      const recorder = beginBatch(db, clock, { kind: 'edit', actor, description: `修改网格“${before.name}”` })
      try {
        const after = sql.update(grids, before.id, { ...patch, version: before.version + 1 })!
        recorder.updated('grid', before, after)
        return { version: after.version, batchId: recorder.batchId }
      } catch (e) {
        return uniqueCodeError(e, patch.code ?? '')
      }
    })
  }

  function setGeometry(input: ParsedInput<'grids.setGeometry'>, actor: string): { version: number; batchId: number } {
    return sql.transaction(() => {
      const before = current(input.id, input.version)
      const recorder = beginBatch(db, clock, { kind: 'geometry', actor, description: `修改“${before.name}”的边界` })
      const after = sql.update(grids, before.id, { ...geometryColumns(input.geometry), version: before.version + 1 })!
      recorder.updated('grid', before, after)
      return { version: after.version, batchId: recorder.batchId }
    })
  }

  /** Move a grid (and everything under it) to another parent of the right tier. */
  function move(input: ParsedInput<'grids.move'>, actor: string): { version: number; batchId: number } {
    return sql.transaction(() => {
      const before = current(input.id, input.version)
      const parent = gridById(input.parentId)
      const problem = reparentProblem(before, parent)
      if (problem) throw new AppError('BAD_INPUT', problem)
      const recorder = beginBatch(db, clock, { kind: 'move', actor, description: `把“${before.name}”移到“${parent.name}”下` })
      const after = sql.update(grids, before.id, { parentId: parent.id, villageUnitId: parent.villageUnitId, version: before.version + 1 })!
      const from = before.parentId ? gridById(before.parentId).name : '（无）'
      recorder.updated('grid', before, after, `上级网格：${from} → ${parent.name}`)
      if (parent.villageUnitId !== before.villageUnitId) {
        for (const child of sql.where(grids, 'parent_id = ?', before.id)) {
          const moved = sql.update(grids, child.id, { villageUnitId: parent.villageUnitId, version: child.version + 1 })!
          recorder.updated('grid', child, moved)
        }
      }
      return { version: after.version, batchId: recorder.batchId }
    })
  }

  /** Delete a grid. With children: refuse (default), delete them too, or move them to another grid first. */
  function remove(input: ParsedInput<'grids.delete'>, actor: string): { deleted: number; batchId: number } {
    return sql.transaction(() => {
      const target = current(input.id, input.version)
      const children = sql.where(grids, 'parent_id = ? order by id', target.id)
      const grandchildren = children.length ? sql.where(grids, 'parent_id in (select value from json_each(?))', idList(children.map((c) => c.id))) : []
      // People hang on tier-3 grids: the target itself, or those that go with it in a cascade.
      const goingTier3 = [target, ...children, ...grandchildren]
        .filter((g) => g.tier === 3 && (g.id === target.id || input.children === 'cascade' || input.children === 'refuse'))
        .map((g) => g.id)
      // Grids that go: the target, and in a cascade everything under it.
      const going = new Set([target.id, ...(input.children === 'cascade' ? [...children, ...grandchildren].map((g) => g.id) : [])])
      const held = {
        ...holdings(goingTier3),
        issues: issuesIn(input.children === 'refuse' ? [target.id, ...children.map((c) => c.id), ...grandchildren.map((g) => g.id)] : [...going]).length
      }
      const blocker = deletionBlocker(target, children.length, input.children, held)
      if (blocker) throw new AppError('CONFLICT', blocker, { children: children.length, ...held })
      const recorder = beginBatch(db, clock, {
        kind: 'delete',
        actor,
        description: `删除网格“${target.name}”${children.length ? `（下级 ${children.length} 个${input.children === 'cascade' ? '一并删除' : '已移走'}）` : ''}`
      })
      let deleted = 0
      let heir: typeof target | null = null
      if (input.children === 'reparent' && (children.length || holdsAnyone(held))) {
        if (!input.reparentTo) throw new AppError('BAD_INPUT', children.length ? '请选择接收下级网格的网格。' : '请选择接收这些人员的党小组。')
        heir = gridById(input.reparentTo)
        if (heir.id === target.id || heir.tier !== target.tier) throw new AppError('BAD_INPUT', `只能移到另一个${target.tier}级网格下。`)
        if ((held.reportingMembers || held.issues || held.areaHeads) && heir.villageUnitId !== target.villageUnitId)
          throw new AppError('BAD_INPUT', `报到党员只能编入报到村居的党小组，事件和三长也须留在所在村居：请选择同一村居的网格。`)
        for (const child of children) {
          const moved = sql.update(grids, child.id, { parentId: heir.id, villageUnitId: heir.villageUnitId, version: child.version + 1 })!
          recorder.updated('grid', child, moved)
        }
      }
      // Release (cascade) or hand over (reparent) the people first, so no row points at a deleted grid.
      handOver(recorder, goingTier3, going, heir && target.tier === 3 ? heir.id : null)
      if (input.children === 'cascade') {
        // Deepest first, so foreign keys hold at every step and an undo restores parents first.
        for (const row of [...grandchildren, ...children]) {
          sql.remove(grids, row.id)
          recorder.deleted('grid', row)
          deleted++
        }
      }
      sql.remove(grids, target.id)
      recorder.deleted('grid', target)
      return { deleted: deleted + 1, batchId: recorder.batchId }
    })
  }

  function moveVillage(input: ParsedInput<'units.moveVillage'>, actor: string): { version: number; batchId: number } {
    return sql.transaction(() => {
      const village = unitById(input.villageUnitId)
      if (village.kind !== 'village') throw new AppError('BAD_INPUT', `“${village.name}”不是村居。`)
      if (village.version !== input.version) throw new AppError('CONFLICT', `“${village.name}”已被他人修改，请刷新后重试。你的修改未保存。`)
      const office = unitById(input.officeId)
      if (office.kind !== 'office') throw new AppError('BAD_INPUT', `“${office.name}”不是管理处。`)
      const recorder = beginBatch(db, clock, { kind: 'move', actor, description: `把“${village.name}”划归“${office.name}”` })
      const after = sql.update(units, village.id, { parentId: office.id, illustrative: false, version: village.version + 1 })!
      const from = village.parentId ? unitById(village.parentId).name : '（无）'
      recorder.updated('unit', village, after, `所属管理处：${from} → ${office.name}`)
      return { version: after.version, batchId: recorder.batchId }
    })
  }

  /** Split a tier-2 or tier-3 grid in two along a line; figures are shared by area, children follow their part. */
  function split(input: ParsedInput<'grids.split'>, actor: string) {
    return sql.transaction(() => {
      const before = current(input.id, input.version)
      if (before.tier === 1) throw new AppError('BAD_INPUT', '一级网格对应村居，不能拆分；请先新建村居，再调整两者的边界。')
      if (!before.geometry) throw new AppError('BAD_INPUT', `“${before.name}”尚未绘制边界，无法拆分。`)
      const result = splitByLine(fromGeoJsonGeometry(JSON.parse(before.geometry)), input.line as Pt[])
      if ('error' in result) throw new AppError('BAD_INPUT', result.error)
      const [keep, give] = result.parts
      const share = multiPolygonArea(give) / (multiPolygonArea(keep) + multiPolygonArea(give))
      const part = (n: number) => Math.round(n * share)
      const newName = input.newName?.trim() || `${before.name}（拆分）`
      const recorder = beginBatch(db, clock, { kind: 'split', actor, description: `把“${before.name}”拆分出“${newName}”` })
      const kept = sql.update(grids, before.id, {
        ...geometryColumns(toGeoJsonGeometry(keep)),
        households: before.households - part(before.households),
        registeredPopulation: before.registeredPopulation - part(before.registeredPopulation),
        nonHukouPopulation: before.nonHukouPopulation - part(before.nonHukouPopulation),
        version: before.version + 1
      })!
      recorder.updated('grid', before, kept)
      const parent = gridById(before.parentId!)
      const siblings = sql.values<string>('select code from grids where parent_id = ?', parent.id)
      const created = sql.insert(grids, {
        tier: before.tier,
        code: nextChildCode(parent.code, before.tier as Tier, siblings),
        name: newName,
        label: newName,
        kind: before.kind,
        parentId: parent.id,
        villageUnitId: before.villageUnitId,
        partyOrganisation: null,
        inspector: null,
        households: part(before.households),
        registeredPopulation: part(before.registeredPopulation),
        nonHukouPopulation: part(before.nonHukouPopulation),
        illustrative: false,
        sortOrder: before.sortOrder,
        ...geometryColumns(toGeoJsonGeometry(give))
      })
      recorder.created('grid', created)
      let movedChildren = 0
      for (const child of sql.where(grids, 'parent_id = ?', before.id)) {
        if (child.labelLon === null || !pointInMultiPolygon([child.labelLon, child.labelLat!], give)) continue
        const moved = sql.update(grids, child.id, { parentId: created.id, version: child.version + 1 })!
        recorder.updated('grid', child, moved, `上级网格：${before.name} → ${newName}`)
        movedChildren++
      }
      return { keptId: before.id, newId: created.id, batchId: recorder.batchId, movedChildren }
    })
  }

  return { create, update, setGeometry, move, remove, moveVillage, split }
}
