// Rentals: one short function per method of this feature's contract part, each calling a service.
import type { FeatureHandlers } from '../api/handlers'
import { scoped } from '../api/scoped'
import type { rentalsContract } from './contract'
import { createRentalService } from './rentals'
import { campaignWorkbook } from './campaignWorkbook'
import type { Db } from '../db/open'
import type { Clock } from '../clock'

export function createRentalsHandlers({ db, clock }: { db: Db; clock: Clock }): FeatureHandlers<typeof rentalsContract> {
  const rentals = createRentalService(db, clock)
  return {
    'rentals.kinds': () => rentals.kinds(),
    'rentals.setKinds': (input) => rentals.setKinds(input),
    'rentals.campaigns': () => rentals.campaigns(),
    'rentals.campaigns.create': (input) => rentals.createCampaign(input),
    'rentals.mapLayer': ({ campaignId }, { scopeVillageIds }) => rentals.mapLayer(campaignId, scopeVillageIds),
    'rentals.hazardPhotos': ({ hazardId }) => rentals.hazardPhotos(hazardId),
    'rentals.buildings.list': (q, ctx) => rentals.buildings(scoped(q, ctx)),
    'rentals.hazards': ({ buildingId }) => rentals.hazards(buildingId),
    'rentals.buildings.create': (input) => rentals.createBuilding(input),
    'rentals.inspect': (input, { actor }) => rentals.inspect(input, actor),
    'rentals.reinspect': (input, { actor }) => rentals.reinspect(input, actor),
    'rentals.escalate': ({ hazardId }, { actor }) => rentals.escalate(hazardId, actor),
    'rentals.campaignTable': (input, { scopeVillageIds }) => rentals.campaignTable(input, scopeVillageIds),
    'rentals.campaignExport': ({ table, title }, { scopeVillageIds }) =>
      campaignWorkbook(rentals.campaignTable(table, scopeVillageIds), table, title, clock.now())
  }
}
