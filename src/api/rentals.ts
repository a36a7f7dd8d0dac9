// Data hooks of rental housing and its fire-safety rectification (issue 21): the registry as a paged
// table, a building's hazards and their photos, the kinds, the campaigns and the campaign table.
import type { Input } from '../../electron/shared/contract'
import type { ListQuery } from '../../electron/shared/people'
import { useQuery } from './query'
import { call } from './client'
import { pagedDatasource } from './pagedDatasource'

export type RentalFilter = Omit<ListQuery, 'offset' | 'limit' | 'sort'>
export const rentalDatasource = (filter: RentalFilter, onTotal: (n: number) => void, onError: (e: Error) => void) =>
  pagedDatasource((q) => call('rentals.buildings.list', q as Input<'rentals.buildings.list'>), filter, onTotal, onError)

/** One building's registry row, as the list gives it (a building opened from the map); null if gone or out of reach. */
export const fetchRentalBuilding = async (id: number) => (await call('rentals.buildings.list', { filters: { id }, offset: 0, limit: 1 })).rows[0] ?? null

/** Overdue hazards not yet issues, for turning into issues in bulk. */
export const useOverdueHazards = (villageUnitId: number | undefined) =>
  useQuery({ queryKey: ['rentals.overdueHazards', villageUnitId], queryFn: () => call('rentals.overdueHazards', { villageUnitId }) })

/** The registry's households living in a building. */
export const useRentalTenants = (buildingId: number | null) =>
  useQuery({ queryKey: ['rentals.tenants', buildingId], queryFn: () => call('rentals.tenants', { buildingId: buildingId! }), enabled: buildingId !== null })
/** Households of a village found by name or code as the user types (for 登记住户). */
export const useHouseholdSearch = (villageUnitId: number, q: string) =>
  useQuery({
    queryKey: ['households.list', 'tenant-search', villageUnitId, q],
    queryFn: () => call('households.list', { villageUnitId, q: q.trim() || undefined, offset: 0, limit: 20 }),
    enabled: q.trim().length > 0
  })

export const useHazardKinds = () => useQuery({ queryKey: ['rentals.kinds'], queryFn: () => call('rentals.kinds') })
export const useBuildingHazards = (buildingId: number | null) =>
  useQuery({ queryKey: ['rentals.hazards', buildingId], queryFn: () => call('rentals.hazards', { buildingId: buildingId! }), enabled: buildingId !== null })
/** A hazard's photos as data URLs (few and small; asked for when shown). */
export const useHazardPhotos = (hazardId: number | null) =>
  useQuery({
    queryKey: ['rentals.hazardPhotos', hazardId],
    queryFn: async () =>
      (await call('rentals.hazardPhotos', { hazardId: hazardId! })).map((p) => ({ ...p, url: `data:${p.mimeType};base64,${p.contentBase64}` })),
    enabled: hazardId !== null
  })
export const useCampaigns = () => useQuery({ queryKey: ['rentals.campaigns'], queryFn: () => call('rentals.campaigns') })
export const useCampaignTable = (input: Input<'rentals.campaignTable'> | null) =>
  useQuery({ queryKey: ['rentals.campaignTable', input], queryFn: () => call('rentals.campaignTable', input!), enabled: input !== null })
/** The map's rental layer (the newest campaign's village progress, buildings with open hazards), read when switched on. */
export const useRentalMapLayer = (enabled: boolean) => useQuery({ queryKey: ['rentals.mapLayer'], queryFn: () => call('rentals.mapLayer', {}), enabled })
