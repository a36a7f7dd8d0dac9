// Sign-in, the session's own view and the administrators' account work, as hooks.
import { createContext, useContext } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useQuery } from './query'
import type { Me } from '../../electron/shared/accounts'
import type { Input } from '../../electron/shared/contract'
import { call } from './client'
import { useWrite } from './write'
import { setSessionToken } from './session'

export const useAuthStatus = (enabled: boolean) => useQuery({ queryKey: ['auth.status'], queryFn: () => call('auth.status'), enabled })
export const meQuery = (token: string | null) => ({ queryKey: ['auth.me', token], queryFn: () => call('auth.me'), staleTime: 60_000 })
export const useMeQuery = (token: string | null) => useQuery({ ...meQuery(token), enabled: token !== null })

/** Signing in (or the first start's setup) stores the token and starts with a clean cache. */
export function useSignIn() {
  const queryClient = useQueryClient()
  const done = ({ token, me }: { token: string; me: Me }) => {
    queryClient.clear()
    queryClient.setQueryData(['auth.me', token], me)
    setSessionToken(token)
  }
  return {
    login: useWrite('auth.login', { invalidates: 'nothing', onSuccess: done }),
    setup: useWrite('auth.setup', { invalidates: 'nothing', onSuccess: done })
  }
}

export function useSessionActions() {
  const queryClient = useQueryClient()
  const refreshMe = (me: Me) => queryClient.setQueriesData({ queryKey: ['auth.me'] }, me)
  return {
    logout: async () => {
      await call('auth.logout').catch(() => undefined)
      setSessionToken(null)
      queryClient.clear()
    },
    lock: useWrite('auth.lock', { invalidates: ['auth.me'] }),
    unlock: useWrite('auth.unlock', { invalidates: 'nothing', onSuccess: refreshMe }),
    changePassword: useWrite('auth.changePassword', { invalidates: 'nothing', onSuccess: refreshMe })
  }
}

/** The signed-in account, for components inside the session gate. */
export const MeContext = createContext<Me | null>(null)
export function useMe(): Me {
  const me = useContext(MeContext)
  if (!me) throw new Error('useMe outside the session gate')
  return me
}
/** A clerk's own unit (the one they act as and report on); null for roles that see the whole town. */
export const useOwnUnit = () => {
  const me = useMe()
  return me.scopeVillageIds ? me.account.unitId : null
}
export const useCan = () => {
  const me = useMe()
  return (capability: string) => me.capabilities.includes(capability)
}

export const useAccounts = () => useQuery({ queryKey: ['accounts.list'], queryFn: () => call('accounts.list') })
export const useSecuritySettings = (enabled: boolean) => useQuery({ queryKey: ['security.settings'], queryFn: () => call('security.settings'), enabled })
export function useAccountMutations() {
  return {
    create: useWrite('accounts.create', { invalidates: ['accounts.list'] }),
    setRole: useWrite('accounts.setRole', { invalidates: ['accounts.list'] }),
    setEnabled: useWrite('accounts.setEnabled', { invalidates: ['accounts.list'] }),
    resetPassword: useWrite('accounts.resetPassword', { invalidates: ['accounts.list'] }),
    setSettings: useWrite('security.setSettings', { invalidates: ['security.settings'] })
  }
}

export const useAuditSearch = (q: Input<'audit.search'>) =>
  useQuery({ queryKey: ['audit.search', q], queryFn: () => call('audit.search', q), placeholderData: (prev) => prev })
/** Record a print in the audit trail before the print dialog opens. */
export const recordPrint = (what: string, target: string) => call('audit.recordPrint', { what, target }).catch(() => undefined)

export const useBackups = () => useQuery({ queryKey: ['backups.list'], queryFn: () => call('backups.list') })
export function useBackupMutations() {
  return {
    run: useWrite('backups.run', { invalidates: ['backups.list'] }),
    preview: useWrite('backups.preview', { invalidates: 'nothing' }),
    // Every session ends with a restore: the console goes back to the sign-in.
    restore: useWrite('backups.restore', { invalidates: 'nothing', onSuccess: () => setSessionToken(null) })
  }
}
