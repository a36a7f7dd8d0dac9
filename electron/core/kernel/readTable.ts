// Read a registry file an officer may have: an Excel workbook (.xlsx), an old Excel 97-2003 (.xls)
// or WPS 表格 (.et) file, or a CSV in UTF-8 or GBK.
// The first sheet's first non-empty row is the header. Every failure is a TableFileError with a
// reason in Chinese; nothing from deep inside a parser reaches the user.
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { read as readWorkbook, utils as sheetUtils, type WorkSheet } from '@e965/xlsx'

export class TableFileError extends Error {}
export type Cell = string | number | boolean | Date | null
export type TableRow = { row: number; cells: Cell[] }
export type Table = { headers: string[]; rows: TableRow[]; warnings: string[] }

export const MAX_TABLE_ROWS = 100_000
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

function decodeText(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes)
  } catch {
    // Excel on Chinese Windows saves CSV in GBK; GB18030 reads it and the four-byte characters too.
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      out.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    out.push(row)
  }
  return out
}

const cellValue = (v: ExcelJS.CellValue): Cell => {
  if (v === null || v === undefined) return null
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('')
    if ('text' in v && typeof v.text === 'string') return v.text
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue)
    if ('error' in v) return null
  }
  return String(v)
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))

function fromMatrix(matrix: { row: number; cells: Cell[] }[], warnings: string[]): Table {
  const firstIndex = matrix.findIndex((r) => !isBlank(r.cells))
  if (firstIndex < 0) throw new TableFileError('文件中没有任何内容（表头和数据都为空）。')
  const headers = matrix[firstIndex].cells.map((c) => (c === null ? '' : String(c).replace(/[\s*＊]/g, '')))
  const rows = matrix.slice(firstIndex + 1).filter((r) => !isBlank(r.cells))
  if (rows.length > MAX_TABLE_ROWS) throw new TableFileError(`文件有 ${rows.length} 行数据，超过一次导入的上限 ${MAX_TABLE_ROWS} 行，请分批导入。`)
  return { headers, rows, warnings }
}

/**
 * Excel 97-2003 and WPS 表格 files (and the HTML or text tables some systems save as .xls), read
 * with the maintained SheetJS build. Rows are capped while reading, so a huge sheet costs little.
 */
function readLegacy(fileName: string, bytes: Uint8Array): Table {
  let sheet: WorkSheet | undefined
  try {
    const book = readWorkbook(bytes, { type: 'array', cellDates: true, dense: true, sheetRows: MAX_TABLE_ROWS + 52 })
    sheet = book.Sheets[book.SheetNames[0]]
  } catch (e) {
    throw new TableFileError(
      `文件“${fileName}”已损坏或不是有效的 Excel 97-2003（.xls）/ WPS 表格（.et）文件：${String((e as Error).message ?? e).slice(0, 80)}`
    )
  }
  if (!sheet || !sheet['!ref']) throw new TableFileError(`工作簿“${fileName}”中没有工作表或工作表为空。`)
  const warnings: string[] = []
  const start = sheetUtils.decode_range(sheet['!ref']).s
  const grid = sheetUtils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true })
  const merges = sheet['!merges'] ?? []
  if (merges.length) warnings.push(`第一个工作表有 ${merges.length} 处合并单元格；合并区域按其左上角的值读取，请核对这些行。`)
  // A merged area repeats its top-left value, as the .xlsx reader does.
  for (const m of merges)
    for (let r = m.s.r; r <= m.e.r; r++)
      for (let c = m.s.c; c <= m.e.c; c++) {
        const row = grid[r - start.r]
        if (row && (r !== m.s.r || c !== m.s.c)) row[c - start.c] = grid[m.s.r - start.r]?.[m.s.c - start.c] ?? null
      }
  if (grid.length > MAX_TABLE_ROWS + 50) throw new TableFileError(`工作表有 ${grid.length} 行以上，超过一次导入的上限 ${MAX_TABLE_ROWS} 行，请分批导入。`)
  return fromMatrix(
    grid.map((cells, i) => ({ row: start.r + i + 1, cells: Array.from(cells ?? [], (c) => (c === undefined ? null : c)) })),
    warnings
  )
}

export async function readTable(fileName: string, bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw new TableFileError(`文件“${fileName}”是空的（0 字节）。`)
  if (isZip(bytes)) {
    try {
      unzipSync(bytes, { filter: () => false }) // reject a damaged archive before exceljs meets it
    } catch {
      throw new TableFileError(`文件“${fileName}”已损坏或不完整，无法作为 Excel 工作簿打开。`)
    }
    const book = new ExcelJS.Workbook()
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer)
    } catch (e) {
      throw new TableFileError(`文件“${fileName}”不是有效的 Excel 工作簿（.xlsx）：${(e as Error).message.slice(0, 80)}`)
    }
    const sheet = book.worksheets[0]
    if (!sheet) throw new TableFileError(`工作簿“${fileName}”中没有工作表。`)
    const warnings: string[] = []
    const merges = ((sheet.model as { merges?: string[] }).merges ?? []).length
    if (merges) warnings.push(`第一个工作表有 ${merges} 处合并单元格；合并区域按其左上角的值读取，请核对这些行。`)
    if (sheet.rowCount > MAX_TABLE_ROWS + 50) throw new TableFileError(`工作表有 ${sheet.rowCount} 行，超过一次导入的上限 ${MAX_TABLE_ROWS} 行，请分批导入。`)
    const matrix: { row: number; cells: Cell[] }[] = []
    sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      const cells: Cell[] = []
      r.eachCell({ includeEmpty: true }, (c, col) => {
        // A merged cell repeats its master's value; read it from the master.
        cells[col - 1] = cellValue(c.isMerged && c.master !== c ? c.master.value : c.value)
      })
      matrix.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) })
    })
    return fromMatrix(matrix, warnings)
  }
  if (/\.(xls|et)$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) return readLegacy(fileName, bytes)
  const sample = bytes.subarray(0, 4096)
  if (sample.some((b) => b === 0)) throw new TableFileError(`文件“${fileName}”不是表格文件（Excel .xlsx 或 CSV）。`)
  const rows = parseCsv(decodeText(bytes))
  return fromMatrix(
    rows.map((cells, i) => ({ row: i + 1, cells })),
    []
  )
}
