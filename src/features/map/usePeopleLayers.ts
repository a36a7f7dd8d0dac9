// The map's people layers: which points to show (reporting members' homes or reserve contacts by
// specialty) and which measure shades the party groups (contact coverage, days since last visit, 三长)
// or the villages (设岗定责: the share of their posts someone holds).
import { useMemo, useState } from 'react'
import type { FeatureCollection } from 'geojson'
import { usePeopleMeasure, usePeoplePoints, usePostsMeasure } from '../../api/people'
import type { ShadingMeasure } from './mapStyle'

export type PeopleLayerChoice = { points: 'none' | 'reporting' | 'reserve'; specialty?: string; shading: 'none' | ShadingMeasure | 'posts' }

export function usePeopleLayers() {
  const [choice, setChoice] = useState<PeopleLayerChoice>({ points: 'none', shading: 'none' })
  const points = usePeoplePoints(choice.points === 'none' ? null : choice.points, choice.points === 'reserve' ? choice.specialty : undefined)
  const tier3Measure = choice.shading === 'none' || choice.shading === 'posts' ? null : choice.shading
  const measure = usePeopleMeasure(tier3Measure)
  const posts = usePostsMeasure(choice.shading === 'posts')
  const collection = useMemo<FeatureCollection | null>(
    () =>
      points.data && choice.points !== 'none'
        ? { type: 'FeatureCollection', features: points.data.features.map((f) => ({ ...f, properties: { ...f.properties, kind: choice.points } })) }
        : null,
    [points.data, choice.points]
  )
  const shading = useMemo(() => (measure.data && tier3Measure ? { measure: tier3Measure, values: measure.data } : null), [measure.data, tier3Measure])
  // The villages' rows carry gridId and value, as the map's village shading reads them.
  const villageShading = choice.shading === 'posts' && posts.data ? posts.data : null
  // Under the 设岗定责 shading, the legend counts the posts nobody holds (as the rules check does).
  const postsUnclaimed = villageShading ? villageShading.reduce((n, v) => n + v.unclaimed, 0) : null
  // Under the 三长 shading, the legend counts the areas with no head in office (-1).
  const headsMissing = shading?.measure === 'heads' ? shading.values.filter((v) => v.value === -1).length : null
  return { choice, setChoice, collection, shading, villageShading, count: collection?.features.length ?? null, headsMissing, postsUnclaimed }
}
