// Grids and units: who may call each method of this feature, on which records (see api/access.ts).
import { town, none, read, write, type FeatureRules } from '../api/access'
import type { gridsContract } from './contract'

export const gridsAccess: FeatureRules<typeof gridsContract> = {
  'grids.summary': read(town),
  'grids.tree': read(town),
  'grids.geojson': read(town),
  'grids.get': read(town),
  'grids.search': read(town),
  'town.outline': read(town),
  'units.offices': read(town),
  'units.villages': read(town),
  // The security administrator binds clerks to units, so sees the unit list (no personal data in it).
  'units.all': { access: ['data.read', 'roles.manage'], scope: [...town] },
  'grids.check': read(town),
  'grids.history': read(town),
  'grids.create': write(['grids.write'], none),
  'grids.update': write(['grids.write'], none),
  'grids.setGeometry': write(['grids.write'], none),
  'grids.split': write(['grids.write'], none),
  'grids.move': write(['grids.write'], none),
  'grids.delete': write(['grids.write'], none),
  'grids.import': write(['grids.write'], none),
  'units.moveVillage': write(['grids.write'], none),
  'grids.export': { access: ['data.export'], audited: true, scope: [...town] }
}
