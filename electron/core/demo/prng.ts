// A small seeded PRNG (mulberry32): the demo town must come out byte for byte the same from the same seed.
export type Rng = {
  next: () => number
  range: (min: number, max: number) => number
  int: (min: number, maxInclusive: number) => number
  pick: <T>(items: readonly T[]) => T
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]
  }
}

/** Split a total into integer parts proportional to weights (largest remainder); parts sum to total exactly. */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const n = weights.length
  if (n === 0) return []
  const base = Array(n).fill(minimum) as number[]
  const rest = total - minimum * n
  if (rest < 0) throw new Error(`无法分配：总数 ${total} 小于最低要求 ${minimum * n}`)
  const sum = weights.reduce((s, w) => s + w, 0)
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * rest : rest / n))
  const floors = exact.map(Math.floor)
  let left = rest - floors.reduce((s, v) => s + v, 0)
  const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1])
  for (const [, i] of order) {
    if (left <= 0) break
    floors[i]++
    left--
  }
  return base.map((b, i) => b + floors[i])
}
