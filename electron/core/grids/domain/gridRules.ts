// Rules for changing the grid hierarchy. Pure: the services ask, these decide.
import { gridKinds, type Tier } from '../../../shared/contract'

export type GridNode = { id: number; tier: number; parentId: number | null; villageUnitId: number; name: string }

/** May `grid` hang under `parent`? Tier 1 has no parent grid; tier n hangs under tier n−1. */
export function reparentProblem(grid: GridNode, parent: GridNode | null): string | null {
  if (grid.tier === 1) return parent ? '一级网格（村/社区）没有上级网格；如需调整归属，请把村居移到另一个管理处。' : null
  if (!parent) return `${grid.tier === 2 ? '二' : '三'}级网格必须有上级网格。`
  if (parent.id === grid.id) return '网格不能作为自己的上级。'
  if (parent.tier !== grid.tier - 1) return `“${grid.name}”是${grid.tier}级网格，上级必须是${grid.tier - 1}级网格，而“${parent.name}”是${parent.tier}级网格。`
  return null
}

/** What deleting a grid would take with it, and whether that needs the user's decision. */
/** People (and, later, issues) that hang on a grid or the grids under it. */
export type GridHoldings = { households: number; partyMembers: number; reportingMembers: number; issues?: number; rentalBuildings?: number; areaHeads?: number }
export const holdsAnyone = (h: GridHoldings) =>
  h.households + h.partyMembers + h.reportingMembers + (h.issues ?? 0) + (h.rentalBuildings ?? 0) + (h.areaHeads ?? 0) > 0
export const describeHoldings = (h: GridHoldings) =>
  [
    h.households && `${h.households} 户`,
    h.partyMembers && `${h.partyMembers} 名居住党员`,
    h.reportingMembers && `${h.reportingMembers} 名报到党员`,
    h.issues && `${h.issues} 件事件`,
    h.rentalBuildings && `${h.rentalBuildings} 栋出租屋`,
    h.areaHeads && `${h.areaHeads} 名三长`
  ]
    .filter(Boolean)
    .join('、')

/**
 * Why a grid may not be deleted as asked, or null. With children or people the user must choose:
 * cascade (children go too; their people are released from the grids, not deleted) or reparent
 * (children — or a party group's people — move to another grid).
 */
export function deletionBlocker(
  grid: { name: string },
  childCount: number,
  choice: 'refuse' | 'cascade' | 'reparent',
  holdings: GridHoldings = { households: 0, partyMembers: 0, reportingMembers: 0 }
): string | null {
  if (childCount > 0 && choice === 'refuse')
    return `“${grid.name}”下还有 ${childCount} 个下级网格${holdsAnyone(holdings) ? `（含 ${describeHoldings(holdings)}）` : ''}，不能直接删除。请选择：一并删除下级网格，或先把它们移到其他网格。`
  if (holdsAnyone(holdings) && choice === 'refuse')
    return `“${grid.name}”还有 ${describeHoldings(holdings)}，不能直接删除。请选择：移到另一个网格，或删除后让他们暂不属于任何网格（事件仍留在所在村居）。`
  return null
}

/** The next free code under a parent: parent code + a sequence number (3 digits for tier 2, 2 for tier 3). */
export function nextChildCode(parentCode: string, tier: Tier, existingCodes: string[]): string {
  const width = tier === 2 ? 3 : 2
  const used = new Set(existingCodes)
  for (let n = 1; n < 10 ** width; n++) {
    const code = `${parentCode}${String(n).padStart(width, '0')}`
    if (!used.has(code)) return code
  }
  throw new Error(`上级网格 ${parentCode} 下的编码已用完`)
}

/** A grid's kind must be one of its tier's kinds (村 is tier 1, 经济社 tier 2, 党小组 tier 3 …). */
export function kindProblem(tier: number, kind: string): string | null {
  const allowed = gridKinds[tier as Tier] as readonly string[] | undefined
  if (!allowed) return `网格级别须为 1、2 或 3。`
  return allowed.includes(kind) ? null : `${tier}级网格的类型只能是${allowed.join('、')}，不能是“${kind}”。`
}
