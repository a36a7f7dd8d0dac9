// The rental registry out to Excel (rentals.buildings.export): the buildings as filtered on screen,
// every row, with their party group and hazards as of today — the landlord by name only, as the
// registry screen shows them.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import type { ListInput } from '../db/sqlList'
import { chinaDate } from '../../shared/chinaTime'
import { addTableSheet, newWorkbook, workbookFile } from '../kernel/workbook'
import type { createRentalService } from './rentals'

const EXPORT_LIMIT = 200_000

export function createBuildingExport(db: Db, clock: Clock, rentals: ReturnType<typeof createRentalService>) {
  const sql = sqlOn(db)

  return async function exportBuildings(query: Omit<ListInput, 'offset' | 'limit'>) {
    const { rows } = rentals.buildings({ ...query, offset: 0, limit: EXPORT_LIMIT })
    const tier3 = new Map(
      sql.rows<{ id: number; name: string }>('select b.id, g.name from rental_buildings b join grids g on g.id = b.tier3_grid_id').map((r) => [r.id, r.name])
    )
    const day = chinaDate(clock.now())
    const book = newWorkbook(clock.now())
    addTableSheet(
      book,
      '出租屋台账',
      [
        { header: '地址', key: 'address', width: 28 },
        { header: '村（社区）', key: 'village', width: 14 },
        { header: '三级网格', key: 'tier3', width: 24 },
        { header: '用途', key: 'use', width: 8 },
        { header: '风险等级', key: 'riskClass', width: 10 },
        { header: '出租间数', key: 'rentalRooms', width: 10 },
        { header: '在住租客（申报）', key: 'tenants', width: 16 },
        { header: '登记住户（户）', key: 'registeredHouseholds', width: 14 },
        { header: '登记住户（人）', key: 'registeredResidents', width: 14 },
        { header: '房东', key: 'landlord', width: 10 },
        { header: `未整改隐患（${day}）`, key: 'openHazards', width: 20 },
        { header: '其中逾期', key: 'overdueHazards', width: 10 },
        { header: '最近排查', key: 'lastInspectedOn', width: 12 },
        { header: '示意数据', key: 'sample', width: 10 }
      ],
      rows.map((r) => ({ ...r, tier3: tier3.get(r.id) ?? '未落格', landlord: r.landlord ?? '', sample: r.sample ? '是' : '' }))
    )
    return workbookFile(book, `出租屋台账_${day.replaceAll('-', '')}.xlsx`, rows.length)
  }
}
