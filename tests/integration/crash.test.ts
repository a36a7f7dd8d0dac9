// The crash harness: a child process imports people and routes issues on one store; it is killed
// with SIGKILL at a random moment, hundreds of times. After each kill the store must open and pass
// integrity_check, no import may be half there, every acknowledged action must be present, and the
// audit chain must verify. The child is bundled once with esbuild so each start costs little.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { buildSync } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'
import { firstBrokenLink, type ChainedRow } from '../../electron/core/trust/domain/auditChain'
import { createRng } from '../../electron/core/demo/prng'
import { tempDir, testCore } from '../support/core'

const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 200)
let dir: string
let dbFile: string
let worker: string

beforeAll(() => {
  dir = tempDir('shishan-crash-')
  dbFile = join(dir, 'store.db')
  testCore({ dbFile }).close()
  // Inside the repository, so the bundle finds better-sqlite3 in node_modules.
  worker = join(__dirname, '../../node_modules/.cache/shishan-test/crash-worker.mjs')
  buildSync({
    entryPoints: [join(__dirname, '../crash/worker.ts')],
    outfile: worker,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error'
  })
})
afterAll(() => undefined)

/**
 * Run the child, kill it hard `ms` after it starts (`from: 'start'`: while it opens the store, or
 * soon after) or after it says it is working (`from: 'ready'`), and return the lines it acknowledged.
 */
function runAndKill(iteration: number, ms: number, from: 'start' | 'ready'): Promise<{ acks: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, dbFile, defaultMigrationsFolder, defaultResourcesFolder, String(iteration)], {
      cwd: join(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    const killIn = () => (timer = setTimeout(() => child.kill('SIGKILL'), ms))
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (from === 'ready' && timer === undefined && out.startsWith('READY\n')) killIn()
    })
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    if (from === 'start') killIn()
    // A child that never says it is ready is killed too, not waited for.
    const guard = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.on('error', reject)
    child.on('exit', () => {
      clearTimeout(timer)
      clearTimeout(guard)
      // A line cut off by the kill was never acknowledged.
      resolve({
        acks: out
          .split('\n')
          .slice(0, -1)
          .filter((l) => l.startsWith('ACK ')),
        stderr
      })
    })
  })
}

describe('crash harness', () => {
  it(`survives ${ITERATIONS} SIGKILLs during imports and issue routing`, async () => {
    const rng = createRng(20261123)
    const ackedImports = new Set<string>()
    const ackedIssues = new Map<number, number>()
    let acks = 0
    for (let i = 0; i < ITERATIONS; i++) {
      // One kill in eight falls anywhere in the first 600 ms, the start (≈450 ms) included; the others
      // within 120 ms of work — a few dozen acknowledged writes, each a place to be cut.
      const { acks: lines, stderr } = i % 8 === 0 ? await runAndKill(i, rng.int(20, 600), 'start') : await runAndKill(i, rng.int(0, 120), 'ready')
      expect(stderr, `iteration ${i}`).not.toMatch(/Error|refused/)
      acks += lines.length
      for (const line of lines) {
        const [, kind, key, n] = line.split(' ')
        if (kind === 'import') ackedImports.add(key)
        else ackedIssues.set(Number(key), Math.max(Number(n), ackedIssues.get(Number(key)) ?? 0))
      }
      const db = new Database(dbFile)
      try {
        expect(db.pragma('integrity_check', { simple: true }), `iteration ${i}`).toBe('ok')
        // Imports: every one present in full or not at all; every acknowledged one present.
        const perTag = db
          .prepare(
            "select substr(name, 1, instr(name, '-') + instr(substr(name, instr(name, '-') + 1), '-')) tag, count(*) n from persons where name like '崩%' group by tag"
          )
          .all() as { tag: string; n: number }[]
        for (const { tag, n } of perTag) expect(n, `import ${tag} at iteration ${i}`).toBe(20)
        const present = new Set(perTag.map((t) => t.tag))
        for (const tag of ackedImports) expect(present.has(tag), `acknowledged import ${tag}`).toBe(true)
        // Issues: every acknowledged version present, with its log.
        const version = db.prepare('select version from issues where id = ?').pluck()
        for (const [id, v] of ackedIssues) expect(version.get(id) as number, `issue ${id}`).toBeGreaterThanOrEqual(v)
        expect(db.prepare('select count(*) from issues i where not exists (select 1 from issue_events e where e.issue_id = i.id)').pluck().get()).toBe(0)
        // The audit chain verifies.
        const rows = db
          .prepare(
            'select id, at, account_id accountId, username, role, action, outcome, target, detail, before, after, prev_hash prevHash, hash from audit_events order by id'
          )
          .all() as ChainedRow[]
        expect(firstBrokenLink(rows), `audit chain at iteration ${i}`).toBeNull()
      } finally {
        db.close()
      }
    }
    console.log(
      `崩溃测试：${ITERATIONS} 次 SIGKILL，确认的操作 ${acks} 次（导入 ${ackedImports.size} 批、事件 ${ackedIssues.size} 件），每次重启后完整性校验、导入完整性、已确认操作、审计哈希链均通过。`
    )
    expect(acks).toBeGreaterThan(ITERATIONS / 4)
  }, 900_000)
})
