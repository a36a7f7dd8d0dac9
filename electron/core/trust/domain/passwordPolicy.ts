// What makes a password acceptable, and when a sign-in must be refused or a password changed
// (等保 2.0 level 3: complexity, lock-out after repeated failures, periodic change).

export const MIN_LENGTH = 8
export const MAX_FAILURES = 5
export const LOCK_MINUTES = 10

/** Why a new password is refused, in words for the user; empty when it is acceptable. */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = []
  if (password.length < MIN_LENGTH) problems.push(`至少 ${MIN_LENGTH} 位`)
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length
  if (classes < 3) problems.push('须包含大写字母、小写字母、数字、符号中的至少三类')
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('不能包含用户名')
  if (/(.)\1{3,}/.test(password)) problems.push('不能有四个以上相同的连续字符')
  return problems
}

export function describePasswordProblems(problems: string[]): string {
  return `密码不符合要求：${problems.join('；')}。`
}

/** After a failed sign-in: how many failures now, and until when the account is locked (if it is). */
export function afterFailure(failures: number, now: Date): { failures: number; lockedUntil: string | null } {
  const next = failures + 1
  return next >= MAX_FAILURES
    ? { failures: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() }
    : { failures: next, lockedUntil: null }
}

/** Whole minutes (at least 1) until a lock ends, or 0 when it has. */
export function minutesLocked(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0
  const ms = new Date(lockedUntil).getTime() - now.getTime()
  return ms > 0 ? Math.ceil(ms / 60_000) : 0
}

/** When the password expires; null when it was never set by its owner (must change now). */
export function passwordExpiresAt(changedAt: string | null, maxAgeDays: number): string | null {
  return changedAt ? new Date(new Date(changedAt).getTime() + maxAgeDays * 86_400_000).toISOString() : null
}

export function mustChangePassword(changedAt: string | null, maxAgeDays: number, now: Date): boolean {
  const expires = passwordExpiresAt(changedAt, maxAgeDays)
  return expires === null || new Date(expires).getTime() <= now.getTime()
}
