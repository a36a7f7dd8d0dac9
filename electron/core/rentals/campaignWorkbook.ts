// The campaign table as an Excel file for the leaders' desks: the same figures the screen shows
// (rentals.campaignTable), by village and by kind, each sheet headed by its period and 截至 day.
import type { Output, ParsedInput } from '../../shared/contract'
import { newWorkbook, styleHeader, workbookFile } from '../kernel/workbook'
import { percentText } from '../../shared/percent'

type Table = Output<'rentals.campaignTable'>
type Counts = Table['total']
const rate = (c: Counts) => percentText(c.rate)
const figures = (c: Counts) => [c.found, c.rectified, rate(c), c.overdue]

export async function campaignWorkbook(t: Table, period: ParsedInput<'rentals.campaignTable'>, title: string | undefined, now: Date) {
  const book = newWorkbook(now)
  const heading = `${title || '出租屋消防安全隐患整治'}（${period.startsOn} 至 ${period.endsOn}，截至 ${t.asOf}）`
  const sheet = (name: string, first: string, rows: (string | number)[][]) => {
    const s = book.addWorksheet(name)
    s.addRow([first, '发现隐患', '已整改', '整改率', '逾期未改'])
    styleHeader(s, 5)
    for (const r of rows) s.addRow(r)
    s.addRow(['合计', ...figures(t.total)]).font = { bold: true }
    s.addRow([])
    s.addRow([heading])
    s.addRow(['口径：期间内排查发现的隐患；已整改、逾期未改均按截至日期计；按栋计数的类别以楼栋计。'])
    s.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 12))
  }
  sheet(
    '按村居',
    '村（社区）',
    t.villages.map((v) => [v.village, ...figures(v)])
  )
  sheet(
    '按类别',
    '隐患类别',
    t.kinds.map((k) => [`${k.kind}（按${k.countedBy}）`, ...figures(k)])
  )
  return workbookFile(book, `出租屋隐患整治进度_${t.asOf}.xlsx`, t.villages.length)
}
