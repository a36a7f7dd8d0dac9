// A list that shows three rows at a time and rolls on every few seconds, so eight fit on a wall.
import { useEffect, useState } from 'react'

const visible = 3

export function RollingList({ title, rows, testId, alert }: { title: string; rows: { id: number; cells: string[] }[]; testId: string; alert?: boolean }) {
  const [start, setStart] = useState(0)
  useEffect(() => {
    const t = setInterval(() => setStart((s) => s + 1), 5000)
    return () => clearInterval(t)
  }, [])
  // Something new arrived: show it at once, from the top.
  const first = rows[0]?.id
  useEffect(() => setStart(0), [first])
  const shown = rows.length <= visible ? rows : Array.from({ length: visible }, (_, k) => rows[(start + k) % rows.length])
  return (
    <div className={`wall-list ${alert ? 'alert' : ''}`} data-testid={testId}>
      <div className="wall-panel-title">{title}</div>
      {shown.length === 0 && <div className="wall-row wall-label">无</div>}
      {shown.map((r) => (
        <div key={r.id} className="wall-row" data-issue={r.id}>
          {r.cells.map((c, k) => (
            <span key={k} className={`wall-cell c${k}`}>
              {c}
            </span>
          ))}
        </div>
      ))}
    </div>
  )
}
