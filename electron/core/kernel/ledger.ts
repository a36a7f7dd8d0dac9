// What every ledger import shares (people's registries, the rental ledgers): template columns found
// by their headers, a cell read as text or as a day, the template workbook and the report of the rows
// refused. The checks of a row are each feature's own.
import { readTable, TableFileError, type Cell, type Table } from './readTable'
import { isCalendarDay } from '../../shared/chinaTime'
import { normaliseText } from './personalData'
import { addTableSheet, newWorkbook, styleHeader, workbookFile } from './workbook'
import type { Sql } from '../db/sql'

export type LedgerColumn = { key: string; header: string; required?: boolean; example: string; help?: string }
export type RejectedRow = { row: number; name: string | null; reasons: string[] }
export type Village = { id: number; name: string; official?: string | null }

/** Which column holds each template key; the required ones missing; headers not in the template. */
export function matchColumns(columns: LedgerColumn[], headers: string[]): { index: Record<string, number>; missing: string[]; unknown: string[] } {
  const index: Record<string, number> = {}
  const unknown: string[] = []
  headers.forEach((h, i) => {
    const col = columns.find((c) => c.header === h)
    if (col && index[col.key] === undefined) index[col.key] = i
    else if (h) unknown.push(h)
  })
  const missing = columns.filter((c) => c.required && index[c.key] === undefined).map((c) => c.header)
  return { index, missing, unknown }
}

/** exceljs gives a date cell as UTC midnight of the day typed: its UTC fields are the day. */
const cellDay = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`

export const cellText = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return ''
  if (c instanceof Date) return cellDay(c)
  // Excel keeps long digit strings as numbers when the cell is not text: 4.40605E+17 loses digits.
  if (typeof c === 'number') return String(c)
  return String(c).trim()
}

/** 2026-05-19, 2026/5/19, 2026.5.19, 2026年5月19日, or an Excel date — any day, past or future. */
export function parseDay(c: Cell | undefined): { ok: true; date: string } | { ok: false; problem: string } {
  const typed = c instanceof Date ? cellDay(c) : null
  const s = typed ?? normaliseText(cellText(c))
  const m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/)
  if (!m) return { ok: false, problem: `日期“${cellText(c)}”无法识别，请写成 2026-05-19` }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  if (!isCalendarDay(date) || y < 2000) return { ok: false, problem: `日期“${cellText(c)}”不存在` }
  return { ok: true, date }
}

/**
 * A row's cells by template key: text normalised (full-width digits, spaces), an empty cell null; each
 * required column left empty is a problem. The raw cell stays reachable for days typed as dates.
 */
export function rowValues(columns: LedgerColumn[], cells: Cell[], index: Record<string, number>) {
  const problems: string[] = []
  const values: Record<string, string | number | null> = {}
  const raw = (key: string) => (index[key] === undefined ? undefined : cells[index[key]])
  for (const col of columns) {
    const v = cellText(raw(col.key))
    values[col.key] = v === '' ? null : normaliseText(v)
    if (col.required && v === '') problems.push(`“${col.header}”不能为空`)
  }
  /** Each day column filled: read as a day (a problem naming the column if it is none); the columns that were none. */
  const readDays = (days: [key: string, header: string][]) => {
    const bad: string[] = []
    for (const [key, header] of days) {
      if (values[key] === null) continue
      const day = parseDay(raw(key) ?? null)
      if (day.ok) values[key] = day.date
      else {
        problems.push(`“${header}”：${day.problem}`)
        bad.push(key)
      }
    }
    return bad
  }
  return { values, problems, raw, readDays }
}

/** A template: the columns (required ones marked *), an example row, and a sheet explaining each column. */
export async function ledgerTemplateFile(title: string, columns: LedgerColumn[], now: Date, textKeys: string[] = []) {
  const book = newWorkbook(now)
  const sheet = book.addWorksheet(title)
  sheet.columns = columns.map((c) => ({ key: c.key, header: c.required ? `${c.header}*` : c.header, width: Math.max(12, c.header.length * 2 + 4) }))
  // Long digit strings must stay text, or Excel turns an ID number into 4.40605E+17.
  for (const key of textKeys) if (columns.some((c) => c.key === key)) sheet.getColumn(key).numFmt = '@'
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])))
  styleHeader(sheet, columns.length)
  const help = book.addWorksheet('填写说明')
  help.columns = [
    { header: '列', key: 'header', width: 20 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'help', width: 60 }
  ]
  for (const c of columns) help.addRow({ header: c.header, required: c.required ? '是' : '', help: c.help ?? '' })
  help.addRow({})
  help.addRow({ header: '注意', help: '第二行是示例，导入前请删除或改写。身份证号请以文本格式填写；全角数字会自动转换。' })
  return workbookFile(book, `${title}导入模板.xlsx`, 0)
}

/** The rows an import refused, with their reasons, as a workbook to correct the ledger by. */
export async function rejectedRowsFile(title: string, rejected: RejectedRow[], now: Date, stamp: string) {
  const book = newWorkbook(now)
  addTableSheet(
    book,
    '未导入的行',
    [
      { header: '文件中的行号', key: 'row', width: 12 },
      { header: '姓名/名称', key: 'name', width: 16 },
      { header: '原因', key: 'reasons', width: 90 }
    ],
    rejected.map((r) => ({ row: r.row, name: r.name ?? '', reasons: r.reasons.join('；') }))
  )
  return workbookFile(book, `${title}导入校验报告_${stamp}.xlsx`, rejected.length)
}

/**
 * A village as a ledger names it: its full or official name or its code; or the short name towns
 * write (汀圃 for 汀圃社区, 罗村 for 罗村村) when exactly one village has it; else the villages it
 * may mean, to suggest.
 */
export function findVillage(villageBy: Map<string, Village>, text: string): { village?: Village; shortName: boolean; suggestions: string[] } {
  const exact = villageBy.get(text.trim())
  if (exact) return { village: exact, shortName: false, suggestions: [] }
  const short = text.trim().replace(/(社区|村委会|居委会|村)$/, '')
  if (short.length < 2) return { shortName: false, suggestions: [] }
  const names = new Map<number, Village>()
  for (const v of villageBy.values()) if (v.name.startsWith(short) || (v.official ?? '').includes(short)) names.set(v.id, v)
  const candidates = [...names.values()]
  const whole = candidates.filter((v) => v.name.replace(/(社区|村)$/, '') === short)
  if (whole.length === 1) return { village: whole[0], shortName: true, suggestions: [] }
  return { shortName: false, suggestions: candidates.slice(0, 5).map((v) => v.name) }
}

/** Every village under each name a ledger may use for it: its code, its name, its official name. */
export function villagesByKey(sql: Sql): Map<string, Village> {
  const villageBy = new Map<string, Village>()
  for (const v of sql.rows<Village & { code: string }>("select id, code, name, official_name as official from units where kind = 'village'"))
    for (const key of [v.code, v.name, v.official]) if (key) villageBy.set(key, v)
  return villageBy
}

/**
 * A ledger file read and its columns found: the table with each template key's column and the first
 * warnings, or why it cannot be read as this ledger (any bytes give an answer, never a throw).
 */
export async function openLedger(
  fileName: string,
  contentBase64: string,
  template: { title: string; columns: LedgerColumn[] }
): Promise<{ fileError: string } | { fileError: null; table: Table; index: Record<string, number>; warnings: string[] }> {
  let table: Table
  try {
    table = await readTable(fileName, new Uint8Array(Buffer.from(contentBase64, 'base64')))
  } catch (e) {
    if (e instanceof TableFileError) return { fileError: e.message }
    return { fileError: `文件“${fileName}”无法读取：${(e as Error).message.slice(0, 100)}` }
  }
  const { index, missing, unknown } = matchColumns(template.columns, table.headers)
  if (missing.length) return { fileError: `这不是“${template.title}”导入模板：缺少必填列 ${missing.join('、')}。请下载模板，按模板的列填写后再导入。` }
  const warnings = [...table.warnings]
  if (unknown.length) warnings.push(`以下列不在模板中，已忽略：${unknown.slice(0, 10).join('、')}${unknown.length > 10 ? ' …' : ''}`)
  return { fileError: null, table, index, warnings }
}

/** What a ledger import answers: the rows read, accepted and refused (with why), and whether it was written. */
export type LedgerReport<K extends string> = {
  kind: K
  fileError: string | null
  rowCount: number
  accepted: number
  warnings: string[]
  rejected: RejectedRow[]
  committed: boolean
}

/**
 * One ledger import: open the file as the template, check its rows, and — unless a dry run, or no
 * row passed — write the accepted rows in one transaction (all of them or, on a throw, none).
 */
export async function runLedgerImport<K extends string, A>(
  sql: Sql,
  input: { kind: K; fileName: string; contentBase64: string; dryRun?: boolean },
  template: { title: string; columns: LedgerColumn[] },
  check: (table: Table, index: Record<string, number>, warnings: string[]) => { accepted: A[]; rejected: RejectedRow[] },
  write: (accepted: A[]) => void
): Promise<LedgerReport<K>> {
  const { kind } = input
  const opened = await openLedger(input.fileName, input.contentBase64, template)
  if (opened.fileError !== null) return { kind, fileError: opened.fileError, rowCount: 0, accepted: 0, warnings: [], rejected: [], committed: false }
  const { table, index, warnings } = opened
  const { accepted, rejected } = check(table, index, warnings)
  const report = { kind, fileError: null, rowCount: table.rows.length, accepted: accepted.length, warnings, rejected, committed: false }
  if (input.dryRun || accepted.length === 0) return report
  sql.transaction(() => write(accepted))
  return { ...report, committed: true }
}

/** The village a row names, or a problem naming what may have been meant; a short name taken is a warning. */
export function villageOfRow(villageBy: Map<string, Village>, named: unknown, row: number, problems: string[], warnings: string[]): Village | undefined {
  if (!named) return undefined
  const found = findVillage(villageBy, String(named))
  if (!found.village)
    problems.push(
      `找不到村居“${named}”${found.suggestions.length ? `，是否指：${found.suggestions.join('、')}？` : ''}（请填写村居全称或 12 位统计用区划代码）`
    )
  else if (found.shortName && warnings.length < 200) warnings.push(`第 ${row} 行：村居“${named}”按“${found.village.name}”登记`)
  return found.village
}

/** A person of the registry as a ledger row names them, by ID number (the rest is each ledger's own check). */
export type LedgerPerson = { id: number; name: string; villageId: number | null; partyMember: boolean; partyRegistration: string | null }

/**
 * The registry's persons the rows name by ID number, and the check of one row against them: a number
 * not in the registry, or a name that is not the one registered, named by the number's last 4 digits
 * only (a report must not carry the number whole). `who` says whose number it is (房东, 党员, 人员).
 */
export function registryPersons(sql: Sql, idNumbers: string[]) {
  const byNumber = new Map(
    sql
      .rows<Omit<LedgerPerson, 'partyMember'> & { idNumber: string; partyMember: number }>(
        `select id, id_number idNumber, name, village_unit_id villageId, is_party_member partyMember, party_registration partyRegistration
         from persons where id_number in (select value from json_each(?))`,
        JSON.stringify([...new Set(idNumbers)])
      )
      .map((p) => [p.idNumber, { ...p, partyMember: Boolean(p.partyMember) }])
  )
  return (idNumber: string, name: string | null, who: string, problems: string[]): LedgerPerson | null => {
    const p = byNumber.get(idNumber)
    const tail = idNumber.slice(-4)
    if (!p) problems.push(`${who}（身份证号末 4 位 ${tail}）不在人员台账中：请先在人员台账登记`)
    else if (name && p.name !== name) problems.push(`${who}身份证号（末 4 位 ${tail}）登记的姓名与“${name}”不符`)
    else return p
    return null
  }
}
