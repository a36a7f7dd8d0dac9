// Hear when the store changed anywhere — another window, another browser tab, an import — from the
// desktop shell's IPC event or the browser-mode server's event stream, and refresh the given
// queries. Bursts (an import of thousands of rows) refresh at most every `throttleMs`, always once after.
import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { sessionToken } from './session'

/**
 * The server's event stream. An EventSource cannot send headers, and a token in a URL lands in logs:
 * each connection takes a one-time ticket (POST with the session), and a dropped stream — the server
 * restarted, the network was down — is opened again with a new ticket, after a second, then longer.
 */
function streamOverHttp(onChange: () => void): () => void {
  let source: EventSource | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let delay = 1000
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
    source.addEventListener('open', () => (delay = 1000))
    source.addEventListener('change', onChange)
    source.addEventListener('error', () => {
      // The browser would reconnect with the spent ticket: close, and open anew with a fresh one (and refresh, since changes may have been missed).
      source?.close()
      if (!stopped && !retry) retry = setTimeout(() => void open().then(onChange), delay)
    })
  }
  void open()
  return () => {
    stopped = true
    source?.close()
    if (retry) clearTimeout(retry)
  }
}

export function useLiveQueries(queryKeys: string[], throttleMs = 250) {
  const queryClient = useQueryClient()
  const keys = queryKeys.join('|')
  useEffect(() => {
    let last = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const refresh = () => {
      last = Date.now()
      timer = undefined
      for (const key of keys.split('|')) void queryClient.invalidateQueries({ queryKey: [key] })
    }
    const onChange = () => {
      if (timer) return
      const wait = Math.max(0, last + throttleMs - Date.now())
      timer = setTimeout(refresh, wait)
    }
    const stop = window.shell?.onStoreChanged ? window.shell.onStoreChanged(onChange) : streamOverHttp(onChange)
    return () => {
      stop()
      if (timer) clearTimeout(timer)
    }
  }, [keys, queryClient, throttleMs])
}
