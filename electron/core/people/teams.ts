// Resident teams' membership and households' contact members: the two things the rule check most
// often asks an officer to fix (a team short of non-Foshan members, a household without a contact).
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { households } from '../db/schema'
import { AppError, notFound } from '../errors'
import { maskPhone } from '../kernel/personalData'
import { beginBatch } from '../changes/changes'
import { sqlOn } from '../db/sql'

export function createTeamService(db: Db, clock: Clock) {
  const sql = sqlOn(db)

  function members(teamId: number) {
    if (!sql.row('select 1 from resident_teams where id = ?', teamId)) throw notFound('驻点团队', teamId)
    return sql
      .rows<{ id: number; role: '队长' | '队员'; personId: number; name: string; hukou: string; phone: string | null; workUnit: string | null }>(
        'select m.id, m.role, p.id as personId, p.name, p.hukou, p.phone, p.work_unit as workUnit from team_members m join persons p on p.id = m.person_id where m.team_id = ? order by m.role desc, m.id',
        teamId
      )
      .map((m) => ({ ...m, phone: m.phone ? maskPhone(m.phone) : null }))
  }

  function addMember(input: { teamId: number; personId: number; role: '队长' | '队员' }) {
    return sql.transaction(() => {
      const team = sql.row<{ id: number; name: string }>('select id, name from resident_teams where id = ?', input.teamId)
      if (!team) throw notFound('驻点团队', input.teamId)
      const person = sql.row<{ name: string }>('select name from persons where id = ?', input.personId)
      if (!person) throw notFound('人员', input.personId)
      if (sql.row('select 1 from team_members where team_id = ? and person_id = ?', team.id, input.personId))
        throw new AppError('CONFLICT', `${person.name}已是${team.name}成员`)
      // One leader per team: naming a new one makes the old one a member.
      if (input.role === '队长') sql.run("update team_members set role = '队员' where team_id = ? and role = '队长'", team.id)
      const id = sql.run('insert into team_members (team_id, person_id, role) values (?, ?, ?)', team.id, input.personId, input.role).lastInsertRowid as number
      return { id }
    })
  }

  function removeMember(memberId: number) {
    const r = sql.run('delete from team_members where id = ?', memberId)
    if (r.changes === 0) throw new AppError('CONFLICT', '该成员已不在团队中，请刷新')
    return { removed: r.changes }
  }

  /** Give a household its contact member: a party member living in the same village. */
  function setContact(input: { householdId: number; version: number; contactPersonId: number | null }, actor: string) {
    return sql.transaction(() => {
      const before = sql.find(households, input.householdId)
      if (!before) throw notFound('户', input.householdId)
      if (before.version !== input.version) throw new AppError('CONFLICT', `“${before.name}”已被他人修改，请刷新后重试。`)
      let name = '无'
      if (input.contactPersonId !== null) {
        const p = sql.row<{ name: string; party: number; v: number | null }>(
          'select name, is_party_member as party, village_unit_id as v from persons where id = ?',
          input.contactPersonId
        )
        if (!p) throw notFound('人员', input.contactPersonId)
        if (!p.party) throw new AppError('BAD_INPUT', `${p.name}不是党员，不能担任联系党员`)
        if (p.v !== before.villageUnitId) throw new AppError('BAD_INPUT', `${p.name}不住在该户所在村居，请选择本村居的党员`)
        name = p.name
      }
      const recorder = beginBatch(db, clock, { kind: 'people-edit', actor, description: `“${before.name}”的联系党员改为${name}` })
      const after = sql.update(households, before.id, { contactPersonId: input.contactPersonId, version: before.version + 1 })!
      recorder.updated('household', before, after, `联系党员 → ${name}`)
      return { version: after.version, batchId: recorder.batchId }
    })
  }

  return { members, addMember, removeMember, setContact }
}
