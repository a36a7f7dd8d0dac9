// What the printed supervision notice (督办单) says: numbered per year across the town, the
// supervising and supervised units, the issue, the deadline it had and the one it has now.
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import { chinaYear, dayStart } from '../../shared/chinaTime'
import { sqlOn } from '../db/sql'

export function createIssuePrintService(db: Db) {
  const sql = sqlOn(db)

  function supervisionNotice(eventId: number) {
    const e = sql.row<{
      id: number
      issueId: number
      at: string
      action: string
      note: string | null
      dueAt: string | null
      actor: string
      supervisor: string | null
      holder: string | null
    }>(
      `select e.id, e.issue_id as issueId, e.at, e.action, e.note, e.due_at as dueAt, e.actor, f.name as supervisor, t.name as holder from issue_events e
         left join units f on f.id = e.from_unit_id left join units t on t.id = e.to_unit_id where e.id = ?`,
      eventId
    )
    if (!e) throw notFound('流转记录', eventId)
    if (e.action !== 'supervise') throw new AppError('BAD_INPUT', '这条流转记录不是督办，不能打印督办单')
    const year = chinaYear(new Date(e.at))
    const { n } = sql.row<{ n: number }>(
      "select count(*) n from issue_events where action = 'supervise' and at >= ? and id <= ?",
      dayStart(`${year}-01-01`),
      e.id
    )!
    const { nth } = sql.row<{
      nth: number
    }>("select count(*) nth from issue_events where action = 'supervise' and issue_id = ? and id <= ?", e.issueId, e.id)!
    const before = sql.row<{ dueAt: string }>(
      'select due_at as dueAt from issue_events where issue_id = ? and id < ? and due_at is not null order by id desc limit 1',
      e.issueId,
      e.id
    )
    const i = sql.row<{
      code: string
      title: string
      description: string
      category: string
      urgency: string
      source: string
      address: string | null
      createdAt: string
      village: string
      tier3: string | null
    }>(
      `select i.code, i.title, i.description, i.category, i.urgency, i.source, i.address, i.created_at as createdAt, v.name as village, g.name as tier3
         from issues i join units v on v.id = i.village_unit_id left join grids g on g.id = i.tier3_grid_id where i.id = ?`,
      e.issueId
    )!
    const overdueDays = before && before.dueAt < e.at ? Math.ceil((Date.parse(e.at) - Date.parse(before.dueAt)) / 86_400_000) : 0
    return {
      number: `狮网督〔${year}〕${n}号`,
      nth,
      at: e.at,
      supervisor: e.supervisor ?? '狮山镇网格化指挥中心',
      holder: e.holder ?? '',
      note: e.note ?? '',
      previousDueAt: before?.dueAt ?? null,
      overdueDays,
      dueAt: e.dueAt,
      issue: { id: e.issueId, ...i }
    }
  }

  return { supervisionNotice }
}
