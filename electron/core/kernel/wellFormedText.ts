// Text that can be stored as it is read. A JavaScript string may hold half of a UTF-16 surrogate
// pair ("\ud800"); SQLite would store it as bytes that are not UTF-8 and read back something else,
// so a hash taken over the string would no longer match what the store holds. Requests carrying
// such text are refused at the boundary; text the core makes itself (a name cut to 32 characters)
// is mended to U+FFFD before it is stored or hashed.

const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const loneAll = new RegExp(lone.source, 'g')

export const isWellFormed = (s: string) => !lone.test(s)
/** Each lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, which ES2023 lacks). */
export const toWellFormed = (s: string) => (lone.test(s) ? s.replace(loneAll, '\uFFFD') : s)

/** Deeper than this, no request of the contract goes (a MultiPolygon inside an object is 6). */
export const MAX_DEPTH = 32

/**
 * The first place in a request that no method can take: a string or key with a lone surrogate, the
 * key `__proto__`, or nesting deeper than MAX_DEPTH. Walked without recursion, so a hostile nesting cannot overflow it.
 */
export function findMalformed(input: unknown): { path: string; problem: string } | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }]
  const named = (path: (string | number)[]) => (path.length ? `字段“${path.join('.')}”` : '请求体')
  while (stack.length) {
    const { value, path } = stack.pop()!
    if (typeof value === 'string') {
      if (!isWellFormed(value)) return { path: path.join('.'), problem: `${named(path)}含有无法识别的字符（不完整的 Unicode 代理对），请检查输入` }
      continue
    }
    if (value === null || typeof value !== 'object') continue
    if (path.length >= MAX_DEPTH) return { path: path.join('.'), problem: `${named(path)}嵌套层级过深（超过 ${MAX_DEPTH} 层）` }
    for (const [key, child] of Object.entries(value)) {
      if (!isWellFormed(key)) return { path: path.join('.'), problem: `${named(path)}含有名称无法识别的字段（不完整的 Unicode 代理对）` }
      // Copied into a plain object anywhere (zod's records do), this key would set its prototype instead.
      if (key === '__proto__') return { path: [...path, key].join('.'), problem: `${named(path)}含有不允许的字段名“__proto__”` }
      stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] })
    }
  }
  return null
}
