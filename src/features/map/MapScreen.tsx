// The home screen: search and grid tree on the left, the town map in the middle, the selected
// grid's details on the right. Selection flows both ways between tree, search and map.
import { useEffect, useRef, useState } from 'react'
import type { Tier } from '../../../electron/shared/contract'
import { useGrid, useGridSummary } from '../../api/hooks'
import { GridPanel } from '../grids/GridPanel'
import { GridSearch } from '../grids/GridSearch'
import { GridTree } from '../grids/GridTree'
import { GridMap, type FlyTarget, type GridPick } from './GridMap'
import { LayerControl } from './LayerControl'
import { useElementHeight } from '../../components/useElementHeight'

export function MapScreen() {
  const [selected, setSelected] = useState<GridPick | null>(null)
  const [flyTo, setFlyTo] = useState<number | null>(null)
  const [flyTarget, setFlyTarget] = useState<FlyTarget | null>(null)
  const [visible, setVisible] = useState<Record<Tier, boolean>>({ 1: true, 2: true, 3: true })
  const summary = useGridSummary()
  const detail = useGrid(flyTo)
  const treeBox = useRef<HTMLDivElement>(null)
  const treeHeight = useElementHeight(treeBox)

  // Selections from the tree, search or panel fly the map to the grid once its extent is known.
  useEffect(() => {
    if (flyTo !== null && detail.data?.id === flyTo) {
      const { bbox, labelPoint } = detail.data
      // A grid whose shape is not drawn yet has nowhere to fly to.
      if (bbox && labelPoint) setFlyTarget({ bbox, labelPoint, nonce: Date.now() })
      setFlyTo(null)
    }
  }, [flyTo, detail.data])

  const selectAndFly = (id: number, tier: Tier) => {
    setSelected({ id, tier })
    setFlyTo(id)
  }

  return (
    <div className="map-screen">
      <aside className="side-left">
        <GridSearch onPick={(hit) => selectAndFly(hit.id, hit.tier)} />
        <div className="tree-box" ref={treeBox}>
          {treeHeight > 0 && <GridTree selectedId={selected?.id ?? null} onSelect={selectAndFly} height={treeHeight} />}
        </div>
      </aside>
      <main className="map-area">
        <GridMap visibleTiers={visible} selected={selected} flyTarget={flyTarget} onSelect={setSelected} />
        <LayerControl visible={visible} onChange={setVisible} note={summary.data?.dataNote ?? ''} />
      </main>
      {selected && (
        <aside className="side-right">
          <GridPanel id={selected.id} onSelect={selectAndFly} onClose={() => setSelected(null)} />
        </aside>
      )}
    </div>
  )
}
