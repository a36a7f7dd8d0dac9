// This PC as a seat of the town server, for the pages: 系统设置 → 本机使用方式 (the desktop app only:
// a browser seat has nothing to choose), the connection's state for the banner, and the writes whose
// answer was lost, once checked. Through the desktop shell's IPC (electron/preload), not the contract.
import { useEffect, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { CheckedOutcome, SeatAnswer, SeatSave, SeatState, SeatView } from '../../electron/shared/seat'

const seatShell = () => window.shell?.seat

/** Whether this window can choose how its PC is used (the desktop app). */
export const seatSettingsAvailable = () => typeof seatShell()?.view === 'function'

/** An answer's refusal as an Error, so forms show its message like any call's. */
async function unwrap<T>(answer: Promise<SeatAnswer<T>>): Promise<T> {
  const a = await answer
  if (!a.ok) throw new Error(a.message)
  return a.value
}

/** How this PC is used now (read once per mount; null until known or in a browser). */
export function useSeatView(): SeatView | null {
  const [view, setView] = useState<SeatView | null>(null)
  useEffect(() => {
    let live = true
    if (seatSettingsAvailable())
      void seatShell()!
        .view()
        .then((v) => live && setView(v))
    return () => {
      live = false
    }
  }, [])
  return view
}

/** Pick the folder of seat files (a folder dialog); null when the person cancelled. */
export const useChooseSeatFolder = () =>
  useMutation({
    mutationFn: async () => {
      const picked = await seatShell()!.chooseFolder()
      return picked && unwrap(Promise.resolve(picked))
    }
  })
export const useTestSeat = () => useMutation({ mutationFn: (v: { server: string; folder: string }) => unwrap(seatShell()!.test(v.server, v.folder)) })
/** Saved, the desktop app starts again as chosen. */
export const useSaveSeat = () => useMutation({ mutationFn: (choice: SeatSave) => unwrap(seatShell()!.save(choice)) })

/** The seat's connection now, kept current (null on a single PC and in a browser). */
export function useSeatState(): SeatState | null {
  const view = useSeatView()
  const [heard, setHeard] = useState<SeatState | null>(null)
  useEffect(() => seatShell()?.onState(setHeard), [])
  return heard ?? view?.state ?? null
}

/** Call `listener` with each write of unknown outcome, once the seat has checked it. */
export function useCheckedWrites(listener: (outcome: CheckedOutcome) => void) {
  useEffect(() => seatShell()?.onChecked(listener), [listener])
}

/** Where the data this window shows is kept: this PC, or the town server (a desktop seat, or a browser on the LAN). */
export function useDataKeptAt(): string {
  const view = useSeatView()
  if (view?.mode === 'seat' && view.serverUrl) return `镇服务器（${new URL(view.serverUrl).hostname}）`
  const local = window.shell !== undefined || ['127.0.0.1', 'localhost', '[::1]'].includes(window.location.hostname)
  return local ? '本机' : `镇服务器（${window.location.hostname}）`
}
