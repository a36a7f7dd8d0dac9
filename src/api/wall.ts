// Data hooks of the wall display (issue 7): one summary, the map's measure and pins — all refreshed
// whenever the store changes in what the wall shows (useStoreChanges, mounted for every window).
import { useQuery } from './query'
import type { Input } from '../../electron/shared/contract'
import { call } from './client'

export const useWallSummary = () =>
  useQuery({ queryKey: ['wall.summary'], queryFn: () => call('wall.summary'), retry: true, placeholderData: (previous) => previous })
export const useWallMeasure = (measure: Input<'wall.measure'>['measure']) =>
  useQuery({ queryKey: ['wall.measure', measure], queryFn: () => call('wall.measure', { measure }), retry: true, placeholderData: (previous) => previous })
export const useWallPoints = () =>
  useQuery({ queryKey: ['wall.points'], queryFn: () => call('wall.points'), retry: true, placeholderData: (previous) => previous })
