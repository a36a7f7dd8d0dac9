// Split a grid into two along a drawn line. Pure. The line is extended at both ends past the
// shape, closed round a frame on one side, and that side polygon cuts the shape into two.
import { bboxOf, multiPolygonArea, withoutRepeatedPoints, type MultiPolygonCoords, type Pt } from '../../kernel/geometry'
import { clip } from './clip'

export type SplitResult = { parts: [MultiPolygonCoords, MultiPolygonCoords] } | { error: string }

function segmentsCross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0
}

/** Position of a point on the frame's boundary, as a number going round it: 0–1 bottom, 1–2 right, 2–3 top, 3–4 left. */
function perimeterParameter(p: Pt, f: [number, number, number, number]): number {
  const [minX, minY, maxX, maxY] = f
  const eps = (maxX - minX) * 1e-9
  if (Math.abs(p[1] - minY) < eps) return (p[0] - minX) / (maxX - minX)
  if (Math.abs(p[0] - maxX) < eps) return 1 + (p[1] - minY) / (maxY - minY)
  if (Math.abs(p[1] - maxY) < eps) return 2 + (maxX - p[0]) / (maxX - minX)
  return 3 + (maxY - p[1]) / (maxY - minY)
}

/** Extend the ray from `from` through `to` until it meets the frame. */
function toFrame(from: Pt, to: Pt, f: [number, number, number, number]): Pt {
  const [minX, minY, maxX, maxY] = f
  const dx = to[0] - from[0]
  const dy = to[1] - from[1]
  const ts = [dx > 0 ? (maxX - to[0]) / dx : dx < 0 ? (minX - to[0]) / dx : Infinity, dy > 0 ? (maxY - to[1]) / dy : dy < 0 ? (minY - to[1]) / dy : Infinity]
  const t = Math.min(...ts)
  return [to[0] + dx * t, to[1] + dy * t]
}

export function splitByLine(shape: MultiPolygonCoords, rawLine: Pt[]): SplitResult {
  const line = rawLine.filter((p, i) => i === 0 || p[0] !== rawLine[i - 1][0] || p[1] !== rawLine[i - 1][1])
  if (line.length < 2) return { error: '分割线至少需要两个不同的点。' }
  for (let i = 0; i < line.length - 1; i++)
    for (let j = i + 2; j < line.length - 1; j++) if (segmentsCross(line[i], line[i + 1], line[j], line[j + 1])) return { error: '分割线不能自相交。' }
  const [minX, minY, maxX, maxY] = bboxOf([[line], ...shape])
  const pad = Math.max(maxX - minX, maxY - minY) * 2
  const frame: [number, number, number, number] = [minX - pad, minY - pad, maxX + pad, maxY + pad]
  const start = toFrame(line[1], line[0], frame)
  const end = toFrame(line[line.length - 2], line[line.length - 1], frame)
  // Walk the frame from the end back round to the start, through the corners in between.
  const corners: [number, Pt][] = [
    [1, [frame[2], frame[1]]],
    [2, [frame[2], frame[3]]],
    [3, [frame[0], frame[3]]],
    [4, [frame[0], frame[1]]]
  ]
  const tEnd = perimeterParameter(end, frame)
  let tStart = perimeterParameter(start, frame)
  if (tStart <= tEnd) tStart += 4
  const walk = [...corners, ...corners.map(([t, p]) => [t + 4, p] as [number, Pt])].filter(([t]) => t > tEnd && t < tStart).map(([, p]) => p)
  const side: MultiPolygonCoords = [[[start, ...line, end, ...walk, start]]]
  let a: MultiPolygonCoords
  let b: MultiPolygonCoords
  try {
    a = withoutRepeatedPoints(clip('intersection', [shape, side], [1e-7, 1e-6]))
    b = withoutRepeatedPoints(clip('difference', [shape, side], [1e-7, 1e-6]))
  } catch {
    return { error: '无法按这条线分割，请重新画一条简单的分割线。' }
  }
  const total = multiPolygonArea(shape)
  if (multiPolygonArea(a) < total * 1e-4 || multiPolygonArea(b) < total * 1e-4)
    return { error: '分割线没有把网格分成两部分：请从网格外开始，穿过网格，画到网格外结束。' }
  // The larger part first: it keeps the grid's identity.
  return { parts: multiPolygonArea(a) >= multiPolygonArea(b) ? [a, b] : [b, a] }
}
