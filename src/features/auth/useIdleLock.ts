// Lock the screen after this many minutes without a key, click or pointer move (等保: 15 by default).
import { useEffect } from 'react'
import { useSessionActions } from '../../api/auth'

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

export function useIdleLock(minutes: number | null) {
  const { lock } = useSessionActions()
  const lockNow = lock.mutate
  useEffect(() => {
    if (minutes === null) return
    let timer = setTimeout(() => lockNow(), minutes * 60_000)
    const reset = () => {
      clearTimeout(timer)
      timer = setTimeout(() => lockNow(), minutes * 60_000)
    }
    for (const e of activity) window.addEventListener(e, reset, { passive: true })
    return () => {
      clearTimeout(timer)
      for (const e of activity) window.removeEventListener(e, reset)
    }
  }, [minutes, lockNow])
}
