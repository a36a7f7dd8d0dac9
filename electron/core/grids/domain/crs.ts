// Coordinate systems of Chinese map data. We store WGS-84 (CGCS2000 is the same at map scale);
// AMap/Tencent use GCJ-02 and Baidu BD-09, offset by roughly 600 m at Shishan.
import gcoord from 'gcoord'
import { mapCoords, type MultiPolygonCoords, type Pt } from '../../kernel/geometry'

export type Crs = 'WGS84' | 'GCJ02' | 'BD09'
export const crsLabel: Record<Crs, string> = { WGS84: 'WGS-84 / CGCS2000', GCJ02: 'GCJ-02（高德、腾讯）', BD09: 'BD-09（百度）' }
const system = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const

export function convertPoint(p: Pt, from: Crs, to: Crs): Pt {
  if (from === to) return p
  const [x, y] = gcoord.transform([p[0], p[1]], system[from], system[to]) as [number, number]
  return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7]
}

export function convertShape(mp: MultiPolygonCoords, from: Crs, to: Crs): MultiPolygonCoords {
  return from === to ? mp : mapCoords(mp, (p) => convertPoint(p, from, to))
}
