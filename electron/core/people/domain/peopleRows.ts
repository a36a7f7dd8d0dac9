// The import templates of the people registries, and the checks one row passes on its own (before
// the store is asked about villages, grids and duplicates). Pure.
import { checkIdNumber, checkPhone, normaliseText } from '../../kernel/personalData'
import { hukouKinds } from '../../../shared/people'
import type { Cell } from '../../kernel/readTable'
import { cellText, parseDay, type LedgerColumn } from '../../kernel/ledger'
import { chinaDate } from '../../../shared/chinaTime'

export type ImportKind = 'persons' | 'households' | 'reporting' | 'reserve'
export type Column = LedgerColumn

const person: Column[] = [
  { key: 'name', header: '姓名', required: true, example: '陈志明' },
  { key: 'gender', header: '性别', example: '男', help: '男/女；不填则按身份证号' },
  { key: 'idNumber', header: '身份证号', required: true, example: '440605198507150036', help: '18 位，或 15 位旧号（自动升位）' },
  { key: 'phone', header: '手机号码', example: '13800001234' }
]
const home: Column[] = [
  { key: 'homeAddress', header: '住址', example: '汀圃社区杨坳经济社12号' },
  { key: 'lon', header: '经度', example: '113.0312', help: 'WGS-84；填写后按住址坐标确定所在网格' },
  { key: 'lat', header: '纬度', example: '23.1456' }
]
export const templates: Record<ImportKind, { title: string; columns: Column[] }> = {
  persons: {
    title: '人员',
    columns: [
      ...person,
      { key: 'hukou', header: '户籍类型', required: true, example: '本镇户籍', help: '本镇户籍/佛山市户籍/非佛山户籍' },
      { key: 'isPartyMember', header: '是否党员', example: '是', help: '是/否' },
      { key: 'partyRegistration', header: '党组织关系', example: '村居', help: '村居/单位（党员填写）' },
      { key: 'partyBranch', header: '所在党支部', example: '杨坳经济社党支部' },
      { key: 'village', header: '居住村居', required: true, example: '汀圃社区', help: '名称或统计用区划代码' },
      ...home,
      { key: 'workUnit', header: '工作单位', example: '' },
      { key: 'specialties', header: '专长', example: '医疗卫生', help: '多个用顿号或逗号分隔' }
    ]
  },
  households: {
    title: '党员户联系',
    columns: [
      { key: 'code', header: '户编码', required: true, example: 'H-440605-000001' },
      { key: 'kind', header: '户类型', required: true, example: '居民家庭户', help: '居民家庭户/非户籍家庭户/工商企业户/社会组织' },
      { key: 'name', header: '户主或单位名称', required: true, example: '黄伟强' },
      { key: 'address', header: '地址', required: true, example: '汀圃社区杨坳经济社12号' },
      { key: 'members', header: '人数', example: '3' },
      { key: 'village', header: '所属村居', required: true, example: '汀圃社区', help: '名称或统计用区划代码' },
      { key: 'grid', header: '所属网格', example: '', help: '三级网格名称或编码' },
      { key: 'contactIdNumber', header: '联系党员身份证号', example: '', help: '须为已登记的党员' }
    ]
  },
  reporting: {
    title: '报到党员',
    columns: [
      ...person,
      { key: 'hukou', header: '户籍类型', example: '佛山市户籍', help: '本镇户籍/佛山市户籍/非佛山户籍；不填为佛山市户籍' },
      { key: 'workUnit', header: '工作单位', required: true, example: '南海区人民医院' },
      { key: 'partyBranch', header: '所在党支部', example: '南海区人民医院第一党支部' },
      { key: 'village', header: '报到村居', required: true, example: '汀圃社区', help: '名称或统计用区划代码' },
      { key: 'reportedAt', header: '报到日期', required: true, example: '2026-05-19' },
      ...home,
      { key: 'specialties', header: '专长', example: '医疗卫生' },
      { key: 'servicesClaimed', header: '认领服务', example: '义诊服务' },
      { key: 'volunteerWishes', header: '志愿服务意向', example: '周末参加志愿服务' },
      { key: 'projectWishes', header: '党建项目意向', example: '长者饭堂' }
    ]
  },
  reserve: {
    title: '储能联系人',
    columns: [
      ...person,
      { key: 'hukou', header: '户籍类型', example: '本镇户籍', help: '不填为本镇户籍' },
      { key: 'unit', header: '工作单位', required: true, example: '狮山镇人民医院' },
      { key: 'specialty', header: '专长', example: '医疗卫生' },
      { key: 'village', header: '居住村居', required: true, example: '汀圃社区', help: '名称或统计用区划代码' },
      { key: 'homeAddress', header: '住址', example: '' }
    ]
  }
}

/** Map the file's headers to template keys; a file missing required columns is the wrong template. */

const text = cellText

/** A day of the past (or today): 2026-05-19, 2026/5/19, 2026.5.19, 2026年5月19日, or an Excel date. */
export function parseDate(c: Cell | undefined, today: Date): { ok: true; date: string } | { ok: false; problem: string } {
  const day = parseDay(c)
  // Today is China's: at 07:00 on 1 March (23:00 UTC the day before) a visit dated 1 March is today's.
  if (day.ok && day.date > chinaDate(today)) return { ok: false, problem: `日期“${text(c)}”在今天之后` }
  return day
}

export type ParsedRow = { values: Record<string, string | number | boolean | null>; problems: string[] }

const hukous: readonly string[] = hukouKinds
const householdKinds = ['居民家庭户', '非户籍家庭户', '工商企业户', '社会组织']

/** Check one row by itself: required cells, ID checksum, phone, choices, dates, coordinates. */
export function parseRow(kind: ImportKind, cells: Cell[], index: Record<string, number>, today: Date): ParsedRow {
  const problems: string[] = []
  const values: ParsedRow['values'] = {}
  const raw = (key: string) => (index[key] === undefined ? undefined : cells[index[key]])
  for (const col of templates[kind].columns) {
    const v = text(raw(col.key))
    values[col.key] = v === '' ? null : v
    if (col.required && v === '') problems.push(`“${col.header}”不能为空`)
  }
  const str = (k: string) => (values[k] ?? null) as string | null

  if (str('name') && str('name')!.length > 60) problems.push('“姓名/名称”超过 60 字')
  if (str('idNumber')) {
    const id = checkIdNumber(raw_(raw('idNumber')), today)
    if (!id.ok) problems.push(id.problem)
    else {
      values.idNumber = id.idNumber
      if (!str('gender')) values.gender = id.gender
    }
  }
  if (str('gender') && !['男', '女'].includes(str('gender')!)) problems.push(`性别“${str('gender')}”应为 男 或 女`)
  if (str('phone')) {
    const p = checkPhone(str('phone')!)
    if (!p.ok) problems.push(p.problem)
    else values.phone = p.phone
  }
  if (kind === 'reporting' && !str('phone')) problems.push('“手机号码”不能为空（报到党员须能联系）')
  if (str('contactIdNumber')) {
    const id = checkIdNumber(str('contactIdNumber')!, today)
    if (!id.ok) problems.push(`联系党员${id.problem}`)
    else values.contactIdNumber = id.idNumber
  }
  const defaultHukou = kind === 'reporting' ? '佛山市户籍' : kind === 'reserve' ? '本镇户籍' : null
  if (!str('hukou') && defaultHukou) values.hukou = defaultHukou
  if (str('hukou') && !hukous.includes(str('hukou')!)) problems.push(`户籍类型“${str('hukou')}”应为 ${hukous.join('、')} 之一`)
  if (kind === 'persons') {
    const party = str('isPartyMember')
    if (party && !['是', '否'].includes(party)) problems.push(`是否党员“${party}”应为 是 或 否`)
    values.isPartyMember = party === '是'
    const reg = str('partyRegistration')
    if (reg && !['村居', '单位'].includes(reg)) problems.push(`党组织关系“${reg}”应为 村居 或 单位`)
    if (reg && party !== '是') problems.push('非党员不能填写“党组织关系”')
    if (party === '是' && !reg) values.partyRegistration = '村居'
  }
  if (kind === 'households') {
    if (str('kind') && !householdKinds.includes(str('kind')!)) problems.push(`户类型“${str('kind')}”应为 ${householdKinds.join('、')} 之一`)
    const m = str('members')
    if (m !== null) {
      const n = Number(normaliseText(m))
      if (!Number.isInteger(n) || n < 1 || n > 200) problems.push(`人数“${m}”应为 1–200 的整数`)
      else values.members = n
    } else values.members = 1
  }
  if (kind === 'reporting' && str('reportedAt')) {
    const d = parseDate(raw('reportedAt'), today)
    if (!d.ok) problems.push(`报到${d.problem}`)
    else values.reportedAt = d.date
  }
  if (str('lon') || str('lat')) {
    const lon = Number(normaliseText(str('lon') ?? ''))
    const lat = Number(normaliseText(str('lat') ?? ''))
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || str('lon') === null || str('lat') === null) problems.push('经度和纬度须同时填写数字')
    else if (lon < 73 || lon > 136 || lat < 3 || lat > 54) problems.push(`坐标（${lon}, ${lat}）不在中国境内，请检查经纬度是否填反`)
    else {
      values.lon = lon
      values.lat = lat
    }
  }
  return { values, problems }
}

const raw_ = (c: Cell | undefined) => (typeof c === 'number' && !Number.isSafeInteger(c) ? String(c) : text(c))
