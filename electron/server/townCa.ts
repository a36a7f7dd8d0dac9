// The town's own certificate authority (issue 20, town network): it signs the town server's
// certificate (the names and addresses seats reach it by) and one certificate per desktop seat (a
// desk's identity, presented in mutual TLS). A revoked seat is listed in revoked.json, which the
// server reads. Keys are made by Node's crypto; certificates are built and signed with node-forge.
//
// The folder holds: ca.key ca.crt (keep ca.key off the network), server.key server.crt, revoked.json,
// and seats/<name>.key seats/<name>.crt for each seat (copied, with ca.crt, to that desk).
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { join } from 'node:path'
import forge from 'node-forge'

export type TownCaFiles = { dir: string }
export type Revoked = { serial: string; seat: string; at: string }[]

const TOWN = '狮山镇网格化指挥中心'
const YEAR_MS = 365 * 24 * 3600 * 1000

/** A seat's name as it appears in the audit trail: letters, digits, Chinese, - and _, up to 40. */
export const seatNamePattern = /^[\p{L}\p{N}_-]{1,40}$/u

export class TownCaError extends Error {}

function newKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  }
}

/** A positive serial of 16 random bytes, as hex (the revocation list names seats by it). */
const newSerial = () => {
  const bytes = randomBytes(16)
  bytes[0] &= 0x7f
  return bytes.toString('hex')
}

function certificate(opts: {
  subject: forge.pki.CertificateField[]
  issuer: forge.pki.CertificateField[]
  publicKey: forge.pki.PublicKey
  signerPem: string
  now: Date
  years: number
  extensions: object[]
}): { pem: string; serial: string } {
  const cert = forge.pki.createCertificate()
  cert.publicKey = opts.publicKey
  cert.serialNumber = newSerial()
  // A minute back: a seat whose clock runs a little behind the CA's still accepts a fresh certificate.
  cert.validity.notBefore = new Date(opts.now.getTime() - 60_000)
  cert.validity.notAfter = new Date(opts.now.getTime() + opts.years * YEAR_MS)
  cert.setSubject(opts.subject)
  cert.setIssuer(opts.issuer)
  cert.setExtensions(opts.extensions)
  cert.sign(forge.pki.privateKeyFromPem(opts.signerPem), forge.md.sha256.create())
  return { pem: forge.pki.certificateToPem(cert), serial: cert.serialNumber }
}

// Chinese names as UTF8String (forge tags a value PrintableString unless told, and encodes it itself when told).
const utf8 = (shortName: string, value: string): forge.pki.CertificateField =>
  ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 }) as unknown as forge.pki.CertificateField
const commonName = (cn: string, ou?: string): forge.pki.CertificateField[] => [
  { shortName: 'C', value: 'CN' },
  utf8('O', TOWN),
  ...(ou ? [utf8('OU', ou)] : []),
  utf8('CN', cn)
]

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8')
/** The CA's name: its certificate's subject, and the issuer of everything it signs (built, not parsed back, so it matches byte for byte). */
const caName = () => commonName(`${TOWN}证书颁发机构`)

/**
 * Create the town's CA and the server's certificate in `dir` (refused if a CA is already there: a new
 * CA would orphan every seat). `hosts` are the names and IP addresses seats use to reach the server.
 */
export function createTownCa(dir: string, hosts: string[], now = new Date()): { caCert: string; serverCert: string } {
  if (hosts.length === 0) throw new TownCaError('请至少给出一个服务器名称或 IP 地址（--host），席位按它访问镇服务器。')
  for (const h of hosts) if (!isIP(h) && !/^[a-zA-Z0-9.-]{1,253}$/.test(h)) throw new TownCaError(`“${h}”不是有效的主机名或 IP 地址。`)
  if (existsSync(join(dir, 'ca.key'))) throw new TownCaError(`“${dir}”中已有镇证书颁发机构（ca.key）：重新创建会使所有席位证书失效，已拒绝。`)
  mkdirSync(join(dir, 'seats'), { recursive: true })
  const ca = newKeyPair()
  const caSubjectFields = caName()
  const caCert = certificate({
    subject: caSubjectFields,
    issuer: caSubjectFields,
    publicKey: ca.publicKey,
    signerPem: ca.privatePem,
    now,
    years: 20,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' }
    ]
  })
  const server = newKeyPair()
  const serverCert = certificate({
    subject: commonName(hosts[0], '镇服务器'),
    issuer: caSubjectFields,
    publicKey: server.publicKey,
    signerPem: ca.privatePem,
    now,
    years: 5,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hosts.map((h) => (isIP(h) ? { type: 7, ip: h } : { type: 2, value: h })) }
    ]
  })
  writeFileSync(join(dir, 'ca.key'), ca.privatePem, { mode: 0o600 })
  writeFileSync(join(dir, 'ca.crt'), caCert.pem)
  writeFileSync(join(dir, 'server.key'), server.privatePem, { mode: 0o600 })
  writeFileSync(join(dir, 'server.crt'), serverCert.pem)
  writeFileSync(join(dir, 'revoked.json'), '[]\n')
  return { caCert: caCert.pem, serverCert: serverCert.pem }
}

/** Issue a desktop seat's certificate (its name is the seat's identity in the audit trail). */
export function issueSeat(dir: string, seat: string, now = new Date()): { keyFile: string; certFile: string; serial: string } {
  if (!seatNamePattern.test(seat)) throw new TownCaError(`席位名称“${seat}”无效：只用汉字、字母、数字、- 和 _，不超过 40 个字符。`)
  if (!existsSync(join(dir, 'ca.key'))) throw new TownCaError(`“${dir}”中没有镇证书颁发机构：请先运行 npm run town:ca。`)
  const keyFile = join(dir, 'seats', `${seat}.key`)
  const certFile = join(dir, 'seats', `${seat}.crt`)
  if (existsSync(certFile)) throw new TownCaError(`席位“${seat}”已有证书；如需换发，请先吊销（npm run town:revoke -- ${seat}）再签发新名称。`)
  const key = newKeyPair()
  const cert = certificate({
    subject: commonName(seat, '席位'),
    issuer: caName(),
    publicKey: key.publicKey,
    signerPem: read(dir, 'ca.key'),
    now,
    years: 3,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true }
    ]
  })
  mkdirSync(join(dir, 'seats'), { recursive: true })
  writeFileSync(keyFile, key.privatePem, { mode: 0o600 })
  writeFileSync(certFile, cert.pem)
  return { keyFile, certFile, serial: cert.serial }
}

export const readRevoked = (dir: string): Revoked => JSON.parse(read(dir, 'revoked.json')) as Revoked

/** A serial as hex, however written (Node prints it upper-case, and may keep or drop leading zeros). */
const serialKey = (hex: string) => hex.toLowerCase().replace(/^0+/, '')

/** Whether a certificate with this serial (as the TLS peer certificate gives it) is revoked. */
export const isRevoked = (revoked: Revoked, serial: string) => revoked.some((r) => serialKey(r.serial) === serialKey(serial))

/** Revoke a seat: its serial goes on revoked.json; the server refuses the certificate from then on. */
export function revokeSeat(dir: string, seat: string, now = new Date()): { serial: string } {
  const certFile = join(dir, 'seats', `${seat}.crt`)
  if (!existsSync(certFile)) throw new TownCaError(`没有名为“${seat}”的席位证书。`)
  const serial = new X509Certificate(readFileSync(certFile)).serialNumber.toLowerCase()
  const revoked = readRevoked(dir)
  if (!isRevoked(revoked, serial)) revoked.push({ serial, seat, at: now.toISOString() })
  writeFileSync(join(dir, 'revoked.json'), `${JSON.stringify(revoked, null, 2)}\n`)
  return { serial }
}
