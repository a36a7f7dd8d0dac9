// The 三长制 figures — seed 004's "楼长、巷长、街长 4300 余名，解决社区问题 7000 余个，化解邻里矛盾纠纷 3000
// 余件，开展社区活动 1 万余场次，带动居民志愿者 8000 人次" are exactly these. One definition, here, in words
// and as a plain function; the store computes the same in SQL (heads/headFigures.ts), and a property
// test holds the two equal.
//
// For a period [from, to], villages (all when none), and the day asked (asOf = min(to, today)):
// - heads (三长): heads in office on the day asked — appointed on or before it, not ended on or before it;
// - problems (解决问题): records of problems solved dated in [from, min(to, asOf)];
// - disputes (调解纠纷): disputes mediated in that span, whatever the outcome; settled: those 调解成功;
// - activities (社区活动): activities held in that span; volunteers: the volunteers (人次) they brought in.

export type HeadTerm = { villageId: number; appointedOn: string; endedOn: string | null }
export type HeadRecord = { villageId: number; kind: '解决问题' | '调解纠纷' | '社区活动'; date: string; outcome: string | null; volunteers: number }
export type HeadPeriod = { from: string; to: string; asOf: string; villageIds: number[] | null }
export type HeadCounts = { heads: number; problems: number; disputes: number; settled: number; activities: number; volunteers: number }

export const zeroCounts = (): HeadCounts => ({ heads: 0, problems: 0, disputes: 0, settled: 0, activities: 0, volunteers: 0 })
export const inOffice = (h: Pick<HeadTerm, 'appointedOn' | 'endedOn'>, day: string) => h.appointedOn <= day && (h.endedOn === null || h.endedOn > day)

/** The figures, by village (villages with nothing to count are left out) and in total. */
export function headFigures(heads: HeadTerm[], records: HeadRecord[], p: HeadPeriod): { total: HeadCounts; villages: Map<number, HeadCounts> } {
  const last = p.to < p.asOf ? p.to : p.asOf
  const within = (v: number) => !p.villageIds || p.villageIds.includes(v)
  const villages = new Map<number, HeadCounts>()
  const total = zeroCounts()
  const of = (v: number) => villages.get(v) ?? villages.set(v, zeroCounts()).get(v)!
  for (const h of heads)
    if (within(h.villageId) && inOffice(h, p.asOf)) {
      total.heads++
      of(h.villageId).heads++
    }
  for (const r of records) {
    if (!within(r.villageId) || r.date < p.from || r.date > last) continue
    for (const c of [total, of(r.villageId)]) {
      if (r.kind === '解决问题') c.problems++
      else if (r.kind === '调解纠纷') {
        c.disputes++
        if (r.outcome === '调解成功') c.settled++
      } else {
        c.activities++
        c.volunteers += r.volunteers
      }
    }
  }
  return { total, villages }
}
