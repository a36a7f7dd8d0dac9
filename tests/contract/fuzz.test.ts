// Every method of the contract, called over HTTP by a role allowed to call it, with a few dozen
// malformed bodies made from its schema (tests/support/fuzzBodies.ts), against browser mode in its own
// process on a copy of the demo town with its people. No answer may be a 500 or an INTERNAL error,
// no message may carry a stack trace, a source path or SQLite's own words, the server must keep
// answering, and at the end the audit chain and the store must both check out.
// Every body the generator makes is sent (about 13,000, under a minute); FUZZ_PER_METHOD=40 sends a
// sample for a quick run, FUZZ_SEED another sample.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, ErrorCode, methodNames, type MethodName } from '../../electron/shared/contract'
import { hasCapability } from '../../electron/core/api/access'
import { methodRules } from '../../electron/core/api/methodRules'
import { defaultBackupFolder } from '../../electron/core/trust/backups'
import { repoRoot } from '../../electron/core/paths'
import type { Role } from '../../electron/shared/accounts'
import { demoPassword, peopleStoreCopy, tempDir } from '../support/core'
import { malformedBodies } from '../support/fuzzBodies'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { validInputs } from '../support/validInputs'

const perMethod = Number(process.env.FUZZ_PER_METHOD ?? Infinity)
const seed = Number(process.env.FUZZ_SEED ?? 17)

/** Demo accounts by role; the leader is kept for the methods acting on the caller's own session. */
const accountOf: Partial<Record<Role, string>> = { operator: 'operator', organiser: 'organiser', sysadmin: 'admin', secadmin: 'secadmin', auditor: 'auditor' }
const sessionAccount = 'leader'

let server: ServerProcess
let dbFile: string
let store: Database.Database
let bases: Record<MethodName, unknown>
const tokens = new Map<string, string>()

async function post(method: string, body: string, token?: string) {
  const res = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body
  })
  const text = await res.text()
  return { status: res.status, text }
}
async function signIn(username: string, password = demoPassword): Promise<string> {
  const r = JSON.parse((await post('auth.login', JSON.stringify({ username, password }))).text) as { ok: boolean; value: { token: string } }
  if (!r.ok) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(r)}`)
  tokens.set(username, r.value.token)
  return r.value.token
}
async function call<T>(username: string, method: MethodName, input: unknown): Promise<T> {
  const r = JSON.parse((await post(method, JSON.stringify(input), tokens.get(username))).text) as { ok: boolean; value: T }
  if (!r.ok) throw new Error(`${method} as ${username}: ${JSON.stringify(r)}`)
  return r.value
}

/**
 * The session methods' account, fresh: whatever a body did to it (signed it out, locked the screen,
 * locked the account with wrong passwords, changed its password), the administrator sets it back.
 */
const sessionPassword = 'Fuzz#Session2026'
async function freshSession(): Promise<string> {
  const id = store.prepare('select id from accounts where username = ?').pluck().get(sessionAccount) as number
  await call('admin', 'accounts.resetPassword', { id, password: sessionPassword })
  return signIn(sessionAccount, sessionPassword)
}

/** Who calls a method: nobody for public ones, the session account, else the first role allowed. */
function callerOf(method: MethodName): string | null {
  const rule = methodRules[method]
  if (rule.access === 'public') return null
  if (rule.access === 'session') return sessionAccount
  const role = (Object.keys(accountOf) as Role[]).find((r) => hasCapability(r, rule.access as Parameters<typeof hasCapability>[1]))
  if (!role) throw new Error(`no demo role may call ${method}`)
  return accountOf[role]!
}

/** What no message may show: how the code is laid out, where it runs, what SQLite said. */
const leaks =
  /\bat \S+ \(|\.(ts|js|mjs|cjs):\d+|node_modules|SQLITE_|constraint failed|no such (table|column)|syntax error|near "|Cannot read prop|is not a function|is not iterable|Maximum call stack|TypeError|RangeError|ReferenceError|\[object Object\]|\bundefined\b|\bNaN\b/

beforeAll(async () => {
  dbFile = peopleStoreCopy()
  const staticDir = tempDir()
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>狮山</title>')
  server = await startServerProcess(dbFile, staticDir)
  store = new Database(dbFile, { readonly: true, fileMustExist: true })
  for (const username of Object.values(accountOf)) await signIn(username!)
  const target = await call<{ id: number }>('admin', 'accounts.create', { username: 'fuzztarget', displayName: '模糊测试对象', password: 'Fuzz#Target2026' })
  bases = {
    ...validInputs(store, () => ''),
    // Bodies start from inputs that cannot take the fuzz's own accounts or store away from it.
    'auth.login': { username: 'fuzz-login', password: 'Fuzz#Login2026' },
    'auth.unlock': { password: sessionPassword },
    'auth.changePassword': { currentPassword: sessionPassword, newPassword: 'Fuzz#Changed2026' },
    'accounts.create': { username: 'fuzznew', displayName: '模糊测试新建', password: 'Fuzz#New2026x' },
    'accounts.setRole': { id: target.id, role: 'leader', unitId: null },
    'accounts.setEnabled': { id: target.id, enabled: false },
    'accounts.resetPassword': { id: target.id, password: 'Fuzz#Reset2026' },
    'backups.preview': { file: join(defaultBackupFolder(dbFile), 'shishan-20990101-000000.db') },
    'backups.restore': { file: join(defaultBackupFolder(dbFile), 'shishan-20990101-000000.db'), confirm: true }
  }
  await freshSession()
}, 180_000)
afterAll(async () => {
  store?.close()
  await server?.stop()
})

describe('every method, malformed', () => {
  it.each(methodNames.map((m) => [m]))('%s: no 500, no internals in any message, the server goes on', { timeout: 120_000 }, async (method) => {
    const caller = callerOf(method)
    const problems: string[] = []
    for (const body of malformedBodies(contract[method].input, bases[method], { perMethod, seed })) {
      if (caller === sessionAccount && !tokens.has(sessionAccount)) await freshSession()
      const { status, text } = await post(method, body, caller ? tokens.get(caller) : undefined)
      const shown = body.length > 160 ? `${body.slice(0, 160)}…` : body
      let answer: { ok: boolean; error?: { code: string; message: string } }
      try {
        answer = JSON.parse(text)
      } catch {
        problems.push(`${status} not JSON for ${shown}: ${text.slice(0, 200)}`)
        continue
      }
      if (status >= 500 || answer.error?.code === 'INTERNAL') problems.push(`${status} ${text.slice(0, 300)} for ${shown}`)
      else if (!answer.ok) {
        const { code, message } = answer.error!
        if (!ErrorCode.options.includes(code as ErrorCode)) problems.push(`unknown code ${code} for ${shown}`)
        if (typeof message !== 'string' || !/[\u4e00-\u9fff]/.test(message)) problems.push(`no Chinese message (${message}) for ${shown}`)
        else if (leaks.test(message) || message.includes(repoRoot)) problems.push(`message shows internals: ${message.slice(0, 300)} for ${shown}`)
        // The call may have ended or locked its own session: sign in again for the next body.
        if (caller && (code === 'UNAUTHENTICATED' || code === 'LOCKED' || code === 'PASSWORD_EXPIRED')) tokens.delete(caller)
      } else if (method === 'auth.logout' || method === 'auth.lock' || method === 'auth.changePassword') tokens.delete(sessionAccount)
      if (caller && caller !== sessionAccount && !tokens.has(caller)) await signIn(caller)
    }
    expect(problems, problems.join('\n')).toEqual([])
    expect(await server.answering(), `the server stopped answering during ${method}: ${server.stderr().slice(-800)}`).toBe(true)
  })
})

describe('afterwards', () => {
  it('the audit chain and the store both check out', async () => {
    const v = await call<{ ok: boolean; firstBroken: unknown }>('auditor', 'audit.verify', {})
    expect(v).toMatchObject({ ok: true, firstBroken: null })
    expect(store.pragma('quick_check', { simple: true })).toBe('ok')
    expect(server.exitCode()).toBeNull()
  })
})
