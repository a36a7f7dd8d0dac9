// 系统设置 → 本机使用方式, the main process's side: what this PC is (单机 or a seat of the town
// server), a folder of seat files checked, a test of the connection with them, and the choice saved.
// Asked on first start and from the sign-in screen; the shell restarts the app after a save. Node
// only — no `electron` import — so it is tested under Node against a real server process.
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { connectSeat } from '../seat/seatConnection'
import type { SeatAnswer, SeatFolder, SeatSave, SeatState, SeatTest, SeatView } from '../shared/seat'
import { checkSeatFiles, readSeatChoice, SeatSettingsError, seatFilesIn, serverUrlOf, writeSeatChoice, type SeatChoice } from './seatSettings'

type Options = {
  /** seat.json in the user-data folder. */
  settingsFile: string
  appVersion: string
  contractHash: string
  /** The connection now, when this process runs as a seat. */
  state?: () => SeatState | null
  now?: () => Date
}

/** A SeatSettingsError's message as an answer; anything else is not ours to word and goes on. */
function answer<T>(work: () => T): SeatAnswer<T> {
  try {
    return { ok: true, value: work() }
  } catch (e) {
    if (e instanceof SeatSettingsError) return { ok: false, message: e.message }
    throw e
  }
}

export function seatSetup(opts: Options) {
  const now = () => opts.now?.() ?? new Date()

  function view(): SeatView {
    let choice: SeatChoice | null
    try {
      choice = readSeatChoice(opts.settingsFile)
    } catch (e) {
      if (!(e instanceof SeatSettingsError)) throw e
      return { mode: 'unset', serverUrl: null, folder: null, seatName: null, problem: e.message, state: null }
    }
    if (choice?.mode !== 'seat') return { mode: choice?.mode ?? 'unset', serverUrl: null, folder: null, seatName: null, problem: null, state: null }
    const checked = answer(() => checkSeatFiles(choice, now()))
    return {
      mode: 'seat',
      serverUrl: choice.serverUrl,
      folder: dirname(choice.certFile),
      seatName: checked.ok ? checked.value : null,
      problem: checked.ok ? null : checked.message,
      state: opts.state?.() ?? null
    }
  }

  /** The seat files in a folder the person picked, checked. */
  const folder = (picked: string): SeatAnswer<SeatFolder> => answer(() => ({ folder: picked, seatName: seatFilesIn(picked, now()).seat }))

  /**
   * Dial the server with these files once: it answers (and is of this version), or the reason it did
   * not, in Chinese — the address, the network, a revoked or foreign certificate, another version.
   */
  async function test(server: string, picked: string): Promise<SeatAnswer<SeatTest>> {
    const files = answer(() => ({ serverUrl: serverUrlOf(server), ...seatFilesIn(picked, now()) }))
    if (!files.ok) return files
    const { serverUrl, caFile, certFile, keyFile, seat } = files.value
    const connection = connectSeat(
      { serverUrl, ca: readFileSync(caFile), cert: readFileSync(certFile), key: readFileSync(keyFile) },
      { appVersion: opts.appVersion, contractHash: opts.contractHash }
    )
    try {
      const state = await connection.start()
      if (state.kind === 'connected') return { ok: true, value: { serverUrl, seatName: seat, serverVersion: state.serverVersion } }
      return { ok: false, message: 'message' in state ? state.message : '镇服务器没有应答。' }
    } finally {
      connection.close()
    }
  }

  /** Written whole; the shell restarts the app to take it. */
  function save(choice: SeatSave): SeatAnswer<SeatChoice> {
    return answer(() => {
      const chosen: SeatChoice =
        choice.mode === 'standalone'
          ? { mode: 'standalone' }
          : (({ caFile, certFile, keyFile }) => ({ mode: 'seat' as const, serverUrl: serverUrlOf(choice.server), caFile, certFile, keyFile }))(
              seatFilesIn(choice.folder, now())
            )
      writeSeatChoice(opts.settingsFile, chosen)
      return chosen
    })
  }

  return { view, folder, test, save }
}
export type SeatSetup = ReturnType<typeof seatSetup>
