// The desktop app's main process as a seat of the town server (issue 20): instead of a store of its
// own, each `api` call of the windows goes to the server through the seat's connection, one change
// stream (that of the session last signed in on this PC) is passed to the windows, and the shell's own
// checks (may this session open the wall, save a PDF?) ask the server who the session is.
// Node only — no `electron` import — so it is tested under Node against a real server process.
import { readFileSync } from 'node:fs'
import { connectSeat, type CheckedOutcome, type SeatState } from '../seat/seatConnection'
import type { Result } from '../shared/contract'
import type { Me } from '../shared/accounts'
import { kindsShownBy, type StoreChange } from '../shared/storeChanges'
import { parseStamp, readVersions } from '../shared/readVersions'
import { checkSeatFiles, type SeatChoice } from './seatSettings'

export type SeatTransport = ReturnType<typeof startSeatTransport>

export function startSeatTransport(
  choice: Extract<SeatChoice, { mode: 'seat' }>,
  opts: {
    appVersion: string
    contractHash: string
    onState?: (state: SeatState) => void
    onChecked?: (outcome: CheckedOutcome) => void
    onChange?: (change: StoreChange) => void
  }
) {
  const seatName = checkSeatFiles(choice)
  let stopWatching: (() => void) | undefined
  let watching: string | undefined
  // Reads of the watched session made before its stream opened may have missed a change (shared/readVersions.ts).
  let versions = readVersions()
  const stale = (methods: string[], version: number) => {
    if (methods.length) opts.onChange?.({ version, kinds: [...new Set(methods.flatMap(kindsShownBy))], villageIds: null })
  }
  const seat = connectSeat(
    { serverUrl: choice.serverUrl, ca: readFileSync(choice.caFile), cert: readFileSync(choice.certFile), key: readFileSync(choice.keyFile) },
    {
      appVersion: opts.appVersion,
      contractHash: opts.contractHash,
      onState: opts.onState,
      onChecked: opts.onChecked,
      onAnswer: (method, token, header) => {
        const stamp = parseStamp(header)
        if (stamp && token !== undefined && token === watching && versions.answered(method, stamp)) stale([method], stamp.version)
      }
    }
  )
  /** Listen with this session from now on (the last one signed in on this PC). */
  const watchAs = (token: string) => {
    if (token === watching) return
    stopWatching?.()
    watching = token
    versions = readVersions()
    stopWatching = seat.watch(
      token,
      (c) => opts.onChange?.(c as StoreChange),
      (hello) => {
        const h = hello as { version?: unknown; feed?: unknown }
        if (typeof h.version === 'number' && typeof h.feed === 'string') stale(versions.streamOpened({ feed: h.feed, version: h.version }), h.version)
      }
    )
  }

  async function dispatch(method: string, input: unknown, credentials: { token?: string } = {}): Promise<Result<unknown>> {
    const result = await seat.dispatch(method, input, credentials)
    if (result.ok && (method === 'auth.login' || method === 'auth.setup')) watchAs((result.value as { token: string }).token)
    else if (result.ok && method === 'auth.logout' && credentials.token === watching) {
      stopWatching?.()
      stopWatching = watching = undefined
    }
    return result
  }

  return {
    seatName,
    start: () => seat.start(),
    dispatch,
    state: () => seat.state(),
    /** Who a session is, as the server says (null when it is no live, unlocked session). */
    async meOf(token: string): Promise<Me | null> {
      const r = await seat.dispatch('auth.me', {}, { token })
      return r.ok && !(r.value as Me).locked ? (r.value as Me) : null
    },
    close() {
      stopWatching?.()
      seat.close()
    }
  }
}
