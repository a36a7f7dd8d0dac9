// A full disk: the store on a small tmpfs with the rest of it filled. A large import must fail with a
// message saying the disk is full, write nothing, leave the store intact, and succeed once there is room.
// Where tmpfs cannot be mounted (not root, no CAP_SYS_ADMIN), SQLite's own page limit stands in for the
// full disk: the same SQLITE_FULL reaches the same code, and the test says which it used.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idCheckChar } from '../../electron/core/kernel/personalData'
import { tempDbFile, tempDir, testCore } from '../support/core'

let mountPoint: string | null = null
let core: ReturnType<typeof testCore>
let filler: string | null = null

function tryMount(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

beforeAll(() => {
  // The demo town, checkpointed into one file, copied onto the small disk.
  const template = tempDbFile()
  const seed = testCore({ dbFile: template })
  seed.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  seed.close()
  const dir = join(tempDir('shishan-full-'), 'disk')
  mkdirSync(dir)
  if (tryMount(dir, '48m')) mountPoint = dir
  const dbFile = join(dir, 'store.db')
  copyFileSync(template, dbFile)
  core = testCore({ dbFile })
  if (mountPoint) {
    // Leave about 100 KB free.
    const free = statfsSync(dir).bavail * statfsSync(dir).bsize
    filler = join(dir, 'filler.bin')
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - 100 * 1024)))
  } else {
    const pages = core.store.sqlite.pragma('page_count', { simple: true }) as number
    core.store.sqlite.pragma(`max_page_count = ${pages + 20}`)
  }
})
afterAll(() => {
  core?.close()
  if (mountPoint) execFileSync('umount', ['-l', mountPoint])
})

function personsCsv(n: number) {
  const rows = Array.from({ length: n }, (_, k) => {
    // A birth date per thousand rows and a sequence within it: unique, valid ID numbers.
    const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(k / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
    const id = `440605${birth}${String(k % 1000).padStart(3, '0')}`
    return `满盘测试${k},${id}${idCheckChar(id)},本镇户籍,汀圃社区,汀圃社区杨坳经济社${k}号这是一段较长的住址用来占用空间`
  })
  return Buffer.from(`姓名,身份证号,户籍类型,居住村居,住址\n${rows.join('\n')}\n`).toString('base64')
}

describe('a full disk', () => {
  it('refuses the write with a clear message, writes nothing, and works again once there is room', async () => {
    console.log(
      mountPoint
        ? '满盘测试：数据库位于 48 MB 的 tmpfs，剩余约 100 KB。'
        : '满盘测试：无法挂载 tmpfs（需要 root），改用 SQLite 的 max_page_count 模拟磁盘已满。'
    )
    const count = () => core.store.sqlite.prepare('select count(*) from persons').pluck().get() as number
    const before = count()
    const big = personsCsv(3000)
    const r = await core.dispatch('people.import', { kind: 'persons', fileName: '人员.csv', contentBase64: big, dryRun: false })
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    if (!r.ok) expect(r.error.message).toContain('磁盘空间已满')
    expect(count()).toBe(before)
    expect(core.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    // Room again: the same import goes through.
    if (filler) rmSync(filler)
    else core.store.sqlite.pragma('max_page_count = 1073741823')
    const again = await core.dispatch('people.import', { kind: 'persons', fileName: '人员.csv', contentBase64: big, dryRun: false })
    expect(again.ok).toBe(true)
    expect(count()).toBe(before + 3000)
    const file = new Database(core.store.file, { readonly: true })
    expect(file.pragma('quick_check', { simple: true })).toBe('ok')
    file.close()
  })
})
