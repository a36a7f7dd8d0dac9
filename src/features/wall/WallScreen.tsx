// 指挥大屏 (#/wall): the town at a glance for a wall of screens, refreshed by itself within a second
// of any change. Designed at 1920×1080; every size is in rem and the root font follows the height
// (wall.css), so 3840×2160 is the same picture twice as sharp and a 5760×1080 wall widens the map.
import { useEffect, useMemo, useState } from 'react'
import { levelName } from '../../../electron/core/issues/words'
import { useWallMeasure, useWallPoints, useWallSummary } from '../../api/wall'
import { WallChart } from './WallChart'
import { WallMap } from './WallMap'
import { RollingList } from './RollingList'
import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/700.css'
import './wall.css'
import { formatTime } from '../../components/chinaDay'
import { percentText } from '../../../electron/shared/percent'

type Measure = 'open' | 'overdue' | 'visits' | 'reporting'
const measures: { key: Measure; label: string; unit: string }[] = [
  { key: 'open', label: '未办结事件', unit: '件' },
  { key: 'overdue', label: '超期事件', unit: '件' },
  { key: 'visits', label: '近30天走访覆盖', unit: '%' },
  { key: 'reporting', label: '报到党员', unit: '名' }
]
const text = { color: '#cfe3ff', fontSize: 24 }
const n = (v: number) => v.toLocaleString('zh-CN')

/**
 * The window's height over the 1080 px the wall was designed for. The root font follows it (16 px at
 * 1080), set here rather than with a vh unit: Chromium does not re-resolve rem in grid tracks when a
 * vh-based root size changes on resize. The charts size their text by it too.
 */
function useScale() {
  const [scale, setScale] = useState(() => window.innerHeight / 1080)
  useEffect(() => {
    const root = document.documentElement
    const apply = () => {
      root.style.fontSize = `${(window.innerHeight / 1080) * 16}px`
      setScale(window.innerHeight / 1080)
    }
    apply()
    window.addEventListener('resize', apply)
    return () => {
      window.removeEventListener('resize', apply)
      root.style.fontSize = ''
    }
  }, [])
  return scale
}

/** The time, ticking on its own: only this re-renders every second, not the whole wall. */
function WallClock() {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000)
    return () => clearInterval(t)
  }, [])
  return (
    <div className="wall-clock">
      {now.toLocaleString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        hour12: false,
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit'
      })}
    </div>
  )
}

export function WallScreen() {
  const initial = (new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('measure') as Measure) || 'open'
  const [measure, setMeasure] = useState<Measure>(measures.some((m) => m.key === initial) ? initial : 'open')
  useEffect(() => {
    document.documentElement.classList.add('wall-mode')
    return () => document.documentElement.classList.remove('wall-mode')
  }, [])
  // Rotate the map's measure every minute, so the wall tells all four without anyone touching it.
  useEffect(() => {
    const t = setInterval(() => setMeasure((m) => measures[(measures.findIndex((x) => x.key === m) + 1) % measures.length].key), 60_000)
    return () => clearInterval(t)
  }, [])
  const summary = useWallSummary().data
  const measured = useWallMeasure(measure).data
  const points = useWallPoints().data
  const scale = useScale()
  const charts = useMemo(() => {
    if (!summary) return null
    const s = (px: number) => Math.round(px * scale)
    const axis = {
      axisLabel: { color: text.color, fontSize: s(24) },
      axisLine: { lineStyle: { color: '#3a5a80' } },
      splitLine: { lineStyle: { color: '#1b3a60' } }
    }
    return {
      trend: {
        animation: false,
        grid: { left: s(70), right: s(16), top: s(44), bottom: s(40) },
        legend: { top: 0, right: 0, textStyle: { color: text.color, fontSize: s(24) }, itemWidth: s(24), itemHeight: s(14) },
        xAxis: { type: 'category', data: summary.trend.map((t) => `${Number(t.month.slice(5))}月`), ...axis, axisLabel: { ...axis.axisLabel, interval: 2 } },
        yAxis: { type: 'value', ...axis, splitNumber: 3 },
        series: [
          {
            name: '收集',
            type: 'line',
            data: summary.trend.map((t) => t.collected),
            lineStyle: { width: s(3), color: '#69c0ff' },
            itemStyle: { color: '#69c0ff' },
            symbolSize: s(6)
          },
          {
            name: '解决',
            type: 'line',
            data: summary.trend.map((t) => t.resolved),
            lineStyle: { width: s(3), color: '#95de64' },
            itemStyle: { color: '#95de64' },
            symbolSize: s(6)
          }
        ]
      },
      categories: {
        animation: false,
        grid: { left: s(150), right: s(60), top: s(6), bottom: s(6) },
        xAxis: { type: 'value', show: false },
        yAxis: {
          type: 'category',
          inverse: true,
          data: summary.categories.slice(0, 4).map((c) => c.category),
          ...axis,
          axisLabel: { ...axis.axisLabel, width: s(140), overflow: 'truncate', interval: 0 }
        },
        series: [
          {
            type: 'bar',
            data: summary.categories.slice(0, 4).map((c) => c.collected),
            barWidth: '55%',
            itemStyle: { color: '#2f7fc1' },
            label: { show: true, position: 'right', color: text.color, fontSize: s(24) }
          }
        ]
      },
      flow: {
        animation: false,
        series: [
          {
            type: 'sankey',
            left: s(8),
            right: s(110),
            top: s(8),
            bottom: s(8),
            nodeWidth: s(16),
            nodeGap: s(12),
            layoutIterations: 0,
            label: { color: text.color, fontSize: s(24) },
            lineStyle: { color: 'source', opacity: 0.35 },
            data: [
              ...[1, 2, 3, 4].map((l) => ({ name: levelName[l as 1], itemStyle: { color: ['#69c0ff', '#36cfc9', '#ffd666', '#ff9c6e'][l - 1] } })),
              { name: '办结', itemStyle: { color: '#95de64' } }
            ],
            links: summary.flow.flatMap((f) => [
              ...(f.level < 4 && f.escalatedThisYear > 0
                ? [{ source: levelName[f.level as 1], target: levelName[(f.level + 1) as 1], value: f.escalatedThisYear }]
                : []),
              ...(f.resolvedThisYear > 0 ? [{ source: levelName[f.level as 1], target: '办结', value: f.resolvedThisYear }] : [])
            ])
          }
        ]
      }
    }
  }, [summary, scale])

  const t = summary?.tiles
  const tiles: [string, string, string?][] = t
    ? [
        ['一级网格', n(t.tier1)],
        ['二级网格', n(t.tier2)],
        ['三级网格', n(t.tier3)],
        ['注册党员', n(t.partyMembers)],
        ['报到党员', n(t.reportingMembers)],
        ['储能联系', n(t.reserveContacts)],
        ['驻点团队', n(t.residentTeams)],
        ['今日事件', n(t.issuesToday), 'today'],
        ['未办结', n(t.openIssues), 'open'],
        ['超期', n(t.overdueIssues), t.overdueIssues ? 'alert' : undefined],
        ['本年收集', n(t.collectedThisYear)],
        ['解决率', percentText(t.resolutionRate)]
      ]
    : []
  const m = measures.find((x) => x.key === measure)!
  return (
    <div className="wall" data-testid="wall">
      <header className="wall-header">
        <div className="wall-title">狮山镇网格化指挥中心</div>
        <nav className="wall-measures">
          {measures.map((x) => (
            <button key={x.key} className={x.key === measure ? 'on' : ''} onClick={() => setMeasure(x.key)}>
              {x.label}
            </button>
          ))}
        </nav>
        <WallClock />
      </header>
      <section className="wall-left" data-testid="wall-tiles">
        {tiles.map(([label, value, tone]) => (
          <div key={label} className={`wall-tile ${tone ?? ''}`} data-tile={label}>
            <div className="wall-figure">{value}</div>
            <div className="wall-label">{label}</div>
          </div>
        ))}
        {summary && (
          <div className="wall-tile wide" data-tile="出租屋隐患整治" data-testid="wall-campaign" title={summary.campaign.name}>
            <div className="wall-figure">{percentText(summary.campaign.rate)}</div>
            <div className="wall-label">
              出租屋隐患整改率 · <span className={summary.campaign.overdue ? 'wall-alert' : ''}>逾期 {n(summary.campaign.overdue)}</span>
            </div>
          </div>
        )}
        {summary && (
          <div className="wall-tile wide" data-tile="设岗定责" data-testid="wall-posts">
            <div className="wall-figure">{n(summary.posts.members)}</div>
            <div className="wall-label">
              领岗党员 · 岗位 {n(summary.posts.posts)} ·{' '}
              <span className={summary.posts.unclaimed ? 'wall-alert' : ''}>无人认领 {n(summary.posts.unclaimed)}</span>
            </div>
          </div>
        )}
      </section>
      <section className="wall-centre">
        <WallMap values={measured?.values ?? []} max={measured?.max ?? 0} points={points ?? []} />
        <div className="wall-legend">
          <span className="wall-label">三级网格：{m.label}</span>
          <span className="wall-ramp" />
          <span className="wall-label">
            0 – {measured ? n(measured.max) : '…'} {m.unit}
          </span>
          <span className="wall-label dot overdue">超期</span>
          <span className="wall-label dot new">今日新增</span>
        </div>
      </section>
      <section className="wall-right">
        <div className="wall-panel">
          <div className="wall-panel-title">近12个月收集与解决</div>
          {charts && <WallChart option={charts.trend} testId="wall-trend" />}
        </div>
        <div className="wall-panel">
          <div className="wall-panel-title">本年问题类别（前 4 类）</div>
          {charts && <WallChart option={charts.categories} testId="wall-categories" />}
        </div>
        <div className="wall-panel">
          <div className="wall-panel-title">四级联动流转（本年）</div>
          {charts && <WallChart option={charts.flow} testId="wall-flow" />}
        </div>
        {summary && (
          <div className="wall-panel wall-heads" data-testid="wall-heads">
            <div className="wall-panel-title">三长制（本年）</div>
            <div className="wall-stats">
              {(
                [
                  ['在任三长', summary.heads.heads],
                  ['解决问题', summary.heads.problems],
                  ['调解纠纷', summary.heads.disputes],
                  ['无三长网格', summary.heads.withoutHead, summary.heads.withoutHead ? 'wall-alert' : '']
                ] as const
              ).map(([label, value, tone]) => (
                <div key={label} data-stat={label}>
                  <div className={`wall-stat-figure ${tone ?? ''}`}>{n(value)}</div>
                  <div className="wall-stat-label">{label}</div>
                </div>
              ))}
            </div>
          </div>
        )}
      </section>
      <footer className="wall-bottom">
        <RollingList
          title="最新事件"
          testId="wall-newest"
          rows={(summary?.newest ?? []).map((i) => ({ id: i.id, cells: [i.code.slice(-6), i.title, i.village, formatTime(i.createdAt).slice(11)] }))}
        />
        <RollingList
          title="超期事件"
          testId="wall-overdue"
          alert
          rows={(summary?.overdue ?? []).map((i) => ({
            id: i.id,
            cells: [i.code.slice(-6), i.title, i.holder, `超${Math.max(1, Math.ceil((Date.parse(summary!.at) - Date.parse(i.dueAt!)) / 86_400_000))}天`]
          }))}
        />
      </footer>
    </div>
  )
}
