// The rental ledgers a town keeps in Excel — the landlords' register of rental buildings (出租屋台账)
// and the inspectors' register of visits (排查台账, a hazard a row) — as import templates, and the
// checks one row passes on its own before the store is asked. Pure.
import type { Cell } from '../../kernel/readTable'
import { rowValues, type LedgerColumn } from '../../kernel/ledger'
import { checkIdNumber } from '../../kernel/personalData'

export type RentalLedgerKind = 'buildings' | 'inspections'
/** A row of 排查台账 that records a visit with nothing found. */
export const NOTHING_FOUND = '未发现隐患'

export const rentalTemplates: Record<RentalLedgerKind, { title: string; columns: LedgerColumn[] }> = {
  buildings: {
    title: '出租屋',
    columns: [
      { key: 'address', header: '地址', required: true, example: '汀圃社区兴业路8号', help: '同一村居内不重复' },
      { key: 'village', header: '所在村居', required: true, example: '汀圃社区', help: '名称或统计用区划代码' },
      { key: 'lon', header: '经度', example: '113.0312', help: 'WGS-84；填写后按坐标确定所在三级网格' },
      { key: 'lat', header: '纬度', example: '23.1456' },
      { key: 'landlordName', header: '房东姓名', example: '陈志明' },
      { key: 'landlordIdNumber', header: '房东身份证号', example: '440605198507150036', help: '须已在人员台账中；导入后按人员台账脱敏显示' },
      { key: 'use', header: '用途', required: true, example: '居住', help: '居住/生产/混合' },
      { key: 'riskClass', header: '风险等级', required: true, example: '中风险', help: '低风险/中风险/高风险' },
      { key: 'rentalRooms', header: '出租间数', required: true, example: '12' },
      { key: 'tenants', header: '在住租客', required: true, example: '26', help: '人数' }
    ]
  },
  inspections: {
    title: '出租屋排查',
    columns: [
      { key: 'address', header: '出租屋地址', required: true, example: '汀圃社区兴业路8号', help: '须已在出租屋台账中' },
      { key: 'village', header: '所在村居', required: true, example: '汀圃社区' },
      { key: 'inspectedOn', header: '排查日期', required: true, example: '2026-11-10' },
      { key: 'inspector', header: '排查人员', required: true, example: '李伟明' },
      { key: 'kind', header: '隐患类别', required: true, example: '电气线路不规范', help: `镇里维护的类别之一；未发现隐患的排查填“${NOTHING_FOUND}”` },
      { key: 'deadline', header: '整改期限', example: '2026-11-25', help: '发现隐患时必填，不得早于排查日期' },
      { key: 'rectifiedOn', header: '整改日期', example: '', help: '已整改的填写；须附整改照片的类别请在系统中复查登记' },
      { key: 'note', header: '说明', example: '楼道私拉电线' }
    ]
  }
}

export type RentalRow = { values: Record<string, string | number | null>; problems: string[] }
const uses = ['居住', '生产', '混合']
const risks = ['低风险', '中风险', '高风险']

/** Check one row by itself: required cells, choices, counts, coordinates, days and their order. */
export function parseRentalRow(kind: RentalLedgerKind, cells: Cell[], index: Record<string, number>): RentalRow {
  const { values, problems, readDays } = rowValues(rentalTemplates[kind].columns, cells, index)
  const str = (k: string) => values[k] as string | null
  if ((str('address')?.length ?? 0) > 100) problems.push('“地址”超过 100 字')
  if (kind === 'buildings') {
    if (str('use') && !uses.includes(str('use')!)) problems.push(`“用途”应为 ${uses.join('/')}，不是“${str('use')}”`)
    if (str('riskClass') && !risks.includes(str('riskClass')!)) problems.push(`“风险等级”应为 ${risks.join('/')}，不是“${str('riskClass')}”`)
    for (const [key, header, max] of [
      ['rentalRooms', '出租间数', 10_000],
      ['tenants', '在住租客', 100_000]
    ] as const) {
      if (str(key) === null) continue
      const n = Number(str(key))
      if (!Number.isInteger(n) || n < 0 || n > max) problems.push(`“${header}”应为 0 至 ${max} 的整数，不是“${str(key)}”`)
      else values[key] = n
    }
    const [lon, lat] = [str('lon'), str('lat')]
    if ((lon === null) !== (lat === null)) problems.push('经度、纬度须同时填写')
    else if (lon !== null && lat !== null) {
      const [x, y] = [Number(lon), Number(lat)]
      if (!(x >= 73 && x <= 136 && y >= 3 && y <= 54)) problems.push(`坐标（${lon}, ${lat}）不在中国境内，请核对经纬度是否填反`)
      else Object.assign(values, { lon: x, lat: y })
    }
    if (str('landlordIdNumber')) {
      const checked = checkIdNumber(str('landlordIdNumber')!)
      if (!checked.ok) problems.push(`房东身份证号：${checked.problem}`)
      else values.landlordIdNumber = checked.idNumber
    }
  } else {
    const bad = readDays([
      ['inspectedOn', '排查日期'],
      ['deadline', '整改期限'],
      ['rectifiedOn', '整改日期']
    ])
    // A day that is none is reported once, not again as later than today (a deadline stays: it is required when a hazard is found).
    for (const key of bad) if (key !== 'deadline') values[key] = null
    const found = str('kind') !== null && str('kind') !== NOTHING_FOUND
    const [on, deadline, fixed] = [str('inspectedOn'), str('deadline'), str('rectifiedOn')]
    if (found && deadline === null) problems.push('发现隐患须填写“整改期限”')
    if (!found && (deadline || fixed)) problems.push(`“${NOTHING_FOUND}”的行不填整改期限和整改日期`)
    if (on && deadline && deadline < on) problems.push(`整改期限 ${deadline} 早于排查日期 ${on}`)
    if (on && fixed && fixed < on) problems.push(`整改日期 ${fixed} 早于排查日期 ${on}`)
    if ((str('inspector')?.length ?? 0) > 60) problems.push('“排查人员”超过 60 字')
    if ((str('note')?.length ?? 0) > 500) problems.push('“说明”超过 500 字')
  }
  return { values, problems }
}
