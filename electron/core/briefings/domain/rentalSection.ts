// The briefing's 出租屋消防安全隐患整治 section: the campaign table (rentals.campaignTable's figures) for
// the briefing's period and scope, as of its 截至 day — the same numbers the 整治进度 screen shows for
// that period, villages and day. Pure: the service gathers the figures.
import type { BriefingSection } from '../../../shared/briefing'
import { percentText } from '../../../shared/percent'

type Counts = { found: number; rectified: number; overdue: number; rate: number | null }
export type RentalFacts = {
  total: Counts
  villages: (Counts & { name: string })[]
  kinds: (Counts & { name: string; countedBy: '处' | '栋' })[]
}

const pct = (rate: number | null) => percentText(rate, '无')
const row = (name: string, c: Counts, unit = '处') => [name, `${c.found}${unit}`, `${c.rectified}${unit}`, pct(c.rate), `${c.overdue}${unit}`]
const columns = ['发现隐患', '已整改', '整改率', '逾期未改']
const align = ['left', 'right', 'right', 'right', 'right'] as const

/** `asOf` as the words print it (9月30日); `where` the scope (全镇, a village's name). */
export function rentalSection(r: RentalFacts, words: { periodLabel: string; where: string; asOf: string; byVillage: boolean }): BriefingSection {
  const t = r.total
  const paragraph = t.found
    ? `${words.periodLabel}，${words.where}出租屋排查发现消防安全隐患${t.found}处，截至${words.asOf}已整改${t.rectified}处，整改率${pct(t.rate)}；` +
      (t.overdue ? `逾期未改${t.overdue}处，请所在村（社区）督促限期整改，逾期仍未整改的转为事件办理。` : '无逾期未改的隐患。')
    : `${words.periodLabel}，${words.where}出租屋排查未发现消防安全隐患。`
  return {
    key: 'rentals',
    heading: '出租屋消防安全隐患整治',
    paragraphs: [paragraph],
    tables: t.found
      ? [
          ...(words.byVillage && r.villages.length
            ? [
                {
                  caption: '各村（社区）出租屋消防安全隐患整治情况',
                  columns: ['村（社区）', ...columns],
                  align: [...align],
                  rows: r.villages.map((v) => row(v.name, v))
                }
              ]
            : []),
          {
            caption: '按隐患类别（疏散通道等按栋计的类别以楼栋计）',
            columns: ['隐患类别', ...columns],
            align: [...align],
            rows: r.kinds.map((k) => row(k.name, k, k.countedBy === '栋' ? '栋' : '处'))
          }
        ]
      : [],
    figures: []
  }
}
