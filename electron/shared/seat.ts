// What a desktop PC knows about being a seat of the town server, shared by the main process (which
// keeps seat.json and the connection) and the pages (系统设置 → 本机使用方式, the connection banner).
// The shell's own IPC carries these; they are not methods of the contract.

/** The connection as the windows show it. */
export type SeatState =
  | { kind: 'connecting' }
  | { kind: 'connected'; serverVersion: string }
  | { kind: 'down'; since: string; message: string }
  | { kind: 'incompatible'; message: string }

/** A write sent while the connection failed, whose answer never came; checked once the server is back. */
export type UnknownOutcome = { key: string; method: string; methodName: string; sentAt: string; accountId: number | null }
export type CheckedOutcome = UnknownOutcome & { made: boolean }

/** An answer of the seat settings: the value, or why not in Chinese. */
export type SeatAnswer<T> = { ok: true; value: T } | { ok: false; message: string }

/** This PC as 系统设置 shows it: not chosen yet (first start), 单机, or a seat of a server. */
export type SeatView = {
  mode: 'unset' | 'standalone' | 'seat'
  /** https://host:5443/ of the server, for a seat. */
  serverUrl: string | null
  /** The folder holding this seat's files, and the seat's name from its certificate. */
  folder: string | null
  seatName: string | null
  /** What is wrong with the saved choice (a damaged seat.json, seat files moved or expired), if anything. */
  problem: string | null
  /** The connection now, when running as a seat. */
  state: SeatState | null
}

/** A folder of seat files, checked. */
export type SeatFolder = { folder: string; seatName: string }
/** The server answered this seat. */
export type SeatTest = { serverUrl: string; seatName: string; serverVersion: string }
/** What 保存 writes: 单机, or a seat given as typed (address) and chosen (folder). */
export type SeatSave = { mode: 'standalone' } | { mode: 'seat'; server: string; folder: string }
