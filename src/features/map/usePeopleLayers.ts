// The map's people layers: which points to show (reporting members' homes or reserve contacts by
// specialty) and which measure shades the party groups (contact coverage, days since last visit, 三长).
import { useMemo, useState } from 'react'
import type { FeatureCollection } from 'geojson'
import { usePeopleMeasure, usePeoplePoints } from '../../api/people'
import type { ShadingMeasure } from './mapStyle'

export type PeopleLayerChoice = { points: 'none' | 'reporting' | 'reserve'; specialty?: string; shading: 'none' | ShadingMeasure }

export function usePeopleLayers() {
  const [choice, setChoice] = useState<PeopleLayerChoice>({ points: 'none', shading: 'none' })
  const points = usePeoplePoints(choice.points === 'none' ? null : choice.points, choice.points === 'reserve' ? choice.specialty : undefined)
  const measure = usePeopleMeasure(choice.shading === 'none' ? null : choice.shading)
  const collection = useMemo<FeatureCollection | null>(
    () =>
      points.data && choice.points !== 'none'
        ? { type: 'FeatureCollection', features: points.data.features.map((f) => ({ ...f, properties: { ...f.properties, kind: choice.points } })) }
        : null,
    [points.data, choice.points]
  )
  const shading = useMemo(
    () => (measure.data && choice.shading !== 'none' ? { measure: choice.shading, values: measure.data } : null),
    [measure.data, choice.shading]
  )
  // Under the 三长 shading, the legend counts the areas with no head in office (-1).
  const headsMissing = shading?.measure === 'heads' ? shading.values.filter((v) => v.value === -1).length : null
  return { choice, setChoice, collection, shading, count: collection?.features.length ?? null, headsMissing }
}
