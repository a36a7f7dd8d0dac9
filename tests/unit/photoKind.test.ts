// A photo is what its first bytes say, whatever its name or declared type.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { photoKind } from '../../electron/core/kernel/photoKind'
import { solidPng } from '../support/fixtures'

describe('photoKind', () => {
  it('knows PNG, JPEG and WebP by their signatures', () => {
    expect(photoKind(solidPng(2, 2, [1, 2, 3]))).toBe('image/png')
    expect(photoKind(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg')
    expect(photoKind(Uint8Array.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]))).toBe('image/webp')
  })

  it('refuses text, empty files and anything without an image signature', () => {
    expect(photoKind(Buffer.from('照片.jpg'))).toBeNull()
    expect(photoKind(new Uint8Array())).toBeNull()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const kind = photoKind(bytes)
        if (kind === null) return true
        return kind === 'image/jpeg'
          ? bytes[0] === 0xff && bytes[1] === 0xd8
          : kind === 'image/png'
            ? bytes[0] === 0x89
            : Buffer.from(bytes.slice(8, 12)).toString() === 'WEBP'
      })
    )
  })
})
