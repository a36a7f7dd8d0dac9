// Nothing of the console shows until someone is signed in: the first start asks for the
// administrator's password, then the sign-in; a locked session asks for the password again, an
// expired or initial password must be changed first. Idle past the set minutes locks the screen.
import { useEffect, useState, type ReactNode } from 'react'
import { ScreenLoading } from '../../components/ScreenLoading'
import { useQueryClient } from '@tanstack/react-query'
import { MeContext, useAuthStatus, useMeQuery } from '../../api/auth'
import { ApiCallError } from '../../api/client'
import { onSessionChange, sessionToken, setSessionToken } from '../../api/session'
import { SignInScreen } from './SignInScreen'
import { LockScreen } from './LockScreen'
import { ChangePasswordScreen } from './ChangePasswordScreen'
import { useIdleLock } from './useIdleLock'

export function SessionGate({ children, idleLock = true }: { children: ReactNode; idleLock?: boolean }) {
  const queryClient = useQueryClient()
  const [token, setToken] = useState(sessionToken)
  useEffect(
    () =>
      onSessionChange(() => {
        setToken(sessionToken())
        void queryClient.invalidateQueries({ queryKey: ['auth.me'] })
      }),
    [queryClient]
  )
  const status = useAuthStatus(token === null)
  const me = useMeQuery(token)
  const signedOut = me.error instanceof ApiCallError && me.error.error.code === 'UNAUTHENTICATED'
  useEffect(() => {
    if (signedOut) setSessionToken(null)
  }, [signedOut])
  useIdleLock(idleLock && !!me.data && !me.data.locked ? me.data.idleLockMinutes : null)

  if (token === null || signedOut) return status.data ? <SignInScreen setup={status.data.needsSetup} /> : <ScreenLoading />
  if (!me.data) return <ScreenLoading />
  if (me.data.locked) return <LockScreen me={me.data} />
  if (me.data.mustChangePassword) return <ChangePasswordScreen me={me.data} forced />
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>
}
