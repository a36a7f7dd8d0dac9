// Boundary files made in the test, with known contents: zipped Shapefiles (GBK or UTF-8, with or
// without .prj/.cpg), KML/KMZ and GeoJSON.
import { deflateSync } from 'node:zlib'
import { zipSync, strToU8 } from 'fflate'
import type { MultiPolygonCoords, PolygonCoords } from '../../electron/core/kernel/geometry'

let gbkTable: Map<string, number[]> | null = null
/** Encode text as GBK by inverting Node's GBK decoder (tests only; no extra dependency). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gbk')
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue
        const ch = decoder.decode(new Uint8Array([a, b]))
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b])
      }
  }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) out.push(code)
    else out.push(...(gbkTable.get(ch) ?? [0x3f]))
  }
  return new Uint8Array(out)
}

type Field = { name: string; type: 'C' | 'N'; length: number }

function writeDbf(fields: Field[], records: Record<string, string | number | null>[], encode: (s: string) => Uint8Array): Uint8Array {
  const headerLength = 32 + fields.length * 32 + 1
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0)
  const buf = new Uint8Array(headerLength + records.length * recordLength + 1)
  const view = new DataView(buf.buffer)
  buf[0] = 0x03
  view.setUint32(4, records.length, true)
  view.setUint16(8, headerLength, true)
  view.setUint16(10, recordLength, true)
  fields.forEach((f, i) => {
    const at = 32 + i * 32
    buf.set(encode(f.name).subarray(0, 10), at)
    buf[at + 11] = f.type.charCodeAt(0)
    buf[at + 16] = f.length
  })
  buf[headerLength - 1] = 0x0d
  records.forEach((r, i) => {
    let at = headerLength + i * recordLength
    buf[at++] = 0x20
    for (const f of fields) {
      const raw = r[f.name] === null || r[f.name] === undefined ? '' : String(r[f.name])
      const bytes = f.type === 'N' ? encode(raw.padStart(f.length, ' ')) : encode(raw)
      buf.fill(0x20, at, at + f.length)
      buf.set(bytes.subarray(0, f.length), at)
      at += f.length
    }
  })
  buf[buf.length - 1] = 0x1a
  return buf
}

/** Shapefile rings are clockwise for outer rings: reverse GeoJSON's counter-clockwise ones. */
const clockwise = (ring: number[][]) => {
  let s = 0
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
  return s > 0 ? ring.slice().reverse() : ring
}

function writeShp(shapes: (MultiPolygonCoords | null)[]): Uint8Array {
  const records = shapes.map((mp) => {
    if (!mp) {
      const b = new Uint8Array(4)
      return b
    }
    const rings = mp.flatMap((poly: PolygonCoords) => poly.map((r, i) => (i === 0 ? clockwise(r) : clockwise(r).slice().reverse())))
    const points = rings.flat()
    const b = new Uint8Array(44 + rings.length * 4 + points.length * 16)
    const v = new DataView(b.buffer)
    v.setInt32(0, 5, true)
    const xs = points.map((p) => p[0])
    const ys = points.map((p) => p[1])
    ;[Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((n, i) => v.setFloat64(4 + i * 8, n, true))
    v.setInt32(36, rings.length, true)
    v.setInt32(40, points.length, true)
    let k = 0
    rings.forEach((r, i) => {
      v.setInt32(44 + i * 4, k, true)
      k += r.length
    })
    points.forEach((p, i) => {
      v.setFloat64(44 + rings.length * 4 + i * 16, p[0], true)
      v.setFloat64(44 + rings.length * 4 + i * 16 + 8, p[1], true)
    })
    return b
  })
  const total = 100 + records.reduce((s, r) => s + 8 + r.length, 0)
  const buf = new Uint8Array(total)
  const view = new DataView(buf.buffer)
  view.setInt32(0, 9994, false)
  view.setInt32(24, total / 2, false)
  view.setInt32(28, 1000, true)
  view.setInt32(32, 5, true)
  let at = 100
  records.forEach((r, i) => {
    view.setInt32(at, i + 1, false)
    view.setInt32(at + 4, r.length / 2, false)
    buf.set(r, at + 8)
    at += 8 + r.length
  })
  return buf
}

export type ShapefileFixture = {
  shapes: (MultiPolygonCoords | null)[]
  fields: Field[]
  records: Record<string, string | number | null>[]
  encoding?: 'gbk' | 'utf-8'
  cpg?: string
  prj?: string
  layer?: string
}

/** A zipped Shapefile, as an officer would receive it from a surveyor. */
export function zippedShapefile(f: ShapefileFixture): Uint8Array {
  const encode = f.encoding === 'utf-8' ? (s: string) => new TextEncoder().encode(s) : encodeGbk
  const layer = f.layer ?? 'grids'
  const files: Record<string, Uint8Array> = { [`${layer}.shp`]: writeShp(f.shapes), [`${layer}.dbf`]: writeDbf(f.fields, f.records, encode) }
  if (f.cpg) files[`${layer}.cpg`] = strToU8(f.cpg)
  if (f.prj) files[`${layer}.prj`] = strToU8(f.prj)
  return zipSync(files)
}

export function kmlDocument(placemarks: { name: string; code?: string; rings: number[][][] }[]): string {
  const body = placemarks
    .map(
      (p) => `<Placemark><name>${p.name}</name>${p.code ? `<ExtendedData><Data name="code"><value>${p.code}</value></Data></ExtendedData>` : ''}
<Polygon><outerBoundaryIs><LinearRing><coordinates>${p.rings[0].map((c) => c.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>奥维导出</name>${body}</Document></kml>`
}

export const kmz = (kml: string) => zipSync({ 'doc.kml': strToU8(kml) })

export const base64 = (bytes: Uint8Array | string) => Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64')

/** The ESRI WKT for CGCS2000 3-degree Gauss-Krüger, central meridian 114°E (EPSG:4547), as ArcGIS writes it. */
export const cgcs2000Gk114Prj =
  'PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'

/** A real PNG of one colour (an issue photo in tests); `rgb` picks the colour so files differ. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3])])
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0))
  ])
}
