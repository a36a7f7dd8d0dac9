// The unit/grid hierarchy beside the map. Selecting a grid here selects it on the map and back:
// when the selection comes from the map, the tree opens down to it and scrolls it into view.
import { useEffect, useMemo, useRef, useState } from 'react'
import { Alert, Tree, type TreeDataNode } from 'antd'
import type { TreeNode, Tier } from '../../../electron/shared/contract'
import { useGridTree } from '../../api/hooks'
import { ScreenLoading } from '../../components/ScreenLoading'

type Props = {
  /** False until the tree may be read: the map screen reads it after the map has drawn (issue 9). */
  load: boolean
  selectedId: number | null
  onSelect: (id: number, tier: Tier) => void
  onContextMenu: (target: { id: number; tier: Tier; name: string; x: number; y: number }) => void
  height: number
}

const toAntd = (n: TreeNode): TreeDataNode & { node: TreeNode } => ({
  key: n.key,
  title: n.type === 'unit' && n.illustrative ? `${n.title}（示意）` : n.title,
  selectable: n.type === 'grid',
  isLeaf: n.children.length === 0,
  className: n.type === 'grid' ? `tree-tier${n.tier}` : 'tree-unit',
  node: n,
  children: n.children.map(toAntd)
})

function parentIndex(roots: TreeNode[]): Map<string, string> {
  const parents = new Map<string, string>()
  const walk = (n: TreeNode) => n.children.forEach((c) => (parents.set(c.key, n.key), walk(c)))
  roots.forEach(walk)
  return parents
}

export function GridTree({ load, selectedId, onSelect, onContextMenu, height }: Props) {
  const { data, error } = useGridTree(load)
  const treeData = useMemo(() => (data ?? []).map(toAntd), [data])
  const parents = useMemo(() => parentIndex(data ?? []), [data])
  const [expanded, setExpanded] = useState<React.Key[]>([])
  const treeRef = useRef<{ scrollTo: (o: { key: React.Key; align?: 'top' | 'bottom' | 'auto'; offset?: number }) => void }>(null)

  // Open the district, town and offices at first; villages stay folded.
  useEffect(() => {
    if (!data) return
    const open: string[] = []
    const walk = (n: TreeNode) => {
      if (n.type === 'unit' && n.unitKind !== 'department' && n.children.length) open.push(n.key)
      if (n.type === 'unit') n.children.forEach(walk)
    }
    data.forEach(walk)
    setExpanded(open)
  }, [data])

  useEffect(() => {
    if (selectedId === null) return
    const key = `g:${selectedId}`
    const chain: string[] = []
    for (let p = parents.get(key); p; p = parents.get(p)) chain.push(p)
    setExpanded((prev) => Array.from(new Set([...prev, ...chain])))
    // Let the tree render the opened branch before scrolling to it.
    const t = setTimeout(() => treeRef.current?.scrollTo({ key, align: 'top', offset: 40 }), 50)
    return () => clearTimeout(t)
  }, [selectedId, parents])

  if (error) return <Alert type="error" showIcon message="无法读取网格层级" description={(error as Error).message} />
  if (!data) return <ScreenLoading text={load ? '正在读取网格层级…' : '地图绘制后显示网格层级…'} />
  return (
    <Tree
      ref={treeRef as never}
      className="grid-tree"
      treeData={treeData}
      height={height}
      virtual
      blockNode
      showLine
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      selectedKeys={selectedId !== null ? [`g:${selectedId}`] : []}
      onRightClick={({ event, node }) => {
        const n = (node as unknown as { node: TreeNode }).node
        if (n.type === 'grid' && n.tier) onContextMenu({ id: n.id, tier: n.tier, name: n.title, x: event.clientX, y: event.clientY })
      }}
      onSelect={(_keys, info) => {
        const n = (info.node as unknown as { node: TreeNode }).node
        if (n.type === 'grid' && n.tier) onSelect(n.id, n.tier)
      }}
    />
  )
}
