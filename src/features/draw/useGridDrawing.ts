// Drawing a grid's boundary, editing it, or splitting it: which session runs, what it snaps to
// (the parent's and siblings' edges), and saving the result through the core.
import { useRef, useState } from 'react'
import { App } from 'antd'
import type { Geometry } from 'geojson'
import type { Output, Tier } from '../../../electron/shared/contract'
import { useTierGeoJson, useTownOutline } from '../../api/hooks'
import { useApiMutation } from '../../api/mutations'
import type { DrawMode, DrawRequest, DrawSession } from './drawSession'
import { ringsOf, type LonLat } from './snap'

type Grid = Output<'grids.get'>

export function useGridDrawing(onSplit: (newId: number, tier: Tier) => void) {
  const [active, setActive] = useState<{ request: DrawRequest; grid: Grid } | null>(null)
  const sessionRef = useRef<DrawSession | null>(null)
  const tiers = { 1: useTierGeoJson(1).data, 2: useTierGeoJson(2).data, 3: useTierGeoJson(3).data }
  const outline = useTownOutline().data
  const setGeometry = useApiMutation('grids.setGeometry')
  const split = useApiMutation('grids.split')
  const { message } = App.useApp()

  /** The parent's and siblings' boundaries (the town outline for a village). */
  function snapRingsFor(grid: Grid): LonLat[][] {
    const polygons = (tier: Tier) => (tiers[tier]?.features ?? []).filter((f) => f.geometry.type !== 'Point')
    const siblings = polygons(grid.tier).filter((f) => f.id !== grid.id && (f.properties as { parentId: number | null }).parentId === grid.parentId)
    const parent = grid.tier > 1 ? polygons((grid.tier - 1) as Tier).filter((f) => f.id === grid.parentId) : []
    return ringsOf([...siblings, ...parent].map((f) => f.geometry as never).concat(grid.tier === 1 && outline ? [outline.geometry as never] : []))
  }

  const start = (mode: DrawMode, grid: Grid) => {
    const geometry =
      mode === 'edit'
        ? ((tiers[grid.tier]?.features.find((f) => f.id === grid.id && f.geometry.type !== 'Point')?.geometry as Geometry | undefined) ?? null)
        : null
    setActive({ grid, request: { mode, gridId: grid.id, geometry, snapRings: snapRingsFor(grid), nonce: Date.now() } })
  }
  const cancel = () => setActive(null)
  const saveShape = (geometry: Geometry) => {
    if (!active) return
    setGeometry.mutate(
      { id: active.grid.id, version: active.grid.version, geometry: geometry as never },
      { onSuccess: () => (message.success(`已保存“${active.grid.name}”的边界`), setActive(null)), onError: (e) => message.error(e.message) }
    )
  }
  const onDrawn = (result: { geometry?: Geometry; line?: LonLat[] }) => {
    if (!active) return
    if (result.geometry) return saveShape(result.geometry)
    if (result.line)
      split.mutate(
        { id: active.grid.id, version: active.grid.version, line: result.line },
        {
          onSuccess: (r) => {
            message.success(`已拆分：新网格“${active.grid.name}（拆分）”已选中，可编辑名称`)
            setActive(null)
            onSplit(r.newId, active.grid.tier)
          },
          onError: (e) => {
            message.error(e.message)
            // Let the officer try again with a fresh line.
            setActive({ ...active, request: { ...active.request, nonce: Date.now() } })
          }
        }
      )
  }
  /** Edit mode: save what the officer has moved so far. */
  const saveEdit = () => {
    const g = sessionRef.current?.current()
    if (g) saveShape(g)
  }
  const onProblem = (text: string) => message.warning(text)
  return { active, request: active?.request ?? null, sessionRef, start, cancel, onDrawn, onProblem, saveEdit, saving: setGeometry.isPending || split.isPending }
}
