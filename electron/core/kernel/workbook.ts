// The Excel files the app hands out (ledgers, registries, the audit trail) look and are named alike:
// the centre as author, the date the core's clock gives, a bold shaded header row that stays in view
// and filters.
import ExcelJS from 'exceljs'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function newWorkbook(now: Date): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook()
  book.creator = '狮山镇网格化指挥中心'
  book.created = now
  return book
}

/** The first row as the header: bold, shaded, frozen, with a filter over its `columns` columns. */
export function styleHeader(sheet: ExcelJS.Worksheet, columns: number) {
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } }
}

export type SheetColumn = { header: string; key: string; width: number }

/** A sheet of rows (keyed as the columns are) under the styled header: how every exported table looks. */
export function addTableSheet(book: ExcelJS.Workbook, name: string, columns: SheetColumn[], rows: Iterable<Record<string, unknown>>) {
  const sheet = book.addWorksheet(name)
  sheet.columns = columns
  for (const r of rows) sheet.addRow(r)
  styleHeader(sheet, columns.length)
  return sheet
}

/** The workbook as a method answers it: a file to save, and how many rows it holds. */
export async function workbookFile(book: ExcelJS.Workbook, fileName: string, count: number) {
  const buffer = Buffer.from(await book.xlsx.writeBuffer())
  return { fileName, mimeType: XLSX_MIME, contentBase64: buffer.toString('base64'), count }
}
