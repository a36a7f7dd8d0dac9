// Reading ESRI Shapefiles (.shp + .dbf, with .prj and .cpg when present). Written here rather
// than taken from a library so that every offset is bounds-checked: a truncated or mangled file
// gives a clear error, never a crash or a hang.
import proj4 from 'proj4'
import { signedRingArea, pointInRing, type PolygonCoords, type Pt, type Ring } from '../../kernel/geometry'
import { ImportFileError, type RawFeature } from './types'

const POLYGON_TYPES = new Set([5, 15, 25])

function need(view: DataView, offset: number, bytes: number, what: string) {
  if (offset < 0 || offset + bytes > view.byteLength) throw new ImportFileError(`${what}已截断或损坏（在第 ${offset} 字节处数据不足）。`)
}

/** Group shapefile rings into polygons: clockwise rings are outer rings, the others holes. */
function ringsToPolygons(rings: Ring[]): PolygonCoords[] {
  const outers: PolygonCoords[] = []
  const holes: Ring[] = []
  for (const ring of rings) {
    if (signedRingArea(ring) <= 0) outers.push([ring])
    else holes.push(ring)
  }
  for (const hole of holes) {
    const home = outers.find((poly) => pointInRing(hole[0], poly[0]))
    if (home) home.push(hole)
    else outers.push([hole.slice().reverse()]) // a "hole" in nothing is an outer ring wound the other way
  }
  return outers
}

/** Geometries of a .shp file, one per record (null for null shapes). */
type ShpGeometry = { type: string; coordinates?: unknown }

export function readShp(bytes: Uint8Array, name = '.shp 文件'): (ShpGeometry | null)[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  need(view, 0, 100, name)
  if (view.getInt32(0, false) !== 9994) throw new ImportFileError(`${name}不是有效的 Shapefile（文件头错误）。`)
  const shapeType = view.getInt32(32, true)
  if (shapeType !== 0 && !POLYGON_TYPES.has(shapeType)) throw new ImportFileError(`${name}的图形类型是 ${shapeType}（点或线），网格须为面（Polygon）。`)
  const out: ReturnType<typeof readShp> = []
  let offset = 100
  while (offset + 8 <= view.byteLength) {
    const contentBytes = view.getInt32(offset + 4, false) * 2
    const start = offset + 8
    if (contentBytes < 4) throw new ImportFileError(`${name}第 ${out.length + 1} 条记录长度错误。`)
    need(view, start, contentBytes, `${name}第 ${out.length + 1} 条记录`)
    const type = view.getInt32(start, true)
    if (type === 0) out.push(null)
    else if (!POLYGON_TYPES.has(type)) out.push({ type: `shape-${type}` })
    else {
      need(view, start, 44, `${name}第 ${out.length + 1} 条记录`)
      const numParts = view.getInt32(start + 36, true)
      const numPoints = view.getInt32(start + 40, true)
      if (numParts < 0 || numPoints < 0 || 44 + numParts * 4 + numPoints * 16 > contentBytes)
        throw new ImportFileError(`${name}第 ${out.length + 1} 条记录的点数与长度不符，文件已损坏。`)
      const parts = Array.from({ length: numParts }, (_, i) => view.getInt32(start + 44 + i * 4, true))
      const pointsAt = start + 44 + numParts * 4
      const rings: Ring[] = parts.map((from, i) => {
        const to = i + 1 < parts.length ? parts[i + 1] : numPoints
        if (from < 0 || to > numPoints || from > to) throw new ImportFileError(`${name}第 ${out.length + 1} 条记录的分段索引错误。`)
        const ring: Ring = []
        for (let k = from; k < to; k++) ring.push([view.getFloat64(pointsAt + k * 16, true), view.getFloat64(pointsAt + k * 16 + 8, true)])
        return ring
      })
      const polygons = ringsToPolygons(rings.filter((r) => r.length > 0))
      out.push(polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons })
    }
    offset = start + contentBytes
  }
  return out
}

/**
 * The text encoding a .cpg names; GB18030 when there is none (Chinese shapefiles usually are GBK, and
 * GB18030 reads all of GBK plus the four-byte characters Node's 'gbk' decoder garbles, such as 㐀).
 */
export function encodingFromCpg(cpg: string | null): string {
  if (!cpg) return 'gb18030'
  const v = cpg.trim().toUpperCase()
  if (/^(UTF-?8|65001)$/.test(v)) return 'utf-8'
  if (/^(GBK|CP936|936|GB2312|GB18030|54936|20936|ANSI 936)$/.test(v)) return 'gb18030'
  if (/^(BIG5|950)$/.test(v)) return 'big5'
  if (/^(ISO-?8859-?1|LATIN1|1252|CP1252|ANSI 1252)$/.test(v)) return 'windows-1252'
  return 'gb18030'
}

/** Records of a .dbf file as plain objects (text decoded with `encoding`). */
export function readDbf(bytes: Uint8Array, encoding: string, name = '.dbf 文件'): { fields: string[]; records: Record<string, unknown>[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  need(view, 0, 32, name)
  const count = view.getUint32(4, true)
  const headerLength = view.getUint16(8, true)
  const recordLength = view.getUint16(10, true)
  if (headerLength < 33 || recordLength < 1) throw new ImportFileError(`${name}的文件头错误。`)
  const decoder = new TextDecoder(encoding)
  const fields: { name: string; type: string; length: number; offset: number }[] = []
  let at = 32
  let recordOffset = 1
  while (at + 32 <= headerLength && bytes[at] !== 0x0d) {
    const raw = bytes.subarray(at, at + 11)
    const end = raw.indexOf(0)
    const fieldName = decoder.decode(raw.subarray(0, end < 0 ? 11 : end)).trim()
    const length = bytes[at + 16]
    fields.push({ name: fieldName, type: String.fromCharCode(bytes[at + 11]), length, offset: recordOffset })
    recordOffset += length
    at += 32
  }
  if (recordOffset > recordLength) throw new ImportFileError(`${name}的字段长度之和超过记录长度，文件已损坏。`)
  const records: Record<string, unknown>[] = []
  for (let i = 0; i < count; i++) {
    const start = headerLength + i * recordLength
    if (start + recordLength > bytes.length) throw new ImportFileError(`${name}在第 ${i + 1} 条记录处截断（应有 ${count} 条）。`)
    const record: Record<string, unknown> = {}
    for (const f of fields) {
      const text = decoder
        .decode(bytes.subarray(start + f.offset, start + f.offset + f.length))
        .replace(/\0/g, '')
        .trim()
      if (f.type === 'N' || f.type === 'F') record[f.name] = text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : null
      else if (f.type === 'L') record[f.name] = /^[YyTt]$/.test(text) ? true : /^[NnFf]$/.test(text) ? false : null
      else record[f.name] = text
    }
    records.push(record)
  }
  return { fields: fields.map((f) => f.name), records }
}

/** A reprojection to WGS-84 from a .prj's WKT; null when the file is already in degrees. */
export function projectionFromPrj(prj: string | null): ((p: Pt) => Pt) | null {
  if (!prj || !/PROJCS/i.test(prj)) return null
  let converter: proj4.Converter
  try {
    converter = proj4(prj, 'WGS84')
  } catch (e) {
    throw new ImportFileError(`无法识别 .prj 文件中的投影坐标系（${(e as Error).message}）。请另存为 CGCS2000 或 WGS-84 经纬度后再导入。`)
  }
  return (p) => converter.forward([p[0], p[1]]) as Pt
}

/** Features of one shapefile layer from its component files. */
export function readShapefileLayer(
  files: { shp: Uint8Array; dbf: Uint8Array | null; prj: string | null; cpg: string | null },
  layer: string
): { features: RawFeature[]; fields: string[]; warnings: string[] } {
  const geometries = readShp(files.shp, `${layer}.shp`)
  const warnings: string[] = []
  let fields: string[] = []
  let records: Record<string, unknown>[] = []
  if (files.dbf) {
    const encoding = encodingFromCpg(files.cpg)
    ;({ fields, records } = readDbf(files.dbf, encoding, `${layer}.dbf`))
    if (!files.cpg) warnings.push(`${layer}：没有 .cpg 文件，属性按 GBK（GB18030）编码读取。`)
    // Text that does not decode in the named encoding is almost always UTF-8 saved without a .cpg.
    if (encoding === 'gb18030' && records.some((r) => Object.values(r).some((v) => typeof v === 'string' && v.includes('\uFFFD')))) {
      const utf8 = readDbf(files.dbf, 'utf-8', `${layer}.dbf`)
      if (!utf8.records.some((r) => Object.values(r).some((v) => typeof v === 'string' && v.includes('\uFFFD')))) {
        ;({ fields, records } = utf8)
        warnings.push(`${layer}：属性按 GBK 无法正确解码，已改按 UTF-8 读取。`)
      }
    }
    if (records.length !== geometries.length)
      warnings.push(`${layer}：图形 ${geometries.length} 个、属性 ${records.length} 条，数量不一致；多出的部分没有属性。`)
  } else warnings.push(`${layer}：没有 .dbf 文件，图形没有属性（名称、编码）。`)
  const project = projectionFromPrj(files.prj)
  if (project) warnings.push(`${layer}：按 .prj 的投影坐标系换算为经纬度。`)
  const features = geometries.map((g, i) => {
    let geometry: unknown = g
    if (g && project && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as PolygonCoords[]
      // Shapes that are not polygons stay as they are; the plan rejects them with a reason.
      const projected = polys.map((poly) => poly.map((ring) => ring.map(project)))
      geometry = g.type === 'Polygon' ? { type: 'Polygon', coordinates: projected[0] } : { type: 'MultiPolygon', coordinates: projected }
    }
    return { index: i, layer, geometry, properties: records[i] ?? {} }
  })
  return { features, fields, warnings }
}
