// Resident teams' membership and households' contact members: the two things the rule check most
// often asks an officer to fix (a team short of non-Foshan members, a household without a contact).
import { eq } from 'drizzle-orm'
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { households } from '../db/schema'
import { AppError, notFound } from '../errors'
import { maskPhone } from '../kernel/personalData'
import { beginBatch } from '../changes/changes'

export function createTeamService(db: Db, clock: Clock) {
  const sqlite = db.$client

  function members(teamId: number) {
    if (!sqlite.prepare('select 1 from resident_teams where id = ?').get(teamId)) throw notFound('驻点团队', teamId)
    return (
      sqlite
        .prepare(
          'select m.id, m.role, p.id as personId, p.name, p.hukou, p.phone, p.work_unit as workUnit from team_members m join persons p on p.id = m.person_id where m.team_id = ? order by m.role desc, m.id'
        )
        .all(teamId) as { id: number; role: '队长' | '队员'; personId: number; name: string; hukou: string; phone: string | null; workUnit: string | null }[]
    ).map((m) => ({ ...m, phone: m.phone ? maskPhone(m.phone) : null }))
  }

  function addMember(input: { teamId: number; personId: number; role: '队长' | '队员' }) {
    return sqlite.transaction(() => {
      const team = sqlite.prepare('select id, name from resident_teams where id = ?').get(input.teamId) as { id: number; name: string } | undefined
      if (!team) throw notFound('驻点团队', input.teamId)
      const person = sqlite.prepare('select name from persons where id = ?').get(input.personId) as { name: string } | undefined
      if (!person) throw notFound('人员', input.personId)
      if (sqlite.prepare('select 1 from team_members where team_id = ? and person_id = ?').get(team.id, input.personId))
        throw new AppError('CONFLICT', `${person.name}已是${team.name}成员`)
      // One leader per team: naming a new one makes the old one a member.
      if (input.role === '队长') sqlite.prepare("update team_members set role = '队员' where team_id = ? and role = '队长'").run(team.id)
      const id = sqlite.prepare('insert into team_members (team_id, person_id, role) values (?, ?, ?)').run(team.id, input.personId, input.role)
        .lastInsertRowid as number
      return { id }
    })()
  }

  function removeMember(memberId: number) {
    const r = sqlite.prepare('delete from team_members where id = ?').run(memberId)
    if (r.changes === 0) throw new AppError('CONFLICT', '该成员已不在团队中，请刷新')
    return { removed: r.changes }
  }

  /** Give a household its contact member: a party member living in the same village. */
  function setContact(input: { householdId: number; version: number; contactPersonId: number | null }, actor: string) {
    return db.transaction((tx) => {
      const before = tx.select().from(households).where(eq(households.id, input.householdId)).get()
      if (!before) throw notFound('户', input.householdId)
      if (before.version !== input.version) throw new AppError('CONFLICT', `“${before.name}”已被他人修改，请刷新后重试。`)
      let name = '无'
      if (input.contactPersonId !== null) {
        const p = sqlite.prepare('select name, is_party_member as party, village_unit_id as v from persons where id = ?').get(input.contactPersonId) as
          { name: string; party: number; v: number | null } | undefined
        if (!p) throw notFound('人员', input.contactPersonId)
        if (!p.party) throw new AppError('BAD_INPUT', `${p.name}不是党员，不能担任联系党员`)
        if (p.v !== before.villageUnitId) throw new AppError('BAD_INPUT', `${p.name}不住在该户所在村居，请选择本村居的党员`)
        name = p.name
      }
      const recorder = beginBatch(db, clock, { kind: 'people-edit', actor, description: `“${before.name}”的联系党员改为${name}` })
      const [after] = tx
        .update(households)
        .set({ contactPersonId: input.contactPersonId, version: before.version + 1 })
        .where(eq(households.id, before.id))
        .returning()
        .all()
      recorder.updated('household', before, after, `联系党员 → ${name}`)
      return { version: after.version, batchId: recorder.batchId }
    })
  }

  return { members, addMember, removeMember, setContact }
}
