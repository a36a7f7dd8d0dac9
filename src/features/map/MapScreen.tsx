// The home screen: search and grid tree on the left, the town map in the middle, the selected
// grid's details on the right. Selection flows both ways between tree, search and map.
import { useEffect, useRef, useState, type CSSProperties } from 'react'
import { Button, Tabs } from 'antd'
import { ExportOutlined } from '@ant-design/icons'
import type { Geometry } from 'geojson'
import type { Tier } from '../../../electron/shared/contract'
import { useGrid, useGridSummary } from '../../api/hooks'
import { GridPanel } from '../grids/GridPanel'
import { GridSearch } from '../grids/GridSearch'
import { GridTree } from '../grids/GridTree'
import { ExportModal } from '../grids/ExportModal'
import { GridContextMenu, type ContextTarget, type GridAction } from '../grids/GridContextMenu'
import { call } from '../../api/client'
import { GridMap, type FlyTarget, type GridPick } from './GridMap'
import { LayerControl } from './LayerControl'
import { useElementHeight } from '../../components/useElementHeight'
import { leaveIssueToOpen } from '../issues/openIssue'
import { leaveBuildingToOpen } from '../rentals/openBuilding'
import { HealthCheckPanel, type Problem } from '../health/HealthCheckPanel'
import { ImportPanel } from '../imports/ImportPanel'
import { useGridDrawing } from '../draw/useGridDrawing'
import { DrawToolbar } from '../draw/DrawToolbar'
import { previewBounds } from '../imports/readFile'
import { usePeopleLayers } from './usePeopleLayers'
import { useRentalLayer } from './useRentalLayer'
import { useIssuePoints } from '../../api/issues'
import type { FeatureCollection } from 'geojson'
import type { Output } from '../../../electron/shared/contract'

/** The selected grid's panel, lying over the map's right edge. */
const gridPanelWidth = 360

export function MapScreen() {
  const [selected, setSelected] = useState<GridPick | null>(null)
  const [flyTo, setFlyTo] = useState<number | null>(null)
  const [flyTarget, setFlyTarget] = useState<FlyTarget | null>(null)
  const [visible, setVisible] = useState<Record<Tier, boolean>>({ 1: true, 2: true, 3: true })
  const [problem, setProblem] = useState<Problem | null>(null)
  const [exporting, setExporting] = useState(false)
  const [menu, setMenu] = useState<ContextTarget | null>(null)
  const [requested, setRequested] = useState<{ gridId: number; action: string; nonce: number } | null>(null)
  const [importPreview, setImportPreview] = useState<Output<'grids.import'>['preview'] | null>(null)
  const summary = useGridSummary()
  const detail = useGrid(flyTo)
  const selectedDetail = useGrid(selected?.id ?? null)
  const selectedRef = selected && selectedDetail.data?.id === selected.id ? { id: selected.id, name: selectedDetail.data.name } : null
  const treeBox = useRef<HTMLDivElement>(null)
  // The tree is read once the map has drawn its grids: at city scale it is megabytes and 16,000 nodes,
  // and reading it beside the map's own data made the map a second or more later (issue 9). A map
  // that never draws (no grids' data) does not hold the tree back for long.
  const [mapDrawn, setMapDrawn] = useState(false)
  useEffect(() => {
    const t = setTimeout(() => setMapDrawn(true), 10_000)
    return () => clearTimeout(t)
  }, [])
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
  const drawing = useGridDrawing((id, tier) => setSelected({ id, tier }))
  const people = usePeopleLayers()
  const [showIssues, setShowIssues] = useState(false)
  const issuePoints = useIssuePoints(showIssues)
  const rentalLayer = useRentalLayer()

  // A right-click action: select the grid, and let its panel carry the action out once loaded.
  const onMenuAction = (action: GridAction, t: ContextTarget) => {
    selectAndFly(t.id, t.tier)
    if (action !== 'locate') setRequested({ gridId: t.id, action, nonce: Date.now() })
  }
  const openMapMenu = async (pick: GridPick, at: { x: number; y: number }) => {
    const g = await call('grids.get', { id: pick.id }).catch(() => null)
    if (g) setMenu({ id: g.id, tier: g.tier, name: g.name, ...at })
  }

  // An import preview: draw it and show all of it.
  const showImportPreview = (report: Output<'grids.import'> | null) => {
    setImportPreview(report?.preview ?? null)
    const b = report ? previewBounds(report.preview) : null
    if (b) setFlyTarget({ bbox: b, labelPoint: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], nonce: Date.now() })
  }

  // A health-check problem: show its area, select its grid, and fly to the problem itself.
  const locateProblem = (p: Problem) => {
    setProblem(p)
    const first = p.grids[0]
    if (first) setSelected({ id: first.id, tier: first.tier })
    if (p.bbox) setFlyTarget({ bbox: p.bbox, labelPoint: p.point ?? [(p.bbox[0] + p.bbox[2]) / 2, (p.bbox[1] + p.bbox[3]) / 2], nonce: Date.now() })
    else if (first) setFlyTo(first.id)
  }

  return (
    <div className={`map-screen${selected ? ' with-panel' : ''}`} style={{ '--grid-panel-width': `${gridPanelWidth}px` } as CSSProperties}>
      <aside className="side-left">
        <Tabs
          className="side-tabs"
          size="small"
          items={[
            {
              key: 'grids',
              label: '网格',
              children: (
                <div className="side-grids">
                  <div className="side-toolbar">
                    <GridSearch onPick={(hit) => selectAndFly(hit.id, hit.tier)} />
                    <Button icon={<ExportOutlined />} onClick={() => setExporting(true)} title="导出网格（GeoJSON / Excel）" data-testid="grid-export">
                      导出
                    </Button>
                  </div>
                  <div className="tree-box" ref={treeBox}>
                    {treeHeight > 0 && (
                      <GridTree load={mapDrawn} selectedId={selected?.id ?? null} onSelect={selectAndFly} onContextMenu={setMenu} height={treeHeight} />
                    )}
                  </div>
                </div>
              )
            },
            {
              key: 'health',
              label: '健康检查',
              children: <HealthCheckPanel selected={selectedRef} onLocate={locateProblem} activeProblem={problem} />
            },
            { key: 'import', label: '导入', children: <ImportPanel onPreview={showImportPreview} /> }
          ]}
          onChange={(key) => {
            if (key !== 'health') setProblem(null)
            if (key !== 'import') setImportPreview(null)
          }}
        />
      </aside>
      <main className="map-area">
        <GridMap
          highlight={(problem?.area as Geometry | null) ?? null}
          importPreview={importPreview as FeatureCollection | null}
          visibleTiers={visible}
          selected={selected}
          flyTarget={flyTarget}
          onSelect={setSelected}
          onContextMenu={openMapMenu}
          drawRequest={drawing.request}
          onDrawn={drawing.onDrawn}
          onDrawProblem={drawing.onProblem}
          drawSessionRef={drawing.sessionRef}
          peoplePoints={people.collection}
          issuePoints={showIssues ? ((issuePoints.data as FeatureCollection | undefined) ?? null) : null}
          onIssueClick={(id) => {
            leaveIssueToOpen(id)
            window.location.hash = '#/issues'
          }}
          onRentalClick={(id) => {
            leaveBuildingToOpen(id)
            window.location.hash = '#/rentals'
          }}
          shading={people.shading}
          rentalBuildings={rentalLayer.rentals?.buildings ?? null}
          // One shading of the villages at a time: the 设岗定责 one when chosen, else the campaign's.
          villageShading={people.villageShading ?? rentalLayer.rentals?.progress ?? null}
          selectionPanelWidth={gridPanelWidth}
          onGridsDrawn={() => setMapDrawn(true)}
        />
        {drawing.active && (
          <DrawToolbar
            mode={drawing.active.request.mode}
            name={drawing.active.grid.name}
            onSave={drawing.saveEdit}
            onCancel={drawing.cancel}
            saving={drawing.saving}
          />
        )}
        <LayerControl
          visible={visible}
          onChange={setVisible}
          note={summary.data?.dataNote ?? ''}
          people={people.choice}
          onPeopleChange={people.setChoice}
          pointCount={people.count}
          headsMissing={people.headsMissing}
          postsUnclaimed={people.postsUnclaimed}
          showIssues={showIssues}
          onShowIssues={setShowIssues}
          issueCount={showIssues ? (issuePoints.data?.features.length ?? null) : null}
          rentals={rentalLayer}
          folded={!!drawing.active}
        />
      </main>
      <GridContextMenu target={menu} onAction={onMenuAction} onClose={() => setMenu(null)} />
      {exporting && <ExportModal open onClose={() => setExporting(false)} selected={selectedRef} />}
      {selected && (
        <aside className="side-right">
          <GridPanel
            id={selected.id}
            onSelect={selectAndFly}
            onClose={() => setSelected(null)}
            onDraw={drawing.start}
            requested={requested}
            onRequestHandled={() => setRequested(null)}
          />
        </aside>
      )}
    </div>
  )
}
