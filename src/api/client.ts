// The renderer's only door to the core: `window.api` in the desktop app (preload bridge), or
// the same contract over HTTP in browser mode. Both answer Result values; here failures become
// ApiCallError so hooks can show the message.
import type { ApiBridge, ApiError, Input, MethodName, Output, Result } from '../../electron/shared/contract'
import { sessionNeedsAttention, sessionToken } from './session'
import { noteAnswer } from './readStamps'

declare global {
  interface Window {
    api?: ApiBridge
  }
}

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
  }
}

async function overHttp(method: string, input: unknown, token: string | null): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {})
    })
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `无法连接服务（${window.location.host}），请确认服务仍在运行、网络畅通后重试。` } }
  }
  noteAnswer(method, response.headers.get('x-store-version'))
  try {
    return (await response.json()) as Result<unknown>
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的应答（HTTP ${response.status}）。` } }
  }
}

/** Refusals that are about the session, not the call: the console shows sign-in, unlock or change-password. */
const sessionCodes = new Set(['UNAUTHENTICATED', 'LOCKED', 'PASSWORD_EXPIRED'])

export async function call<M extends MethodName>(method: M, input?: Input<M>): Promise<Output<M>> {
  const bridge = window.api
  const token = sessionToken()
  const result = (bridge ? await bridge[method](input, token ?? undefined) : await overHttp(method, input, token)) as Result<Output<M>>
  if (!result.ok) {
    if (sessionCodes.has(result.error.code) && !method.startsWith('auth.')) sessionNeedsAttention()
    throw new ApiCallError(result.error)
  }
  return result.value
}
