// The map's 出租屋消防 layer: villages shaded by their rectification rate in the newest campaign (the
// campaign table's village rows) and the buildings with hazards open today, by risk.
import { useMemo, useState } from 'react'
import type { FeatureCollection } from 'geojson'
import { useRentalMapLayer } from '../../api/rentals'

export function useRentalLayer() {
  const [shown, setShown] = useState(false)
  const layer = useRentalMapLayer(shown)
  const rentals = useMemo(
    () =>
      shown && layer.data
        ? {
            // A village with no hazard found in the campaign has no rate and is left unshaded.
            progress: layer.data.villages.flatMap((v) => (v.rate === null ? [] : [{ gridId: v.gridId, value: v.rate * 100 }])),
            buildings: layer.data.buildings as FeatureCollection
          }
        : null,
    [shown, layer.data]
  )
  return { shown, setShown, rentals, data: shown ? (layer.data ?? null) : null }
}
