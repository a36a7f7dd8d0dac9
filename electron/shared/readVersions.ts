// Closing the gap between a page's first reads and its change stream (issue 20): a change committed
// after a read and before the stream opened is heard by nobody, and the screen would stay stale until
// the next change. Every answer says the store's change version when the call began (the header
// x-store-version: `<feed>.<version>`, the feed being one run of the server); the stream opens with the
// version it starts from (hello). A read that began at an older version of the same run may have
// missed a change nobody will announce: it is read again — that method's reads only, and only then.
// (A stream opened again after a drop reads everything again anyway, and a restarted server is a new run.)

export type StoreStamp = { feed: string; version: number }

/** `<feed>.<version>` as the header carries it; null when absent or malformed. */
export function parseStamp(text: string | null | undefined): StoreStamp | null {
  const m = /^([A-Za-z0-9_-]{1,40})\.(\d{1,15})$/.exec(text ?? '')
  return m ? { feed: m[1], version: Number(m[2]) } : null
}

export function readVersions() {
  /** The oldest stamp each method was read at, before the stream first opened. */
  const before = new Map<string, StoreStamp>()
  let stream: StoreStamp | null = null
  let opened = false
  return {
    /** An answer arrived; true when it may be stale (read before changes the stream will not tell). */
    answered(method: string, at: StoreStamp): boolean {
      if (stream) return at.feed === stream.feed && at.version < stream.version
      const seen = before.get(method)
      if (!seen || (seen.feed === at.feed && at.version < seen.version)) before.set(method, at)
      return false
    },
    /** The stream opened (or opened again) at this stamp: the methods first read before it that may have missed a change. */
    streamOpened(at: StoreStamp): string[] {
      stream = at
      if (opened) return []
      opened = true
      const stale = [...before].filter(([, v]) => v.feed === at.feed && v.version < at.version).map(([m]) => m)
      before.clear()
      return stale
    }
  }
}
