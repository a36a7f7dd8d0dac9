// Read any boundary file an officer may have: GeoJSON, KML, KMZ or a zipped Shapefile. The format
// is recognised from the bytes (the extension is only a hint), and every failure is an
// ImportFileError with a reason, never an exception from deep inside a parser.
import { unzipSync } from 'fflate'
import { DOMParser } from '@xmldom/xmldom'
import { kml } from '@tmcw/togeojson'
import { readShapefileLayer } from './shapefile'
import { ImportFileError, type RawFeature, type ReadResult } from './types'

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024
const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
const MAX_FEATURES = 50_000

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((v, i) => b[i] === v)
const isZip = (b: Uint8Array) => startsWith(b, 0x50, 0x4b, 0x03, 0x04)

function unzip(bytes: Uint8Array, fileName: string): Record<string, Uint8Array> {
  let total = 0
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize
        if (total > MAX_UNZIPPED_BYTES) throw new ImportFileError(`压缩包“${fileName}”解压后超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB，已拒绝。`)
        return !f.name.endsWith('/')
      }
    })
  } catch (e) {
    if (e instanceof ImportFileError) throw e
    throw new ImportFileError(`压缩包“${fileName}”已损坏或不完整，无法解压（${(e as Error).message}）。`)
  }
}

function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes)
  // Old tools save KML/GeoJSON in GBK; if UTF-8 breaks, GBK is the likely truth (read as GB18030, its superset).
  return text.includes('\uFFFD') ? new TextDecoder('gb18030').decode(bytes) : text
}

function fromGeoJson(text: string): { features: RawFeature[]; warnings: string[] } {
  let doc: unknown
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new ImportFileError(`GeoJSON 格式错误，无法解析（${(e as Error).message}）。`)
  }
  const d = doc as { type?: string; features?: unknown; geometry?: unknown; properties?: unknown; crs?: { properties?: { name?: string } } }
  const warnings: string[] = []
  const crsName = d?.crs?.properties?.name
  if (crsName && !/CRS84|4326|4490|4610/.test(crsName)) warnings.push(`文件声明的坐标系为“${crsName}”，本系统按经纬度读取；如为投影坐标，请先转换为经纬度。`)
  const asFeature = (f: unknown, index: number): RawFeature => {
    const x = f as { geometry?: unknown; properties?: unknown }
    const props =
      x && typeof x.properties === 'object' && x.properties !== null && !Array.isArray(x.properties) ? (x.properties as Record<string, unknown>) : {}
    return { index, geometry: x?.geometry ?? null, properties: props }
  }
  if (d?.type === 'FeatureCollection') {
    if (!Array.isArray(d.features)) throw new ImportFileError('GeoJSON 的 features 不是数组。')
    return { features: d.features.map(asFeature), warnings }
  }
  if (d?.type === 'Feature') return { features: [asFeature(d, 0)], warnings }
  if (d?.type === 'Polygon' || d?.type === 'MultiPolygon') return { features: [{ index: 0, geometry: d, properties: {} }], warnings }
  throw new ImportFileError(`不是可导入的 GeoJSON（类型为“${String(d?.type ?? typeof doc)}”，应为 FeatureCollection、Feature 或面）。`)
}

function fromKml(text: string): RawFeature[] {
  const errors: string[] = []
  let doc: ReturnType<DOMParser['parseFromString']> | null = null
  try {
    doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(msg) }).parseFromString(text, 'text/xml')
  } catch (e) {
    errors.push((e as Error).message)
  }
  if (errors.length || !doc?.documentElement || doc.getElementsByTagName('parsererror').length)
    throw new ImportFileError(`KML 不是有效的 XML（${errors[0] ?? '解析失败'}）。`)
  let fc: { features: { geometry: unknown; properties: Record<string, unknown> | null }[] }
  try {
    fc = kml(doc as unknown as Document) as never
  } catch (e) {
    throw new ImportFileError(`KML 内容无法读取（${(e as Error).message}）。`)
  }
  return fc.features.map((f, index) => {
    // A placemark with several polygons comes as a GeometryCollection: keep its polygons.
    const g = f.geometry as { type: string; geometries?: { type: string; coordinates: unknown }[] } | null
    if (g?.type === 'GeometryCollection') {
      const polys = (g.geometries ?? []).filter((x) => x.type === 'Polygon').map((x) => x.coordinates)
      return { index, geometry: polys.length ? { type: 'MultiPolygon', coordinates: polys } : g, properties: f.properties ?? {} }
    }
    return { index, geometry: g, properties: f.properties ?? {} }
  })
}

function fieldsOf(features: RawFeature[]): string[] {
  const names = new Set<string>()
  for (const f of features.slice(0, 1000)) for (const k of Object.keys(f.properties)) names.add(k)
  return [...names]
}

export function readGridFile(fileName: string, bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) throw new ImportFileError(`文件“${fileName}”是空的（0 字节）。`)
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError(`文件“${fileName}”超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请按村居拆分后分批导入。`)
  let result: ReadResult
  if (isZip(bytes)) {
    const entries = unzip(bytes, fileName)
    const names = Object.keys(entries)
    const kmlName = names.find((n) => /\.kml$/i.test(n))
    const shpNames = names.filter((n) => /\.shp$/i.test(n))
    if (shpNames.length) {
      const features: RawFeature[] = []
      const fields = new Set<string>()
      const warnings: string[] = []
      for (const shp of shpNames) {
        const base = shp.slice(0, -4)
        const part = (ext: string) => entries[names.find((n) => n.toLowerCase() === `${base}.${ext}`.toLowerCase()) ?? '']
        const text = (ext: string) => (part(ext) ? new TextDecoder('utf-8').decode(part(ext)) : null)
        const layer = readShapefileLayer({ shp: entries[shp], dbf: part('dbf') ?? null, prj: text('prj'), cpg: text('cpg') }, base.split('/').pop() ?? base)
        layer.features.forEach((f) => features.push({ ...f, index: features.length }))
        layer.fields.forEach((n) => fields.add(n))
        warnings.push(...layer.warnings)
      }
      result = { format: 'Shapefile', features, fields: [...fields], warnings }
    } else if (kmlName) {
      const features = fromKml(decodeText(entries[kmlName]))
      result = { format: 'KMZ', features, fields: fieldsOf(features), warnings: [] }
    } else throw new ImportFileError(`压缩包“${fileName}”里既没有 .shp 也没有 .kml 文件（含：${names.slice(0, 8).join('、') || '无'}）。`)
  } else {
    const text = decodeText(bytes).trimStart()
    if (text.startsWith('{')) {
      const { features, warnings } = fromGeoJson(text)
      result = { format: 'GeoJSON', features, fields: fieldsOf(features), warnings }
    } else if (text.startsWith('<')) {
      const features = fromKml(text)
      result = { format: 'KML', features, fields: fieldsOf(features), warnings: [] }
    } else if (/\.shp$/i.test(fileName)) throw new ImportFileError('Shapefile 须连同 .dbf、.prj（及 .cpg）一起打成 zip 压缩包后导入。')
    else throw new ImportFileError(`无法识别文件“${fileName}”的格式：支持 GeoJSON、KML、KMZ 和 zip 压缩的 Shapefile。`)
  }
  if (result.features.length === 0) throw new ImportFileError(`文件“${fileName}”中没有任何要素。`)
  if (result.features.length > MAX_FEATURES)
    throw new ImportFileError(`文件“${fileName}”有 ${result.features.length} 个要素，超过单次导入上限 ${MAX_FEATURES}，请分批导入。`)
  return result
}
