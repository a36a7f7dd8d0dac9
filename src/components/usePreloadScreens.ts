// The code of every screen this role may open is fetched and compiled after the console has opened,
// so the first visit to a screen waits for its drawing, not for its code (the grids' code alone is
// 2 MB to parse on an office PC). It starts when the opening screen's reads are done — not after a
// guessed delay — and loads one screen per idle period, so a click in between is never kept waiting.
import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'

export function usePreloadScreens(loaders: (() => Promise<unknown>)[]) {
  const queryClient = useQueryClient()
  const key = loaders.length
  useEffect(() => {
    let cancelled = false
    let idle = 0
    const next = (i: number) => {
      if (cancelled) return
      // Marked on the page when done (the felt-speed benchmark's first visits wait for it, as a person looks at the map first).
      if (i >= loaders.length) return void (document.documentElement.dataset.screensLoaded = '1')
      idle = window.requestIdleCallback(() => void loaders[i]().then(() => next(i + 1)), { timeout: 5000 })
    }
    let started = false
    const startWhenQuiet = () => {
      if (started || queryClient.isFetching() > 0) return
      started = true
      stopWatching()
      next(0)
    }
    const stopWatching = queryClient.getQueryCache().subscribe(startWhenQuiet)
    // The opening screen's queries have started by now (its effects ran first); if none runs, start.
    const first = window.setTimeout(startWhenQuiet, 100)
    return () => {
      cancelled = true
      stopWatching()
      window.clearTimeout(first)
      window.cancelIdleCallback(idle)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
}
