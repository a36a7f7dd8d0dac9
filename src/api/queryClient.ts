// The window's one query cache and its defaults, so no hook has to repeat them:
// - networkMode 'always': the store is on this machine (or the town's LAN); whether the PC believes it
//   is online must never pause a read or a write (TanStack's default would hold every call offline);
// - no retry: the core answers a refusal or a bad input as a value at once, and asking again only
//   repeats it (and a refused call in the audit trail) and delays the message. The wall opts back in.
import { QueryClient } from '@tanstack/react-query'

export const createQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { networkMode: 'always', retry: false }, mutations: { networkMode: 'always' } } })
