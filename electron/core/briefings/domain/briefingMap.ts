// The map snapshot printed in a briefing: the scope's grids as an SVG choropleth (problems collected
// per area), drawn from the stored boundaries — crisp on paper, identical on every reprint, offline.
export type MapArea = { name: string; polygons: number[][][][]; value: number; label?: [number, number] | null }

const palette = ['#fdecea', '#f8c4bd', '#ef8f83', '#d9534f', '#a8281f']
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Class breaks: up to five classes of equal count over the values present. */
export function classBreaks(values: number[]): number[] {
  const xs = [...new Set(values)].sort((a, b) => a - b)
  if (xs.length <= 5) return xs
  return [1, 2, 3, 4, 5].map((k) => xs[Math.min(xs.length - 1, Math.ceil((k * xs.length) / 5) - 1)])
}

export function briefingMapSvg(areas: MapArea[], opts: { width: number; height: number; unit: string; labels: boolean }): string | null {
  const pts = areas.flatMap((a) => a.polygons.flat(2))
  if (pts.length === 0) return null
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of pts as unknown as [number, number][]) {
    minX = Math.min(minX, x)
    maxX = Math.max(maxX, x)
    minY = Math.min(minY, y)
    maxY = Math.max(maxY, y)
  }
  const legendW = 150
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180)
  const scale = Math.min((opts.width - legendW - 20) / ((maxX - minX) * k || 1), (opts.height - 20) / (maxY - minY || 1))
  const px = (x: number) => 10 + (x - minX) * k * scale
  const py = (y: number) => 10 + (maxY - y) * scale
  const breaks = classBreaks(areas.map((a) => a.value))
  const colour = (v: number) =>
    palette[
      Math.max(
        0,
        breaks.findIndex((b) => v <= b)
      )
    ]
  const path = (poly: number[][][]) => poly.map((ring) => `M${ring.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join('L')}Z`).join('')
  const shapes = areas
    .map(
      (a) =>
        `<path d="${a.polygons.map(path).join('')}" fill="${colour(a.value)}" stroke="#666" stroke-width="0.5"><title>${esc(a.name)}：${a.value}</title></path>`
    )
    .join('')
  const labels = opts.labels
    ? areas
        .filter((a) => a.label)
        .map(
          (a) =>
            `<text x="${px(a.label![0]).toFixed(1)}" y="${py(a.label![1]).toFixed(1)}" font-size="9" text-anchor="middle" fill="#222">${esc(a.name)}</text>`
        )
        .join('')
    : ''
  const lx = opts.width - legendW + 10
  const legend = breaks
    .map((b, n) => {
      const lo = n === 0 ? Math.min(...areas.map((a) => a.value)) : breaks[n - 1] + 1
      return `<rect x="${lx}" y="${20 + n * 22}" width="18" height="14" fill="${palette[n]}" stroke="#666" stroke-width="0.5"/><text x="${lx + 26}" y="${32 + n * 22}" font-size="12">${lo === b ? b : `${lo}–${b}`} ${esc(opts.unit)}</text>`
    })
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${opts.width} ${opts.height}" width="${opts.width}" height="${opts.height}" font-family="sans-serif">${shapes}${labels}${legend}</svg>`
}
