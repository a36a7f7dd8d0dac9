// Screens once opened stay mounted while another is shown, hidden (content-visibility keeps their
// layout, so showing one again is a repaint): coming back to a list shows its rows, scroll, filters
// and chosen record as they were, at once, instead of building antd and ag-grid anew — that rebuild
// was 200–350 ms of every screen switch on an office PC (issue 18, felt speed). Writes keep reaching
// hidden screens through the change feed, so what comes back into view is current.
//
// A switch re-renders nothing inside the screens: each slot's element is made once, and a screen
// learns it is shown through a subscription (useOnScreenShown), not a changing context value.
// Nothing inherited (visibility, pointer-events, inert) is toggled either: any of those makes the
// browser recompute the style of every element of both screens, 35 ms a switch.
import { createContext, memo, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

type Shown = { listeners: Set<(shown: boolean) => void> }
const ScreenShown = createContext<Shown | null>(null)

/** Calls `onToggle` each time the kept screen this is rendered in is hidden (false) or shown again (true). */
export function useOnScreenToggle(onToggle: (shown: boolean) => void) {
  const shown = useContext(ScreenShown)
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

type Render<K> = (screen: K) => ReactNode

const Slot = memo(function Slot<K extends string>({ screen, active, render }: { screen: K; active: boolean; render: Render<K> }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const element = useMemo(() => render(screen), [screen])
  const [shown] = useState<Shown>(() => ({ listeners: new Set() }))
  const wasActive = useRef(active)
  useEffect(() => {
    if (active !== wasActive.current) for (const call of shown.listeners) call(active)
    wasActive.current = active
  }, [active, shown])
  return (
    <div className={active ? 'screen-slot' : 'screen-slot screen-slot-hidden'} data-screen={screen} aria-hidden={!active}>
      <ScreenShown.Provider value={shown}>{element}</ScreenShown.Provider>
    </div>
  )
}) as <K extends string>(props: { screen: K; active: boolean; render: Render<K> }) => ReactNode

export function KeptScreens<K extends string>({ current, render }: { current: K; render: Render<K> }) {
  const [kept, setKept] = useState<K[]>([current])
  // A screen opened for the first time joins the kept ones (an update during render, as React allows).
  if (!kept.includes(current)) setKept([...kept, current])
  return (
    <div className="app-screens">
      {kept.map((screen) => (
        <Slot key={screen} screen={screen} active={screen === current} render={render} />
      ))}
    </div>
  )
}
