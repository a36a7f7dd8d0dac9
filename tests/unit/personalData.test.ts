// ID numbers (GB 11643), phones and masking: known cases and properties.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkIdNumber, checkPhone, idCheckChar, maskIdNumber, maskNumbersInText, maskPhone, normaliseText } from '../../electron/core/kernel/personalData'
import { personQuery } from '../../electron/shared/personQuery'

const today = new Date('2026-11-22T00:00:00Z')
/** A valid 18-digit number from its parts, with the right check character. */
const makeId = (region: string, date: string, seq: string) => `${region}${date}${seq}${idCheckChar(`${region}${date}${seq}`)}`

describe('ID numbers', () => {
  it('accepts the standard example and reads birth date and gender from it', () => {
    // The worked example of GB 11643-1999: 11010519491231002X.
    expect(checkIdNumber('11010519491231002X', today)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: '女',
      upgradedFrom15: false
    })
    const nanhai = makeId('440605', '19850615', '123')
    expect(checkIdNumber(nanhai, today)).toMatchObject({ ok: true, gender: '男', birthDate: '1985-06-15' })
  })

  it('reads full-width digits, spaces and a lower-case x', () => {
    expect(checkIdNumber('１１０１０５ １９４９１２３１００２ｘ', today)).toMatchObject({ ok: true, idNumber: '11010519491231002X' })
    expect(normaliseText('１３８ ００１３ ８０００')).toBe('13800138000')
  })

  it('upgrades a 15-digit number to 18 digits with its check character', () => {
    const r = checkIdNumber('110105491231002', today)
    expect(r).toEqual({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: '女', upgradedFrom15: true })
  })

  it("accepts a foreigner's permanent-residence ID card (2023 format: starts with 9, same checksum)", () => {
    const card = makeId('931586', '19850615', '123')
    expect(checkIdNumber(card, today)).toMatchObject({ ok: true, idNumber: card, birthDate: '1985-06-15' })
    expect(checkIdNumber(card.slice(0, 17) + (card[17] === '1' ? '2' : '1'), today)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('校验位错误')
    })
  })

  it('refuses wrong lengths, regions, dates and check characters, saying which', () => {
    expect(checkIdNumber('1234', today)).toMatchObject({ ok: false, problem: expect.stringContaining('18 位') })
    expect(checkIdNumber(makeId('040605', '19850615', '123'), today)).toMatchObject({ ok: false, problem: expect.stringContaining('地区码') })
    expect(checkIdNumber('44060519850230123' + '1', today)).toMatchObject({ ok: false, problem: expect.stringContaining('出生日期') })
    expect(checkIdNumber(makeId('440605', '20300101', '123'), today)).toMatchObject({ ok: false, problem: expect.stringContaining('出生日期') })
    expect(checkIdNumber('110105194912310021', today)).toMatchObject({ ok: false, problem: expect.stringContaining('校验位错误（应为 X）') })
  })

  it('accepts every well-formed number and catches every single-digit typo in it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 829999 }),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-21'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (region, birth, seq, at, delta) => {
          const date = birth.toISOString().slice(0, 10).replaceAll('-', '')
          const id = makeId(String(region), date, String(seq).padStart(3, '0'))
          expect(checkIdNumber(id, today).ok).toBe(true)
          const typo = id.slice(0, at) + String((Number(id[at]) + delta) % 10) + id.slice(at + 1)
          expect(checkIdNumber(typo, today).ok).toBe(false)
        }
      )
    )
  })
})

describe('phones', () => {
  it('accepts mobiles (also with +86 and full-width digits) and landlines with an area code', () => {
    expect(checkPhone('13800138000')).toEqual({ ok: true, phone: '13800138000', kind: 'mobile' })
    expect(checkPhone('+86 138 0013 8000')).toEqual({ ok: true, phone: '13800138000', kind: 'mobile' })
    expect(checkPhone('１５９１２３４５６７８')).toMatchObject({ ok: true, kind: 'mobile' })
    expect(checkPhone('(0757)86681234')).toEqual({ ok: true, phone: '0757-86681234', kind: 'landline' })
  })
  it('refuses anything else with the expected formats named', () => {
    for (const bad of ['12800138000', '1380013800', '86681234', 'abc'])
      expect(checkPhone(bad)).toMatchObject({ ok: false, problem: expect.stringContaining('11 位') })
  })
})

describe('masking', () => {
  it('masks as the product card shows: 4401**********123X and 138****1234', () => {
    expect(maskIdNumber('44010119900101123X')).toBe('4401**********123X')
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('0757-86681234')).toBe('0757-****1234')
  })
  it('never reveals more than the first and last four characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 9, maxLength: 30 }), (s) => {
        const m = maskIdNumber(s)
        expect(m).toHaveLength(s.length)
        expect(m.slice(4, -4)).toBe('*'.repeat(s.length - 8))
      })
    )
  })
})

describe('numbers inside text (what the audit trail keeps)', () => {
  it('masks whole ID numbers and phones wherever they stand, and nothing else', () => {
    expect(maskNumbersInText('按44010119900101123X查找，电话13812341234，固话0757-86681234')).toBe(
      '按4401**********123X查找，电话138****1234，固话0757-****1234'
    )
    expect(maskNumbersInText('SS-2026-000123 第20261122090000号 批次 12345')).toBe('SS-2026-000123 第20261122090000号 批次 12345')
  })
  it('leaves no whole number in any text (property)', () => {
    const id = fc.tuple(fc.stringMatching(/^[1-8]\d{16}$/), fc.constantFrom(...'0123456789X')).map(([a, b]) => a + b)
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/)
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.oneof(id, mobile), fc.string({ maxLength: 10 }), (before, number, after) => {
        fc.pre(!/[\dA-Za-z]$/.test(before) && !/^[\dA-Za-z]/.test(after))
        expect(maskNumbersInText(before + number + after)).not.toContain(number)
      })
    )
  })
})

describe('what a quick search over people may look for', () => {
  it('takes a name, the four characters a mask shows, or a whole number; nothing in between', () => {
    expect(personQuery('陈志')).toEqual({ kind: 'name', text: '陈志' })
    expect(personQuery('123X')).toEqual({ kind: 'tail', tail: '123X' })
    expect(personQuery('１２３４')).toEqual({ kind: 'tail', tail: '1234' })
    expect(personQuery('44010119900101123x')).toEqual({ kind: 'idNumber', value: '44010119900101123X' })
    expect(personQuery('440101900101123')).toEqual({ kind: 'idNumber', value: '440101900101123' })
    expect(personQuery('+86 138 1234 1234')).toMatchObject({ kind: 'phone' })
    expect(personQuery('(0757)86681234')).toMatchObject({ kind: 'phone' })
    for (const partial of ['1', '123', '12345', '0101123X', '4401011990', '1381234123', '138123412345'])
      expect(personQuery(partial), partial).toMatchObject({ kind: 'partial' })
  })
  it('refuses every run of digits longer than the shown tail and shorter than a whole number (property; a leading 0 would be a landline)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 10 }), fc.stringMatching(/^[1-9]\d{19}$/), (n, digits) => {
        expect(personQuery(digits.slice(0, n)).kind).toBe('partial')
      })
    )
  })
})
