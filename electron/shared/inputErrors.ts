// What a wrong input is told, in Chinese throughout: zod's own zh-CN messages keep English type names
// and regular expressions ("期望 string，实际接收 undefined"). A schema's own message (名称不能为空)
// still wins; this covers the rest. Nothing here echoes more than a short piece of what was sent.
import type { z } from 'zod'

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是/否',
  array: '列表',
  object: 'JSON 对象',
  record: 'JSON 对象',
  tuple: '列表',
  date: '日期',
  null: '空值',
  undefined: '空',
  nan: '非数字',
  literal: '固定值',
  enum: '选项',
  file: '文件'
}
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isNaN(v) ? 'nan' : typeof v)
const named = (t: string) => typeNames[t] ?? '其他类型'
const short = (v: unknown) => {
  const s = typeof v === 'string' ? `“${v}”` : String(JSON.stringify(v))
  return s.length > 32 ? `${s.slice(0, 30)}…` : s
}
const formats: Record<string, string> = {
  email: '电子邮件地址',
  url: '网址',
  date: '日期（如 2026-05-19）',
  datetime: '日期时间',
  time: '时间',
  uuid: '编号',
  base64: 'Base64 文本'
}

type Issue = z.core.$ZodRawIssue
/** One message per issue: the field it names is added by whoever reports it. */
export function chineseInputError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return issue.path?.length ? '缺少此项' : '缺少请求参数（应为 JSON 对象）'
      return `应为${named(issue.expected)}，收到的是${named(typeOf(issue.input))}`
    case 'invalid_value': {
      const values = issue.values.map(short)
      return values.length === 1 ? `应为 ${values[0]}` : `应为以下之一：${values.slice(0, 12).join('、')}${values.length > 12 ? ' 等' : ''}`
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return `不能超过 ${max} 个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `不能超过 ${max} 项`
      return issue.inclusive ? `不能大于 ${max}` : `须小于 ${max}`
    }
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`
      return issue.inclusive ? `不能小于 ${min}` : `须大于 ${min}`
    }
    case 'invalid_format':
      return `格式不正确${formats[issue.format] ? `，应为${formats[issue.format]}` : ''}`
    case 'not_multiple_of':
      return `须为 ${Number(issue.divisor)} 的倍数`
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => (k.length > 20 ? `${k.slice(0, 18)}…` : k))
      return `含有不认识的字段：${keys.slice(0, 5).join('、')}${keys.length > 5 ? ` 等 ${keys.length} 个` : ''}`
    }
    case 'invalid_key':
      return '含有无效的字段名'
    case 'invalid_union':
      return '内容不符合任何一种允许的格式'
    case 'invalid_element':
      return '含有无效的值'
    default:
      return '内容无效'
  }
}
