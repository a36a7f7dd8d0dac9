// MapLibre 6 is ESM-only and needs its worker's URL before the first map is made (once per page).
import { setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'

let set = false
export function ensureMapWorker() {
  if (set) return
  setWorkerUrl(workerUrl)
  set = true
}
