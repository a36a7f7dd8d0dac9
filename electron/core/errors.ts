import type { ErrorCode } from '../shared/contract'

/** An error meant for the user: it crosses the API as `{ok:false, error:{code, message}}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string, id: number | string) => new AppError('NOT_FOUND', `未找到${what}（编号 ${id}），可能已被删除，请刷新后重试。`)
