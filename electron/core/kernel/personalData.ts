// Personal data rules: resident ID numbers (GB 11643-1999), phone numbers, and how both are shown
// masked (4401**********123X, 138****1234). Pure; used by the people registries and their import.

import { normaliseText } from '../../shared/personQuery'
import { chinaDate, isCalendarDay } from '../../shared/chinaTime'

export { normaliseText }

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** The check character of the first 17 digits of an 18-digit ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** A birth date the calendar has, not after China's today. */
function validDate(y: number, m: number, d: number, today: Date): boolean {
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return y >= 1900 && isCalendarDay(date) && date <= chinaDate(today)
}

export type IdCheck = { ok: true; idNumber: string; birthDate: string; gender: '男' | '女'; upgradedFrom15: boolean } | { ok: false; problem: string }

/**
 * Check a resident ID number: 18 digits (the last may be X) with a valid region, birth date and
 * check character; a 15-digit number from before 1999 is upgraded to 18 digits.
 */
export function checkIdNumber(raw: string, today = new Date()): IdCheck {
  const s = normaliseText(raw)
  if (/^\d{15}$/.test(s)) {
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`
    const upgraded = checkIdNumber(first17 + idCheckChar(first17), today)
    return upgraded.ok ? { ...upgraded, upgradedFrom15: true } : upgraded
  }
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, problem: `身份证号“${raw}”应为 18 位（最后一位可为 X）或 15 位数字，实际为 ${s.length} 位` }
  // 1–8: a region of the mainland; 9: a foreigner's permanent-residence ID card (2023 format, same checksum).
  if (!/^[1-9]\d{5}/.test(s)) return { ok: false, problem: `身份证号“${raw}”的地区码 ${s.slice(0, 6)} 无效` }
  const [y, m, d] = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))]
  if (!validDate(y, m, d, today)) return { ok: false, problem: `身份证号“${raw}”中的出生日期 ${s.slice(6, 14)} 无效` }
  const expected = idCheckChar(s.slice(0, 17))
  if (s[17] !== expected) return { ok: false, problem: `身份证号“${raw}”校验位错误（应为 ${expected}），请核对是否录错` }
  return {
    ok: true,
    idNumber: s,
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    gender: Number(s[16]) % 2 === 1 ? '男' : '女',
    upgradedFrom15: false
  }
}

export type PhoneCheck = { ok: true; phone: string; kind: 'mobile' | 'landline' } | { ok: false; problem: string }

/** A mainland mobile number (11 digits, 1[3-9]…) or a landline with area code (0757-8xxxxxxx). */
export function checkPhone(raw: string): PhoneCheck {
  const s = normaliseText(raw)
    .replace(/^(\+?86)(?=1\d{10}$)/, '')
    .replace(/[()（）]/g, '')
  if (/^1[3-9]\d{9}$/.test(s)) return { ok: true, phone: s, kind: 'mobile' }
  const landline = s.match(/^(0\d{2,3})-?(\d{7,8})$/)
  if (landline) return { ok: true, phone: `${landline[1]}-${landline[2]}`, kind: 'landline' }
  return { ok: false, problem: `电话“${raw}”格式不对：手机应为 11 位（1 开头），固话应带区号，如 0757-86681234` }
}

/** 4401**********123X: first four and last four characters of an ID number. */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`
}

/** 138****1234 for a mobile; a landline keeps its area code and last four digits. */
export function maskPhone(phone: string): string {
  const landline = phone.match(/^(0\d{2,3})-(\d+)$/)
  if (landline) return `${landline[1]}-${'*'.repeat(Math.max(0, landline[2].length - 4))}${landline[2].slice(-4)}`
  return phone.length <= 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
}

/** 狮山镇松岗社区****: an address keeps its first six characters (the area), never the door. */
export function maskAddress(address: string): string {
  return address.length <= 6 ? `${address.slice(0, 2)}****` : `${address.slice(0, 6)}****`
}

/**
 * Whole ID numbers and phone numbers inside any text, masked as the lists show them: what the audit
 * trail keeps of a search, a request or a record must not be a second copy of the numbers.
 */
export function maskNumbersInText(text: string): string {
  return text
    .replace(/(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g, (m) => maskIdNumber(m))
    .replace(/(?<!\d)(1[3-9]\d{9})(?!\d)/g, (m) => maskPhone(m))
    .replace(/(?<!\d)(0\d{2,3}-\d{7,8})(?!\d)/g, (m) => maskPhone(m))
}
