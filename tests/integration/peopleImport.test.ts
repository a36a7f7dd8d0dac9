// people.import on a real store: templates round-trip, every bad row is reported with its reason,
// the rest commit in one transaction and undo as one batch; any bytes give a report, never a crash.
import type { Input } from '../../electron/shared/contract'
import ExcelJS from 'exceljs'
import * as XLSX from '@e965/xlsx'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { idCheckChar } from '../../electron/core/kernel/personalData'
import { ok, testCoreWithPeople } from '../support/core'
import { encodeGbk } from '../support/fixtures'

let core: Core
const one = <T>(sql: string, ...p: unknown[]) => core.store.sqlite.prepare(sql).get(...p) as T
const count = (table: string) => one<{ n: number }>(`select count(*) n from ${table}`).n
beforeAll(() => {
  core = testCoreWithPeople()
})
afterAll(() => core.close())

/** A valid ID number not in the demo (birth year 1990, region 440605, sequence from n). */
const idFor = (n: number, day = 1) => {
  const first17 = `4406051990${String(1 + (n % 12)).padStart(2, '0')}${String(day).padStart(2, '0')}${String(900 + (n % 100)).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

async function fromTemplate(kind: Input<'people.import'>['kind'], rows: Record<string, unknown>[], tweak?: (s: ExcelJS.Worksheet) => void) {
  const t = await ok(core, 'people.template', { kind })
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(t.contentBase64, 'base64') as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  sheet.spliceRows(2, 1) // the example row
  const headers = (sheet.getRow(1).values as string[]).slice(1)
  for (const r of rows) sheet.addRow(headers.map((h) => r[h.replace('*', '')] ?? null))
  tweak?.(sheet)
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
}
const runImport = (kind: Input<'people.import'>['kind'], fileName: string, contentBase64: string, dryRun = true) =>
  ok(core, 'people.import', { kind, fileName, contentBase64, dryRun })

describe('people import', () => {
  it('takes a village’s short name as the town writes it (汀圃 → 汀圃社区), and suggests when it may mean several', async () => {
    const good = (n: number, village: string) => ({
      姓名: `简称${n}`,
      身份证号: idFor(40 + n, 3 + n),
      手机号码: `1390001${String(n).padStart(4, '0')}`,
      工作单位: '南海区人民医院',
      报到村居: village,
      报到日期: '2026-05-19'
    })
    const report = await runImport(
      'reporting',
      '简称.xlsx',
      await fromTemplate('reporting', [good(1, '汀圃'), good(2, '狮北'), good(3, '南海科技工业园'), good(4, '汀圃村')])
    )
    expect(report.rejected.map((r) => r.row)).toEqual([4])
    expect(report.rejected[0].reasons.join()).toMatch(/找不到村居“南海科技工业园”，是否指：南海科技工业园.+社区、/)
    expect(report.warnings).toEqual(
      expect.arrayContaining(['第 2 行：村居“汀圃”按“汀圃社区”登记', '第 3 行：村居“狮北”按“狮北村”登记', '第 5 行：村居“汀圃村”按“汀圃社区”登记'])
    )
    expect(report.accepted).toBe(3)
  })

  it.each(['persons', 'households', 'reporting', 'reserve'] as const)(
    'imports the %s template as downloaded: its example row is a row the app takes',
    async (kind) => {
      const t = await ok(core, 'people.template', { kind })
      const report = await runImport(kind, `${kind}模板.xlsx`, t.contentBase64)
      expect(report.fileError).toBeNull()
      expect(report.rejected, JSON.stringify(report.rejected)).toEqual([])
      expect(report.accepted).toBeGreaterThanOrEqual(1)
    }
  )

  it('reports each bad row with its reason, then commits the rest in one undoable batch', async () => {
    const village = one<{ name: string; code: string }>("select name, code from units where kind = 'village' order by id limit 1")
    const existing = one<{ id_number: string; name: string }>("select id_number, name from persons where party_registration = '村居' limit 1")
    const good = (n: number) => ({
      姓名: `测试${n}`,
      身份证号: idFor(n, 1 + (n % 27)),
      手机号码: `1390000${String(n).padStart(4, '0')}`,
      工作单位: '南海区人民医院',
      报到村居: n % 2 ? village.name : village.code,
      报到日期: '2026-05-19'
    })
    const rows = [
      good(1),
      { ...good(2), 身份证号: idFor(2, 2).slice(0, 17) + (idFor(2, 2)[17] === '1' ? '2' : '1') }, // wrong check digit
      { ...good(3), 手机号码: '１３９００００００３３' }, // full-width digits: accepted
      { ...good(4), 报到村居: '不存在村' },
      good(1), // duplicate of row 2 in the file
      { ...good(6), 身份证号: '440605900101001' }, // 15-digit: upgraded
      { ...good(7), 报到日期: '2026-13-40' },
      { 姓名: existing.name, 身份证号: existing.id_number, 手机号码: '13900009999', 工作单位: '南海区教育局', 报到村居: village.name, 报到日期: '2026-06-01' }, // links to the existing person
      {}
    ]
    const content = await fromTemplate('reporting', rows)
    const before = { persons: count('persons'), reporting: count('reporting_members') }
    const report = await runImport('reporting', '报到党员.xlsx', content)
    expect(report.fileError).toBeNull()
    expect(report.rowCount).toBe(8) // the empty row is skipped
    expect(report.rejected.map((r) => r.row)).toEqual([3, 5, 6, 8])
    expect(report.rejected[0].reasons.join()).toContain('校验位错误')
    expect(report.rejected[1].reasons.join()).toContain('找不到村居“不存在村”')
    expect(report.rejected[2].reasons.join()).toContain('与第 2 行重复')
    expect(report.rejected[3].reasons.join()).toContain('日期')
    expect(report.accepted).toBe(4)
    expect(report.warnings.join()).toContain('1 人已在人员台账中')
    expect(count('reporting_members')).toBe(before.reporting) // a dry run writes nothing

    const committed = await runImport('reporting', '报到党员.xlsx', content, false)
    expect(committed.committed).toBe(true)
    expect(count('reporting_members')).toBe(before.reporting + 4)
    expect(count('persons')).toBe(before.persons + 3)
    expect(one<{ phone: string }>("select phone from persons where name = '测试3'").phone).toBe('13900000033')
    expect(one<{ id_number: string }>("select id_number from persons where name = '测试6'").id_number).toHaveLength(18)
    // The change log holds each written row as stored, keyed as the app reads rows (undo and the audit rely on it).
    const logged = core.store.sqlite
      .prepare('select entity, entity_id id, action, after, summary from changes where batch_id = ? order by id')
      .all(committed.batchId) as { entity: string; id: number; action: string; after: string; summary: string }[]
    expect(logged.map((c) => c.entity).sort()).toEqual([...Array(3).fill('person'), ...Array(4).fill('reportingMember')])
    const person3 = one<{ id: number }>("select id from persons where name = '测试3'")
    const snapshot = JSON.parse(logged.find((c) => c.entity === 'person' && c.id === person3.id)!.after)
    expect(snapshot).toMatchObject({ id: person3.id, name: '测试3', phone: '13900000033', idNumber: idFor(3, 4), isPartyMember: 1 })
    expect(logged.find((c) => c.entity === 'reportingMember' && JSON.parse(c.after).personId === person3.id)?.summary).toBe('报到：测试3')
    // Once registered, the same file is refused row by row: the people are already in the registry.
    const again = await runImport('reporting', '报到党员.xlsx', content)
    expect(again.accepted).toBe(0)
    expect(again.rejected.find((r) => r.row === 2)?.reasons.join()).toContain('已在')

    const file = await ok(core, 'people.importReportFile', { kind: 'reporting', rejected: report.rejected })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    expect(book.worksheets[0].rowCount).toBe(5)
    expect(String(book.worksheets[0].getCell('C2').value)).toContain('校验位')

    await ok(core, 'changes.undo', { batchId: committed.batchId! })
    expect(count('reporting_members')).toBe(before.reporting)
    expect(count('persons')).toBe(before.persons)
  })

  it('reads a GBK CSV of households and checks the contact member', async () => {
    const village = one<{ name: string }>("select name from units where kind = 'village' order by id limit 1")
    const contact = one<{ id_number: string }>('select id_number from persons where is_party_member limit 1')
    const csv = [
      '户编码,户类型,户主或单位名称,地址,人数,所属村居,所属网格,联系党员身份证号',
      `T-0001,居民家庭户,黄伟强,"${village.name}1号, 东座",3,${village.name},,${contact.id_number}`,
      `T-0002,外星户,李明,${village.name}2号,2,${village.name},,`,
      `T-0003,非户籍家庭户,王芳,${village.name}3号,1,${village.name},,${idFor(55)}`
    ].join('\r\n')
    const report = await runImport('households', '户.csv', Buffer.from(encodeGbk(csv)).toString('base64'))
    expect(report.fileError).toBeNull()
    expect(report.accepted).toBe(1)
    expect(report.rejected.map((r) => [r.row, r.reasons.join()])).toEqual([
      [3, expect.stringContaining('户类型“外星户”')],
      [4, expect.stringContaining('未在人员台账中登记')]
    ])
  })

  it('reads a GBK-family CSV as GB18030: a name with a four-byte character (㐀) arrives whole', async () => {
    const village = one<{ name: string }>("select name from units where kind = 'village' order by id limit 1")
    // 㐀 (U+3400) is 81 39 EE 39 in GB18030; Node's 'gbk' decoder garbles it into '�9�9'.
    const fourByte = Uint8Array.from([0x81, 0x39, 0xee, 0x39])
    const before = encodeGbk(`姓名,身份证号,户籍类型,居住村居\r\n陈`)
    const after = encodeGbk(`明,${idFor(77)},本镇户籍,${village.name}\r\n`)
    const bytes = Buffer.concat([before, fourByte, after])
    const report = await runImport('persons', '人员.csv', bytes.toString('base64'), false)
    expect(report.rejected).toEqual([])
    expect(one<{ name: string }>('select name from persons where id_number = ?', idFor(77)).name).toBe('陈㐀明')
  })

  it('names the wrong template, and reports garbage, empty and truncated files without writing', async () => {
    const before = count('persons')
    const wrong = await runImport('reserve', '网格.xlsx', await fromTemplate('households', []))
    expect(wrong.fileError).toContain('缺少必填列')
    expect((await runImport('persons', 'a.xlsx', '')).fileError).toContain('0 字节')
    const good = Buffer.from(await fromTemplate('persons', [{ 姓名: '甲', 身份证号: idFor(9), 户籍类型: '本镇户籍', 居住村居: '汀圃社区' }]), 'base64')
    expect((await runImport('persons', 'a.xlsx', good.subarray(0, good.length / 2).toString('base64'))).fileError).toMatch(/损坏|不是有效/)
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('persons', 'households', 'reporting', 'reserve'), async (bytes, kind) => {
        const r = await core.dispatch('people.import', { kind, fileName: 'x.xlsx', contentBase64: Buffer.from(bytes).toString('base64'), dryRun: false })
        expect(r.ok).toBe(true)
      }),
      { numRuns: 60 }
    )
    expect(count('persons')).toBe(before)
  })

  it('answers mutated workbooks and CSVs with a report, never a crash or a partial write', async () => {
    const before = count('persons')
    const xlsx = Buffer.from(
      await fromTemplate(
        'persons',
        [1, 2, 3].map((n) => ({ 姓名: `变异${n}`, 身份证号: idFor(60 + n), 户籍类型: '本镇户籍', 居住村居: '汀圃社区' }))
      ),
      'base64'
    )
    const csv = Buffer.from(`姓名,身份证号,户籍类型,居住村居\n变异4,${idFor(70)},本镇户籍,汀圃社区\n变异5,${idFor(71)},非佛山户籍,汀圃社区\n`)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(xlsx, csv),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (file, flips, cut) => {
          const bytes = Buffer.from(file)
          for (const [at, v] of flips) bytes[at % bytes.length] = v
          const mutated = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length)
          const r = await core.dispatch('people.import', {
            kind: 'persons',
            fileName: file === csv ? 'm.csv' : 'm.xlsx',
            contentBase64: mutated.toString('base64'),
            dryRun: true
          })
          expect(r.ok).toBe(true)
        }
      ),
      { numRuns: 80 }
    )
    expect(count('persons')).toBe(before)
  })

  it('imports an old Excel 97-2003 (.xls) or WPS 表格 (.et) ledger as it imports .xlsx; mutated ones give a report', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['姓名*', '身份证号*', '户籍类型*', '居住村居*', '住址'],
      ['旧表甲', idFor(80), '本镇户籍', '汀圃社区', '汀圃社区杨坳经济社 3 号'],
      ['旧表乙', idFor(81), '非佛山户籍', '汀圃', null],
      ['旧表丙', '440605199001011234', '本镇户籍', '汀圃社区', null]
    ])
    sheet['!merges'] = []
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, sheet, '人员')
    const xls = Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer)
    expect([...xls.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]) // a real OLE2 compound file
    for (const name of ['人员台账.xls', '人员台账.et']) {
      const report = await runImport('persons', name, xls.toString('base64'))
      expect(report.fileError, name).toBeNull()
      expect(report.accepted).toBe(2)
      expect(report.rejected.map((r) => r.row)).toEqual([4])
      expect(report.rejected[0].reasons.join()).toContain('校验位错误')
    }
    const before = count('persons')
    const committed = await runImport('persons', '人员台账.xls', xls.toString('base64'), false)
    expect(count('persons')).toBe(before + 2)
    await core.dispatch('changes.undo', { batchId: committed.batchId })
    expect((await runImport('persons', '坏.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]).toString('base64'))).fileError).toMatch(
      /已损坏|不是有效|没有工作表|缺少必填列/
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const bytes = Buffer.from(xls)
          for (const [at, v] of flips) bytes[at % bytes.length] = v
          const mutated = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length)
          const r = await core.dispatch('people.import', { kind: 'persons', fileName: 'm.xls', contentBase64: mutated.toString('base64'), dryRun: true })
          expect(r.ok).toBe(true)
        }
      ),
      { numRuns: 60 }
    )
    expect(count('persons')).toBe(before)
  })

  it('reads merged cells from their master and warns', async () => {
    const content = await fromTemplate(
      'persons',
      [
        { 姓名: '乙', 身份证号: idFor(21), 户籍类型: '本镇户籍', 居住村居: '汀圃社区' },
        { 姓名: '丙', 身份证号: idFor(22) }
      ],
      (s) => s.mergeCells('E2:E3')
    )
    const report = await runImport('persons', 'm.xlsx', content)
    expect(report.warnings.join()).toContain('合并单元格')
  })
})

describe('registering one reporting member and correcting a record', () => {
  it('registers at the desk with the same checks as a file row, and refuses a bad ID with the reason', async () => {
    const bad = await core.dispatch('reporting.register', {
      name: '窗口甲',
      idNumber: '440605199001010010',
      phone: '13800138001',
      workUnit: '南海区教育局',
      village: '汀圃社区',
      reportedAt: '2026-11-20'
    })
    expect(bad.ok === false && bad.error.message).toContain('校验位错误')
    const r = await ok(core, 'reporting.register', {
      name: '窗口乙',
      idNumber: idFor(77, 7),
      phone: '13800138002',
      workUnit: '南海区教育局',
      village: '汀圃社区',
      reportedAt: '2026-11-20',
      servicesClaimed: '学业辅导'
    })
    expect(
      one<{ name: string; village: string }>(
        'select p.name, v.name village from reporting_members r join persons p on p.id = r.person_id join units v on v.id = r.village_unit_id where r.id = ?',
        r.reportingMemberId
      )
    ).toEqual({ name: '窗口乙', village: '汀圃社区' })
    const again = await core.dispatch('reporting.register', {
      name: '窗口乙',
      idNumber: idFor(77, 7),
      phone: '13800138002',
      workUnit: '南海区教育局',
      village: '汀圃社区',
      reportedAt: '2026-11-20'
    })
    expect(again.ok === false && again.error.message).toContain('已在报到党员台账中')
  })

  it('corrects a phone number with checks, keeps it out of the change summary, and refuses a stale version', async () => {
    const p = one<{ id: number; version: number }>('select id, version from persons where id = 30')
    const bad = await core.dispatch('persons.update', { id: p.id, version: p.version, patch: { phone: '12345' } })
    expect(bad.ok === false && bad.error.message).toContain('格式不对')
    const r = await ok(core, 'persons.update', {
      id: p.id,
      version: p.version,
      patch: { phone: '１３９ ００１２ ３４５６' }
    })
    expect(one<{ phone: string; phone_tail: string }>('select phone, phone_tail from persons where id = ?', p.id)).toEqual({
      phone: '13900123456',
      phone_tail: '3456'
    })
    expect(one<{ summary: string }>('select summary from changes where batch_id = ?', r.batchId).summary).toBe('修改：手机号码')
    const stale = await core.dispatch('persons.update', { id: p.id, version: p.version, patch: { workUnit: '某单位' } })
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT')
  })
})
