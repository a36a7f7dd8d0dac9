// One entry point for every transport (IPC, HTTP, tests): validate the input against the
// contract, run the handler, and turn every failure into an error value — never a throw.
import { z } from 'zod'
import { contract, type ApiError, type CallContext, type MethodName, type Output, type Result } from '../../shared/contract'
import { AppError } from '../errors'
import { chineseInputError } from '../../shared/inputErrors'
import { findMalformed } from '../kernel/wellFormedText'
import type { Handlers } from './handlers'
import type { CallerCredentials, Guard } from './guard'

/** Transports pass the token they carried; in-process callers (tests, scripts) may name themselves. */
export type Dispatch = <M extends string>(method: M, input: unknown, credentials?: CallerCredentials) => Promise<Result<OutputOf<M>>>
/** A method's answer as the contract types it; unknown for a name that is no method (a transport's path). */
export type OutputOf<M extends string> = M extends MethodName ? Output<M> : unknown

const isMethod = (m: string): m is MethodName => Object.prototype.hasOwnProperty.call(contract, m)

/** The first few problems, each with its field: a body with a thousand wrong items gets a readable message. */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((i) => `${i.path.length ? `字段“${i.path.join('.').slice(0, 60)}”` : '请求体'}：${i.message}`)
  return `${shown.join('；')}${error.issues.length > 5 ? `；等共 ${error.issues.length} 处` : ''}。`
}

/** Where some reads run instead of this thread (the town server's pool of readers: electron/server/readPool.ts). */
export type Offload = { takes: (method: MethodName) => boolean; run: (method: MethodName, input: unknown, ctx: CallContext) => Promise<unknown> }

export function createDispatcher(
  handlers: Handlers,
  guard: Guard,
  opts: { validateOutput?: boolean; onInternalError?: (e: unknown, method: string) => void; offload?: Offload } = {}
): Dispatch {
  z.config({ localeError: chineseInputError })
  return async (method, input, credentials) => {
    if (!isMethod(method)) return fail({ code: 'UNKNOWN_METHOD', message: `没有名为“${String(method).slice(0, 60)}”的接口方法。` })
    const spec = contract[method]
    try {
      const who = guard.identify(method, credentials)
      const malformed = findMalformed(input)
      if (malformed) return fail({ code: 'BAD_INPUT', message: `请求参数有误：${malformed.problem}。`, details: { field: malformed.path } })
      const parsed = spec.input.safeParse(input ?? undefined)
      if (!parsed.success) return fail({ code: 'BAD_INPUT', message: `请求参数有误：${describeIssues(parsed.error)}`, details: parsed.error.issues })
      const ctx = guard.admit(method, parsed.data, who)
      const handler = handlers[method] as (i: unknown, c: CallContext) => unknown
      const offload = opts.offload?.takes(method) ? opts.offload : undefined
      const value = await guard.run(method, parsed.data, ctx, () => (offload ? offload.run(method, parsed.data, ctx) : handler(parsed.data, ctx)))
      if (opts.validateOutput) spec.output.parse(value)
      // The handler map is typed by the contract (FeatureHandlers), so the value is this method's output.
      return { ok: true, value: value as OutputOf<typeof method> }
    } catch (e) {
      if (e instanceof AppError) return fail({ code: e.code, message: e.message, details: e.details })
      const sqliteCode = (e as { code?: unknown })?.code
      if (sqliteCode === 'SQLITE_FULL')
        return fail({ code: 'INTERNAL', message: '磁盘空间已满：本次操作没有写入，数据未被修改。请清理磁盘空间（或将数据库移到空间充足的磁盘）后重试。' })
      if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_IOERR'))
        return fail({ code: 'INTERNAL', message: `读写数据库文件出错（${sqliteCode}）：本次操作没有写入。请检查磁盘或网络盘是否可用后重试。` })
      // A rule of the store caught what the service did not check first: said in words, and logged as the gap it is.
      const refused = typeof sqliteCode === 'string' ? constraintRefusal(sqliteCode, e as Error) : null
      opts.onInternalError?.(e, method)
      if (refused) return fail(refused)
      return fail({ code: 'INTERNAL', message: `处理“${method}”时发生内部错误，数据未被修改。请重试；如仍出错，请联系管理员（错误已记入服务日志）。` })
    }
  }
}

const fail = (error: ApiError): Result<never> => ({ ok: false, error })

/** What a violated constraint means to the user; SQLite's own words stay in the log. */
function constraintRefusal(code: string, e: Error): ApiError | null {
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { code: 'BAD_INPUT', message: '所引用的记录（村居、网格、人员等）不存在或已被删除，请刷新后重新选择。' }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return { code: 'CONFLICT', message: '与已有记录重复，未写入。请刷新后核对。' }
  // The append-only tables' triggers speak Chinese already (审计记录只能追加…).
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') return { code: 'CONFLICT', message: /[\u4e00-\u9fff]/.test(e.message) ? e.message : '此记录不能修改。' }
  if (code.startsWith('SQLITE_CONSTRAINT')) return { code: 'BAD_INPUT', message: '有必填项为空或取值不在允许范围内，未写入。请检查后重试。' }
  return null
}
