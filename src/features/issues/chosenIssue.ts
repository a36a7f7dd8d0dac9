// The issue chosen on 事件处置, held outside React state: choosing one re-renders the panel that
// shows it, not the toolbar, the figures and the list around it (a third of a click's wait).
import { useSyncExternalStore } from 'react'

export type ChosenIssue = { get: () => number | null; set: (id: number | null) => void; subscribe: (listener: () => void) => () => void }

export function chosenIssue(initial: number | null): ChosenIssue {
  let id = initial
  const listeners = new Set<() => void>()
  return {
    get: () => id,
    set: (next) => {
      if (next === id) return
      id = next
      for (const listener of listeners) listener()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }
  }
}

export const useChosenIssue = (chosen: ChosenIssue) => useSyncExternalStore(chosen.subscribe, chosen.get)
