// Hear when the store changed anywhere — another window, another browser tab, an import — from the
// desktop shell's IPC event or the browser-mode server's event stream, and refresh the given
// queries. Bursts (an import of thousands of rows) refresh at most every `throttleMs`, always once after.
import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { sessionToken } from './session'

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
    let stop: () => void
    if (window.shell?.onStoreChanged) stop = window.shell.onStoreChanged(onChange)
    else {
      // An EventSource cannot send headers: the stream takes the session in its URL.
      const source = new EventSource(`./api/events?token=${encodeURIComponent(sessionToken() ?? '')}`)
      source.addEventListener('change', onChange)
      stop = () => source.close()
    }
    return () => {
      stop()
      if (timer) clearTimeout(timer)
    }
  }, [keys, queryClient, throttleMs])
}
