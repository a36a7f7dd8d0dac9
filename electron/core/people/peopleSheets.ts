// Excel files of the people side: the current view of a registry (masked), the import templates,
// and the rows an import refused with their reasons.
import { newWorkbook, addTableSheet, workbookFile } from '../kernel/workbook'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import type { RegistryName } from '../../shared/people'
import { templates, type ImportKind } from './domain/peopleRows'
import { ledgerTemplateFile, rejectedRowsFile, type RejectedRow } from '../kernel/ledger'
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
    addTableSheet(
      book,
      def.title,
      def.cols.map(([key, header, width]) => ({ key, header, width })),
      rows.map((r) => {
        const m = maskRow(r)
        return { ...m, isPartyMember: 'isPartyMember' in m ? (m.isPartyMember ? '是' : '否') : undefined }
      })
    )
    return workbookFile(book, `${def.title}_${stamp(clock)}.xlsx`, rows.length)
  }

  const template = (kind: ImportKind) =>
    ledgerTemplateFile(templates[kind].title, templates[kind].columns, clock.now(), ['idNumber', 'phone', 'contactIdNumber', 'code'])
  const rejectedRows = (kind: ImportKind, rejected: RejectedRow[]) => rejectedRowsFile(templates[kind].title, rejected, clock.now(), stamp(clock))

  return { exportRegistry, template, rejectedRows }
}
