// The session token of this window: kept in sessionStorage (gone when the window closes, never
// shared with another tab's sign-in), sent with every call, and watched so the console can show
// the sign-in, lock or change-password screen the moment the core asks for it.
const KEY = 'shishan.session'
type Listener = () => void
const listeners = new Set<Listener>()

/** The wall window opened by the desktop shell receives its session in the URL; take it and drop it from the address. */
function adoptTokenFromUrl() {
  const m = /[?&]session=([^&]+)/.exec(window.location.hash)
  if (!m) return
  sessionStorage.setItem(KEY, decodeURIComponent(m[1]))
  history.replaceState(null, '', window.location.pathname + window.location.search + window.location.hash.replace(/[?&]session=[^&]+/, ''))
}

let adopted = false
export function sessionToken(): string | null {
  if (!adopted) {
    adopted = true
    adoptTokenFromUrl()
  }
  return sessionStorage.getItem(KEY)
}

export function setSessionToken(token: string | null) {
  if (token) sessionStorage.setItem(KEY, token)
  else sessionStorage.removeItem(KEY)
  for (const l of listeners) l()
}

/** The core refused a call for the session's sake (signed out, locked, password expired): look again. */
export function sessionNeedsAttention() {
  for (const l of listeners) l()
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
