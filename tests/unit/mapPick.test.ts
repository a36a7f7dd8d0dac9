// Which tier a click on the map means: the village at the town's zoom (not the 经济社 under its
// label), finer tiers as the map comes closer; with coarser tiers hidden, the coarsest one shown.
import { describe, expect, it } from 'vitest'
import { pickableTiers } from '../../src/features/map/mapStyle'

const all = { 1: true, 2: true, 3: true }
describe('pickableTiers', () => {
  it('picks the village at town zoom and the party group at street zoom', () => {
    expect(pickableTiers(all, 10.5)).toEqual([1])
    expect(pickableTiers(all, 12)).toEqual([1])
    expect(pickableTiers(all, 13)).toEqual([1, 2])
    expect(pickableTiers(all, 14)).toEqual([1, 2, 3])
  })
  it('picks what is shown when the coarser tiers are hidden', () => {
    expect(pickableTiers({ 1: false, 2: true, 3: true }, 11)).toEqual([2])
    expect(pickableTiers({ 1: false, 2: false, 3: true }, 12.3)).toEqual([3])
    expect(pickableTiers({ 1: false, 2: false, 3: false }, 15)).toEqual([])
  })
})
