// 三长制 on the store: the heads' registry, appointments and their end, the work they record, the
// figures, and the check for areas with no head. Every refusal names the field in Chinese.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import { AppError, notFound } from '../errors'
import { chinaDate } from '../../shared/chinaTime'
import type { Output, ParsedInput } from '../../shared/contract'
import { runList, type ListInput, type ListSpec } from '../db/sqlList'
import { headFiguresOf } from './headFigures'
import { newWorkbook, addTableSheet, workbookFile } from '../kernel/workbook'
import { headTemplates } from './domain/ledgerRows'

type Row = Output<'heads.list'>['rows'][number]

export function createHeadService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const today = () => chinaDate(clock.now())
  const notFuture = (day: string, what: string, field: string) => {
    if (day > today()) throw new AppError('BAD_INPUT', `${what} ${day} 晚于今天（${today()}）。`, { field })
  }

  function head(id: number) {
    const h = sql.row<{ id: number; villageUnitId: number; appointedOn: string; endedOn: string | null; version: number; name: string }>(
      'select h.id, h.village_unit_id villageUnitId, h.appointed_on appointedOn, h.ended_on endedOn, h.version, p.name from area_heads h join persons p on p.id = h.person_id where h.id = ?',
      id
    )
    if (!h) throw notFound('三长', id)
    return h
  }

  function list(input: ListInput): Output<'heads.list'> {
    const count = (kind: string) => `(select count(*) from head_records r where r.head_id = h.id and r.kind = '${kind}')`
    const spec: ListSpec = {
      from: 'area_heads h join persons p on p.id = h.person_id join units v on v.id = h.village_unit_id left join grids g on g.id = h.tier3_grid_id',
      key: 'h.id',
      countFrom: 'area_heads h join persons p on p.id = h.person_id',
      select: `h.id, h.person_id personId, p.name, h.role, h.area, h.village_unit_id villageUnitId, v.name village, h.tier3_grid_id tier3GridId, coalesce(g.name, '（网格已删除）') tier3,
        h.appointed_on appointedOn, h.ended_on endedOn, ${count('解决问题')} problems, ${count('调解纠纷')} disputes, ${count('社区活动')} activities, h.sample, h.version`,
      sortable: { name: 'p.name', appointedOn: 'h.appointed_on', problems: count('解决问题'), disputes: count('调解纠纷'), activities: count('社区活动') },
      defaultOrder: 'h.id',
      villageColumn: 'h.village_unit_id',
      filters: {
        role: { label: '类别', clause: (v) => ({ sql: 'h.role = ?', params: [v] }) },
        inOffice: {
          label: '在任',
          clause: (v) =>
            v === true || v === 'true' || v === 1
              ? { sql: '(h.ended_on is null or h.ended_on > ?)', params: [today()] }
              : { sql: 'h.ended_on is not null and h.ended_on <= ?', params: [today()] }
        },
        tier3GridId: { label: '三级网格', clause: (v) => ({ sql: 'h.tier3_grid_id = ?', params: [Number(v)] }) }
      },
      search: (q) => ({ sql: '(p.name like ? or h.area like ?)', params: [`%${q.replace(/[%_\\]/g, '')}%`, `%${q.replace(/[%_\\]/g, '')}%`] })
    }
    const page = runList<Omit<Row, 'sample'> & { sample: number }>(sql, spec, input)
    return { total: page.total, rows: page.rows.map((r) => ({ ...r, sample: Boolean(r.sample) })) }
  }

  function appoint(input: ParsedInput<'heads.appoint'>) {
    const grid = sql.row<{ tier: number; villageUnitId: number | null; name: string }>(
      'select tier, village_unit_id villageUnitId, name from grids where id = ?',
      input.tier3GridId
    )
    if (!grid || grid.tier !== 3 || grid.villageUnitId === null)
      throw new AppError('BAD_INPUT', `网格（编号 ${input.tier3GridId}）不是一个三级网格。`, { field: 'tier3GridId' })
    const person = sql.row<{ name: string; villageUnitId: number | null }>(
      'select name, village_unit_id villageUnitId from persons where id = ?',
      input.personId
    )
    if (!person) throw notFound('人员', input.personId)
    if (person.villageUnitId !== grid.villageUnitId)
      throw new AppError('BAD_INPUT', `${person.name}不住在“${grid.name}”所在的村（社区）：三长须由本村（社区）的居民担任。`, { field: 'personId' })
    notFuture(input.appointedOn, '任命日期', 'appointedOn')
    const same = sql.value(
      'select 1 from area_heads where person_id = ? and tier3_grid_id = ? and role = ? and area = ? and (ended_on is null or ended_on > ?)',
      input.personId,
      input.tier3GridId,
      input.role,
      input.area,
      input.appointedOn
    )
    if (same) throw new AppError('CONFLICT', `${person.name}已是“${input.area}”的${input.role}。`)
    const id = sql.run(
      'insert into area_heads (person_id, village_unit_id, tier3_grid_id, role, area, appointed_on, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      input.personId,
      grid.villageUnitId,
      input.tier3GridId,
      input.role,
      input.area,
      input.appointedOn,
      clock.now().toISOString()
    ).lastInsertRowid
    return { id: Number(id) }
  }

  function end(input: ParsedInput<'heads.end'>) {
    const h = head(input.id)
    if (h.version !== input.version) throw new AppError('CONFLICT', `${h.name}的任职已被他人修改，请刷新后重试。`)
    if (h.endedOn !== null) throw new AppError('CONFLICT', `${h.name}已于 ${h.endedOn} 卸任。`)
    if (input.endedOn < h.appointedOn) throw new AppError('BAD_INPUT', `卸任日期 ${input.endedOn} 早于任命日期 ${h.appointedOn}。`, { field: 'endedOn' })
    notFuture(input.endedOn, '卸任日期', 'endedOn')
    sql.run('update area_heads set ended_on = ?, version = version + 1 where id = ? and version = ?', input.endedOn, h.id, h.version)
    return { version: h.version + 1 }
  }

  function record(input: ParsedInput<'heads.record'>, actor: string) {
    const h = head(input.headId)
    notFuture(input.date, '日期', 'date')
    if (input.date < h.appointedOn || (h.endedOn !== null && input.date > h.endedOn))
      throw new AppError('BAD_INPUT', `${input.date} 不在${h.name}的任期内（${h.appointedOn} 至 ${h.endedOn ?? '今'}）。`, { field: 'date' })
    if (input.kind === '调解纠纷') {
      if (!input.parties) throw new AppError('BAD_INPUT', '调解纠纷须写明纠纷双方。', { field: 'parties' })
      if (!input.outcome) throw new AppError('BAD_INPUT', '调解纠纷须写明调解结果。', { field: 'outcome' })
    } else if (input.parties || input.outcome) throw new AppError('BAD_INPUT', `“${input.kind}”不填纠纷双方和调解结果。`, { field: 'outcome' })
    if (input.kind !== '社区活动' && input.volunteers) throw new AppError('BAD_INPUT', '带动志愿者人次只用于社区活动。', { field: 'volunteers' })
    if (input.issueId !== undefined) {
      if (input.kind !== '解决问题') throw new AppError('BAD_INPUT', '只有“解决问题”可以关联事件。', { field: 'issueId' })
      const issue = sql.row<{ village: number; code: string }>('select village_unit_id village, code from issues where id = ?', input.issueId)
      if (!issue) throw notFound('事件', input.issueId)
      if (issue.village !== h.villageUnitId) throw new AppError('BAD_INPUT', `事件 ${issue.code} 不在${h.name}所在的村（社区）。`, { field: 'issueId' })
    }
    const id = sql.run(
      'insert into head_records (head_id, village_unit_id, kind, date, title, issue_id, parties, outcome, volunteers, note, created_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      h.id,
      h.villageUnitId,
      input.kind,
      input.date,
      input.title,
      input.issueId ?? null,
      input.parties ?? null,
      input.outcome ?? null,
      input.volunteers ?? 0,
      input.note ?? null,
      clock.now().toISOString(),
      actor
    ).lastInsertRowid
    return { id: Number(id) }
  }

  function records(headId: number): Output<'heads.records'> {
    head(headId)
    return sql.rows<Output<'heads.records'>[number]>(
      `select r.id, r.kind, r.date, r.title, r.issue_id issueId, i.code issueCode, r.parties, r.outcome, r.volunteers, r.note
       from head_records r left join issues i on i.id = r.issue_id where r.head_id = ? order by r.date desc, r.id desc`,
      headId
    )
  }

  function figures(input: ParsedInput<'heads.figures'>, scopeVillageIds: number[] | null): Output<'heads.figures'> {
    const asOf = input.to < today() ? input.to : today()
    const asked = input.villageIds ?? null
    const villageIds = scopeVillageIds === null ? asked : (asked ?? scopeVillageIds).filter((v) => scopeVillageIds.includes(v))
    const f = headFiguresOf(db, { from: input.from, to: input.to, asOf, villageIds })
    const names = new Map(sql.rows<{ id: number; name: string }>("select id, name from units where kind = 'village'").map((u) => [u.id, u.name]))
    return { asOf, total: f.total, villages: f.villages.map((v) => ({ ...v, village: names.get(v.villageId) ?? `村居 ${v.villageId}` })) }
  }

  /** Tier-3 areas with no head in office today (a clerk: in their villages). */
  /** A tier-3 area (alias) with no head in office on @day: the rules check's 无三长网格, one definition. */
  const withoutHeadOn = (g: string) =>
    `not exists (select 1 from area_heads h where h.tier3_grid_id = ${g}.id and h.appointed_on <= @day and (h.ended_on is null or h.ended_on > @day))`

  function check(villageUnitId: number | undefined, scopeVillageIds: number[] | null): Output<'heads.check'> {
    const scope = villageUnitId !== undefined ? [villageUnitId].filter((v) => !scopeVillageIds || scopeVillageIds.includes(v)) : scopeVillageIds
    const where = scope ? `and g.village_unit_id in (${scope.map(Number).join(',') || 'null'})` : ''
    const areas = sql.value<number>(`select count(*) from grids g where g.tier = 3 ${where}`) ?? 0
    const withoutHead = sql.rows<Output<'heads.check'>['withoutHead'][number]>(
      `select g.id tier3GridId, g.name, v.name village from grids g join units v on v.id = g.village_unit_id
       where g.tier = 3 ${where} and ${withoutHeadOn('g')}
       order by v.sort_order, g.code`,
      { day: today() }
    )
    return { areas, withoutHead }
  }

  /** How many tier-3 areas of the town have no head in office today (the wall's count of check's list). */
  const countWithoutHead = () => sql.value<number>(`select count(*) from grids g where g.tier = 3 and ${withoutHeadOn('g')}`, { day: today() }) ?? 0

  /**
   * For the map, every tier-3 area today: -1 with no head in office, else how many records its heads
   * (in office or not) made this year — problems solved, disputes mediated, activities held.
   */
  function mapMeasure(): Output<'heads.mapMeasure'> {
    const day = today()
    return sql.rows<{ gridId: number; value: number }>(
      `select g.id gridId,
         case when ${withoutHeadOn('g')} then -1
           else (select count(*) from area_heads h join head_records r on r.head_id = h.id where h.tier3_grid_id = g.id and r.date between @from and @day) end value
       from grids g where g.tier = 3`,
      { day, from: `${day.slice(0, 4)}-01-01` }
    )
  }

  /** The registry as filtered on screen, every row (no personal data but the name). */
  async function exportList(input: Omit<ListInput, 'offset' | 'limit'>) {
    const { rows } = list({ ...input, offset: 0, limit: 100_000 })
    const book = newWorkbook(clock.now())
    const columns = [
      { header: '姓名', key: 'name', width: 10 },
      { header: '类别', key: 'role', width: 8 },
      { header: '负责楼巷街', key: 'area', width: 24 },
      { header: '村（社区）', key: 'village', width: 14 },
      { header: '三级网格', key: 'tier3', width: 22 },
      { header: '任命日期', key: 'appointedOn', width: 12 },
      { header: '卸任日期', key: 'endedOn', width: 12 },
      { header: '解决问题', key: 'problems', width: 10 },
      { header: '调解纠纷', key: 'disputes', width: 10 },
      { header: '社区活动', key: 'activities', width: 10 },
      { header: '示意数据', key: 'sample', width: 10 }
    ]
    addTableSheet(
      book,
      '三长台账',
      columns,
      rows.map((r) => ({ ...r, endedOn: r.endedOn ?? '在任', sample: r.sample ? '是' : '' }))
    )
    return workbookFile(book, `三长台账_${today().replaceAll('-', '')}.xlsx`, rows.length)
  }

  /**
   * The heads' work book for a period (a clerk: their villages), in the columns of the 三长工作台账 ledger
   * less the ID number — what a village keeps, to read or to correct and import again with the numbers.
   */
  async function exportRecords(input: ParsedInput<'heads.exportRecords'>, scopeVillageIds: number[] | null) {
    const villages = input.villageUnitId !== undefined ? [input.villageUnitId].filter((v) => !scopeVillageIds || scopeVillageIds.includes(v)) : scopeVillageIds
    const within = villages ? `and r.village_unit_id in (${villages.map(Number).join(',') || 'null'})` : ''
    const rows = sql.rows<Record<string, string | number | null>>(
      `select p.name, v.name village, h.area, r.kind, r.date, r.title, i.code issueCode, r.parties, r.outcome,
         case r.kind when '社区活动' then r.volunteers end volunteers, r.note
       from head_records r join area_heads h on h.id = r.head_id join persons p on p.id = h.person_id join units v on v.id = r.village_unit_id
         left join issues i on i.id = r.issue_id
       where r.date between ? and ? ${within}
       order by v.sort_order, r.date, r.id`,
      input.from,
      input.to
    )
    const book = newWorkbook(clock.now())
    const columns = headTemplates.records.columns
      .filter((c) => c.key !== 'idNumber')
      .map((c) => ({ header: c.header, key: c.key, width: Math.max(10, c.header.length * 2 + 4) }))
    addTableSheet(book, '三长工作台账', columns, rows)
    return workbookFile(book, `三长工作台账_${input.from.replaceAll('-', '')}-${input.to.replaceAll('-', '')}.xlsx`, rows.length)
  }

  return { list, exportList, exportRecords, appoint, end, record, records, figures, check, countWithoutHead, mapMeasure }
}
