// A deterministic city-scale store for the benchmark (issue 9): Foshan's 5 districts and 32 towns,
// grids of all three tiers at the city's counts (787 / 5,302 / 10,721 by default), households,
// persons and issues with their logs. Boundaries are a lattice of rectangles over Foshan's extent,
// flagged illustrative — a load of the right size and shape, never a map of the city.
import type Database from 'better-sqlite3'
import { apportion, createRng } from '../../electron/core/demo/prng'
import { idCheckChar } from '../../electron/core/kernel/personalData'

export type CityScale = { tier1: number; tier2: number; tier3: number; households: number; persons: number; issues: number }
export const foshan: CityScale = { tier1: 787, tier2: 5_302, tier3: 10_721, households: 300_000, persons: 100_000, issues: 100_000 }
/** For the smoke test in `npm test`: the same code on a dataset that builds in a second. */
export const tiny: CityScale = { tier1: 40, tier2: 80, tier3: 160, households: 600, persons: 500, issues: 400 }

const districts: [string, string, string[]][] = [
  ['440604', '禅城区', ['祖庙街道', '石湾镇街道', '张槎街道', '南庄镇']],
  ['440605', '南海区', ['桂城街道', '九江镇', '西樵镇', '丹灶镇', '狮山镇', '大沥镇', '里水镇']],
  ['440606', '顺德区', ['大良街道', '容桂街道', '伦教街道', '勒流街道', '陈村镇', '均安镇', '杏坛镇', '龙江镇', '乐从镇', '北滘镇']],
  ['440607', '三水区', ['西南街道', '云东海街道', '白坭镇', '乐平镇', '芦苞镇', '大塘镇', '南山镇']],
  ['440608', '高明区', ['荷城街道', '杨和镇', '明城镇', '更合镇']]
]
// Foshan's extent, roughly.
const BOX = { west: 112.38, east: 113.42, south: 22.65, north: 23.57 }
const categories = ['环境卫生', '矛盾纠纷', '城市管理', '出租屋消防隐患', '违章建筑', '治安隐患']
const surnames = '陈黄李梁何林张罗谭吴刘周冯邓区麦关郭潘杜'
const given = '志明伟强丽芳少华建国美玲俊杰淑仪家豪嘉欣永健秀英国平'

type Rect = [number, number, number, number]
const polygon = ([w, s, e, n]: Rect) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s]
      ]
    ]
  })
/** Split a rectangle into `k` strips along its longer side. */
function strips([w, s, e, n]: Rect, k: number): Rect[] {
  const wide = e - w >= n - s
  return Array.from(
    { length: k },
    (_, i) => (wide ? [w + ((e - w) * i) / k, s, w + ((e - w) * (i + 1)) / k, n] : [w, s + ((n - s) * i) / k, e, s + ((n - s) * (i + 1)) / k]) as Rect
  )
}

/**
 * Fill an empty store (migrated, no demo town) with the city. Raw SQL in one transaction: this is
 * the fixture, not a measurement. Returns the ids the cases need.
 */
export function buildCity(sqlite: Database.Database, scale: CityScale = foshan) {
  const rng = createRng(9)
  const now = '2026-11-22T01:00:00.000Z'
  const ids = { villages: [] as number[], tier3: [] as { id: number; village: number; lon: number; lat: number }[], town: 0 }
  sqlite.transaction(() => {
    const unit = sqlite.prepare('insert into units (code, name, kind, village_type, parent_id, illustrative, sort_order) values (?, ?, ?, ?, ?, 1, ?)')
    const towns: { id: number; office: number; code: string; name: string }[] = []
    districts.forEach(([code, name, townNames], d) => {
      const district = Number(unit.run(code, name, 'district', null, null, d).lastInsertRowid)
      townNames.forEach((t, i) => {
        const townCode = `${code}${String(100 + i).padStart(3, '0')}`
        const town = Number(unit.run(townCode, t, 'town', null, district, i).lastInsertRowid)
        const office = Number(unit.run(`${townCode}-O1`, `${t}社会管理处`, 'office', null, town, 0).lastInsertRowid)
        towns.push({ id: town, office, code: townCode, name: t })
      })
    })
    ids.town = towns.find((t) => t.name === '狮山镇')!.id
    // The map frames the first town's outline: give it the city's extent, so the map opens on the city.
    sqlite.prepare('update units set geometry = ? where id = ?').run(polygon([BOX.west, BOX.south, BOX.east, BOX.north]), towns[0].id)
    // Villages spread over the towns; each a lattice cell (tier 1).
    const perTown = apportion(
      scale.tier1,
      towns.map(() => 1),
      1
    )
    const cols = Math.ceil(Math.sqrt(scale.tier1 * ((BOX.east - BOX.west) / (BOX.north - BOX.south))))
    const rows = Math.ceil(scale.tier1 / cols)
    const cell = (i: number): Rect => {
      const [c, r] = [i % cols, Math.floor(i / cols)]
      const [dw, dh] = [(BOX.east - BOX.west) / cols, (BOX.north - BOX.south) / rows]
      return [BOX.west + c * dw, BOX.south + r * dh, BOX.west + (c + 1) * dw, BOX.south + (r + 1) * dh]
    }
    const grid = sqlite.prepare(
      `insert into grids (tier, code, name, label, kind, parent_id, village_unit_id, geometry, min_lon, min_lat, max_lon, max_lat, label_lon, label_lat, area_km2, inspector, households, illustrative, sort_order)
       values (@tier, @code, @name, @label, @kind, @parent, @village, @geometry, @w, @s, @e, @n, @lon, @lat, @area, @inspector, @households, 1, @order)`
    )
    const addGrid = (g: {
      tier: number
      code: string
      name: string
      label: string
      kind: string
      parent: number | null
      village: number
      rect: Rect
      order: number
    }) => {
      const [w, s, e, n] = g.rect
      const area = (e - w) * 111.32 * Math.cos((((s + n) / 2) * Math.PI) / 180) * (n - s) * 110.57
      return Number(
        grid.run({ ...g, geometry: polygon(g.rect), w, s, e, n, lon: (w + e) / 2, lat: (s + n) / 2, area, inspector: name(rng), households: 0 }).lastInsertRowid
      )
    }
    const tier2PerVillage = apportion(scale.tier2, Array(scale.tier1).fill(1), 1)
    const tier3PerTier2 = apportion(scale.tier3, Array(scale.tier2).fill(1), 1)
    let v = 0
    let t2 = 0
    towns.forEach((town, ti) => {
      for (let k = 0; k < perTown[ti]; k++, v++) {
        const vname = `${town.name.replace(/(街道|镇)$/, '')}第${k + 1}村`
        const village = Number(unit.run(`${town.code}${String(k + 1).padStart(3, '0')}`, vname, 'village', '村', town.office, k).lastInsertRowid)
        ids.villages.push(village)
        const rect = cell(v)
        const g1 = addGrid({ tier: 1, code: `G1-${village}`, name: vname, label: vname, kind: '村', parent: null, village, rect, order: k })
        strips(rect, tier2PerVillage[v]).forEach((r2, j) => {
          const g2 = addGrid({
            tier: 2,
            code: `G2-${village}-${j + 1}`,
            name: `${vname}第${j + 1}经济社`,
            label: `第${j + 1}经济社`,
            kind: '经济社',
            parent: g1,
            village,
            rect: r2,
            order: j
          })
          strips(r2, tier3PerTier2[t2++]).forEach((r3, m) => {
            const id = addGrid({
              tier: 3,
              code: `G3-${village}-${j + 1}-${m + 1}`,
              name: `${vname}第${j + 1}经济社第${m + 1}党小组`,
              label: `第${m + 1}党小组`,
              kind: '党小组',
              parent: g2,
              village,
              rect: r3,
              order: m
            })
            ids.tier3.push({ id, village, lon: (r3[0] + r3[2]) / 2, lat: (r3[1] + r3[3]) / 2 })
          })
        })
      }
    })
    // Persons, then households contacted by them.
    const person = sqlite.prepare(
      `insert into persons (name, gender, id_number, id_tail, phone, phone_tail, hukou, is_party_member, party_registration, home_address, home_lon, home_lat, village_unit_id, home_grid_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const personIds: number[] = []
    for (let i = 0; i < scale.persons; i++) {
      const g = ids.tier3[i % ids.tier3.length]
      const birth = new Date(Date.UTC(1950, 0, 1) + (i % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
      const id17 = `440605${birth}${String(Math.floor(i / 20_000)).padStart(3, '0')}`
      const idNumber = id17 + idCheckChar(id17)
      const phone = `13${String(100_000_000 + i * 7).slice(-9)}`
      const party = i % 5 === 0
      personIds.push(
        Number(
          person.run(
            name(rng),
            i % 2 ? '男' : '女',
            idNumber,
            idNumber.slice(-4),
            phone,
            phone.slice(-4),
            ['本镇户籍', '佛山市户籍', '非佛山户籍'][i % 3],
            party ? 1 : 0,
            party ? '村居' : null,
            `第${i % 300}号`,
            g.lon,
            g.lat,
            g.village,
            g.id,
            now
          ).lastInsertRowid
        )
      )
    }
    const household = sqlite.prepare(
      'insert into households (code, kind, name, address, members, village_unit_id, grid_id, contact_person_id) values (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    const kinds = ['居民家庭户', '非户籍家庭户', '工商企业户', '社会组织']
    for (let i = 0; i < scale.households; i++) {
      const g = ids.tier3[i % ids.tier3.length]
      household.run(
        `H-${String(i + 1).padStart(7, '0')}`,
        kinds[i % 4],
        name(rng),
        `第${i % 500}号`,
        1 + (i % 5),
        g.village,
        g.id,
        personIds[(i * 5) % personIds.length]
      )
    }
    // Issues over five years, each with its log: reported → accepted → resolved → closed, or open.
    const issue = sqlite.prepare(
      `insert into issues (code, title, description, category, urgency, source, lon, lat, village_unit_id, tier1_grid_id, tier2_grid_id, tier3_grid_id, status, holder_unit_id, stage, due_at, created_at, closed_at, closed_level, closed_on_time, version)
       select @code, @title, '基准测试事件', @category, '一般', '网格巡查', @lon, @lat, @village, g2.parent_id, g3.parent_id, g3.id, @status, @village, @stage, @due, @created, @closed, @level, @onTime, @version
       from grids g3 join grids g2 on g2.id = g3.parent_id where g3.id = @grid`
    )
    const event = sqlite.prepare(
      "insert into issue_events (issue_id, at, action, from_unit_id, to_unit_id, actor, status_before, status_after) values (?, ?, ?, ?, ?, '基准数据', ?, ?)"
    )
    const start = Date.parse('2022-01-01T00:00:00Z')
    const span = Date.parse('2026-11-20T00:00:00Z') - start
    for (let i = 0; i < scale.issues; i++) {
      const g = ids.tier3[(i * 13) % ids.tier3.length]
      const created = start + Math.floor((span * i) / scale.issues)
      const open = i % 50 === 0
      const at = (h: number) => new Date(created + h * 3_600_000).toISOString()
      const id = Number(
        issue.run({
          code: `SS-${2022 + Math.floor((4.9 * i) / scale.issues)}-${String(i + 1).padStart(6, '0')}`,
          title: `${categories[i % categories.length]}问题${i + 1}`,
          category: categories[i % categories.length],
          lon: g.lon,
          lat: g.lat,
          village: g.village,
          grid: g.id,
          status: open ? 'accepted' : 'closed',
          stage: open ? 'handle' : null,
          due: open ? at(120) : null,
          created: at(0),
          closed: open ? null : at(72),
          level: open ? null : 1,
          onTime: open ? null : i % 7 ? 1 : 0,
          version: open ? 2 : 4
        }).lastInsertRowid
      )
      event.run(id, at(0), 'create', null, g.village, null, 'reported')
      event.run(id, at(2), 'accept', g.village, g.village, 'reported', 'accepted')
      if (!open) {
        event.run(id, at(48), 'resolve', g.village, g.village, 'accepted', 'resolved')
        event.run(id, at(72), 'verify', g.village, null, 'resolved', 'closed')
      }
    }
  })()
  sqlite.exec('analyze')
  const b = sqlite.prepare('select min(min_lon) w, min(min_lat) s, max(max_lon) e, max(max_lat) n from grids where tier = 1').get() as {
    w: number
    s: number
    e: number
    n: number
  }
  return { ...ids, bbox: [b.w, b.s, b.e, b.n] }
}

function name(rng: ReturnType<typeof createRng>) {
  return surnames[rng.int(0, surnames.length - 1)] + given[rng.int(0, given.length - 1)] + given[rng.int(0, given.length - 1)]
}
