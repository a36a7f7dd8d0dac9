// The desktop app's main process in seat mode (electron/main/seatTransport.ts) against the town server
// in its own process: calls forwarded, the change stream of the session signed in on this PC passed on
// (and another desk's change heard), the shell's checks answered by the server, a seat whose files do
// not fit refused before it connects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { startSeatTransport, type SeatTransport } from '../../electron/main/seatTransport'
import { seatFilesIn } from '../../electron/main/seatSettings'
import { contractHash } from '../../electron/core/api/contractHash'
import { appVersion } from '../../electron/core/paths'
import { createTownCa, issueSeat } from '../../electron/server/townCa'
import { demoPassword, tempDbFile, tempDir } from '../support/core'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import type { StoreChange } from '../../electron/shared/storeChanges'

const town = tempDir()
const dbFile = tempDbFile()
let server: ServerProcess
let seat: SeatTransport
const heard: StoreChange[] = []

function deskFolder(name: string, keyOf = name) {
  const dir = tempDir()
  copyFileSync(join(town, 'ca.crt'), join(dir, 'ca.crt'))
  copyFileSync(join(town, 'seats', `${name}.crt`), join(dir, `${name}.crt`))
  copyFileSync(join(town, 'seats', `${keyOf}.key`), join(dir, `${name}.key`))
  return dir
}

beforeAll(async () => {
  createTownCa(town, ['127.0.0.1'])
  issueSeat(town, '汀圃社区-01')
  server = await startServerProcess(dbFile, tempDir(), { SHISHAN_TLS_DIR: town })
  seat = startSeatTransport(
    { mode: 'seat', serverUrl: server.url, ...seatFilesIn(deskFolder('汀圃社区-01')) },
    { appVersion: appVersion(), contractHash: contractHash(), onChange: (c) => heard.push(c) }
  )
}, 120_000)
afterAll(async () => {
  seat?.close()
  await server?.stop()
})

describe('the desktop app as a seat', () => {
  it('forwards calls, passes on the changes of its session, and asks the server who a session is', async () => {
    expect(seat.seatName).toBe('汀圃社区-01')
    expect((await seat.start()).kind).toBe('connected')
    const login = await seat.dispatch('auth.login', { username: 'tingpu', password: demoPassword })
    expect(login.ok).toBe(true)
    const token = (login as { value: { token: string } }).value.token
    expect((await seat.meOf(token))?.account.username).toBe('tingpu')
    expect(await seat.meOf('no-such-session-token-000000')).toBeNull()
    await new Promise((r) => setTimeout(r, 300))
    // A write through this seat comes back on the session's change stream, as any desk's write in its reach would.
    const db = new Database(dbFile, { readonly: true })
    const village = db.prepare("select id from units where name = '汀圃社区'").pluck().get() as number
    const spot = db.prepare('select label_lon lon, label_lat lat from grids where tier = 3 and village_unit_id = ? limit 1').get(village) as object
    db.close()
    const created = await seat.dispatch(
      'issues.create',
      { title: '席位主进程登记', description: '主进程转发', category: '环境卫生', urgency: '一般', source: '网格巡查', ...spot, reportingUnitId: village },
      { token }
    )
    expect(created.ok).toBe(true)
    await expect.poll(() => heard.length).toBeGreaterThan(0)
    expect(heard[heard.length - 1]).toMatchObject({ kinds: ['issues'], villageIds: [village] })
  })

  it('refuses seat files that do not fit before connecting', () => {
    issueSeat(town, '官窑管理处-01')
    expect(() =>
      startSeatTransport(
        {
          mode: 'seat',
          serverUrl: server.url,
          caFile: join(town, 'ca.crt'),
          certFile: join(town, 'seats', '汀圃社区-01.crt'),
          keyFile: join(town, 'seats', '官窑管理处-01.key')
        },
        { appVersion: appVersion(), contractHash: contractHash() }
      )
    ).toThrow('不配套')
  })
})
