// One person with every role they hold; masked, or unmasked for one record with a logged reason.
import type { Output } from '../../shared/contract'
import type { Db } from '../db/open'
import { hukouKinds } from '../../shared/people'
import type { Clock } from '../clock'
import { AppError, notFound } from '../errors'
import { registrySpecs, maskRow } from './registries'
import { persons, unmaskLog } from '../db/schema'
import { checkIdNumber, checkPhone, maskAddress } from '../kernel/personalData'
import { beginBatch } from '../changes/changes'
import { sqlOn } from '../db/sql'

const fieldLabel: Record<string, string> = {
  phone: '手机号码',
  idNumber: '身份证号',
  gender: '性别',
  hukou: '户籍类型',
  homeAddress: '住址',
  workUnit: '工作单位',
  specialties: '专长',
  partyBranch: '所在党支部',
  note: '备注'
}

export function createPersonService(db: Db, clock: Clock) {
  const sql = sqlOn(db)
  function load(id: number) {
    const spec = registrySpecs.persons
    type Person = Omit<Output<'persons.get'>, 'masked' | 'homeLonLat' | 'reporting' | 'reserve' | 'isPartyMember'> & {
      isPartyMember: number
      lon: number | null
      lat: number | null
    }
    const row = sql.row<Person>(
      `select ${spec.select}, p.home_lon as lon, p.home_lat as lat, p.party_registration as partyRegistration, p.version, g.name as homeGrid,
          (select count(*) from households h where h.contact_person_id = p.id) as contactHouseholds,
          (select t.name || '（' || m.role || '）' from team_members m join resident_teams t on t.id = m.team_id where m.person_id = p.id limit 1) as team
         from ${spec.from} left join grids g on g.id = p.home_grid_id where p.id = ?`,
      id
    )
    if (!row) throw notFound('人员', id)
    const reporting = sql.row<NonNullable<Output<'persons.get'>['reporting']>>(
      `select r.id, v.name as village, r.reported_at as reportedAt, g.name as "group", g.inspector as leader,
          (select group_concat(vp.name, '、') from post_claims c join volunteer_posts vp on vp.id = c.post_id where c.reporting_member_id = r.id) as posts,
          (select coalesce(sum(hours), 0) from service_records s where s.reporting_member_id = r.id) as serviceHours
         from reporting_members r join units v on v.id = r.village_unit_id left join grids g on g.id = r.group_grid_id where r.person_id = ?`,
      id
    )
    const reserve = sql.row<NonNullable<Output<'persons.get'>['reserve']>>(
      'select s.id, s.unit, s.specialty, v.name as village from reserve_contacts s join units v on v.id = s.village_unit_id where s.person_id = ?',
      id
    )
    const { lon, lat, ...rest } = row
    return {
      ...rest,
      isPartyMember: row.isPartyMember === 1,
      homeLonLat: lon !== null && lat !== null ? ([lon, lat] as [number, number]) : null,
      reporting: reporting ?? null,
      reserve: reserve ?? null
    }
  }

  const get = (id: number): Output<'persons.get'> => ({ ...maskRow(load(id)), masked: true })

  /** The full ID number and phone of one person; the reason and the reader are logged first. */
  function unmask(id: number, reason: string, actor: string) {
    if (reason.trim().length < 2) throw new AppError('BAD_INPUT', '请填写查看完整信息的事由（至少 2 个字）')
    const person = load(id)
    sql.insert(unmaskLog, { at: clock.now().toISOString(), actor, personId: id, reason: reason.trim() })
    return { ...person, masked: false } satisfies Output<'persons.unmask'>
  }

  /** Correct a person's record (phone, ID number, address, unit …): checked like an import row, recorded, undoable. */
  function update(
    input: {
      id: number
      version: number
      patch: Partial<Record<'phone' | 'idNumber' | 'homeAddress' | 'workUnit' | 'specialties' | 'partyBranch' | 'hukou' | 'note', string | null>>
    },
    actor: string
  ) {
    return sql.transaction(() => {
      const before = sql.find(persons, input.id)
      if (!before) throw notFound('人员', input.id)
      if (before.version !== input.version) throw new AppError('CONFLICT', `${before.name}的信息已被他人修改，请刷新后重试。你的修改未保存。`)
      const patch: Partial<typeof persons.$inferInsert> = {}
      const p = input.patch
      if (p.phone !== undefined) {
        if (p.phone === null || p.phone === '') Object.assign(patch, { phone: null, phoneTail: null })
        else {
          const c = checkPhone(p.phone)
          if (!c.ok) throw new AppError('BAD_INPUT', c.problem)
          Object.assign(patch, { phone: c.phone, phoneTail: c.phone.slice(-4) })
        }
      }
      if (p.idNumber !== undefined && p.idNumber !== null) {
        const c = checkIdNumber(p.idNumber, clock.now())
        if (!c.ok) throw new AppError('BAD_INPUT', c.problem)
        const other = sql.row<{ name: string }>('select name from persons where id_number = ? and id != ?', c.idNumber, input.id)
        if (other) throw new AppError('CONFLICT', `身份证号已登记给${other.name}，不能重复`)
        Object.assign(patch, { idNumber: c.idNumber, idTail: c.idNumber.slice(-4), gender: c.gender })
      }
      if (p.hukou !== undefined && p.hukou !== null) {
        if (!(hukouKinds as readonly string[]).includes(p.hukou)) throw new AppError('BAD_INPUT', `户籍类型“${p.hukou}”应为 ${hukouKinds.join('、')} 之一`)
        patch.hukou = p.hukou as '本镇户籍'
      }
      // The address as the masked record showed it, sent back with the form, means "unchanged"; a
      // masked address typed anew would overwrite the real one with stars, so it is refused.
      if (p.homeAddress && before.homeAddress && p.homeAddress.trim() === maskAddress(before.homeAddress)) delete p.homeAddress
      else if (p.homeAddress?.includes('****'))
        throw new AppError('BAD_INPUT', '住址不能含有“****”（脱敏显示的部分）：请填写完整住址，不改则留空', { field: 'patch.homeAddress' })
      for (const k of ['homeAddress', 'workUnit', 'specialties', 'partyBranch', 'note'] as const) if (p[k] !== undefined) patch[k] = p[k]?.trim() || null
      if (Object.keys(patch).length === 0) throw new AppError('BAD_INPUT', '没有要修改的内容')
      const recorder = beginBatch(db, clock, { kind: 'people-edit', actor, description: `修改人员信息：${before.name}` })
      const after = sql.update(persons, input.id, { ...patch, version: before.version + 1 })!
      // Personal data never goes into the change summary in clear.
      const fields = Object.keys(patch)
        .filter((k) => !k.endsWith('Tail'))
        .map((k) => fieldLabel[k] ?? k)
      recorder.updated('person', before, after, `修改：${fields.join('、')}`)
      return { version: after.version, batchId: recorder.batchId }
    })
  }

  return { get, unmask, update }
}
