// A share as the town writes it: one decimal, rounded half up (0.9886 → 98.9%); with no share (nothing
// to divide by) the word the place uses — 无 in a briefing's sentence, — in a table.
export const percentText = (share: number | null, none = '—') => (share === null ? none : `${(Math.round(share * 1000) / 10).toFixed(1)}%`)
