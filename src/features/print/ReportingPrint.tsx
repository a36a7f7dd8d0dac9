// The two printouts of 一报到两认领双管理: the report receipt (《党员到村（社区）报到回执》) given to the
// member, and the record of service the village sends to the member's work unit. A4, official
// margins; personal data masked. Print… uses the system dialog (Electron) or the browser's.
import { usePrintout } from '../../api/people'
import { PrintPage, paperDate as date } from './PrintPage'

export function ReportingPrint({ doc, reportingMemberId }: { doc: 'receipt' | 'service'; reportingMemberId: number }) {
  const data = usePrintout(reportingMemberId)
  const p = data.data
  return (
    <PrintPage
      loading={data.isLoading}
      error={data.error}
      printing={{ what: doc === 'receipt' ? '报到回执' : '服务情况记录', target: `reportingMemberId=${reportingMemberId}` }}
    >
      {p && doc === 'receipt' && (
        <article className="print-doc" data-testid="print-doc">
          <h1>党员到村（社区）报到回执</h1>
          <p className="print-lead">
            {p.workUnit ?? ''}
            {p.partyBranch ? ` ${p.partyBranch}` : ''}：
          </p>
          <p className="print-body">
            贵单位在职党员<strong>{p.name}</strong>同志已于{date(p.reportedAt)}到狮山镇<strong>{p.village}</strong>
            报到，按照“一报到两认领双管理”要求，认领岗位：{p.posts.length ? p.posts.join('、') : '（待认领）'}；认领服务：{p.servicesClaimed ?? '（待认领）'}
            ；编入党小组：{p.group ? `${p.group}（组长 ${p.leader ?? '—'}）` : '（待编组）'}。
          </p>
          <table className="print-table">
            <tbody>
              <tr>
                <th>姓名</th>
                <td>{p.name}</td>
                <th>性别</th>
                <td>{p.gender ?? ''}</td>
              </tr>
              <tr>
                <th>身份证号</th>
                <td>{p.idNumber ?? ''}</td>
                <th>联系电话</th>
                <td>{p.phone ?? ''}</td>
              </tr>
              <tr>
                <th>工作单位</th>
                <td colSpan={3}>{p.workUnit ?? ''}</td>
              </tr>
              <tr>
                <th>专长</th>
                <td>{p.specialties ?? ''}</td>
                <th>志愿服务意向</th>
                <td>{p.volunteerWishes ?? ''}</td>
              </tr>
              <tr>
                <th>党建项目意向</th>
                <td colSpan={3}>{p.projectWishes ?? ''}</td>
              </tr>
            </tbody>
          </table>
          <p className="print-sign">
            {p.village}党组织（盖章）
            <br />
            {date(p.printedAt)}
          </p>
        </article>
      )}
      {p && doc === 'service' && (
        <article className="print-doc" data-testid="print-doc">
          <h1>在职党员到村（社区）服务情况记录</h1>
          <p className="print-lead">{p.workUnit ?? ''}：</p>
          <p className="print-body">
            贵单位在职党员<strong>{p.name}</strong>同志于{date(p.reportedAt)}到{p.village}报到{p.group ? `，编入${p.group}` : ''}。截至{date(p.printedAt)}
            ，共参加服务 {p.services.length} 次，累计 {p.totalHours} 小时，走访群众 {p.totalHouseholds} 户。具体如下：
          </p>
          <table className="print-table print-list">
            <thead>
              <tr>
                <th>序号</th>
                <th>日期</th>
                <th>服务内容</th>
                <th>时长（小时）</th>
                <th>走访户数</th>
              </tr>
            </thead>
            <tbody>
              {p.services.map((s, i) => (
                <tr key={s.id}>
                  <td>{i + 1}</td>
                  <td>{s.date}</td>
                  <td>{s.activity}</td>
                  <td>{s.hours}</td>
                  <td>{s.householdsVisited}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="print-sign">
            {p.village}党组织（盖章）
            <br />
            {date(p.printedAt)}
          </p>
        </article>
      )}
    </PrintPage>
  )
}
