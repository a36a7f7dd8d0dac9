// The commands a user types: `npm run serve` (its CLI) and `npm start` without an Electron binary.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../electron/core/paths'
import { demoPassword, tempDir } from '../support/core'

const cli = ['--import', 'tsx', join(repoRoot, 'electron', 'server', 'cli.ts')]
const electronPresent = (() => {
  const pathFile = join(repoRoot, 'node_modules', 'electron', 'path.txt')
  return existsSync(pathFile) && existsSync(join(repoRoot, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()))
})()

describe('browser mode CLI', () => {
  it('creates a missing --db file with the demo town and its demo accounts, and serves the API on 127.0.0.1 to a signed-in caller', async () => {
    const db = join(tempDir(), 'new.db')
    const child = spawn(process.execPath, [...cli, '--port', '0', '--db', db, '--demo-password', demoPassword], { cwd: repoRoot })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (d) => {
          out += d
          const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//)
          if (m) resolve(m[0])
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
      })
      expect(existsSync(db)).toBe(true)
      expect((await fetch(`${url}api/grids.summary`, { method: 'POST', body: '{}' })).status).toBe(401)
      const login = await (await fetch(`${url}api/auth.login`, { method: 'POST', body: JSON.stringify({ username: 'leader', password: demoPassword }) })).json()
      expect(login.value.me.account.roleName).toBe('镇领导（只读）')
      const body = await (
        await fetch(`${url}api/grids.summary`, { method: 'POST', body: '{}', headers: { authorization: `Bearer ${login.value.token}` } })
      ).json()
      expect(body.value.tiers.map((t: { count: number }) => t.count)).toEqual([84, 600, 1400])
      expect(await (await fetch(url)).text()).toContain('狮山镇网格化指挥中心')
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('refuses a --db file that is not SQLite with one line naming it, and leaves it untouched', () => {
    const db = join(tempDir(), 'ledger.db')
    writeFileSync(db, 'not a database')
    const before = createHash('sha256').update(readFileSync(db)).digest('hex')
    const r = spawnSync(process.execPath, [...cli, '--port', '0', '--db', db], { cwd: repoRoot, encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(db)
    expect(r.stderr).toContain('不是 SQLite 数据库')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before)
  })

  it('refuses an invalid port with a clear message', () => {
    const r = spawnSync(process.execPath, [...cli, '--port', 'eighty', '--db', join(tempDir(), 'x.db')], { cwd: repoRoot, encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('端口')
  })
})

describe('npm start', () => {
  // Only meaningful where Electron's binary is absent (as on our CI machines); with it present
  // this would open the desktop app, which a headless test run cannot look at.
  it.skipIf(electronPresent)('says in one line that Electron is missing and names browser mode, without a stack trace', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'electron', 'launch', 'start.mjs')], { cwd: repoRoot, encoding: 'utf8' })
    expect(r.status).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('npm run serve')
    expect(r.stdout).toBe('')
  })
})
