// Whether this PC is a single PC (单机: the embedded store) or a seat of the town server (联网席位),
// kept in the user-data folder as seat.json, and the seat's files checked before they are used: the
// town's CA, this seat's certificate (signed by that CA, in date) and its key (the certificate's own).
// Node only — no `electron` import — so it is tested under Node; the shell asks and shows.
import { X509Certificate, createPrivateKey } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export type SeatChoice = { mode: 'standalone' } | { mode: 'seat'; serverUrl: string; caFile: string; certFile: string; keyFile: string }

export class SeatSettingsError extends Error {}

/** The choice made on an earlier start; null when none was made yet (first start: ask). */
export function readSeatChoice(file: string): SeatChoice | null {
  if (!existsSync(file)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    throw new SeatSettingsError(`席位设置文件“${file}”已损坏，无法读取：请在 系统设置 中重新选择本机的使用方式。`)
  }
  const c = parsed as Partial<Record<string, unknown>>
  if (c.mode === 'standalone') return { mode: 'standalone' }
  if (c.mode === 'seat' && [c.serverUrl, c.caFile, c.certFile, c.keyFile].every((v) => typeof v === 'string'))
    return { mode: 'seat', serverUrl: c.serverUrl as string, caFile: c.caFile as string, certFile: c.certFile as string, keyFile: c.keyFile as string }
  throw new SeatSettingsError(`席位设置文件“${file}”的内容无效：请在 系统设置 中重新选择本机的使用方式。`)
}

/** Written whole or not at all (a new file put in place), so a power cut leaves the old choice. */
export function writeSeatChoice(file: string, choice: SeatChoice) {
  writeFileSync(`${file}.new`, `${JSON.stringify(choice, null, 2)}\n`)
  renameSync(`${file}.new`, file)
}

/** The town server's address as a seat dials it: https, a host, and the port (5443 unless given). */
export function serverUrlOf(text: string): string {
  const trimmed = text.trim()
  let url: URL
  try {
    url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`)
  } catch {
    throw new SeatSettingsError(`镇服务器地址“${trimmed.slice(0, 80)}”无效：应写成 10.20.30.40:5443 或 https://shishan-server:5443。`)
  }
  if (url.protocol !== 'https:') throw new SeatSettingsError('镇服务器地址须以 https:// 开头（联网席位只用加密连接）。')
  if (!url.port) url.port = '5443'
  return `${url.protocol}//${url.host}/`
}

/**
 * The seat files in a folder as `npm run town:seat` issues them and the IT person copies them: ca.crt,
 * and one seat's <name>.crt with its <name>.key. Checked: the certificate is the town CA's, in date,
 * for client authentication, and the key is its own. Returns the files and the seat's name.
 */
export function seatFilesIn(folder: string, now = new Date()): { caFile: string; certFile: string; keyFile: string; seat: string } {
  const caFile = join(folder, 'ca.crt')
  if (!existsSync(caFile)) throw new SeatSettingsError(`文件夹“${folder}”中没有 ca.crt（镇根证书）：请把信息化管理员给的席位文件整个拷进来。`)
  const certs = readdirSync(folder).filter((f) => f.endsWith('.crt') && f !== 'ca.crt')
  if (certs.length === 0) throw new SeatSettingsError(`文件夹“${folder}”中没有席位证书（如 汀圃社区-01.crt）。`)
  if (certs.length > 1) throw new SeatSettingsError(`文件夹“${folder}”中有多个席位证书（${certs.join('、')}）：一台电脑只用一个，请只留本机的。`)
  const certFile = join(folder, certs[0])
  const keyFile = certFile.replace(/\.crt$/, '.key')
  if (!existsSync(keyFile)) throw new SeatSettingsError(`缺少席位证书的私钥 ${certs[0].replace(/\.crt$/, '.key')}。`)
  const seat = checkSeatFiles({ caFile, certFile, keyFile }, now)
  return { caFile, certFile, keyFile, seat }
}

/** The seat's name, once its files are checked; a Chinese error naming the file otherwise. */
export function checkSeatFiles(files: { caFile: string; certFile: string; keyFile: string }, now = new Date()): string {
  const read = (file: string) => {
    if (!existsSync(file)) throw new SeatSettingsError(`找不到文件“${file}”：席位文件可能被移动或删除，请在 系统设置 中重新选择。`)
    return readFileSync(file)
  }
  let ca: X509Certificate, cert: X509Certificate
  try {
    ca = new X509Certificate(read(files.caFile))
  } catch (e) {
    if (e instanceof SeatSettingsError) throw e
    throw new SeatSettingsError(`“${files.caFile}”不是有效的证书文件。`)
  }
  try {
    cert = new X509Certificate(read(files.certFile))
  } catch (e) {
    if (e instanceof SeatSettingsError) throw e
    throw new SeatSettingsError(`“${files.certFile}”不是有效的证书文件。`)
  }
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey))
    throw new SeatSettingsError(`席位证书“${files.certFile}”不是这份镇根证书签发的：请核对两份文件是否来自同一个镇证书目录。`)
  if (new Date(cert.validTo).getTime() < now.getTime())
    throw new SeatSettingsError(`席位证书已于 ${new Date(cert.validTo).toLocaleDateString('zh-CN')} 过期：请信息化管理员重新签发。`)
  let key
  try {
    key = createPrivateKey(read(files.keyFile))
  } catch (e) {
    if (e instanceof SeatSettingsError) throw e
    throw new SeatSettingsError(`“${files.keyFile}”不是有效的私钥文件。`)
  }
  if (!cert.checkPrivateKey(key)) throw new SeatSettingsError(`私钥“${files.keyFile}”与席位证书不配套：请使用同一席位的 .crt 和 .key。`)
  return /CN=([^\n]+)/.exec(cert.subject)?.[1] ?? '席位'
}
