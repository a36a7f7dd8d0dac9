// Screens once opened stay mounted while another is shown, hidden (content-visibility keeps their
// layout, so showing one again is a repaint): coming back to a list shows its rows, scroll, filters
// and chosen record as they were, at once, instead of building antd and ag-grid anew — that rebuild
// was 200–350 ms of every screen switch on an office PC (issue 18, felt speed). Writes keep reaching
// hidden screens through the change feed, but a hidden screen's queries and tables are paused: they
// are read once when it is shown again (src/api/screenShown.ts, src/api/query.ts), not on every write.
//
// A switch re-renders nothing inside the screens: each slot's element is made once, and a screen
// learns it is shown through a subscription (useOnScreenShown), not a changing context value.
// Nothing inherited (visibility, pointer-events, inert) is toggled either: any of those makes the
// browser recompute the style of every element of both screens, 35 ms a switch.
import { useQueryClient } from '@tanstack/react-query'
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { ScreenShownContext, type ScreenShown } from '../api/screenShown'

type Render<K> = (screen: K) => ReactNode

const Slot = memo(function Slot<K extends string>({ screen, active, render }: { screen: K; active: boolean; render: Render<K> }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const element = useMemo(() => render(screen), [screen])
  const [shown] = useState<ScreenShown>(() => ({ active, listeners: new Set() }))
  const queryClient = useQueryClient()
  const wasActive = useRef(active)
  useEffect(() => {
    shown.active = active
    if (active !== wasActive.current) {
      // Shown again: what went stale while hidden (its queries were paused) is read now, once — and
      // what was never read, having been hidden before its first read (the server out of reach then).
      if (active)
        void queryClient.refetchQueries({
          type: 'active',
          predicate: (q) => q.state.isInvalidated || (q.state.status === 'pending' && q.state.fetchStatus === 'idle')
        })
      for (const call of shown.listeners) call(active)
    }
    wasActive.current = active
  }, [active, shown, queryClient])
  return (
    <div className={active ? 'screen-slot' : 'screen-slot screen-slot-hidden'} data-screen={screen} aria-hidden={!active}>
      <ScreenShownContext.Provider value={shown}>{element}</ScreenShownContext.Provider>
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
