// heads.import: a village's roll of heads (三长名册) and the heads' work book (三长工作台账), read from
// Excel or CSV, every row checked (the person in the registry and living in the village, the tier-3
// area of that village, the term, the head a record belongs to, the issue it names, duplicates in the
// file and in the store), then reported (dry run) or written — all accepted rows in one transaction.
import type { Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import { chinaDate } from '../../shared/chinaTime'
import { registryPersons, runLedgerImport, villageOfRow, villagesByKey, type Village } from '../kernel/ledger'
import type { Table } from '../kernel/readTable'
import { headTemplates, parseHeadRow, type HeadLedgerKind } from './domain/ledgerRows'

type Report = Output<'heads.import'>
type Values = Record<string, string | number | null>
type Accepted = { values: Values; village: Village; personId: number; gridId: number | null; headId: number | null; issueId: number | null }
type Term = { id: number; area: string; appointedOn: string; endedOn: string | null }

export function createHeadImportService(db: Db, clock: Clock) {
  const sql = sqlOn(db)

  function checkRows(kind: HeadLedgerKind, table: Table, index: Record<string, number>, warnings: string[]) {
    const today = chinaDate(clock.now())
    const villageBy = villagesByKey(sql)
    const parsed = table.rows.map((r) => ({ row: r.row, ...parseHeadRow(kind, r.cells, index) }))
    const ids = [...new Set(parsed.flatMap((p) => (p.values.idNumber ? [String(p.values.idNumber)] : [])))]
    const personOf = registryPersons(sql, ids)
    const gridOf = sql.statement<{ id: number }>('select id from grids where tier = 3 and village_unit_id = ? and (name = ? or code = ?)')
    const termsOf = sql.statement<Term>(
      'select id, area, appointed_on appointedOn, ended_on endedOn from area_heads where person_id = ? and village_unit_id = ? order by appointed_on'
    )
    // The same person heading the same place in an overlapping term.
    const sameHead = sql.statement<{ appointedOn: string }>(
      `select appointed_on appointedOn from area_heads where person_id = ? and tier3_grid_id = ? and role = ? and area = ?
         and appointed_on <= coalesce(?, '9999-12-31') and coalesce(ended_on, '9999-12-31') >= ? limit 1`
    )
    const sameRecord = sql.statement<{ n: number }>('select 1 n from head_records where head_id = ? and kind = ? and date = ? and title = ?')
    const issueOf = sql.statement<{ id: number; village: number }>('select id, village_unit_id village from issues where code = ?')
    const seen = new Map<string, number>()
    const accepted: Accepted[] = []
    const rejected: Report['rejected'] = []
    for (const r of parsed) {
      const { values: v, problems } = r
      const village = villageOfRow(villageBy, v.village, r.row, problems, warnings)
      let personId: number | null = null
      if (v.idNumber && !problems.some((p) => p.startsWith('身份证号'))) {
        const p = personOf(String(v.idNumber), v.name as string | null, '人员', problems)
        if (p && village && p.villageId !== village.id) problems.push(`${p.name}不住在${village.name}：三长须由本村（社区）的居民担任`)
        else if (p) personId = p.id
      }
      let gridId: number | null = null
      let headId: number | null = null
      let issueId: number | null = null
      let key: string | null = null
      if (kind === 'heads') {
        if (village && v.grid) {
          gridId = gridOf.row(village.id, v.grid, v.grid)?.id ?? null
          if (gridId === null) problems.push(`${village.name}没有名称或编码为“${v.grid}”的三级网格`)
        }
        if (v.appointedOn && String(v.appointedOn) > today) problems.push(`任命日期 ${v.appointedOn} 晚于今天（${today}）`)
        if (v.endedOn && String(v.endedOn) > today) problems.push(`卸任日期 ${v.endedOn} 晚于今天（${today}）`)
        if (personId !== null && gridId !== null) {
          const same = sameHead.row(personId, gridId, v.role, v.area, v.endedOn ?? null, v.appointedOn)
          if (same) problems.push(`${v.name}已是“${v.area}”的${v.role}（${same.appointedOn} 任命），任期重叠`)
          key = `${personId}|${gridId}|${v.role}|${v.area}`
        }
      } else {
        const day = v.date as string | null
        if (day && day > today) problems.push(`日期 ${day} 晚于今天（${today}）`)
        if (personId !== null && village && day) {
          const terms = termsOf.rows(personId, village.id).filter((t) => !v.area || t.area === v.area)
          const inTerm = terms.filter((t) => t.appointedOn <= day && (t.endedOn === null || t.endedOn >= day))
          if (terms.length === 0) problems.push(`${v.name}不是${village.name}${v.area ? `“${v.area}”的` : '的'}三长：请先导入三长名册或在系统中任命`)
          else if (inTerm.length === 0)
            problems.push(`${day} 不在${v.name}的任期内（${terms.map((t) => `${t.appointedOn} 至 ${t.endedOn ?? '今'}`).join('，')}）`)
          else if (inTerm.length > 1) problems.push(`${v.name}在 ${day} 担任多处三长（${inTerm.map((t) => t.area).join('、')}）：请填写“负责楼巷街”`)
          else headId = inTerm[0].id
        }
        if (v.issueCode && village) {
          const issue = issueOf.row(v.issueCode)
          if (!issue) problems.push(`没有编号为 ${v.issueCode} 的事件`)
          else if (issue.village !== village.id) problems.push(`事件 ${v.issueCode} 不在${village.name}`)
          else issueId = issue.id
        }
        if (headId !== null) {
          if (sameRecord.row(headId, v.kind, day, v.title)) problems.push(`${v.name} ${day} 的“${v.title}”已登记过`)
          key = `${headId}|${v.kind}|${day}|${v.title}`
        }
      }
      if (key && seen.has(key)) problems.push(`与第 ${seen.get(key)} 行重复`)
      if (problems.length || personId === null || !village) rejected.push({ row: r.row, name: (v.name as string | null) ?? null, reasons: problems })
      else {
        accepted.push({ values: v, village, personId, gridId, headId, issueId })
        if (key) seen.set(key, r.row)
      }
    }
    return { accepted, rejected }
  }

  function write(kind: HeadLedgerKind, accepted: Accepted[], actor: string) {
    const at = clock.now().toISOString()
    if (kind === 'heads') {
      const insert = sql.statement(
        'insert into area_heads (person_id, village_unit_id, tier3_grid_id, role, area, appointed_on, ended_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)'
      )
      for (const a of accepted) insert.run(a.personId, a.village.id, a.gridId, a.values.role, a.values.area, a.values.appointedOn, a.values.endedOn ?? null, at)
      return
    }
    const insert = sql.statement(
      'insert into head_records (head_id, village_unit_id, kind, date, title, issue_id, parties, outcome, volunteers, note, created_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    for (const a of accepted) {
      const v = a.values
      insert.run(a.headId, a.village.id, v.kind, v.date, v.title, a.issueId, v.parties ?? null, v.outcome ?? null, v.volunteers ?? 0, v.note ?? null, at, actor)
    }
  }

  function run(input: ParsedInput<'heads.import'>, actor: string): Promise<Report> {
    const kind = input.kind
    return runLedgerImport(
      sql,
      input,
      headTemplates[kind],
      (table, index, warnings) => checkRows(kind, table, index, warnings),
      (accepted) => write(kind, accepted, actor)
    )
  }

  return { run }
}
