// Rentals: who may call each method of this feature, on which records (see api/access.ts). Inspections
// are the villages' and offices' work, and the command centre's; clerks only on their own villages.
import type { ParsedInput } from '../../shared/contract'
import { town, list, none, write, read, record, unit, type FeatureRules } from '../api/access'
import type { rentalsContract } from './contract'

export const rentalsAccess: FeatureRules<typeof rentalsContract> = {
  'rentals.kinds': read(town),
  // The kinds and the campaigns are the town's: the command centre keeps them, clerks read them.
  'rentals.setKinds': write(['rentals.handle'], none),
  'rentals.campaigns': read(town),
  'rentals.campaigns.create': write(['rentals.handle'], none),
  // The service narrows the villages and the buildings to the clerk's.
  'rentals.mapLayer': read(list),
  // Ledgers are imported by the town, as the people registries are.
  'rentals.importTemplate': read(town),
  'rentals.import': write(['rentals.handle'], none),
  'rentals.importReportFile': read(town),
  'rentals.hazardPhotos': read([record('fireHazard', (i: ParsedInput<'rentals.hazardPhotos'>) => i.hazardId)]),
  'rentals.buildings.list': read(list),
  'rentals.hazards': read([record('rentalBuilding', (i: ParsedInput<'rentals.hazards'>) => i.buildingId)]),
  'rentals.buildings.create': {
    ...write(['rentals.handle'], [unit((i: ParsedInput<'rentals.buildings.create'>) => i.villageUnitId)]),
    creates: { record: 'rentalBuilding', idOf: (v) => (v as { id?: number }).id }
  },
  'rentals.tenants': read([record('rentalBuilding', (i: ParsedInput<'rentals.tenants'>) => i.buildingId)]),
  'rentals.addTenant': write(['rentals.handle'], [record('rentalBuilding', (i: ParsedInput<'rentals.addTenant'>) => i.buildingId)]),
  'rentals.removeTenant': write(['rentals.handle'], [record('rentalBuilding', (i: ParsedInput<'rentals.removeTenant'>) => i.buildingId)]),
  'rentals.inspect': write(['rentals.handle'], [record('rentalBuilding', (i: ParsedInput<'rentals.inspect'>) => i.buildingId)]),
  'rentals.reinspect': write(['rentals.handle'], [record('rentalBuilding', (i: ParsedInput<'rentals.reinspect'>) => i.buildingId)]),
  'rentals.escalate': {
    ...write(['rentals.handle'], [record('fireHazard', (i: ParsedInput<'rentals.escalate'>) => i.hazardId)]),
    alsoChanges: ['issues']
  },
  // The service narrows the list to the clerk's villages, and refuses a hazard outside them.
  'rentals.overdueHazards': read(list),
  'rentals.escalateMany': { ...write(['rentals.handle'], list), alsoChanges: ['issues'] },
  // The service narrows the villages to the clerk's.
  'rentals.campaignTable': read(list),
  'rentals.campaignExport': { access: ['data.export'], audited: true, scope: [...list] },
  'rentals.buildings.export': { access: ['data.export'], audited: true, scope: [...list] }
}
