// 储能联系: the village sends news and invitations to reserve contacts chosen by specialty and
// village. The app does not send SMS: it records what was sent to whom, gives the recipient list
// for export, and keeps the answers and who took part.
import type { Clock } from '../clock'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { sqlOn } from '../db/sql'
import type { Output } from '../../shared/contract'

export function createReserveNoticeService(db: Db, clock: Clock) {
  const sql = sqlOn(db)

  function recipients(input: { villageUnitId?: number; specialty?: string }) {
    const where = [input.villageUnitId ? 's.village_unit_id = @village' : '1', input.specialty ? 's.specialty = @specialty' : '1'].join(' and ')
    return sql.rows<{ id: number }>(`select s.id from reserve_contacts s where ${where} order by s.id`, {
      village: input.villageUnitId ?? null,
      specialty: input.specialty ?? null
    })
  }

  /** Record a notice to everyone matching the selection (or the listed contacts). */
  function send(input: { villageUnitId?: number; specialty?: string; contactIds?: number[]; subject: string; content: string }, actor: string) {
    return sql.transaction(() => {
      if (input.villageUnitId && !sql.row("select 1 from units where id = ? and kind = 'village'", input.villageUnitId))
        throw notFound('村居', input.villageUnitId)
      const ids = input.contactIds ?? recipients(input).map((r) => r.id)
      if (ids.length === 0) throw new AppError('BAD_INPUT', '没有符合条件的储能联系人，请调整村居或专长')
      const noticeId = sql.run(
        'insert into reserve_notices (village_unit_id, subject, content, specialty, sent_at, sent_by) values (?, ?, ?, ?, ?, ?)',
        input.villageUnitId ?? null,
        input.subject.trim(),
        input.content.trim(),
        input.specialty ?? null,
        clock.now().toISOString(),
        actor
      ).lastInsertRowid as number
      const add = sql.statement('insert into reserve_notice_recipients (notice_id, reserve_contact_id) values (?, ?)')
      for (const id of new Set(ids)) {
        if (!sql.row('select 1 from reserve_contacts where id = ?', id)) throw notFound('储能联系人', id)
        add.run(noticeId, id)
      }
      return { noticeId, recipients: new Set(ids).size }
    })
  }

  function list(villageUnitId?: number) {
    return sql.rows<{
      id: number
      subject: string
      content: string
      specialty: string | null
      sentAt: string
      sentBy: string
      village: string | null
      recipients: number
      willing: number
      declined: number
      participated: number
    }>(
      `select n.id, n.subject, n.content, n.specialty, n.sent_at as sentAt, n.sent_by as sentBy, v.name as village,
           count(r.id) as recipients, sum(r.answer = '愿意参加') as willing, sum(r.answer = '不能参加') as declined, sum(r.participated) as participated
         from reserve_notices n left join units v on v.id = n.village_unit_id left join reserve_notice_recipients r on r.notice_id = n.id
         ${villageUnitId ? 'where n.village_unit_id = ?' : ''} group by n.id order by n.sent_at desc, n.id desc`,
      ...(villageUnitId ? [villageUnitId] : [])
    )
  }

  function answers(noticeId: number): Output<'reserve.answers'> {
    if (!sql.row('select 1 from reserve_notices where id = ?', noticeId)) throw notFound('通知', noticeId)
    return sql
      .rows<Omit<Output<'reserve.answers'>[number], 'participated'> & { participated: number }>(
        `select r.id, p.name, s.unit, s.specialty, v.name as village, r.answer, r.participated, r.note from reserve_notice_recipients r
         join reserve_contacts s on s.id = r.reserve_contact_id join persons p on p.id = s.person_id join units v on v.id = s.village_unit_id where r.notice_id = ? order by r.id`,
        noticeId
      )
      .map((r) => ({ ...r, participated: r.participated === 1 }))
  }

  function answer(input: { recipientId: number; answer: '未回复' | '愿意参加' | '不能参加'; participated: boolean; note?: string }) {
    const r = sql.run(
      'update reserve_notice_recipients set answer = ?, participated = ?, note = ? where id = ?',
      input.answer,
      input.participated ? 1 : 0,
      input.note?.trim() || null,
      input.recipientId
    )
    if (r.changes === 0) throw notFound('通知对象', input.recipientId)
    return { updated: r.changes }
  }

  return { recipients, send, list, answers, answer }
}
