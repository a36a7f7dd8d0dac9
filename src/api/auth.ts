// Sign-in, the session's own view and the administrators' account work, as hooks.
import { createContext, useContext } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Me } from '../../electron/shared/accounts'
import type { Input } from '../../electron/shared/contract'
import { call } from './client'
import { setSessionToken } from './session'

export const useAuthStatus = (enabled: boolean) => useQuery({ queryKey: ['auth.status'], queryFn: () => call('auth.status'), enabled, retry: false })
export const meQuery = (token: string | null) => ({ queryKey: ['auth.me', token], queryFn: () => call('auth.me'), retry: false, staleTime: 60_000 })
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
    login: useMutation({ mutationFn: (input: Input<'auth.login'>) => call('auth.login', input), onSuccess: done }),
    setup: useMutation({ mutationFn: (input: Input<'auth.setup'>) => call('auth.setup', input), onSuccess: done })
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
    lock: useMutation({ mutationFn: () => call('auth.lock'), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['auth.me'] }) }),
    unlock: useMutation({ mutationFn: (password: string) => call('auth.unlock', { password }), onSuccess: refreshMe }),
    changePassword: useMutation({ mutationFn: (input: Input<'auth.changePassword'>) => call('auth.changePassword', input), onSuccess: refreshMe })
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

export const useAccounts = () => useQuery({ queryKey: ['accounts.list'], queryFn: () => call('accounts.list'), retry: false })
export const useSecuritySettings = (enabled: boolean) => useQuery({ queryKey: ['security.settings'], queryFn: () => call('security.settings'), enabled, retry: false })
export function useAccountMutations() {
  const queryClient = useQueryClient()
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['accounts.list'] })
  return {
    create: useMutation({ mutationFn: (input: Input<'accounts.create'>) => call('accounts.create', input), onSuccess: refresh }),
    setRole: useMutation({ mutationFn: (input: Input<'accounts.setRole'>) => call('accounts.setRole', input), onSuccess: refresh }),
    setEnabled: useMutation({ mutationFn: (input: Input<'accounts.setEnabled'>) => call('accounts.setEnabled', input), onSuccess: refresh }),
    resetPassword: useMutation({ mutationFn: (input: Input<'accounts.resetPassword'>) => call('accounts.resetPassword', input), onSuccess: refresh }),
    setSettings: useMutation({ mutationFn: (input: Input<'security.setSettings'>) => call('security.setSettings', input), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['security.settings'] }) })
  }
}

export const useAuditSearch = (q: Input<'audit.search'>) => useQuery({ queryKey: ['audit.search', q], queryFn: () => call('audit.search', q), retry: false, placeholderData: (prev) => prev })
export const useAuditVerify = () => useMutation({ mutationFn: () => call('audit.verify') })
export const useAuditExport = () => useMutation({ mutationFn: (q: Input<'audit.export'>) => call('audit.export', q) })
/** Record a print in the audit trail before the print dialog opens. */
export const recordPrint = (what: string, target: string) => call('audit.recordPrint', { what, target }).catch(() => undefined)

export const useBackups = () => useQuery({ queryKey: ['backups.list'], queryFn: () => call('backups.list'), retry: false })
export function useBackupMutations() {
  const queryClient = useQueryClient()
  return {
    run: useMutation({ mutationFn: () => call('backups.run'), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['backups.list'] }) }),
    preview: useMutation({ mutationFn: (file: string) => call('backups.preview', { file }) }),
    // Every session ends with a restore: the console goes back to the sign-in.
    restore: useMutation({ mutationFn: (file: string) => call('backups.restore', { file, confirm: true }), onSuccess: () => setSessionToken(null) })
  }
}
