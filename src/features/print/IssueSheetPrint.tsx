// 事件流转单: one issue on A4 — what, where, who reported it, who holds it and until when, and the
// whole hand-off log (who handed what to whom, when, why), with the site photos.
import { useIssue, useIssuePhoto } from '../../api/issues'
import { statusName } from '../issues/labels'
import { PrintPage, paperDate, paperTime } from './PrintPage'
import { formatTime } from '../../components/chinaDay'

function PrintedPhoto({ id, name }: { id: number; name: string }) {
  const url = useIssuePhoto(id)
  return url.data ? <img src={url.data} alt={name} className="print-photo" /> : null
}

export function IssueSheetPrint({ issueId }: { issueId: number }) {
  const data = useIssue(issueId, null)
  const i = data.data
  return (
    <PrintPage loading={data.isLoading} error={data.error} printing={{ what: '事件流转单', target: `issue=${issueId}` }}>
      {i && (
        <article className="print-doc" data-testid="print-doc">
          <h1>狮山镇网格化管理事件流转单</h1>
          <p className="print-meta">
            <span>编号：{i.code}</span>
            <span>登记时间：{paperTime(i.createdAt)}</span>
          </p>
          <table className="print-table">
            <tbody>
              <tr>
                <th>事件标题</th>
                <td colSpan={3}>{i.title}</td>
              </tr>
              <tr>
                <th>类别</th>
                <td>{i.category}</td>
                <th>紧急程度</th>
                <td>{i.urgency}</td>
              </tr>
              <tr>
                <th>来源</th>
                <td>{i.source}</td>
                <th>反映人</th>
                <td>{i.reporterName ?? '匿名'}</td>
              </tr>
              <tr>
                <th>发生地点</th>
                <td colSpan={3}>{[i.village, i.grids.tier2, i.grids.tier3, i.address].filter(Boolean).join(' · ')}</td>
              </tr>
              <tr>
                <th>事件描述</th>
                <td colSpan={3} className="print-text">
                  {i.description}
                </td>
              </tr>
              <tr>
                <th>当前状态</th>
                <td>
                  {statusName[i.status]}
                  {i.mergedInto ? `（已合并到 ${i.mergedInto.code}）` : ''}
                </td>
                <th>承办单位</th>
                <td>{i.holder}</td>
              </tr>
              <tr>
                <th>办理期限</th>
                <td>{i.dueAt && ['reported', 'accepted', 'resolved'].includes(i.status) ? paperTime(i.dueAt) : '—'}</td>
                <th>督办</th>
                <td>{i.supervised ? `${i.supervised} 次` : '无'}</td>
              </tr>
              {i.closedAt && (
                <tr>
                  <th>办结时间</th>
                  <td colSpan={3}>{paperTime(i.closedAt)}</td>
                </tr>
              )}
            </tbody>
          </table>
          <h2 className="print-h2">流转记录</h2>
          <table className="print-table print-list print-log">
            <colgroup>
              <col style={{ width: '5%' }} />
              <col style={{ width: '15%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '15%' }} />
              <col style={{ width: '15%' }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>序号</th>
                <th>时间</th>
                <th>环节</th>
                <th>经办单位</th>
                <th>交至</th>
                <th>意见、理由或结果</th>
              </tr>
            </thead>
            <tbody>
              {i.events.map((e, n) => (
                <tr key={e.id}>
                  <td>{n + 1}</td>
                  <td className="print-nowrap">
                    {formatTime(e.at).slice(0, 10)}
                    <br />
                    {formatTime(e.at).slice(11)}
                  </td>
                  <td>{e.actionName}</td>
                  <td>{e.fromUnit ?? ''}</td>
                  <td>{e.toUnit ?? ''}</td>
                  <td className="print-text">
                    {e.note ?? ''}
                    {e.dueAt && ['create', 'dispatch', 'accept', 'supervise', 'decideExtension'].includes(e.action) ? `（时限至 ${paperTime(e.dueAt)}）` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {i.photos.length > 0 && (
            <>
              <h2 className="print-h2">现场照片（{i.photos.length} 张）</h2>
              <div className="print-photos">
                {i.photos.map((p) => (
                  <PrintedPhoto key={p.id} id={p.id} name={p.fileName} />
                ))}
              </div>
            </>
          )}
          <p className="print-sign">
            狮山镇网格化指挥中心
            <br />
            打印于{paperDate(new Date().toISOString())}
          </p>
        </article>
      )}
    </PrintPage>
  )
}
