// A desk's choice of 单机 or 联网席位 (electron/main/seatSettings.ts): kept in seat.json, written whole;
// the seat files in the folder the IT person copied checked before use — the town CA's certificate,
// in date, with its own key — each problem said in Chinese naming the file.
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkSeatFiles, readSeatChoice, seatFilesIn, serverUrlOf, writeSeatChoice } from '../../electron/main/seatSettings'
import { createTownCa, issueSeat } from '../../electron/server/townCa'
import { tempDir } from '../support/core'

const town = tempDir()
createTownCa(town, ['10.20.30.40'])
issueSeat(town, '汀圃社区-01')
issueSeat(town, '官窑管理处-01')
const foreign = tempDir()
createTownCa(foreign, ['10.0.0.1'])
issueSeat(foreign, '冒充席位')

/** A desk's folder as the IT person copies it: ca.crt and one seat's certificate and key. */
function deskFolder(seat = '汀圃社区-01', from = town, key = seat, ca = from) {
  const dir = tempDir()
  copyFileSync(join(ca, 'ca.crt'), join(dir, 'ca.crt'))
  copyFileSync(join(from, 'seats', `${seat}.crt`), join(dir, `${seat}.crt`))
  copyFileSync(join(from, 'seats', `${key}.key`), join(dir, `${seat}.key`))
  return dir
}

describe('the seat choice', () => {
  it('is asked on first start, then kept, written whole', () => {
    const file = join(tempDir(), 'seat.json')
    expect(readSeatChoice(file)).toBeNull()
    const files = seatFilesIn(deskFolder())
    writeSeatChoice(file, { mode: 'seat', serverUrl: 'https://10.20.30.40:5443/', ...files })
    expect(readSeatChoice(file)).toMatchObject({ mode: 'seat', serverUrl: 'https://10.20.30.40:5443/', certFile: files.certFile })
    writeSeatChoice(file, { mode: 'standalone' })
    expect(readSeatChoice(file)).toEqual({ mode: 'standalone' })
  })

  it('says a damaged or meaningless file in Chinese', () => {
    const file = join(tempDir(), 'seat.json')
    writeFileSync(file, '{"mode":"seat",')
    expect(() => readSeatChoice(file)).toThrow('已损坏')
    writeFileSync(file, '{"mode":"seat","serverUrl":3}')
    expect(() => readSeatChoice(file)).toThrow('内容无效')
  })

  it('takes the server address as a person types it, https only', () => {
    expect(serverUrlOf('10.20.30.40')).toBe('https://10.20.30.40:5443/')
    expect(serverUrlOf(' https://shishan-server:6443 ')).toBe('https://shishan-server:6443/')
    expect(() => serverUrlOf('http://10.20.30.40:5443')).toThrow('https://')
    expect(() => serverUrlOf('https://')).toThrow('无效')
  })
})

describe('the seat files', () => {
  it('a folder from town:seat passes, named by its seat', () => {
    expect(seatFilesIn(deskFolder()).seat).toBe('汀圃社区-01')
  })

  it('refuses what would fail at the server, naming the file', () => {
    expect(() => seatFilesIn(tempDir())).toThrow('没有 ca.crt')
    const two = deskFolder()
    copyFileSync(join(town, 'seats', '官窑管理处-01.crt'), join(two, '官窑管理处-01.crt'))
    expect(() => seatFilesIn(two)).toThrow('有多个席位证书')
    expect(() => seatFilesIn(deskFolder('汀圃社区-01', town, '官窑管理处-01'))).toThrow('不配套')
    expect(() => seatFilesIn(deskFolder('冒充席位', foreign, '冒充席位', town))).toThrow('不是这份镇根证书签发的')
    expect(() => seatFilesIn(deskFolder(), new Date('2031-01-01'))).toThrow('过期')
    const noKey = tempDir()
    copyFileSync(join(town, 'ca.crt'), join(noKey, 'ca.crt'))
    copyFileSync(join(town, 'seats', '汀圃社区-01.crt'), join(noKey, '汀圃社区-01.crt'))
    expect(() => seatFilesIn(noKey)).toThrow('缺少席位证书的私钥')
    const broken = deskFolder()
    writeFileSync(join(broken, '汀圃社区-01.crt'), 'not a certificate')
    expect(() => seatFilesIn(broken)).toThrow('不是有效的证书文件')
    const moved = seatFilesIn(deskFolder())
    expect(() => checkSeatFiles({ ...moved, keyFile: join(tempDir(), 'gone.key') })).toThrow('找不到文件')
  })
})
