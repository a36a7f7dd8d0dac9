// Backups on a real store: taken online while writes go on (each backup a consistent, intact copy),
// the last N kept, previewed, restored (with a copy of the store taken first, every session ended,
// the restore in the restored trail), bad files refused; and the start check's way back.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input, Result } from '../../electron/shared/contract'
import { DatabaseFileError } from '../../electron/core/db/open'
import { defaultBackupFolder, inspectBackup, listBackups, restoreBeforeOpen } from '../../electron/core/trust/backups'
import { demoPassword, ok, signIn, tempDbFile, tempDir, testCore } from '../support/core'

let core: ReturnType<typeof testCore>
let admin: string
const issueInput = (n: number): Input<'issues.create'> => ({
  title: `备份测试${n}`,
  description: '备份期间登记的问题',
  category: '环境卫生',
  urgency: '一般',
  source: '网格巡查',
  villageUnitId: 34
})
const issues = () => core.store.sqlite.prepare('select count(*) from issues').pluck().get() as number
const asAdmin = (method: string, input?: unknown) => core.dispatch(method, input, { token: admin }) as Promise<Result<never>>

beforeAll(async () => {
  core = testCore()
  await core.seedDemoAccounts(demoPassword)
  admin = await signIn(core, 'admin')
})
afterAll(() => core.close())

describe('backups', () => {
  it('takes a consistent, intact copy while writes go on', async () => {
    const before = issues()
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        await ok(core, 'issues.create', issueInput(written++))
        await new Promise((r) => setImmediate(r))
      }
    })()
    const r = (await asAdmin('backups.run')) as Result<{ file: string; integrity: string }>
    writing = false
    await writer
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.integrity).toBe('ok')
    const copy = new Database(r.value.file, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    const inCopy = copy.prepare('select count(*) from issues').pluck().get() as number
    // Each issue is whole in the copy or absent: its log row travels with it.
    expect(copy.prepare('select count(*) from issues i where not exists (select 1 from issue_events e where e.issue_id = i.id)').pluck().get()).toBe(0)
    copy.close()
    expect(inCopy).toBeGreaterThanOrEqual(before)
    expect(inCopy).toBeLessThanOrEqual(issues())
    expect(written).toBeGreaterThan(0)
    // The run is in the audit trail.
    const trail = await ok(core, 'audit.search', { action: 'backups.run' })
    expect(trail.rows[0].action).toBe('backups.run')
  })

  it('keeps only the last N', async () => {
    expect((await asAdmin('security.setSettings', { backupKeep: 2 })).ok).toBe(true)
    for (let i = 0; i < 3; i++) expect((await asAdmin('backups.run')).ok).toBe(true)
    const list = (await asAdmin('backups.list')) as Result<{ folder: string; backups: { name: string }[] }>
    expect(list.ok && list.value.backups).toHaveLength(2)
    if (list.ok) expect(list.value.folder).toBe(defaultBackupFolder(core.store.file))
  })

  it('previews a backup, restores it — after keeping a copy of the store as it was — and ends every session', async () => {
    const latest = listBackups(defaultBackupFolder(core.store.file))[0]
    const preview = (await asAdmin('backups.preview', { file: latest.file })) as Result<{ integrity: string; counts: Record<string, number> }>
    expect(preview.ok && preview.value.integrity).toBe('ok')
    if (!preview.ok) return
    expect(preview.value.counts.grids).toBe(2084)
    const atBackup = preview.value.counts.issues
    await ok(core, 'issues.create', issueInput(9999))
    expect(issues()).toBe(atBackup + 1)
    const leader = await signIn(core, 'leader')
    const r = (await asAdmin('backups.restore', { file: latest.file, confirm: true })) as Result<{ safetyBackup: string }>
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(issues()).toBe(atBackup)
    // The store as it was before the restore is kept, with the issue the backup lacks.
    expect(inspectBackup(r.value.safetyBackup).counts.issues).toBe(atBackup + 1)
    expect((await core.dispatch('grids.summary', {}, { token: leader })).ok).toBe(false)
    expect((await core.dispatch('grids.summary', {}, { token: admin })) as Result<never>).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    admin = await signIn(core, 'admin')
    const trail = await ok(core, 'audit.search', { action: 'backups.restore' })
    expect(trail.rows[0]).toMatchObject({ action: 'backups.restore', username: 'admin' })
    expect(await ok(core, 'audit.verify')).toMatchObject({ ok: true })
  })

  it('refuses to restore what is not an intact backup of this app, and changes nothing', async () => {
    const folder = defaultBackupFolder(core.store.file)
    const junk = join(folder, 'shishan-20260101-000000.db')
    writeFileSync(junk, '这不是数据库')
    const before = issues()
    const r = await asAdmin('backups.restore', { file: junk, confirm: true })
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const other = join(folder, 'shishan-20260101-000001.db')
    new Database(other).exec('create table t (x)')
    expect(await asAdmin('backups.restore', { file: other, confirm: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await asAdmin('backups.restore', { file: join(folder, 'shishan-20990101-000000.db'), confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(issues()).toBe(before)
  })

  it('previews and restores only backups of its own folder: no other file of the machine can be read or probed', async () => {
    const elsewhere = join(tempDir(), 'shishan-20260101-000000.db')
    new Database(elsewhere).exec('create table grids (id integer)')
    for (const file of [elsewhere, '/etc/passwd', '/nonexistent/x.db', '../shishan-backups/x.db', `${defaultBackupFolder(core.store.file)}/../store.db`]) {
      for (const method of ['backups.preview', 'backups.restore']) {
        const r = await asAdmin(method, method === 'backups.restore' ? { file, confirm: true } : { file })
        expect(r, `${method} ${file}`).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
        if (!r.ok) expect(r.error.message).toMatch(/只能预览或恢复备份目录/)
      }
    }
  })
})

describe('the backup folder', () => {
  it('takes only a whole path: a relative one would land wherever the app was started', async () => {
    for (const folder of ['backups', './backups', '../backups', 'D:backups', '']) {
      const r = await asAdmin('security.setSettings', { backupFolder: folder })
      expect(r, folder).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      if (!r.ok) expect(r.error.message).toMatch(/字段“backupFolder”：备份目录须为完整路径/)
    }
    for (const folder of [tempDir(), 'D:\\网格备份', '\\\\nas\\backup'])
      expect((await asAdmin('security.setSettings', { backupFolder: folder })).ok, folder).toBe(true)
    // A relative folder stored by an older version is refused at the backup, never resolved against the working folder.
    const cwdBefore = readdirSync(process.cwd())
    core.store.sqlite.prepare("update app_meta set value = json_set(value, '$.backupFolder', 'fuzzed') where key = 'security'").run()
    await asAdmin('security.setSettings', { backupKeep: 14 })
    const r = await asAdmin('backups.run')
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (!r.ok) expect(r.error.message).toMatch(/不是完整路径/)
    expect(readdirSync(process.cwd())).toEqual(cwdBefore)
    expect((await asAdmin('security.setSettings', { backupFolder: null })).ok).toBe(true)
  })

  it('holds backups and nothing beside them: no -wal or -shm file is left by a backup or its preview', async () => {
    const r = (await asAdmin('backups.run')) as Result<{ file: string }>
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect((await asAdmin('backups.preview', { file: r.value.file })).ok).toBe(true)
    const folder = defaultBackupFolder(core.store.file)
    expect(readdirSync(folder).filter((n) => !/^shishan-[\d-]+(-恢复前)?(_\d+)?\.db$/.test(n))).toEqual([])
  })
})

describe('the start check', () => {
  it('refuses a damaged store naming the backups, and --restore brings a backup back', async () => {
    const file = tempDbFile()
    const first = testCore({ dbFile: file })
    const backup = await first.backupNow()
    first.close()
    // Damage the store: overwrite pages in the middle of the file.
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 8192, 8192 + 4096 * 8)
    writeFileSync(file, bytes)
    let refused: unknown
    try {
      testCore({ dbFile: file }).close()
    } catch (e) {
      refused = e
    }
    expect(refused).toBeInstanceOf(DatabaseFileError)
    expect((refused as Error).message).toContain(defaultBackupFolder(file))
    expect((refused as Error).message).toContain('--restore')
    const { keptAs } = await restoreBeforeOpen(file, backup.file)
    expect(keptAs && existsSync(keptAs)).toBe(true)
    const again = testCore({ dbFile: file })
    expect(again.store.sqlite.prepare('select count(*) from grids').pluck().get()).toBe(2084)
    again.close()
  })
})
