// Charts for briefings, drawn in the core by ECharts' server-side SVG renderer: the snapshot keeps
// the SVG text, so a reprint draws exactly the same chart.
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

let registered = false

/** Problems collected and resolved per category (bar chart), or null when there are none. */
export function categoryChartSvg(rows: { category: string; collected: number; resolved: number }[]): string | null {
  if (rows.length === 0) return null
  if (!registered) {
    echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer])
    registered = true
  }
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 300 })
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif", fontSize: 12, color: '#222' },
    legend: { top: 0, data: ['收集', '解决'] },
    grid: { left: 40, right: 10, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: rows.map((r) => r.category), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '收集', type: 'bar', data: rows.map((r) => r.collected), itemStyle: { color: '#1d4e89' }, label: { show: true, position: 'top', fontSize: 10 } },
      { name: '解决', type: 'bar', data: rows.map((r) => r.resolved), itemStyle: { color: '#8fb3d9' } }
    ]
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}
