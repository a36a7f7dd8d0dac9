// Start browser mode as a second process (tests/support/serverChild.ts) and tell whether it is still
// running: a request that ends the server must fail the test, not the test runner.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { browserFiles, httpsRequest } from './seatClient'
import { repoRoot } from '../../electron/core/paths'

export type ServerProcess = {
  url: string
  pid: number
  /** Still running, and answering GET /api. */
  answering: () => Promise<boolean>
  exitCode: () => number | null
  stderr: () => string
  stop: () => Promise<void>
}

export function startServerProcess(dbFile: string, staticDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/support/serverChild.ts'), dbFile, staticDir], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let err = ''
  let exited: number | null = null
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  child.on('exit', (code, signal) => (exited = code ?? (signal ? 128 : 0)))
  return new Promise((resolve, reject) => {
    let out = ''
    const onData = (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n').find((l) => l.startsWith('{"url"'))
      if (!line) return
      child.stdout.off('data', onData)
      const { url } = JSON.parse(line) as { url: string }
      resolve({
        url,
        pid: child.pid!,
        exitCode: () => exited,
        stderr: () => err,
        answering: async () => {
          if (exited !== null) return false
          try {
            if (env.SHISHAN_TLS_DIR) return (await httpsRequest(`${url}api`, browserFiles(env.SHISHAN_TLS_DIR))).status === 200
            return (await fetch(`${url}api`, { signal: AbortSignal.timeout(10_000) })).status === 200
          } catch {
            return false
          }
        },
        stop: () =>
          new Promise<void>((done) => {
            if (exited !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          })
      })
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server process exited (${code}) before listening: ${err}`)))
  })
}
