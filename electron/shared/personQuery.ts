// What a quick search over people may look for. Lists show ID numbers and phones masked, their last
// four characters in view; a search by digits may use only those four, or a whole number (a guess
// at one person, which the core counts and records). Any other run of digits would let a search
// spell out the hidden middle one digit at a time, so it is not searched at all.
// Shared: the core builds the SQL from it, the renderer waits for a query worth sending.

/** Full-width digits and letters (０-９, Ｘ) to half-width, spaces removed, letters upper-cased. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase()
}

export type PersonQuery =
  | { kind: 'name'; text: string }
  /** The four characters every mask shows (4406**********123X, 138****1234). */
  | { kind: 'tail'; tail: string }
  /** A whole ID number: 18 characters, or 15 digits from before 1999. */
  | { kind: 'idNumber'; value: string }
  /** A whole mobile (11 digits, +86 allowed) or landline with its area code. */
  | { kind: 'phone'; value: string }
  /** Digits that are neither: refused with this message. */
  | { kind: 'partial'; message: string }

export const partialNumberMessage = '按号码查找，请输入证件号或电话号码的末 4 位，或完整的身份证号、手机号（含区号的固话）。'

export function personQuery(raw: string): PersonQuery {
  const s = normaliseText(raw).replace(/[()（）]/g, '')
  if (!/\d/.test(s)) return { kind: 'name', text: raw.trim() }
  if (/^\d{3}[\dX]$/.test(s)) return { kind: 'tail', tail: s }
  if (/^\d{17}[\dX]$/.test(s) || /^\d{15}$/.test(s)) return { kind: 'idNumber', value: s }
  if (/^(\+?86)?1[3-9]\d{9}$/.test(s) || /^0\d{2,3}-?\d{7,8}$/.test(s)) return { kind: 'phone', value: s }
  return { kind: 'partial', message: partialNumberMessage }
}

/**
 * Whether it names one whole number: a look-up of one person's number (or a guess at it), recorded
 * in the audit trail and counted against the caller's allowance. A tail shows nothing the lists do not.
 */
export const isWholeNumber = (q: PersonQuery) => q.kind === 'idNumber' || q.kind === 'phone'
