// 系统设置 → 本机使用方式, the main process's side (electron/main/seatSetup.ts), against the town server
// in its own process: the first start knows no choice; a folder of seat files is checked; 测试连接
// dials the server with them and says in Chinese why it could not (nobody answering, a foreign or
// revoked certificate, another version); 保存 writes seat.json whole, a bad address writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { seatSetup } from '../../electron/main/seatSetup'
import { readSeatChoice } from '../../electron/main/seatSettings'
import { contractHash } from '../../electron/core/api/contractHash'
import { appVersion } from '../../electron/core/paths'
import { createTownCa, issueSeat, revokeSeat } from '../../electron/server/townCa'
import { tempDbFile, tempDir } from '../support/core'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'

const town = tempDir()
let server: ServerProcess
let address: string

/** A seat's folder as the IT person copies it: ca.crt, <seat>.crt, <seat>.key (from another town's CA if asked). */
function deskFolder(seat: string, from = town) {
  const dir = tempDir()
  copyFileSync(join(from, 'ca.crt'), join(dir, 'ca.crt'))
  copyFileSync(join(from, 'seats', `${seat}.crt`), join(dir, `${seat}.crt`))
  copyFileSync(join(from, 'seats', `${seat}.key`), join(dir, `${seat}.key`))
  return dir
}
const setupIn = (dir = tempDir(), hash = contractHash()) => ({
  file: join(dir, 'seat.json'),
  setup: seatSetup({ settingsFile: join(dir, 'seat.json'), appVersion: appVersion(), contractHash: hash })
})

beforeAll(async () => {
  createTownCa(town, ['127.0.0.1'])
  for (const seat of ['汀圃社区-01', '官窑管理处-01', '大榄村-01']) issueSeat(town, seat)
  server = await startServerProcess(tempDbFile(), tempDir(), { SHISHAN_TLS_DIR: town })
  address = new URL(server.url).host
}, 120_000)
afterAll(async () => {
  await server?.stop()
})

describe('系统设置 → 本机使用方式', () => {
  it('knows no choice on a first start, and says so of a damaged seat.json', () => {
    const { file, setup } = setupIn()
    expect(setup.view()).toMatchObject({ mode: 'unset', problem: null })
    writeFileSync(file, '{"mode": "se')
    expect(setup.view()).toMatchObject({ mode: 'unset', problem: expect.stringContaining('已损坏') })
  })

  it('checks a folder of seat files and names the seat', () => {
    const { setup } = setupIn()
    expect(setup.folder(deskFolder('汀圃社区-01'))).toEqual({ ok: true, value: { folder: expect.any(String), seatName: '汀圃社区-01' } })
    const empty = tempDir()
    expect(setup.folder(empty)).toEqual({ ok: false, message: expect.stringContaining('没有 ca.crt') })
  })

  it('tests the connection: the town’s seat is answered, with the server’s version', async () => {
    const { setup } = setupIn()
    const answer = await setup.test(address, deskFolder('汀圃社区-01'))
    expect(answer).toEqual({ ok: true, value: { serverUrl: server.url, seatName: '汀圃社区-01', serverVersion: appVersion() } })
  })

  it('says why a test failed: nobody at the address, a foreign certificate, a revoked one, another version', async () => {
    const { setup } = setupIn()
    const folder = deskFolder('官窑管理处-01')
    // A port where nothing listens.
    const nobody = await setup.test('127.0.0.1:1', folder)
    expect(nobody).toEqual({ ok: false, message: expect.stringContaining('没有应答') })
    // Another town's CA and seat: the server is not the CA's, and it closes on the seat.
    const otherTown = tempDir()
    createTownCa(otherTown, ['127.0.0.1'])
    issueSeat(otherTown, '外镇-01')
    const foreign = await setup.test(address, deskFolder('外镇-01', otherTown))
    expect(foreign.ok).toBe(false)
    expect((foreign as { message: string }).message).toMatch(/加密连接未能建立|断开了连接|握手时中断/)
    // A seat the town revoked.
    const revokedFolder = deskFolder('大榄村-01')
    revokeSeat(town, '大榄村-01')
    await expect.poll(async () => (await setup.test(address, revokedFolder)).ok, { timeout: 10_000 }).toBe(false)
    expect(((await setup.test(address, revokedFolder)) as { message: string }).message).toMatch(/吊销/)
    // The seat program of another version: both versions named.
    const older = setupIn(tempDir(), '0123456789ab').setup
    const other = await older.test(address, folder)
    expect(other).toEqual({ ok: false, message: expect.stringContaining('接口 0123456789ab') })
    expect((other as { message: string }).message).toContain(`版本 ${appVersion()}`)
  }, 60_000)

  it('saves a seat whole and shows it; a bad address or folder writes nothing', () => {
    const { file, setup } = setupIn()
    const folder = deskFolder('汀圃社区-01')
    expect(setup.save({ mode: 'seat', server: 'ftp://shishan-server', folder })).toEqual({ ok: false, message: expect.stringContaining('https://') })
    expect(setup.save({ mode: 'seat', server: address, folder: tempDir() })).toMatchObject({ ok: false })
    expect(existsSync(file)).toBe(false)
    expect(setup.save({ mode: 'seat', server: address, folder })).toMatchObject({ ok: true })
    expect(readSeatChoice(file)).toEqual({
      mode: 'seat',
      serverUrl: server.url,
      caFile: join(folder, 'ca.crt'),
      certFile: join(folder, '汀圃社区-01.crt'),
      keyFile: join(folder, '汀圃社区-01.key')
    })
    expect(setup.view()).toMatchObject({ mode: 'seat', serverUrl: server.url, folder, seatName: '汀圃社区-01', problem: null })
    // The seat files moved away afterwards: the view says which file is missing.
    writeFileSync(join(folder, '汀圃社区-01.crt'), 'not a certificate')
    expect(setup.view()).toMatchObject({ mode: 'seat', seatName: null, problem: expect.stringContaining('汀圃社区-01.crt') })
    // Back to 单机.
    expect(setup.save({ mode: 'standalone' })).toEqual({ ok: true, value: { mode: 'standalone' } })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ mode: 'standalone' })
    expect(setup.view()).toMatchObject({ mode: 'standalone', problem: null })
  })
})
