// Whether the kept screen (src/components/KeptScreens.tsx) a component is rendered in is the one
// shown. A hidden screen stays mounted; its queries pause (a write elsewhere marks them stale
// without reading them again) and are read when it is shown. Learned through a stable object, not
// a changing context value, so showing or hiding a screen re-renders nothing inside it.
import { createContext, useContext, useEffect, useRef } from 'react'

export type ScreenShown = { active: boolean; listeners: Set<(shown: boolean) => void> }
export const ScreenShownContext = createContext<ScreenShown | null>(null)

/** Calls `onToggle` each time the kept screen this is rendered in is hidden (false) or shown again (true). */
export function useOnScreenToggle(onToggle: (shown: boolean) => void) {
  const shown = useContext(ScreenShownContext)
  const latest = useRef(onToggle)
  latest.current = onToggle
  useEffect(() => {
    if (!shown) return
    const call = (s: boolean) => latest.current(s)
    shown.listeners.add(call)
    return () => void shown.listeners.delete(call)
  }, [shown])
}

/** Calls `onShown` each time the kept screen this is rendered in is shown again (not when first opened). */
export const useOnScreenShown = (onShown: () => void) => useOnScreenToggle((shown) => shown && onShown())

/** Is the screen this is rendered in shown now (always, outside kept screens)? Read when needed, never re-rendering. */
export function useIsShown(): () => boolean {
  const shown = useContext(ScreenShownContext)
  return () => shown?.active ?? true
}
