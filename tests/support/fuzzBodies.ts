// Malformed request bodies for one method, made from its zod input schema and a valid input: every
// field (present, or declared and absent) missing, of the wrong type, huge, hostile, an id that does
// not exist; prototype names as keys and values; lone surrogates; SQL fragments; deep nesting.
import { z } from 'zod'

type Path = (string | number)[]
type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  additionalProperties?: JsonSchema | boolean
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
}

/** Nested arrays this deep: past the core's limit (32), and deep enough to overflow a careless recursion. */
export const deeplyNested = (depth: number): unknown => {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = [v]
  return v
}
/** An object whose own key is `__proto__`, as JSON.parse makes it (a literal would set the prototype). */
const protoKeyed = (value: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as Record<string, unknown>

export const hostileValues: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  2 ** 53 + 2,
  1e308,
  987654321,
  '',
  'x'.repeat(200_000),
  "' OR '1'='1' --",
  '1); DROP TABLE persons; --',
  'constructor',
  '__proto__',
  'toString',
  '\ud800',
  'a\udfffb',
  '%ff%00',
  '../../../../etc/passwd',
  {},
  [],
  [[[[]]]],
  protoKeyed({ polluted: true }),
  deeplyNested(40)
]
const prototypeKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']

/** Every path to a value in `value` (objects and arrays walked, at most `depth` deep). */
function pathsOf(value: unknown, depth = 5, at: Path = []): Path[] {
  if (depth === 0 || value === null || typeof value !== 'object') return at.length ? [at] : []
  const entries = Array.isArray(value) ? value.slice(0, 3).map((v, i) => [i, v] as const) : Object.entries(value)
  const own = at.length ? [at] : []
  return [...own, ...entries.flatMap(([k, v]) => pathsOf(v, depth - 1, [...at, k]))]
}

/** A value the schema takes at a path (its first option, an id that does not exist): valid, but not what the store holds. */
function sampleOf(schema: JsonSchema, depth = 3): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum?.length) return schema.enum[0]
  const branch = schema.anyOf?.[0] ?? schema.oneOf?.[0]
  if (branch) return sampleOf(branch, depth)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (type === 'integer') return 987654321
  if (type === 'number') return 0.5
  if (type === 'string') return '模糊测试'
  if (type === 'boolean') return true
  if (type === 'array') return depth > 0 && schema.items ? [sampleOf(schema.items, depth - 1)] : []
  if (type === 'object') return depth > 0 ? Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sampleOf(v, depth - 1)])) : {}
  return null
}

/** The paths a schema declares (properties of objects, the first item of arrays, every branch of a union), with a sample value. */
function declaredPaths(schema: JsonSchema, depth = 4, at: Path = []): { path: Path; sample: unknown }[] {
  if (depth === 0) return []
  const here = at.length ? [{ path: at, sample: sampleOf(schema) }] : []
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]
  const props = Object.entries(schema.properties ?? {}).flatMap(([k, s]) => declaredPaths(s, depth - 1, [...at, k]))
  const items = schema.items ? declaredPaths(schema.items, depth - 1, [...at, 0]) : []
  const record =
    schema.additionalProperties && typeof schema.additionalProperties === 'object'
      ? [{ path: [...at, 'someKey'], sample: sampleOf(schema.additionalProperties) }]
      : []
  return [...here, ...props, ...items, ...record, ...branches.flatMap((b) => declaredPaths(b, depth, at).filter((p) => p.path.length > at.length))]
}

/** Objects in `value` that hold records (a declared map), where hostile keys matter most. */
function objectPaths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return []
  return [at, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...at, k]))]
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T))
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const top: Record<string | number, unknown> = root !== null && typeof root === 'object' ? (clone(root) as Record<string, unknown>) : {}
  let node = top
  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i]]
    node[path[i]] = next !== null && typeof next === 'object' ? next : typeof path[i + 1] === 'number' ? [] : {}
    node = node[path[i]] as Record<string | number, unknown>
  }
  Object.defineProperty(node, path[path.length - 1], { value, enumerable: true, configurable: true, writable: true })
  return top
}
function deleteAt(root: unknown, path: Path): unknown {
  const top = clone(root) as Record<string | number, unknown>
  let node = top
  for (const k of path.slice(0, -1)) node = node?.[k] as Record<string | number, unknown>
  if (node && typeof node === 'object') delete node[path[path.length - 1]]
  return top
}

function schemaOf(input: z.ZodType): JsonSchema {
  try {
    return z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  } catch {
    return {}
  }
}

/** A seeded shuffle: the same bodies every run, a different sample with another seed (FUZZ_SEED). */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0 || 1
  const rnd = () => (s = (s * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/**
 * Bodies to send for one method, as JSON text (`undefined` is an empty body). The whole-body cases
 * and hostile keys are always in; the field mutations are sampled to `perMethod` (all with Infinity).
 */
export function malformedBodies(input: z.ZodType, valid: unknown, opts: { perMethod: number; seed: number }): string[] {
  const base = valid ?? {}
  const whole: unknown[] = [undefined, null, 0, 'text', true, [], [base], '\ud800', Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i]))]
  const keyed = objectPaths(base).flatMap((at) => prototypeKeys.map((k) => setAt(base, [...at, k], { polluted: true })))
  const declared = declaredPaths(schemaOf(input))
  const paths = new Map<string, Path>()
  for (const p of [...pathsOf(base), ...declared.map((d) => d.path)]) paths.set(JSON.stringify(p), p)
  const fields: unknown[] = declared.map((d) => setAt(base, d.path, d.sample))
  for (const p of paths.values()) {
    fields.push(deleteAt(base, p))
    for (const v of hostileValues) fields.push(setAt(base, p, v))
  }
  const sampled = shuffled(fields, opts.seed).slice(0, Math.max(0, opts.perMethod - whole.length - keyed.length - 4))
  // Nested 100,000 deep: JSON.stringify cannot write it (its own recursion), so it is written by hand.
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
  return [...whole, ...keyed, ...sampled].map((b) => (b === undefined ? '' : JSON.stringify(b))).concat(deep, '{"a":', '\u0000', '[1,2')
}
