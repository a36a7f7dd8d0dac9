// Hear when the store changed anywhere — another desk, another window, an import — from the desktop
// shell's IPC event or the server's event stream, and refresh only the queries that show what changed
// (each change names its kinds; the server sends a desk only changes within its reach). Bursts (an
// import of thousands of rows) refresh at most every `throttleMs`, always once after.
import { useEffect } from 'react'
import { useQueryClient, type Query } from '@tanstack/react-query'
import { sessionToken } from './session'
import { refreshTables } from './write'
import { noteStreamOpened, onStaleReads } from './readStamps'
import { changeKinds, showsChange, type ChangeKind, type StoreChange } from '../../electron/shared/storeChanges'

type Heard = Pick<StoreChange, 'kinds'>
const everything: Heard = { kinds: [...changeKinds] }

/**
 * The server's event stream. An EventSource cannot send headers, and a token in a URL lands in logs:
 * each connection takes a one-time ticket (POST with the session), and a dropped stream — the server
 * restarted, the network was down — is opened again with a new ticket, after a second, then longer;
 * what changed meanwhile is not known, so on reopening everything shown is read again.
 */
function streamOverHttp(onChange: (c: Heard) => void): () => void {
  let source: EventSource | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let delay = 1000
  let opened = 0
  const open = async () => {
    retry = undefined
    const token = sessionToken()
    let ticket: string | undefined
    try {
      const r = await fetch('./api/events/ticket', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} })
      if (r.ok) ticket = ((await r.json()) as { value: { ticket: string } }).value.ticket
    } catch {
      // The server is not answering: try again below.
    }
    if (stopped) return
    if (!ticket) return void (retry = setTimeout(() => void open(), (delay = Math.min(delay * 2, 15_000))))
    source = new EventSource(`./api/events?ticket=${encodeURIComponent(ticket)}`)
    source.addEventListener('hello', (e) => {
      delay = 1000
      // Reads made before the stream opened may have missed a change in between: those are read again.
      noteStreamOpened(JSON.parse((e as MessageEvent<string>).data) as { version?: unknown; feed?: unknown })
      if (opened++ > 0) onChange(everything)
    })
    source.addEventListener('change', (e) => onChange(JSON.parse((e as MessageEvent<string>).data) as Heard))
    source.addEventListener('error', () => {
      // The browser would reconnect with the spent ticket: close, and open anew with a fresh one.
      source?.close()
      if (!stopped && !retry) retry = setTimeout(() => void open(), delay)
    })
  }
  void open()
  const stopStale = onStaleReads((kinds) => onChange({ kinds }))
  return () => {
    stopStale()
    stopped = true
    source?.close()
    if (retry) clearTimeout(retry)
  }
}

/** A read kept as taken (a briefing's draft, a unit list): not refreshed behind the user's back. */
const keptAsTaken = (q: Query) => q.observers.some((o) => o.options.staleTime === Infinity)

/** Mounted once per signed-in window: refresh what it shows whenever the store changes in a way it shows. */
export function useStoreChanges(throttleMs = 250) {
  const queryClient = useQueryClient()
  useEffect(() => {
    let last = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const pending = new Set<ChangeKind>()
    const refresh = () => {
      last = Date.now()
      timer = undefined
      const heard = { kinds: [...pending] }
      pending.clear()
      // A read that failed (the server was out of reach) is tried again whatever changed, even one otherwise kept as taken.
      void queryClient.invalidateQueries({ predicate: (q) => q.state.status === 'error' || (!keptAsTaken(q) && showsChange(String(q.queryKey[0]), heard)) })
      if (heard.kinds.some((k) => k !== 'trust')) refreshTables()
    }
    const onChange = (change: Heard) => {
      for (const k of change.kinds ?? changeKinds) pending.add(k)
      if (timer) return
      timer = setTimeout(refresh, Math.max(0, last + throttleMs - Date.now()))
    }
    const stop = window.shell?.onStoreChanged ? window.shell.onStoreChanged(onChange) : streamOverHttp(onChange)
    return () => {
      stop()
      if (timer) clearTimeout(timer)
    }
  }, [queryClient, throttleMs])
}
