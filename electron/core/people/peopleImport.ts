// people.import: read an Excel/CSV registry file, check every row (ID checksum, phone, village and
// grid by name or code, duplicates in the file and in the store), then report (dry run) or commit
// all accepted rows in one transaction, as one undoable batch. Any bytes give a report, never a crash.
import type { Output, ParsedInput } from '../../shared/contract'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { parseRow, templates, type ImportKind } from './domain/peopleRows'
import { fromGeoJsonGeometry, pointInMultiPolygon, type MultiPolygonCoords } from '../kernel/geometry'
import type { TableRow } from '../kernel/readTable'
import { AppError } from '../errors'
import { openLedger, villageOfRow, villagesByKey } from '../kernel/ledger'
import { beginBatch } from '../changes/changes'
import { sqlOn } from '../db/sql'

type Report = Output<'people.import'>
type Values = Record<string, string | number | boolean | null>
type Group = {
  id: number
  code: string
  name: string
  village: number
  bbox: [number, number, number, number] | null
  geometry: string | null
  shape?: MultiPolygonCoords | null
}

const empty = (kind: ImportKind, fileError: string | null): Report => ({
  kind,
  fileError,
  rowCount: 0,
  accepted: 0,
  warnings: [],
  rejected: [],
  committed: false,
  batchId: null
})

export function createPeopleImportService(db: Db, clock: Clock) {
  const sql = sqlOn(db)

  // What the checks need from the store, read for this file's keys only: an import into a city-sized
  // store must not read every person, household and grid boundary to check 10,000 rows.
  const villageIndex = () => villagesByKey(sql)

  /** The tier-3 grids of a village, read the first time a row names it. */
  function groupsByVillage() {
    const read = sql.statement<
      Omit<Group, 'bbox'> & {
        min_lon: number | null
        min_lat: number | null
        max_lon: number | null
        max_lat: number | null
      }
    >('select id, code, name, village_unit_id as village, min_lon, min_lat, max_lon, max_lat, geometry from grids where village_unit_id = ? and tier = 3')
    const groupsOf = new Map<number, Group[]>()
    return (villageId: number) => {
      let groups = groupsOf.get(villageId)
      if (!groups) {
        const rows = read.rows(villageId)
        groups = rows.map((g) => ({ ...g, bbox: g.min_lon === null ? null : [g.min_lon, g.min_lat!, g.max_lon!, g.max_lat!] }))
        groupsOf.set(villageId, groups)
      }
      return groups
    }
  }

  type KnownPerson = { id: number; idNumber: string; name: string; party: number; reporting: number; reserve: number }
  /** Persons already registered under any of these ID numbers, with the roles they hold. */
  function knownPersons(idNumbers: string[]) {
    const rows = sql.rows<KnownPerson>(
      `select p.id, p.id_number as idNumber, p.name, p.is_party_member as party,
                exists(select 1 from reporting_members r where r.person_id = p.id) as reporting,
                exists(select 1 from reserve_contacts c where c.person_id = p.id) as reserve
           from persons p where p.id_number in (select value from json_each(?)) order by p.id`,
      JSON.stringify(idNumbers)
    )
    return new Map(rows.map((p) => [p.idNumber, p]))
  }

  const existingHouseholdCodes = (codes: string[]) =>
    new Set(sql.values<string>('select code from households where code in (select value from json_each(?))', JSON.stringify(codes)))

  /** The tier-3 grid of the village holding the point, if any. */
  function groupAt(groups: Group[], lon: number, lat: number): Group | null {
    for (const g of groups) {
      if (!g.bbox || lon < g.bbox[0] || lon > g.bbox[2] || lat < g.bbox[1] || lat > g.bbox[3]) continue
      g.shape ??= g.geometry ? fromGeoJsonGeometry(JSON.parse(g.geometry)) : null
      if (g.shape && pointInMultiPolygon([lon, lat], g.shape)) return g
    }
    return null
  }

  type Accepted = { row: number; values: Values; villageId: number; gridId: number | null; personId: number | null; contactId: number | null }

  /** Check rows against the template and the store: what can be written, and why the rest cannot. */
  function checkRows(kind: ImportKind, rows: TableRow[], index: Record<string, number>, warnings: string[]) {
    const today = clock.now()
    const parsed = rows.map((r) => ({ row: r.row, ...parseRow(kind, r.cells, index, today) }))
    const villageBy = villageIndex()
    const groupsOf = groupsByVillage()
    const ids = new Set<string>()
    for (const { values } of parsed) for (const key of [values.idNumber, values.contactIdNumber]) if (key) ids.add(String(key))
    const personByIdNumber = knownPersons([...ids])
    const roleTaken = (p: KnownPerson) => (kind === 'reporting' ? p.reporting : kind === 'reserve' ? p.reserve : 0) === 1
    const householdCodes =
      kind === 'households' ? existingHouseholdCodes(parsed.flatMap((p) => (p.values.code ? [String(p.values.code)] : []))) : new Set<string>()
    const seenInFile = new Map<string, number>()

    const accepted: Accepted[] = []
    const rejected: Report['rejected'] = []
    let linked = 0
    for (const r of parsed) {
      const { values, problems } = r
      const village = villageOfRow(villageBy, values.village, r.row, problems, warnings)
      let gridId: number | null = null
      if (village && values.grid) {
        const g = groupsOf(village.id).find((x) => x.name === values.grid || x.code === values.grid)
        if (!g) problems.push(`${village.name}没有名为或编码为“${values.grid}”的三级网格`)
        else gridId = g.id
      }
      if (village && typeof values.lon === 'number' && typeof values.lat === 'number') {
        const g = groupAt(groupsOf(village.id), values.lon, values.lat)
        if (g) gridId = g.id
        else if (warnings.length < 200) warnings.push(`第 ${r.row} 行：坐标不在${village.name}的任何三级网格内，住址网格留空`)
      }
      const key = kind === 'households' ? (values.code as string | null) : (values.idNumber as string | null)
      if (key) {
        const first = seenInFile.get(key)
        if (first !== undefined) problems.push(`与第 ${first} 行重复（${kind === 'households' ? '户编码' : '身份证号'}相同）`)
        else seenInFile.set(key, r.row)
      }
      let personId: number | null = null
      if (kind === 'households' && key && householdCodes.has(key)) problems.push(`户编码“${key}”已登记`)
      if (kind !== 'households' && values.idNumber) {
        const existing = personByIdNumber.get(String(values.idNumber))
        if (existing && kind === 'persons') problems.push(`身份证号已登记（${existing.name}），不能重复登记`)
        if (existing && roleTaken(existing)) problems.push(`${existing.name}已在${templates[kind].title}台账中`)
        if (existing && kind !== 'persons') {
          if (existing.name !== values.name) problems.push(`身份证号已登记为“${existing.name}”，与姓名“${values.name}”不符`)
          personId = existing.id
        }
      }
      let contactId: number | null = null
      if (values.contactIdNumber) {
        const c = personByIdNumber.get(String(values.contactIdNumber))
        if (!c) problems.push('联系党员的身份证号未在人员台账中登记，请先导入该党员')
        else if (!c.party) problems.push(`联系人“${c.name}”不是党员`)
        else contactId = c.id
      }
      if (problems.length) rejected.push({ row: r.row, name: (values.name as string | null) ?? null, reasons: problems })
      else {
        if (personId) linked++
        accepted.push({ row: r.row, values, villageId: village!.id, gridId, personId, contactId })
      }
    }
    return { accepted, rejected, linked }
  }

  /** Write accepted rows through the recorder (persons first, then the role row). */
  function writeRows(kind: ImportKind, accepted: Accepted[], recorder: ReturnType<typeof beginBatch>) {
    const today = clock.now()
    const createdAt = today.toISOString()
    const insertPerson = sql.statement(
      `insert into persons (name, gender, id_number, id_tail, phone, phone_tail, hukou, is_party_member, party_registration, party_branch, home_address, home_lon, home_lat, village_unit_id, home_grid_id, work_unit, specialties, created_at)
       values (@name, @gender, @idNumber, @idTail, @phone, @phoneTail, @hukou, @party, @registration, @partyBranch, @homeAddress, @lon, @lat, @villageId, @gridId, @workUnit, @specialties, @createdAt)`
    )
    const insertReporting = sql.statement(
      'insert into reporting_members (person_id, village_unit_id, reported_at, services_claimed, volunteer_wishes, project_wishes) values (?, ?, ?, ?, ?, ?)'
    )
    const insertReserve = sql.statement('insert into reserve_contacts (person_id, unit, specialty, village_unit_id) values (?, ?, ?, ?)')
    const insertHousehold = sql.statement(
      'insert into households (code, kind, name, address, members, village_unit_id, grid_id, contact_person_id) values (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    const created: number[] = []
    for (const a of accepted) {
      const v = a.values
      let personId = a.personId
      if (kind !== 'households' && !personId) {
        personId = Number(
          insertPerson.run({
            name: v.name,
            gender: v.gender,
            idNumber: v.idNumber,
            idTail: String(v.idNumber).slice(-4),
            phone: v.phone,
            phoneTail: v.phone ? String(v.phone).slice(-4) : null,
            hukou: v.hukou,
            party: kind === 'reporting' || v.isPartyMember ? 1 : 0,
            registration: kind === 'reporting' ? '单位' : kind === 'persons' && v.isPartyMember ? v.partyRegistration : null,
            partyBranch: v.partyBranch ?? null,
            homeAddress: v.homeAddress ?? null,
            lon: v.lon ?? null,
            lat: v.lat ?? null,
            villageId: a.villageId,
            gridId: a.gridId,
            workUnit: v.workUnit ?? v.unit ?? null,
            specialties: v.specialties ?? v.specialty ?? null,
            createdAt
          }).lastInsertRowid
        )
        recorder.inserted('person', personId, `新建：${v.name}`)
      }
      if (kind === 'reporting') {
        const id = Number(insertReporting.run(personId, a.villageId, v.reportedAt, v.servicesClaimed, v.volunteerWishes, v.projectWishes).lastInsertRowid)
        recorder.inserted('reportingMember', id, `报到：${v.name}`)
        created.push(id)
      } else if (kind === 'reserve') {
        const id = Number(insertReserve.run(personId, v.unit, v.specialty, a.villageId).lastInsertRowid)
        recorder.inserted('reserveContact', id, `储能联系：${v.name}`)
        created.push(id)
      } else if (kind === 'households') {
        const id = Number(insertHousehold.run(v.code, v.kind, v.name, v.address, v.members, a.villageId, a.gridId, a.contactId).lastInsertRowid)
        recorder.inserted('household', id, `新建：${v.name}`)
        created.push(id)
      } else {
        created.push(personId!)
      }
    }
    return created
  }

  async function run(input: ParsedInput<'people.import'>, actor: string): Promise<Report> {
    const kind = input.kind
    const opened = await openLedger(input.fileName, input.contentBase64, templates[kind])
    if (opened.fileError !== null) return empty(kind, opened.fileError)
    const { table, index, warnings } = opened
    const { accepted, rejected, linked } = checkRows(kind, table.rows, index, warnings)
    if (linked) warnings.push(`${linked} 人已在人员台账中，将关联到现有人员记录（不重复登记）`)
    const report: Report = {
      kind,
      fileError: null,
      rowCount: table.rows.length,
      accepted: accepted.length,
      warnings,
      rejected,
      committed: false,
      batchId: null
    }
    if (input.dryRun || accepted.length === 0) return report
    const batchId = sql.transaction(() => {
      const recorder = beginBatch(db, clock, {
        kind: 'people-import',
        actor,
        description: `导入${templates[kind].title}：${input.fileName}，${accepted.length} 行`
      })
      writeRows(kind, accepted, recorder)
      return recorder.batchId
    })
    return { ...report, committed: true, batchId }
  }

  /** One record entered by hand, as one row of the registry's template: the same checks, one undoable batch. */
  function registerOne(kind: ImportKind, values: Record<string, string | number | null | undefined>, actor: string, description: string) {
    const columns = templates[kind].columns
    const index = Object.fromEntries(columns.map((c, i) => [c.key, i]))
    const cells = columns.map((c) => (values[c.key] === undefined || values[c.key] === null ? null : String(values[c.key])))
    const warnings: string[] = []
    const { accepted, rejected } = checkRows(kind, [{ row: 1, cells }], index, warnings)
    if (rejected.length) throw new AppError('BAD_INPUT', rejected[0].reasons.join('；'))
    return sql.transaction(() => {
      const recorder = beginBatch(db, clock, { kind: 'people-edit', actor, description })
      const [id] = writeRows(kind, accepted, recorder)
      return { id, batchId: recorder.batchId }
    })
  }

  /** One reporting member registered at the village desk. */
  function registerReporting(values: Record<string, string | number | null | undefined>, actor: string) {
    const { id, batchId } = registerOne('reporting', values, actor, `登记报到：${values.name}`)
    return { reportingMemberId: id, batchId }
  }

  /** One person entered by hand (人员台账 → 新增). */
  function createPerson(input: ParsedInput<'persons.create'>, actor: string) {
    const village = sql.value<string>("select code from units where id = ? and kind = 'village'", input.villageUnitId)
    if (!village) throw new AppError('BAD_INPUT', '请选择居住村居', { field: 'villageUnitId' })
    const { villageUnitId: _v, isPartyMember, ...rest } = input
    return registerOne(
      'persons',
      { ...rest, village, isPartyMember: isPartyMember === undefined ? undefined : isPartyMember ? '是' : '否' },
      actor,
      `新增人员：${input.name}`
    )
  }

  return { run, registerReporting, createPerson }
}
