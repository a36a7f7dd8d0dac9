// The benchmark measures the app as a user meets it: every call carries a session token through the
// core's guard (role, scope, audit), as the HTTP bridge and IPC do.
import type { Core } from '../../electron/core/app'

const BENCH_PASSWORD = 'Bench#Pass2026'

export async function signedIn(core: Pick<Core, 'dispatch' | 'seedDemoAccounts'>, username: string) {
  await core.seedDemoAccounts(BENCH_PASSWORD)
  const r = await core.dispatch('auth.login', { username, password: BENCH_PASSWORD })
  if (!r.ok) throw new Error(`登录失败：${r.error.message}`)
  const token = (r.value as { token: string }).token
  return { token, call: (method: string, input?: unknown) => core.dispatch(method, input, { token }) }
}
