// Data hooks of 三长制 (issue 21): the heads' registry as a paged table, a head's records, the figures
// and the check of areas with no head.
import { useMemo } from 'react'
import type { Input, Output } from '../../electron/shared/contract'
import { useGridTree } from './hooks'
import { useVillages } from './people'
import type { ListQuery } from '../../electron/shared/people'
import { useQuery } from './query'
import { call } from './client'
import { pagedDatasource } from './pagedDatasource'

export type HeadFilter = Omit<ListQuery, 'offset' | 'limit' | 'sort'>
export const headDatasource = (filter: HeadFilter, onTotal: (n: number) => void, onError: (e: Error) => void) =>
  pagedDatasource((q) => call('heads.list', q as Input<'heads.list'>), filter, onTotal, onError)
export const useHeadRecords = (headId: number | null) =>
  useQuery({ queryKey: ['heads.records', headId], queryFn: () => call('heads.records', { headId: headId! }), enabled: headId !== null })
export const useHeadFigures = (input: Input<'heads.figures'>) => useQuery({ queryKey: ['heads.figures', input], queryFn: () => call('heads.figures', input) })
export const useHeadCheck = (villageUnitId: number | undefined) =>
  useQuery({ queryKey: ['heads.check', villageUnitId], queryFn: () => call('heads.check', { villageUnitId }) })

type TreeNode = Output<'grids.tree'>[number]
/** The tier-3 areas of a village (named with their tier-2 grid), to appoint a head to; from the grid tree every screen keeps. */
export function useVillageTier3(villageUnitId: number | undefined) {
  const tree = useGridTree(villageUnitId !== undefined)
  const villages = useVillages()
  // A village is its tier-1 grid in the tree, coded with the village's NBS code.
  const code = villages.data?.find((v) => v.id === villageUnitId)?.code
  return useMemo(() => {
    const find = (nodes: TreeNode[]): TreeNode | undefined => {
      for (const n of nodes) {
        if (n.type === 'grid' && n.tier === 1 && n.code === code) return n
        const deeper = find(n.children)
        if (deeper) return deeper
      }
    }
    const village = code === undefined ? undefined : find(tree.data ?? [])
    const areas: { id: number; label: string }[] = []
    const walk = (n: TreeNode, parent: string) => {
      if (n.type === 'grid' && n.tier === 3) areas.push({ id: n.id, label: `${parent} › ${n.title}` })
      for (const c of n.children) walk(c, n.type === 'grid' && n.tier === 2 ? n.title : parent)
    }
    if (village) walk(village, village.title)
    return areas
  }, [tree.data, code])
}
