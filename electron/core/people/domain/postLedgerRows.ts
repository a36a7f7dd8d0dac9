// The ledger of 无职党员设岗定责 a village keeps in Excel (设岗定责台账): a post a row, or a post and
// the member without office who holds it — the template, and the checks one row passes on its own
// before the store is asked. Pure.
import type { Cell } from '../../kernel/readTable'
import { rowValues, type LedgerColumn } from '../../kernel/ledger'
import { checkIdNumber } from '../../kernel/personalData'

export const postTemplate: { title: string; columns: LedgerColumn[] } = {
  title: '设岗定责台账',
  columns: [
    { key: 'village', header: '所在村居', required: true, example: '汀圃社区', help: '名称或统计用区划代码' },
    { key: 'post', header: '岗位名称', required: true, example: '政策宣传岗', help: '村居内不重复；已有的岗位按名称认领' },
    { key: 'capacity', header: '岗位人数', required: true, example: '3', help: '1 至 500' },
    { key: 'duties', header: '岗位职责', example: '宣讲政策、收集意见', help: '200 字以内' },
    { key: 'name', header: '党员姓名', example: '黄伍根', help: '只设岗、暂无人认领的行不填' },
    { key: 'idNumber', header: '党员身份证号', example: '440605195501010012', help: '须是组织关系在本村居的党员' },
    { key: 'claimedOn', header: '领岗日期', example: '2026-03-01', help: '填写党员时必填' },
    { key: 'endedOn', header: '离岗日期', example: '', help: '仍在岗的不填' }
  ]
}

export type PostRow = { values: Record<string, string | number | null>; problems: string[] }

/** Check one row by itself: required cells, the count, the member's ID number, days and their order. */
export function parsePostRow(cells: Cell[], index: Record<string, number>): PostRow {
  const { values, problems, readDays } = rowValues(postTemplate.columns, cells, index)
  const str = (k: string) => values[k] as string | null
  const post = str('post')
  if (post !== null && (post.length < 2 || post.length > 30)) problems.push('“岗位名称”应为 2 至 30 字')
  if ((str('duties')?.length ?? 0) > 200) problems.push('“岗位职责”超过 200 字')
  if (str('capacity') !== null) {
    const n = Number(str('capacity'))
    if (!Number.isInteger(n) || n < 1 || n > 500) problems.push(`“岗位人数”应为 1 至 500 的整数，不是“${str('capacity')}”`)
    else values.capacity = n
  }
  for (const bad of readDays([
    ['claimedOn', '领岗日期'],
    ['endedOn', '离岗日期']
  ]))
    values[bad] = null
  const member = str('name') !== null || str('idNumber') !== null
  if (member) {
    if (str('idNumber') === null) problems.push('填写党员须同时填写“党员身份证号”（按证件号关联人员台账）')
    else {
      const checked = checkIdNumber(str('idNumber')!)
      if (!checked.ok) problems.push(`党员身份证号：${checked.problem}`)
      else values.idNumber = checked.idNumber
    }
    if (str('claimedOn') === null && !problems.some((p) => p.startsWith('“领岗日期”'))) problems.push('填写党员须同时填写“领岗日期”')
  } else if (str('claimedOn') !== null || str('endedOn') !== null) problems.push('没有党员的行不填领岗、离岗日期')
  if (str('claimedOn') && str('endedOn') && str('endedOn')! < str('claimedOn')!) problems.push(`离岗日期 ${str('endedOn')} 早于领岗日期 ${str('claimedOn')}`)
  return { values, problems }
}
