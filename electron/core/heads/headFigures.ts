// The 三长制 figures in SQL: heads in office on the day asked, and the period's problems, disputes
// (settled), activities and volunteers, by village — the definitions of heads/domain/headFigures.ts
// (a property test holds the two equal), so the screen and any briefing show one set of figures.
import type Database from 'better-sqlite3'
import { sqlOn } from '../db/sql'
import { zeroCounts, type HeadCounts, type HeadPeriod } from './domain/headFigures'

export function headFiguresOf(
  store: Database.Database | { $client: Database.Database },
  p: HeadPeriod
): { total: HeadCounts; villages: (HeadCounts & { villageId: number })[] } {
  const sql = sqlOn(store)
  const villages = p.villageIds ? [...new Set(p.villageIds)].map(Number) : null
  if (villages?.length === 0) return { total: zeroCounts(), villages: [] }
  const within = (column: string) => (villages ? ` and ${column} in (${villages.join(', ')})` : '')
  const params = { asOf: p.asOf, from: p.from, last: p.to < p.asOf ? p.to : p.asOf }
  const heads = sql.rows<{ v: number; n: number }>(
    `select village_unit_id v, count(*) n from area_heads where appointed_on <= @asOf and (ended_on is null or ended_on > @asOf)${within('village_unit_id')} group by v`,
    params
  )
  // One pass over the records in the period, by village (the index holds kind, day, outcome, volunteers).
  const work = sql.rows<Omit<HeadCounts, 'heads'> & { v: number }>(
    `select village_unit_id v, sum(kind = '解决问题') problems, sum(kind = '调解纠纷') disputes, sum(kind = '调解纠纷' and outcome = '调解成功') settled,
       sum(kind = '社区活动') activities, sum(case when kind = '社区活动' then volunteers else 0 end) volunteers
     from head_records where date between @from and @last${within('village_unit_id')} group by v`,
    params
  )
  const byVillage = new Map<number, HeadCounts>()
  const of = (v: number) => byVillage.get(v) ?? byVillage.set(v, zeroCounts()).get(v)!
  for (const h of heads) of(h.v).heads = h.n
  for (const { v, ...w } of work) Object.assign(of(v), w)
  const total = zeroCounts()
  for (const c of byVillage.values()) for (const k of Object.keys(total) as (keyof HeadCounts)[]) total[k] += c[k]
  return { total, villages: [...byVillage].sort(([a], [b]) => a - b).map(([villageId, c]) => ({ villageId, ...c })) }
}
