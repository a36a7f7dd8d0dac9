// The page's side of closing the gap between its first reads and its change stream (browser mode and
// browser seats; electron/shared/readVersions.ts says why): every answer's stamp is noted, the stream's
// opening is told, and a read that may have missed a change is heard as a change of what it shows.
import { parseStamp, readVersions } from '../../electron/shared/readVersions'
import { kindsShownBy, type ChangeKind } from '../../electron/shared/storeChanges'

const versions = readVersions()
const listeners = new Set<(kinds: ChangeKind[]) => void>()
const tell = (methods: string[]) => {
  if (methods.length === 0) return
  const kinds = [...new Set(methods.flatMap(kindsShownBy))]
  for (const l of listeners) l(kinds)
}

/** An answer came with this x-store-version header. */
export function noteAnswer(method: string, header: string | null) {
  const stamp = parseStamp(header)
  if (stamp && versions.answered(method, stamp)) tell([method])
}

/** The change stream opened (its hello's data). */
export function noteStreamOpened(hello: { version?: unknown; feed?: unknown }) {
  if (typeof hello.version === 'number' && typeof hello.feed === 'string') tell(versions.streamOpened({ feed: hello.feed, version: hello.version }))
}

/** Hear reads that may be stale, as the kinds of change they show; returns the function that stops. */
export function onStaleReads(listener: (kinds: ChangeKind[]) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
