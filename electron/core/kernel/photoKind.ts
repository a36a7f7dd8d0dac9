import { createHash } from 'node:crypto'
import { AppError } from '../errors'
// What an uploaded photo really is, read from its first bytes (the name and the browser's type can lie).
export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp'

export function photoKind(bytes: Uint8Array): PhotoMime | null {
  const at = (i: number, ...xs: number[]) => xs.every((x, k) => bytes[i + k] === x)
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'
  return null
}

/**
 * A photo as a form sends it (base64), read and checked: not empty, really an image (from its bytes),
 * and its content hash (the same photo twice is kept once). `owner` prefixes the message (第 1 处隐患的).
 */
export function readPhoto(p: { fileName: string; contentBase64: string }, owner = ''): { bytes: Buffer; mime: PhotoMime; sha256: string } {
  const bytes = Buffer.from(p.contentBase64, 'base64')
  if (bytes.length === 0) throw new AppError('BAD_INPUT', `${owner}照片“${p.fileName}”是空文件`)
  const mime = photoKind(bytes)
  if (!mime) throw new AppError('BAD_INPUT', `${owner}照片“${p.fileName}”不是 JPEG、PNG 或 WebP 图片`)
  return { bytes, mime, sha256: createHash('sha256').update(bytes).digest('hex') }
}
