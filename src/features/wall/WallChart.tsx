// One ECharts chart on the wall (SVG renderer: text stays text, crisp at any size). The chart is made
// once and given new options on each update, so days of updates do not pile up charts or listeners.
import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart, LineChart, SankeyChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { EChartsCoreOption } from 'echarts/core'

echarts.use([BarChart, LineChart, SankeyChart, GridComponent, LegendComponent, SVGRenderer])

export function WallChart({ option, testId }: { option: EChartsCoreOption; testId: string }) {
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  useEffect(() => {
    const c = echarts.init(el.current!, null, { renderer: 'svg' })
    chart.current = c
    const observer = new ResizeObserver(() => c.resize())
    observer.observe(el.current!)
    return () => {
      observer.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption(option)
  }, [option])
  return <div ref={el} className="wall-chart" data-testid={testId} />
}
