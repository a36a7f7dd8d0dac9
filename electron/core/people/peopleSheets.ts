// Excel files of the people side: the current view of a registry (masked), the import templates,
// and the rows an import refused with their reasons.
import { newWorkbook, styleHeader, workbookFile } from '../kernel/workbook'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import type { RegistryName } from '../../shared/people'
import { templates, type ImportKind } from './domain/peopleRows'
import { registrySpecs, maskRow } from './registries'
import { runList, type ListInput } from '../db/sqlList'
import { chinaDate } from '../../shared/chinaTime'

const EXPORT_LIMIT = 200_000

const columns: Record<RegistryName, { title: string; cols: [key: string, header: string, width: number][] }> = {
  persons: {
    title: '人员台账',
    cols: [
      ['name', '姓名', 10],
      ['gender', '性别', 6],
      ['idNumber', '身份证号（脱敏）', 22],
      ['phone', '手机号码（脱敏）', 16],
      ['hukou', '户籍类型', 12],
      ['isPartyMember', '党员', 6],
      ['partyBranch', '所在党支部', 24],
      ['village', '居住村居', 14],
      ['homeAddress', '住址（脱敏）', 28],
      ['workUnit', '工作单位', 24],
      ['specialties', '专长', 14],
      ['roles', '身份', 24]
    ]
  },
  households: {
    title: '党员户联系台账',
    cols: [
      ['code', '户编码', 22],
      ['kind', '户类型', 12],
      ['name', '户主或单位名称', 28],
      ['address', '地址（脱敏）', 30],
      ['members', '人数', 6],
      ['village', '所属村居', 14],
      ['grid', '所属网格', 16],
      ['contact', '联系党员', 10],
      ['lastVisitAt', '最近走访', 12],
      ['visits', '走访次数', 8]
    ]
  },
  teams: {
    title: '驻点团队',
    cols: [
      ['name', '团队', 22],
      ['village', '村居', 14],
      ['leader', '队长', 10],
      ['memberCount', '人数', 6],
      ['nonFoshanCount', '非佛山户籍', 10],
      ['members', '成员', 80]
    ]
  },
  reporting: {
    title: '报到党员台账',
    cols: [
      ['name', '姓名', 10],
      ['gender', '性别', 6],
      ['phone', '手机号码（脱敏）', 16],
      ['workUnit', '工作单位', 26],
      ['village', '报到村居', 14],
      ['reportedAt', '报到日期', 12],
      ['posts', '认领岗位', 20],
      ['servicesClaimed', '认领服务', 14],
      ['specialties', '专长', 12],
      ['volunteerWishes', '志愿服务意向', 20],
      ['projectWishes', '党建项目意向', 14],
      ['group', '所编党小组', 16],
      ['leader', '小组长', 10],
      ['serviceHours', '服务时长（小时）', 10]
    ]
  },
  reserve: {
    title: '储能联系人台账',
    cols: [
      ['name', '姓名', 10],
      ['phone', '手机号码（脱敏）', 16],
      ['unit', '工作单位', 24],
      ['specialty', '专长', 12],
      ['village', '居住村居', 14],
      ['notices', '收到通知', 10],
      ['participated', '参与次数', 10]
    ]
  }
}

const stamp = (clock: Clock) => chinaDate(clock.now()).replaceAll('-', '')

export function createPeopleSheetService(db: Db, clock: Clock) {
  const newBook = () => newWorkbook(clock.now())

  /** The registry as filtered on screen, every page, personal data masked. */
  async function exportRegistry(registry: RegistryName, query: Omit<ListInput, 'offset' | 'limit'> = {}) {
    const { rows } = runList<Record<string, unknown>>(sqlOn(db), registrySpecs[registry], { ...query, offset: 0, limit: EXPORT_LIMIT })
    const def = columns[registry]
    const book = newBook()
    const sheet = book.addWorksheet(def.title)
    sheet.columns = def.cols.map(([key, header, width]) => ({ key, header, width }))
    for (const r of rows) {
      const m = maskRow(r)
      sheet.addRow({ ...m, isPartyMember: 'isPartyMember' in m ? (m.isPartyMember ? '是' : '否') : undefined })
    }
    styleHeader(sheet, def.cols.length)
    return workbookFile(book, `${def.title}_${stamp(clock)}.xlsx`, rows.length)
  }

  /** A template: the columns (required ones marked ＊), an example row, and a sheet explaining each column. */
  async function template(kind: ImportKind) {
    const t = templates[kind]
    const book = newBook()
    const sheet = book.addWorksheet(t.title)
    sheet.columns = t.columns.map((c) => ({ key: c.key, header: c.required ? `${c.header}*` : c.header, width: Math.max(12, c.header.length * 2 + 4) }))
    // Long digit strings must stay text, or Excel turns an ID number into 4.40605E+17.
    for (const key of ['idNumber', 'phone', 'contactIdNumber', 'code']) if (t.columns.some((c) => c.key === key)) sheet.getColumn(key).numFmt = '@'
    sheet.addRow(Object.fromEntries(t.columns.map((c) => [c.key, c.example])))
    styleHeader(sheet, t.columns.length)
    const help = book.addWorksheet('填写说明')
    help.columns = [
      { header: '列', key: 'header', width: 20 },
      { header: '必填', key: 'required', width: 8 },
      { header: '说明', key: 'help', width: 60 }
    ]
    for (const c of t.columns) help.addRow({ header: c.header, required: c.required ? '是' : '', help: c.help ?? '' })
    help.addRow({})
    help.addRow({ header: '注意', help: '第二行是示例，导入前请删除或改写。身份证号请以文本格式填写；全角数字会自动转换。' })
    return workbookFile(book, `${t.title}导入模板.xlsx`, 0)
  }

  async function rejectedRows(kind: ImportKind, rejected: { row: number; name: string | null; reasons: string[] }[]) {
    const book = newBook()
    const sheet = book.addWorksheet('未导入的行')
    sheet.columns = [
      { header: '文件中的行号', key: 'row', width: 12 },
      { header: '姓名/名称', key: 'name', width: 16 },
      { header: '原因', key: 'reasons', width: 90 }
    ]
    for (const r of rejected) sheet.addRow({ row: r.row, name: r.name ?? '', reasons: r.reasons.join('；') })
    styleHeader(sheet, 3)
    return workbookFile(book, `${templates[kind].title}导入校验报告_${stamp(clock)}.xlsx`, rejected.length)
  }

  return { exportRegistry, template, rejectedRows }
}
