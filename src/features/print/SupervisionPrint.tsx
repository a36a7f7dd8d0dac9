// 督办单: the notice a superior unit (usually the command centre) sends to the unit holding an
// issue — numbered per year, the deadline missed, the instruction and the new deadline, a receipt.
import { useSupervisionNotice } from '../../api/issues'
import { PrintPage, paperDate, paperTime } from './PrintPage'

export function SupervisionPrint({ eventId }: { eventId: number }) {
  const data = useSupervisionNotice(eventId)
  const s = data.data
  return (
    <PrintPage loading={data.isLoading} error={data.error} printing={{ what: '督办单', target: `eventId=${eventId}` }}>
      {s && (
        <article className="print-doc" data-testid="print-doc">
          <h1>督 办 通 知 单</h1>
          <p className="print-number">{s.number}</p>
          <p className="print-lead">{s.holder}：</p>
          <p className="print-body">
            你单位承办的{s.issue.category}事件“{s.issue.title}”（编号 {s.issue.code}，{paperDate(s.issue.createdAt)}登记）
            {s.previousDueAt ? `，原办理期限为${paperTime(s.previousDueAt)}` : ''}
            {s.overdueDays > 0 ? `，至督办时已超期 ${s.overdueDays} 天` : ''}。现予第 {s.nth} 次督办：{s.note}
            {/[。！？.!?]$/.test(s.note) ? '' : '。'}
          </p>
          <p className="print-body">
            请{s.dueAt ? `于${paperTime(s.dueAt)}前` : '抓紧'}办结，并将办理结果及时反馈{s.supervisor}。逾期未办结的，将按规定约谈问责。
          </p>
          <table className="print-table">
            <tbody>
              <tr>
                <th>事件编号</th>
                <td>{s.issue.code}</td>
                <th>紧急程度</th>
                <td>{s.issue.urgency}</td>
              </tr>
              <tr>
                <th>事件地点</th>
                <td colSpan={3}>{[s.issue.village, s.issue.tier3, s.issue.address].filter(Boolean).join(' · ')}</td>
              </tr>
              <tr>
                <th>事件描述</th>
                <td colSpan={3} className="print-text">
                  {s.issue.description}
                </td>
              </tr>
              <tr>
                <th>督办意见</th>
                <td colSpan={3} className="print-text">
                  {s.note}
                </td>
              </tr>
              <tr>
                <th>办结期限</th>
                <td colSpan={3}>{s.dueAt ? paperTime(s.dueAt) : '按原期限'}</td>
              </tr>
            </tbody>
          </table>
          <p className="print-sign">
            {s.supervisor}（盖章）
            <br />
            {paperDate(s.at)}
          </p>
          <table className="print-table print-receipt">
            <tbody>
              <tr>
                <th>签收人</th>
                <td />
                <th>签收时间</th>
                <td />
              </tr>
            </tbody>
          </table>
        </article>
      )}
    </PrintPage>
  )
}
