// A briefing as it is printed: the red masthead (title, 第N期, issuing unit and date), then the
// sections numbered 一、二、… in their chosen order — paragraphs, the charts and map the core drew,
// and tables (headers repeat on every page). Used by the print view and the composer's preview.
// The A4 page's styles come with the document, so the composer's preview is the printed page whether or not a print view was opened first.
import '../../components/printDoc.css'
import type { BriefingDocument } from '../../../electron/shared/briefing'

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const paperDate = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`

export function BriefingDocumentView({ doc }: { doc: BriefingDocument }) {
  return (
    <article className="print-doc briefing-doc" data-testid="print-doc">
      <header className="briefing-masthead">
        <div className="briefing-title">{doc.title}</div>
        <div className="briefing-number">{doc.number === null ? '（草稿）' : `${doc.year}年第${doc.number}期`}</div>
        <div className="briefing-issuer">
          <span>{doc.issuingUnit}</span>
          <span>{paperDate(doc.date)}</span>
        </div>
      </header>
      <h1 className="briefing-subject">
        {doc.scope.name}
        {doc.period.label}
        {doc.kind === '专报' ? '专报' : `网格化管理工作${doc.kind}`}
      </h1>
      {doc.sections.map((s, n) => (
        <section key={s.key} className="briefing-section" data-section={s.key}>
          <h2 className="briefing-heading">
            {numerals[n]}、{s.heading}
          </h2>
          {s.paragraphs.length === 0 && <p className="print-body">无</p>}
          {s.paragraphs.map((p, k) => (
            <p key={k} className="print-body print-text">
              {p}
            </p>
          ))}
          {s.figures.map((f, k) => (
            <figure key={k} className="briefing-figure">
              {/* SVG drawn by the core (ECharts' SVG renderer, the stored boundaries); names in it are escaped there. */}
              <div className="briefing-svg" dangerouslySetInnerHTML={{ __html: f.svg }} />
              <figcaption>{f.caption}</figcaption>
            </figure>
          ))}
          {s.tables.map((t, k) => (
            // The caption is a block kept with the table (break-after: avoid): a <caption> could end a page alone.
            <div key={k} className="briefing-table-block">
              {t.caption && <p className="briefing-table-caption">{t.caption}</p>}
              <table className="print-table print-list briefing-table">
                <thead>
                  <tr>
                    {t.columns.map((c) => (
                      <th key={c}>{c}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((r, i) => (
                    <tr key={i}>
                      {r.map((cell, j) => (
                        <td key={j} style={{ textAlign: t.align?.[j] ?? 'left' }}>
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
    </article>
  )
}
