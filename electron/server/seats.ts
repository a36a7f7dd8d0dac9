// The town server's side of the town network (issue 20): its TLS material from the town CA's folder,
// which host names it answers to, and where each connection comes from — a desktop seat (named by its
// certificate), a browser on the network (no certificate), or the server's own console (loopback).
import { X509Certificate, createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import type { TLSSocket } from 'node:tls'
import type { CallOrigin } from '../shared/contract'
import { isRevoked, readRevoked, TownCaError, type Revoked } from './townCa'

/** How the audit trail names a browser seat (it has no certificate to name it by). */
export const BROWSER_SEAT = '浏览器'

export type TownTls = {
  key: Buffer
  cert: Buffer
  ca: Buffer
  /** The names and addresses in the server certificate: the hosts seats reach it by. */
  hosts: string[]
  /** The CA's SHA-256 fingerprint, as the IT person reads it out to whoever installs it. */
  caFingerprint: string
  /** Whether a seat certificate's serial is on revoked.json (re-read when the file changes). */
  isRevoked: (serial: string) => boolean
}

/** The town CA's folder as `npm run town:ca` left it; a missing file is named. */
export function loadTownTls(dir: string): TownTls {
  const need = (name: string) => {
    const file = join(dir, name)
    if (!existsSync(file)) throw new TownCaError(`证书目录“${dir}”中缺少 ${name}：请先在该目录运行 npm run town:ca。`)
    return readFileSync(file)
  }
  const cert = need('server.crt')
  const ca = need('ca.crt')
  const key = need('server.key')
  need('revoked.json')
  const hosts = (new X509Certificate(cert).subjectAltName ?? '')
    .split(',')
    .map((s) => s.trim().replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean)
  // Read again only when revoked.json changed, so a revocation holds from the next connection on.
  let revoked: Revoked = []
  let seenMtime = -1
  const current = () => {
    const mtime = statSync(join(dir, 'revoked.json')).mtimeMs
    if (mtime !== seenMtime) {
      revoked = readRevoked(dir)
      seenMtime = mtime
    }
    return revoked
  }
  const fingerprint = createHash('sha256').update(new X509Certificate(ca).raw).digest('hex').toUpperCase()
  return {
    key,
    cert,
    ca,
    hosts,
    caFingerprint: fingerprint.match(/../g)!.join(':'),
    isRevoked: (serial) => isRevoked(current(), serial)
  }
}

/** An address as one text: IPv4 without the IPv6 wrapping Node may give it. */
export const plainAddress = (address: string | undefined) => (address ?? '').replace(/^::ffff:/, '')

/** The addresses that are the server itself: a call from one of them is made at the server's console. */
export const consoleAddresses = ['127.0.0.1', '::1']

/**
 * Where a request's connection comes from. A seat certificate the handshake verified names a desktop
 * seat (a foreign or revoked one never gets this far: see `refuseForeignSeat`).
 */
export function originOf(socket: Socket, console: readonly string[] = consoleAddresses): CallOrigin {
  const address = plainAddress(socket.remoteAddress)
  const tls = socket as TLSSocket
  if (tls.encrypted && tls.authorized) {
    const cn = tls.getPeerCertificate().subject?.CN
    if (typeof cn === 'string' && cn) return { kind: 'desktop', seat: cn, address }
  }
  if (console.includes(address)) return { kind: 'console', seat: null, address }
  return { kind: 'browser', seat: BROWSER_SEAT, address }
}

/**
 * Right after the handshake: a connection that presented a certificate the town's CA did not sign, or
 * one on revoked.json, is closed before it can send anything. (Browser seats present none, so the
 * handshake itself cannot demand one.)
 */
export function refuseForeignSeat(socket: TLSSocket, tls: TownTls): boolean {
  const peer = socket.getPeerCertificate()
  const presented = peer && Object.keys(peer).length > 0
  if (!presented) return false
  if (socket.authorized && !tls.isRevoked(peer.serialNumber)) return false
  socket.destroy()
  return true
}
