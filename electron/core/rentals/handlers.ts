// Rentals: one short function per method of this feature's contract part, each calling a service.
import type { FeatureHandlers } from '../api/handlers'
import { scoped } from '../api/scoped'
import type { rentalsContract } from './contract'
import { createRentalService } from './rentals'
import { campaignWorkbook } from './campaignWorkbook'
import { createRentalImportService } from './rentalImport'
import { createBuildingExport } from './buildingExport'
import { rentalTemplates } from './domain/ledgerRows'
import { ledgerTemplateFile, rejectedRowsFile } from '../kernel/ledger'
import { chinaDate } from '../../shared/chinaTime'
import type { Db } from '../db/open'
import type { Clock } from '../clock'

export function createRentalsHandlers({ db, clock }: { db: Db; clock: Clock }): FeatureHandlers<typeof rentalsContract> {
  const rentals = createRentalService(db, clock)
  const imports = createRentalImportService(db, clock)
  const exportBuildings = createBuildingExport(db, clock, rentals)
  return {
    'rentals.kinds': () => rentals.kinds(),
    'rentals.setKinds': (input) => rentals.setKinds(input),
    'rentals.campaigns': () => rentals.campaigns(),
    'rentals.campaigns.create': (input) => rentals.createCampaign(input),
    'rentals.mapLayer': ({ campaignId }, { scopeVillageIds }) => rentals.mapLayer(campaignId, scopeVillageIds),
    'rentals.importTemplate': ({ kind }) => ledgerTemplateFile(rentalTemplates[kind].title, rentalTemplates[kind].columns, clock.now(), ['landlordIdNumber']),
    'rentals.import': (input, { actor }) => imports.run(input, actor),
    'rentals.importReportFile': ({ kind, rejected }) =>
      rejectedRowsFile(rentalTemplates[kind].title, rejected, clock.now(), chinaDate(clock.now()).replaceAll('-', '')),
    'rentals.hazardPhotos': ({ hazardId }) => rentals.hazardPhotos(hazardId),
    'rentals.buildings.list': (q, ctx) => rentals.buildings(scoped(q, ctx)),
    'rentals.buildings.export': (q, ctx) => exportBuildings(scoped(q, ctx)),
    'rentals.hazards': ({ buildingId }) => rentals.hazards(buildingId),
    'rentals.tenants': ({ buildingId }) => rentals.tenants(buildingId),
    'rentals.addTenant': (input) => rentals.addTenant(input),
    'rentals.removeTenant': (input) => rentals.removeTenant(input),
    'rentals.buildings.create': (input) => rentals.createBuilding(input),
    'rentals.inspect': (input, { actor }) => rentals.inspect(input, actor),
    'rentals.reinspect': (input, { actor }) => rentals.reinspect(input, actor),
    'rentals.escalate': ({ hazardId }, { actor }) => rentals.escalate(hazardId, actor),
    'rentals.overdueHazards': ({ villageUnitId }, { scopeVillageIds }) => rentals.overdueHazards(villageUnitId, scopeVillageIds),
    'rentals.escalateMany': ({ hazardIds }, { actor, scopeVillageIds }) => rentals.escalateMany(hazardIds, actor, scopeVillageIds),
    'rentals.campaignTable': (input, { scopeVillageIds }) => rentals.campaignTable(input, scopeVillageIds),
    'rentals.campaignExport': ({ table, title }, { scopeVillageIds }) =>
      campaignWorkbook(rentals.campaignTable(table, scopeVillageIds), table, title, clock.now())
  }
}
