// Generated, checksum-valid ID numbers and phone numbers for the demo (never real people's).
import { idCheckChar } from '../kernel/personalData'
import type { Rng } from './prng'

const pad = (n: number, w: number) => String(n).padStart(w, '0')

/** A GB 11643 ID number, unique within `used`; the 17th digit carries the gender. */
export function demoIdNumber(rng: Rng, region: string, gender: '男' | '女', birthYears: [number, number], used: Set<string>): string {
  for (;;) {
    const y = rng.int(birthYears[0], birthYears[1])
    const m = rng.int(1, 12)
    const d = rng.int(1, 28)
    const seq = rng.int(0, 99) * 10 + (gender === '男' ? rng.int(0, 4) * 2 + 1 : rng.int(0, 4) * 2)
    const first17 = `${region}${y}${pad(m, 2)}${pad(d, 2)}${pad(seq, 3)}`
    const id = first17 + idCheckChar(first17)
    if (!used.has(id)) {
      used.add(id)
      return id
    }
  }
}

const mobilePrefixes = ['138', '139', '135', '136', '137', '158', '159', '188', '189', '186', '177', '180', '150', '133']

export function demoPhone(rng: Rng, used: Set<string>): string {
  for (;;) {
    const phone = rng.pick(mobilePrefixes) + pad(rng.int(0, 99_999_999), 8)
    if (!used.has(phone)) {
      used.add(phone)
      return phone
    }
  }
}
