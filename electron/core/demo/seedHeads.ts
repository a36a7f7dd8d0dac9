// The demo's 三长制 at Shishan's share of seed 004's district figures (Nanhai: 4,300 楼长、巷长、街长,
// 7,000 problems solved, 3,000 disputes mediated, 10,000 activities, 8,000 volunteer person-times;
// Shishan assumed about a seventh): heads appointed in the tier-3 areas where households live, from
// the village's residents, and this year's work up to the demo's "today". Every head flagged 示意.
// Deterministic; one transaction, or nothing.
import type { Db } from '../db/open'
import { addDays } from '../../shared/chinaTime'
import { sqlOn } from '../db/sql'
import { apportion, createRng, type Rng } from './prng'
import { readTown } from './seedPeople'

export const demoHeadFigures = { heads: 610, problems: 1000, disputes: 430, activities: 1430, volunteers: 1140 }
const lastDay = '2026-11-20'
const DAY = 86_400_000
const dayIn = (rng: Rng, from: string, to: string) => addDays(from, Math.floor(rng.next() * ((Date.parse(to) - Date.parse(from)) / DAY + 1)))
const titles = {
  解决问题: ['楼道杂物清理', '路灯维修', '下水道疏通', '违停车辆劝离', '垃圾分类指引', '楼顶积水处理'],
  调解纠纷: ['楼上漏水纠纷', '噪音扰民纠纷', '停车位纠纷', '租金押金纠纷', '宠物扰邻纠纷'],
  社区活动: ['消防安全宣传', '邻里议事会', '敬老探访', '环境清洁日', '反诈宣传']
} as const

export function seedDemoHeads(db: Db, opts: { createdAt: string; seed?: number }): void {
  const sql = sqlOn(db)
  const rng = createRng(opts.seed ?? 2027)
  const groups = readTown(sql).groups.filter((g) => g.households > 0)
  const residentsOf = new Map<number, number[]>()
  for (const p of sql.rows<{ id: number; v: number }>('select id, village_unit_id v from persons where village_unit_id is not null order by id'))
    (residentsOf.get(p.v) ?? residentsOf.set(p.v, []).get(p.v)!).push(p.id)
  const issuesOf = new Map<number, { id: number; day: string }[]>()
  for (const i of sql.rows<{ id: number; v: number; day: string }>(
    "select id, village_unit_id v, substr(created_at, 1, 10) day from issues where created_at >= '2026-01-01' order by id"
  ))
    (issuesOf.get(i.v) ?? issuesOf.set(i.v, []).get(i.v)!).push(i)
  const perGroup = apportion(
    demoHeadFigures.heads,
    groups.map((g) => g.households)
  )
  const head = sql.statement(
    'insert into area_heads (person_id, village_unit_id, tier3_grid_id, role, area, appointed_on, ended_on, sample, created_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?)'
  )
  const record = sql.statement(
    "insert into head_records (head_id, village_unit_id, kind, date, title, issue_id, parties, outcome, volunteers, created_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')"
  )
  sql.transaction(() => {
    const heads: { id: number; villageId: number; from: string }[] = []
    groups.forEach((g, gi) => {
      const residents = residentsOf.get(g.villageId) ?? []
      for (let n = 0; n < perGroup[gi] && residents.length; n++) {
        const r = rng.next()
        const role = r < 0.6 ? '楼长' : r < 0.9 ? '巷长' : '街长'
        const area = role === '楼长' ? `${g.tier2Name}${n + 1}号楼` : role === '巷长' ? `${g.tier2Name}${n + 1}巷` : `${g.tier2Name}大街`
        const appointedOn = dayIn(rng, '2024-01-01', '2026-06-30')
        // One in twenty has handed over; the records below fall in the terms still running.
        const endedOn = rng.next() < 0.05 ? dayIn(rng, appointedOn, lastDay) : null
        const id = Number(head.run(rng.pick(residents), g.villageId, g.id, role, area, appointedOn, endedOn, opts.createdAt).lastInsertRowid)
        if (endedOn === null) heads.push({ id, villageId: g.villageId, from: appointedOn > '2026-01-01' ? appointedOn : '2026-01-01' })
      }
    })
    if (heads.length === 0) return
    const outcomes: [string, number][] = [
      ['调解成功', 0.7],
      ['转交办理', 0.2],
      ['未能调解', 0.1]
    ]
    // The volunteers spread over the activities: the seed's person-times in all.
    const volunteersOf = apportion(
      demoHeadFigures.volunteers,
      Array.from({ length: demoHeadFigures.activities }, () => rng.next())
    )
    for (const kind of ['解决问题', '调解纠纷', '社区活动'] as const) {
      const total = kind === '解决问题' ? demoHeadFigures.problems : kind === '调解纠纷' ? demoHeadFigures.disputes : demoHeadFigures.activities
      for (let n = 0; n < total; n++) {
        const h = rng.pick(heads)
        const date = dayIn(rng, h.from, lastDay)
        const earlier = kind === '解决问题' && rng.next() < 0.35 ? (issuesOf.get(h.villageId) ?? []).filter((i) => i.day <= date) : []
        let outcome: string | null = null
        if (kind === '调解纠纷') {
          let x = rng.next()
          outcome = outcomes.find(([, w]) => (x -= w) < 0)?.[0] ?? '调解成功'
        }
        const volunteers = kind === '社区活动' ? volunteersOf[n] : 0
        record.run(
          h.id,
          h.villageId,
          kind,
          date,
          rng.pick(titles[kind]),
          earlier.length ? rng.pick(earlier).id : null,
          kind === '调解纠纷' ? '邻里双方' : null,
          outcome,
          volunteers,
          opts.createdAt
        )
      }
    }
  })
}
