// Rental buildings, their inspections and re-inspections, and the campaign table, on the store.
// Every refusal names the row or field in Chinese; the guard runs each write in one transaction with
// its audit row, so a refused hazard leaves none of its inspection written.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { sqlOn } from '../db/sql'
import { AppError, notFound } from '../errors'
import { readPhoto } from '../kernel/photoKind'
import { createGridLocator } from '../grids/gridsAt'
import { chinaDate } from '../../shared/chinaTime'
import type { Output, ParsedInput } from '../../shared/contract'
import { campaignFigures } from './campaignFigures'
import { createIssueService } from '../issues/issues'
import { runList, type ListInput, type ListSpec } from '../db/sqlList'

type Photo = { fileName: string; mimeType: string; contentBase64: string }
type Kind = Output<'rentals.kinds'>[number]

export function createRentalService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  const { gridsAt } = createGridLocator(db)
  const issues = createIssueService(db, clock)
  const today = () => chinaDate(clock.now())
  /** A hazard's row written only as it was read (writes run one at a time, so another change here means a fault). */
  const updateHazard = (text: string, ...params: unknown[]) => {
    if (sql.run(text, ...params).changes !== 1) throw new AppError('CONFLICT', '隐患已被其他人修改，请刷新后重试。')
  }

  const kinds = (): Kind[] =>
    sql.rows<Kind>('select id, name, counted_by countedBy, photo_required photoRequired, active from hazard_kinds order by sort, id').map((k) => ({
      ...k,
      photoRequired: Boolean(k.photoRequired),
      active: Boolean(k.active)
    }))

  function building(id: number) {
    const b = sql.row<{ id: number; villageUnitId: number; address: string }>(
      'select id, village_unit_id villageUnitId, address from rental_buildings where id = ?',
      id
    )
    if (!b) throw notFound('出租屋', id)
    return b
  }

  /** A visit's day: a calendar day, not in the future. */
  function visitDay(day: string, what: string) {
    if (day > today()) throw new AppError('BAD_INPUT', `${what}日期 ${day} 晚于今天（${today()}）：请填写实际到场的日期。`, { field: 'inspectedOn' })
  }

  /** One visit to a building (排查 or 复查), as the inspector gave it and the account recorded it. */
  function recordVisit(
    b: { id: number; villageUnitId: number },
    kind: '排查' | '复查',
    visit: { inspectedOn: string; inspector: string; note?: string },
    actor: string
  ): number {
    return Number(
      sql.run(
        'insert into rental_inspections (building_id, village_unit_id, kind, inspected_on, inspector, note, created_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)',
        b.id,
        b.villageUnitId,
        kind,
        visit.inspectedOn,
        visit.inspector,
        visit.note ?? null,
        clock.now().toISOString(),
        actor
      ).lastInsertRowid
    )
  }

  function storePhotos(hazardId: number, stage: '发现' | '整改', photos: Photo[], label: string) {
    for (const p of photos) {
      const { bytes, mime, sha256 } = readPhoto(p, `${label}的`)
      sql.run(
        'insert or ignore into hazard_photos (hazard_id, stage, sha256, mime_type, file_name, bytes, created_at) values (?, ?, ?, ?, ?, ?, ?)',
        hazardId,
        stage,
        sha256,
        mime,
        p.fileName,
        bytes,
        clock.now().toISOString()
      )
    }
  }

  function createBuilding(input: ParsedInput<'rentals.buildings.create'>) {
    const village = sql.row<{ kind: string }>('select kind from units where id = ?', input.villageUnitId)
    if (village?.kind !== 'village') throw new AppError('BAD_INPUT', `所在村居（编号 ${input.villageUnitId}）不是一个村（社区）。`, { field: 'villageUnitId' })
    if ((input.lon === undefined) !== (input.lat === undefined)) throw new AppError('BAD_INPUT', '坐标须同时填写经度和纬度。', { field: 'lon' })
    const grids = input.lon !== undefined && input.lat !== undefined ? gridsAt(input.lon, input.lat) : null
    if (input.lon !== undefined && !grids) throw new AppError('BAD_INPUT', '坐标不在镇内任何三级网格内：请在地图上重新选点，或不填坐标。', { field: 'lon' })
    if (grids && grids.villageUnitId !== input.villageUnitId)
      throw new AppError('BAD_INPUT', '坐标落在另一个村居的网格内：请核对地址、坐标和所在村居。', { field: 'lon' })
    if (input.landlordPersonId !== undefined && !sql.value('select 1 from persons where id = ?', input.landlordPersonId))
      throw notFound('房东（人员）', input.landlordPersonId)
    const id = Number(
      sql.run(
        'insert into rental_buildings (address, lon, lat, village_unit_id, tier3_grid_id, landlord_person_id, use, risk_class, rental_rooms, tenants, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        input.address,
        input.lon ?? null,
        input.lat ?? null,
        input.villageUnitId,
        grids?.tier3 ?? null,
        input.landlordPersonId ?? null,
        input.use,
        input.riskClass,
        input.rentalRooms,
        input.tenants,
        clock.now().toISOString()
      ).lastInsertRowid
    )
    return { id, tier3GridId: grids?.tier3 ?? null }
  }

  function inspect(input: ParsedInput<'rentals.inspect'>, actor: string) {
    const b = building(input.buildingId)
    visitDay(input.inspectedOn, '排查')
    const byId = new Map(kinds().map((k) => [k.id, k]))
    input.hazards.forEach((h, i) => {
      const kind = byId.get(h.kindId)
      if (!kind || !kind.active)
        throw new AppError('BAD_INPUT', `第 ${i + 1} 处隐患：隐患类别（编号 ${h.kindId}）不存在或已停用。`, { field: `hazards.${i}.kindId` })
      if (h.deadline < input.inspectedOn)
        throw new AppError('BAD_INPUT', `第 ${i + 1} 处隐患（${kind.name}）：整改期限 ${h.deadline} 早于排查日期 ${input.inspectedOn}。`, {
          field: `hazards.${i}.deadline`
        })
    })
    const inspectionId = recordVisit(b, '排查', input, actor)
    const hazardIds = input.hazards.map((h, i) => {
      const id = Number(
        sql.run(
          'insert into fire_hazards (inspection_id, building_id, village_unit_id, kind_id, found_on, deadline, note) values (?, ?, ?, ?, ?, ?, ?)',
          inspectionId,
          b.id,
          b.villageUnitId,
          h.kindId,
          input.inspectedOn,
          h.deadline,
          h.note ?? null
        ).lastInsertRowid
      )
      storePhotos(id, '发现', h.photos ?? [], `第 ${i + 1} 处隐患`)
      return id
    })
    return { inspectionId, hazardIds }
  }

  function reinspect(input: ParsedInput<'rentals.reinspect'>, actor: string) {
    const b = building(input.buildingId)
    visitDay(input.inspectedOn, '复查')
    const byId = new Map(kinds().map((k) => [k.id, k]))
    const seen = new Set<number>()
    const hazards = input.results.map((r, i) => {
      const label = `第 ${i + 1} 项（隐患编号 ${r.hazardId}）`
      if (seen.has(r.hazardId)) throw new AppError('BAD_INPUT', `${label}：同一处隐患在本次复查中出现了两次。`, { field: `results.${i}.hazardId` })
      seen.add(r.hazardId)
      const h = sql.row<{ buildingId: number; kindId: number; foundOn: string; rectifiedOn: string | null; version: number }>(
        'select building_id buildingId, kind_id kindId, found_on foundOn, rectified_on rectifiedOn, version from fire_hazards where id = ?',
        r.hazardId
      )
      if (!h || h.buildingId !== b.id) throw new AppError('BAD_INPUT', `${label}：不是这栋出租屋（${b.address}）的隐患。`, { field: `results.${i}.hazardId` })
      if (h.rectifiedOn !== null) throw new AppError('CONFLICT', `${label}：已于 ${h.rectifiedOn} 整改完毕，无需复查。`)
      if (input.inspectedOn < h.foundOn)
        throw new AppError('BAD_INPUT', `${label}：复查日期 ${input.inspectedOn} 早于发现日期 ${h.foundOn}。`, { field: 'inspectedOn' })
      const kind = byId.get(h.kindId)!
      if (r.rectified && kind.photoRequired && (r.photos ?? []).length === 0)
        throw new AppError('BAD_INPUT', `${label}（${kind.name}）：本镇要求此类隐患整改须附整改后的照片。`, { field: `results.${i}.photos` })
      return { ...r, label, version: h.version }
    })
    const inspectionId = recordVisit(b, '复查', input, actor)
    for (const h of hazards) {
      if (h.rectified)
        updateHazard(
          'update fire_hazards set rectified_on = ?, rectified_inspection_id = ?, version = version + 1 where id = ? and version = ?',
          input.inspectedOn,
          inspectionId,
          h.hazardId,
          h.version
        )
      storePhotos(h.hazardId, '整改', h.photos ?? [], h.label)
    }
    return {
      inspectionId,
      rectified: hazards.filter((h) => h.rectified).map((h) => h.hazardId),
      stillOpen: hazards.filter((h) => !h.rectified).map((h) => h.hazardId)
    }
  }

  /**
   * A hazard not rectified by its deadline becomes an issue of the linkage: 消防安全, held by the
   * village as the routing rules say for an ordinary one, with the hazard linked (once).
   */
  function escalate(hazardId: number, actor: string) {
    const h = sql.row<{
      buildingId: number
      kind: string
      foundOn: string
      deadline: string
      rectifiedOn: string | null
      issueId: number | null
      version: number
    }>(
      'select h.building_id buildingId, k.name kind, h.found_on foundOn, h.deadline, h.rectified_on rectifiedOn, h.issue_id issueId, h.version from fire_hazards h join hazard_kinds k on k.id = h.kind_id where h.id = ?',
      hazardId
    )
    if (!h) throw notFound('隐患', hazardId)
    if (h.rectifiedOn !== null) throw new AppError('CONFLICT', `隐患（编号 ${hazardId}）已于 ${h.rectifiedOn} 整改完毕，无需转为事件。`)
    if (h.issueId !== null) {
      const code = sql.value<string>('select code from issues where id = ?', h.issueId)
      throw new AppError('CONFLICT', `隐患（编号 ${hazardId}）已转为事件 ${code}，不再重复登记。`)
    }
    if (h.deadline >= today()) throw new AppError('BAD_INPUT', `隐患（编号 ${hazardId}）的整改期限 ${h.deadline} 尚未过，不能转为事件。`)
    const b = sql.row<{ address: string; lon: number | null; lat: number | null; villageUnitId: number }>(
      'select address, lon, lat, village_unit_id villageUnitId from rental_buildings where id = ?',
      h.buildingId
    )!
    const made = issues.create(
      {
        title: `出租屋消防隐患逾期未改：${h.kind}`.slice(0, 60),
        description: `${b.address}：${h.kind}，${h.foundOn} 排查发现，整改期限 ${h.deadline}，截至 ${today()} 仍未整改。（出租屋隐患编号 ${hazardId}）`,
        category: '消防安全',
        urgency: '一般',
        source: '网格巡查',
        address: b.address,
        ...(b.lon !== null && b.lat !== null ? { lon: b.lon, lat: b.lat } : {}),
        villageUnitId: b.villageUnitId
      },
      actor
    )
    updateHazard('update fire_hazards set issue_id = ?, version = version + 1 where id = ? and version = ?', made.id, hazardId, h.version)
    return { issueId: made.id, code: made.code, holderUnitId: made.holderUnitId }
  }

  /** The registry's households living in a building, newest first. */
  function tenants(buildingId: number): Output<'rentals.tenants'> {
    building(buildingId)
    return sql.rows<Output<'rentals.tenants'>[number]>(
      `select hh.id householdId, hh.code, hh.name, hh.kind, hh.members, t.since
       from rental_tenancies t join households hh on hh.id = t.household_id where t.building_id = ? order by t.since desc, t.id desc`,
      buildingId
    )
  }

  const tenancyTotals = (buildingId: number) =>
    sql.row<{ households: number; residents: number }>(
      'select count(*) households, coalesce(sum(hh.members), 0) residents from rental_tenancies t join households hh on hh.id = t.household_id where t.building_id = ?',
      buildingId
    )!

  /** A household of the building's village moves in (a household lives in one building at a time). */
  function addTenant(input: ParsedInput<'rentals.addTenant'>) {
    const b = building(input.buildingId)
    const hh = sql.row<{ name: string; v: number }>('select name, village_unit_id v from households where id = ?', input.householdId)
    if (!hh) throw notFound('户', input.householdId)
    if (hh.v !== b.villageUnitId) throw new AppError('BAD_INPUT', `${hh.name}户不在这栋出租屋所在的村（社区）。`, { field: 'householdId' })
    if (input.since > today()) throw new AppError('BAD_INPUT', `入住日期 ${input.since} 晚于今天（${today()}）。`, { field: 'since' })
    const elsewhere = sql.row<{ address: string }>(
      'select rb.address from rental_tenancies t join rental_buildings rb on rb.id = t.building_id where t.household_id = ?',
      input.householdId
    )
    if (elsewhere) throw new AppError('CONFLICT', `${hh.name}户已登记住在“${elsewhere.address}”：请先在那里登记迁出。`)
    sql.run(
      'insert into rental_tenancies (building_id, household_id, since, created_at) values (?, ?, ?, ?)',
      b.id,
      input.householdId,
      input.since,
      clock.now().toISOString()
    )
    return tenancyTotals(b.id)
  }

  function removeTenant(input: ParsedInput<'rentals.removeTenant'>) {
    building(input.buildingId)
    const gone = sql.run('delete from rental_tenancies where building_id = ? and household_id = ?', input.buildingId, input.householdId).changes
    if (!gone) throw new AppError('CONFLICT', '这一户没有登记住在这栋出租屋。')
    return tenancyTotals(input.buildingId)
  }

  /** Overdue hazards not yet issues, the longest overdue first (a clerk: their villages). */
  function overdueHazards(villageUnitId: number | undefined, scopeVillageIds: number[] | null): Output<'rentals.overdueHazards'> {
    const day = today()
    const villages = villageUnitId !== undefined ? [villageUnitId].filter((v) => !scopeVillageIds || scopeVillageIds.includes(v)) : scopeVillageIds
    const within = villages ? `and h.village_unit_id in (${villages.map(Number).join(',') || 'null'})` : ''
    const overdue = `h.rectified_on is null and h.issue_id is null and h.deadline < @day ${within}`
    const total = sql.value<number>(`select count(*) from fire_hazards h where ${overdue}`, { day }) ?? 0
    const rows = sql.rows<Output<'rentals.overdueHazards'>['rows'][number]>(
      `select h.id hazardId, h.building_id buildingId, b.address, b.risk_class riskClass, v.name village, g.name tier3, k.name kind,
         h.found_on foundOn, h.deadline, cast(julianday(@day) - julianday(h.deadline) as integer) daysOverdue
       from fire_hazards h join rental_buildings b on b.id = h.building_id join units v on v.id = h.village_unit_id join hazard_kinds k on k.id = h.kind_id
         left join grids g on g.id = b.tier3_grid_id
       where ${overdue}
       order by h.deadline, h.id limit 500`,
      { day }
    )
    return { asOf: day, total, rows }
  }

  /** Every hazard asked turned into an issue, or none: each one that cannot be is named with why. */
  function escalateMany(hazardIds: number[], actor: string, scopeVillageIds: number[] | null): Output<'rentals.escalateMany'> {
    const ids = [...new Set(hazardIds)]
    const problems: string[] = []
    for (const id of ids) {
      const village = sql.value<number>('select village_unit_id from fire_hazards where id = ?', id)
      if (village !== undefined && scopeVillageIds && !scopeVillageIds.includes(village)) problems.push(`隐患（编号 ${id}）不在您负责的村居`)
    }
    if (problems.length) throw new AppError('FORBIDDEN', problems.join('；'))
    return sql.transaction(() => {
      const made: Output<'rentals.escalateMany'> = []
      for (const id of ids)
        try {
          const r = escalate(id, actor)
          made.push({ hazardId: id, issueId: r.issueId, code: r.code })
        } catch (e) {
          if (!(e instanceof AppError)) throw e
          problems.push(e.message)
        }
      // One that cannot be undoes them all (the transaction rolls back): nothing is half-written.
      if (problems.length) throw new AppError('CONFLICT', `以下隐患不能转为事件，本次一处也未登记：${problems.join('；')}`)
      return made
    })
  }

  /** A yes/no filter as JSON or a form sends it. */
  const yes = (v: string | number | boolean) => v === true || v === 1 || v === 'true' || v === '是'

  /** The registry's page; the hazard counts are as of today (a China calendar day from the clock, not the caller). */
  function buildings(input: ListInput): Output<'rentals.buildings.list'> {
    const day = today()
    const open = `(select count(*) from fire_hazards h where h.building_id = b.id and h.rectified_on is null)`
    const overdue = `(select count(*) from fire_hazards h where h.building_id = b.id and h.rectified_on is null and h.deadline < '${day}')`
    const spec: ListSpec = {
      from: 'rental_buildings b join units v on v.id = b.village_unit_id left join persons p on p.id = b.landlord_person_id',
      key: 'b.id',
      countFrom: 'rental_buildings b',
      select: `b.id, b.address, b.village_unit_id villageUnitId, v.name village, b.use, b.risk_class riskClass, b.rental_rooms rentalRooms, b.tenants,
        p.name landlord, b.sample, ${open} openHazards, ${overdue} overdueHazards,
        (select max(i.inspected_on) from rental_inspections i where i.building_id = b.id) lastInspectedOn, b.lon, b.lat,
        (select count(*) from rental_tenancies t where t.building_id = b.id) registeredHouseholds,
        (select coalesce(sum(hh.members), 0) from rental_tenancies t join households hh on hh.id = t.household_id where t.building_id = b.id) registeredResidents`,
      sortable: {
        address: 'b.address',
        riskClass: "(case b.risk_class when '高风险' then 3 when '中风险' then 2 else 1 end)",
        openHazards: open,
        overdueHazards: overdue
      },
      defaultOrder: 'b.id',
      villageColumn: 'b.village_unit_id',
      filters: {
        // One building, as the map opens it.
        id: { label: '出租屋', clause: (v) => ({ sql: 'b.id = ?', params: [Number(v)] }) },
        riskClass: { label: '风险等级', clause: (v) => ({ sql: 'b.risk_class = ?', params: [v] }) },
        use: { label: '用途', clause: (v) => ({ sql: 'b.use = ?', params: [v] }) },
        open: { label: '有未整改隐患', clause: (v) => ({ sql: yes(v) ? `${open} > 0` : `${open} = 0`, params: [] }) },
        overdue: { label: '有逾期隐患', clause: (v) => ({ sql: yes(v) ? `${overdue} > 0` : `${overdue} = 0`, params: [] }) }
      },
      search: (q) => ({ sql: 'b.address like ?', params: [`%${q.replace(/[%_\\]/g, '')}%`] })
    }
    const page = runList<Omit<Output<'rentals.buildings.list'>['rows'][number], 'sample'> & { sample: number }>(sql, spec, input)
    return { total: page.total, rows: page.rows.map((r) => ({ ...r, sample: Boolean(r.sample) })) }
  }

  /** A building's hazards, newest first, each with its state as of today. */
  function hazards(buildingId: number): Output<'rentals.hazards'> {
    building(buildingId)
    const day = today()
    return sql
      .rows<Omit<Output<'rentals.hazards'>[number], 'state'>>(
        `select h.id, h.kind_id kindId, k.name kind, h.found_on foundOn, h.deadline, h.rectified_on rectifiedOn, h.issue_id issueId, i.code issueCode, h.note,
           (select count(*) from hazard_photos f where f.hazard_id = h.id) photos
         from fire_hazards h join hazard_kinds k on k.id = h.kind_id left join issues i on i.id = h.issue_id
         where h.building_id = ? order by h.found_on desc, h.id desc`,
        buildingId
      )
      .map((h) => ({ ...h, state: h.rectifiedOn !== null ? '已整改' : h.deadline < day ? '逾期未改' : '整改中' }))
  }

  /** The table for a period, as of a day (today unless asked), in the villages asked within the caller's reach. */
  function campaignTable(input: ParsedInput<'rentals.campaignTable'>, scopeVillageIds: number[] | null): Output<'rentals.campaignTable'> {
    const asOf = input.asOf ?? today()
    const asked = input.villageIds ?? null
    const villageIds = scopeVillageIds === null ? asked : (asked ?? scopeVillageIds).filter((v) => scopeVillageIds.includes(v))
    const t = campaignFigures(db, { startsOn: input.startsOn, endsOn: input.endsOn, asOf, villageIds })
    const names = new Map(sql.rows<{ id: number; name: string }>("select id, name from units where kind = 'village'").map((u) => [u.id, u.name]))
    const kindNames = new Map(kinds().map((k) => [k.id, k.name]))
    return {
      asOf,
      total: t.total,
      villages: t.villages.map((v) => ({ ...v, village: names.get(v.villageId) ?? `村居 ${v.villageId}` })),
      kinds: t.kinds.map((k) => ({ ...k, kind: kindNames.get(k.kindId) ?? `类别 ${k.kindId}` }))
    }
  }

  /**
   * The town's list of kinds as given, in its order. A kind left out is deleted if no hazard is of it;
   * one with hazards can only be stopped (停用), so the campaign tables of past years keep their rows.
   */
  function setKinds(input: ParsedInput<'rentals.setKinds'>): Kind[] {
    const names = new Set<string>()
    input.kinds.forEach((k, i) => {
      if (names.has(k.name)) throw new AppError('BAD_INPUT', `第 ${i + 1} 行：类别“${k.name}”重复。`, { field: `kinds.${i}.name` })
      names.add(k.name)
    })
    if (!input.kinds.some((k) => k.active)) throw new AppError('BAD_INPUT', '至少要有一个在用的隐患类别。', { field: 'kinds' })
    const kept = new Set(input.kinds.flatMap((k) => (k.id === undefined ? [] : [k.id])))
    for (const old of kinds())
      if (!kept.has(old.id)) {
        const used = sql.value<number>('select count(*) from fire_hazards where kind_id = ?', old.id) ?? 0
        if (used > 0) throw new AppError('CONFLICT', `类别“${old.name}”已有 ${used} 处隐患，不能删除，只能停用。`, { field: 'kinds' })
        sql.run('delete from hazard_kinds where id = ?', old.id)
      }
    // Names first moved aside, so two kinds may swap names in one save without tripping the unique name.
    for (const k of input.kinds) if (k.id !== undefined) sql.run("update hazard_kinds set name = name || '#' || id where id = ?", k.id)
    input.kinds.forEach((k, i) => {
      if (k.id === undefined)
        sql.run(
          'insert into hazard_kinds (name, counted_by, photo_required, active, sort) values (?, ?, ?, ?, ?)',
          k.name,
          k.countedBy,
          Number(k.photoRequired),
          Number(k.active),
          i + 1
        )
      else if (
        sql.run(
          'update hazard_kinds set name = ?, counted_by = ?, photo_required = ?, active = ?, sort = ? where id = ?',
          k.name,
          k.countedBy,
          Number(k.photoRequired),
          Number(k.active),
          i + 1,
          k.id
        ).changes !== 1
      )
        throw new AppError('BAD_INPUT', `第 ${i + 1} 行：类别（编号 ${k.id}）不存在，请刷新后重试。`, { field: `kinds.${i}.id` })
    })
    return kinds()
  }

  function campaigns(): Output<'rentals.campaigns'> {
    return sql
      .rows<{ id: number; name: string; startsOn: string; endsOn: string; villageIds: string | null }>(
        'select id, name, starts_on startsOn, ends_on endsOn, village_ids villageIds from rental_campaigns order by starts_on desc, id desc'
      )
      .map((c) => ({ ...c, villageIds: c.villageIds === null ? null : (JSON.parse(c.villageIds) as number[]) }))
  }

  function createCampaign(input: ParsedInput<'rentals.campaigns.create'>) {
    const villages = new Set(sql.rows<{ id: number }>("select id from units where kind = 'village'").map((v) => v.id))
    const wrong = input.villageIds?.find((v) => !villages.has(v))
    if (wrong !== undefined) throw new AppError('BAD_INPUT', `范围中的单位（编号 ${wrong}）不是本镇的村（社区）。`, { field: 'villageIds' })
    if (sql.value('select 1 from rental_campaigns where name = ?', input.name))
      throw new AppError('CONFLICT', `已有名为“${input.name}”的专项整治行动。`, { field: 'name' })
    const id = sql.run(
      'insert into rental_campaigns (name, starts_on, ends_on, village_ids, created_at) values (?, ?, ?, ?, ?)',
      input.name,
      input.startsOn,
      input.endsOn,
      input.villageIds ? JSON.stringify([...new Set(input.villageIds)].sort((a, b) => a - b)) : null,
      clock.now().toISOString()
    ).lastInsertRowid
    return { id: Number(id) }
  }

  function hazardPhotos(hazardId: number): Output<'rentals.hazardPhotos'> {
    if (!sql.value('select 1 from fire_hazards where id = ?', hazardId)) throw notFound('隐患', hazardId)
    return sql
      .rows<{ id: number; stage: '发现' | '整改'; fileName: string; mimeType: string; bytes: Buffer }>(
        'select id, stage, file_name fileName, mime_type mimeType, bytes from hazard_photos where hazard_id = ? order by id',
        hazardId
      )
      .map(({ bytes, ...p }) => ({ ...p, contentBase64: bytes.toString('base64') }))
  }

  /**
   * The map's layer: each village's progress in the campaign (its row of the campaign table, on its
   * tier-1 grid) and the buildings with hazards open today. A clerk sees their villages only.
   */
  /** The campaign the map and the wall show — the newest, unless one is asked for; this year when there is none — with its table as of today. */
  function shownCampaign(campaignId: number | undefined, scopeVillageIds: number[] | null) {
    const all = campaigns()
    const campaign = campaignId === undefined ? all[0] : all.find((c) => c.id === campaignId)
    if (campaignId !== undefined && !campaign) throw notFound('专项整治行动', campaignId)
    const year = today().slice(0, 4)
    const period = campaign ?? { name: `${year}年出租屋消防安全隐患排查整治`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, villageIds: null }
    const table = campaignTable({ startsOn: period.startsOn, endsOn: period.endsOn, villageIds: period.villageIds ?? undefined }, scopeVillageIds)
    return { campaign: { name: period.name, startsOn: period.startsOn, endsOn: period.endsOn }, table }
  }

  function mapLayer(campaignId: number | undefined, scopeVillageIds: number[] | null): Output<'rentals.mapLayer'> {
    const { campaign, table: t } = shownCampaign(campaignId, scopeVillageIds)
    const tier1 = new Map(sql.rows<{ v: number; g: number }>('select village_unit_id v, id g from grids where tier = 1').map((r) => [r.v, r.g]))
    const scope = scopeVillageIds ? `and b.village_unit_id in (${scopeVillageIds.map(Number).join(',') || 'null'})` : ''
    const rows = sql.rows<{ id: number; address: string; riskClass: string; lon: number; lat: number; open: number; overdue: number }>(
      `select b.id, b.address, b.risk_class riskClass, b.lon, b.lat, count(*) open, sum(h.deadline < @day) overdue
       from fire_hazards h join rental_buildings b on b.id = h.building_id
       where h.rectified_on is null and b.lon is not null ${scope}
       group by b.id`,
      { day: today() }
    )
    return {
      campaign,
      asOf: t.asOf,
      villages: t.villages.flatMap(({ village: _name, ...v }) => (tier1.has(v.villageId) ? [{ ...v, gridId: tier1.get(v.villageId)! }] : [])),
      buildings: {
        type: 'FeatureCollection',
        features: rows.map(({ lon, lat, ...p }) => ({ type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: p }))
      }
    }
  }

  return {
    kinds,
    setKinds,
    mapLayer,
    shownCampaign,
    campaigns,
    createCampaign,
    buildings,
    hazards,
    hazardPhotos,
    createBuilding,
    inspect,
    reinspect,
    escalate,
    overdueHazards,
    escalateMany,
    tenants,
    addTenant,
    removeTenant,
    campaignTable
  }
}
