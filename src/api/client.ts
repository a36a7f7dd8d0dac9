// The renderer's only door to the core: `window.api` in the desktop app (preload bridge), or
// the same contract over HTTP in browser mode. Both answer Result values; here failures become
// ApiCallError so hooks can show the message.
import type { ApiBridge, ApiError, Input, MethodName, Output, Result } from '../../electron/shared/contract'

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

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {})
    })
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接本机服务，请确认浏览器模式的服务仍在运行。' } }
  }
  try {
    return (await response.json()) as Result<unknown>
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的应答（HTTP ${response.status}）。` } }
  }
}

export async function call<M extends MethodName>(method: M, input?: Input<M>): Promise<Output<M>> {
  const bridge = window.api
  const result = (bridge ? await bridge[method](input) : await overHttp(method, input)) as Result<Output<M>>
  if (!result.ok) throw new ApiCallError(result.error)
  return result.value
}
