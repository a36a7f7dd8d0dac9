// What an uploaded photo really is, read from its first bytes (the name and the browser's type can lie).
export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp'

export function photoKind(bytes: Uint8Array): PhotoMime | null {
  const at = (i: number, ...xs: number[]) => xs.every((x, k) => bytes[i + k] === x)
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'
  return null
}
