// The 三长 ledgers a village keeps in Excel — the roll of heads (三长名册: who heads which building,
// lane or street of which tier-3 area, from when) and the heads' work book (三长工作台账: problems
// solved, disputes mediated, activities held) — as import templates, and the checks one row passes on
// its own before the store is asked. Pure.
import type { Cell } from '../../kernel/readTable'
import { rowValues, type LedgerColumn } from '../../kernel/ledger'
import { checkIdNumber } from '../../kernel/personalData'
import { headRecordKinds, headRoles, mediationOutcomes } from '../schema'

export type HeadLedgerKind = 'heads' | 'records'

export const headTemplates: Record<HeadLedgerKind, { title: string; columns: LedgerColumn[] }> = {
  heads: {
    title: '三长名册',
    columns: [
      { key: 'name', header: '姓名', required: true, example: '陈志明' },
      { key: 'idNumber', header: '身份证号', required: true, example: '440605198507150036', help: '须已在人员台账中，且住在所填村居' },
      { key: 'village', header: '所在村居', required: true, example: '汀圃社区', help: '名称或统计用区划代码' },
      { key: 'grid', header: '三级网格', required: true, example: '汀圃社区第一党小组', help: '该村居三级网格的名称或编码' },
      { key: 'role', header: '类别', required: true, example: '楼长', help: headRoles.join('/') },
      { key: 'area', header: '负责楼巷街', required: true, example: '兴业路8号楼', help: '60 字以内' },
      { key: 'appointedOn', header: '任命日期', required: true, example: '2026-03-01' },
      { key: 'endedOn', header: '卸任日期', example: '', help: '在任的不填' }
    ]
  },
  records: {
    title: '三长工作台账',
    columns: [
      { key: 'name', header: '姓名', required: true, example: '陈志明' },
      { key: 'idNumber', header: '身份证号', required: true, example: '440605198507150036', help: '三长本人的身份证号' },
      { key: 'village', header: '所在村居', required: true, example: '汀圃社区' },
      { key: 'area', header: '负责楼巷街', example: '兴业路8号楼', help: '同一人担任多处三长时必填' },
      { key: 'kind', header: '工作类别', required: true, example: '调解纠纷', help: headRecordKinds.join('/') },
      { key: 'date', header: '日期', required: true, example: '2026-11-10', help: '须在任期内，不晚于今天' },
      { key: 'title', header: '事项', required: true, example: '楼道堆物引发邻里纠纷', help: '100 字以内' },
      { key: 'issueCode', header: '关联事件编号', example: '', help: '解决问题时可填，须是本村居的事件，如 SS-2026-000123' },
      { key: 'parties', header: '纠纷双方', example: '3 楼住户与 4 楼住户', help: '调解纠纷必填' },
      { key: 'outcome', header: '调解结果', example: '调解成功', help: `调解纠纷必填：${mediationOutcomes.join('/')}` },
      { key: 'volunteers', header: '志愿者人次', example: '', help: '社区活动填写' },
      { key: 'note', header: '说明', example: '' }
    ]
  }
}

export type HeadRow = { values: Record<string, string | number | null>; problems: string[] }

const oneOf = (problems: string[], header: string, value: string | null, choices: readonly string[]) => {
  if (value !== null && !choices.includes(value)) problems.push(`“${header}”应为 ${choices.join('/')}，不是“${value}”`)
}
const longer = (problems: string[], header: string, value: string | null, max: number) => {
  if ((value?.length ?? 0) > max) problems.push(`“${header}”超过 ${max} 字`)
}

/** Check one row by itself: required cells, the ID number, choices, days and their order, the kind's own cells. */
export function parseHeadRow(kind: HeadLedgerKind, cells: Cell[], index: Record<string, number>): HeadRow {
  const { values, problems, readDays } = rowValues(headTemplates[kind].columns, cells, index)
  const str = (k: string) => values[k] as string | null
  if (str('idNumber')) {
    const checked = checkIdNumber(str('idNumber')!)
    if (!checked.ok) problems.push(`身份证号：${checked.problem}`)
    else values.idNumber = checked.idNumber
  }
  longer(problems, '姓名', str('name'), 30)
  longer(problems, '负责楼巷街', str('area'), 60)
  if (kind === 'heads') {
    oneOf(problems, '类别', str('role'), headRoles)
    // A day that is none is reported once, then left out of the checks that compare days.
    for (const bad of readDays([
      ['appointedOn', '任命日期'],
      ['endedOn', '卸任日期']
    ]))
      values[bad] = null
    if (str('appointedOn') && str('endedOn') && str('endedOn')! < str('appointedOn')!)
      problems.push(`卸任日期 ${str('endedOn')} 早于任命日期 ${str('appointedOn')}`)
    return { values, problems }
  }
  oneOf(problems, '工作类别', str('kind'), headRecordKinds)
  oneOf(problems, '调解结果', str('outcome'), mediationOutcomes)
  for (const bad of readDays([['date', '日期']])) values[bad] = null
  longer(problems, '事项', str('title'), 100)
  if (str('title') !== null && str('title')!.length < 2) problems.push('“事项”至少 2 个字')
  longer(problems, '纠纷双方', str('parties'), 100)
  longer(problems, '说明', str('note'), 500)
  if (str('kind') === '调解纠纷') {
    if (!str('parties')) problems.push('调解纠纷须填写“纠纷双方”')
    if (!str('outcome')) problems.push('调解纠纷须填写“调解结果”')
  } else if (str('kind') && (str('parties') || str('outcome'))) problems.push(`“${str('kind')}”不填纠纷双方和调解结果`)
  if (str('issueCode') && str('kind') && str('kind') !== '解决问题') problems.push('只有“解决问题”可以填写关联事件编号')
  if (str('volunteers') !== null) {
    const n = Number(str('volunteers'))
    if (str('kind') && str('kind') !== '社区活动') problems.push('“志愿者人次”只用于社区活动')
    else if (!Number.isInteger(n) || n < 0 || n > 10_000) problems.push(`“志愿者人次”应为 0 至 10000 的整数，不是“${str('volunteers')}”`)
    else values.volunteers = n
  }
  return { values, problems }
}
