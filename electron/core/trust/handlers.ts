// Accounts, sessions, audit and backups:
// one short function per method of this feature's contract part, each calling a service.
import type { FeatureHandlers } from '../api/handlers'
import type { trustContract } from './contract'
import type { CallContext, Output } from '../../shared/contract'
import type { AccountService } from './accounts'
import type { AuditService } from './audit'
import type { BackupService } from './backups'
import type { WriteReceipts } from './writeReceipts'

export function createTrustHandlers(deps: {
  accounts: AccountService
  audit: AuditService
  backups: BackupService
  receipts: WriteReceipts
  restore: (file: string, ctx: CallContext) => Promise<Output<'backups.restore'>>
}): FeatureHandlers<typeof trustContract> {
  const { accounts, audit, backups, receipts, restore } = deps
  // The guard admitted the call on this token, so its session exists.
  const session = (ctx: CallContext) => accounts.sessionOf(ctx.token)!
  return {
    'auth.status': () => accounts.status(),
    'auth.setup': ({ password }) => accounts.setup(password),
    'auth.login': ({ username, password }, ctx) => accounts.login(username, password, ctx.origin),
    'auth.logout': (_, ctx) => accounts.logout(session(ctx), ctx.origin),
    'auth.me': (_, ctx) => accounts.me(session(ctx)),
    'writes.receipt': ({ key }, ctx) => receipts.status(ctx.accountId!, key),
    'auth.lock': (_, ctx) => accounts.lock(session(ctx), ctx.origin),
    'auth.unlock': ({ password }, ctx) => accounts.unlock(session(ctx), password, ctx.origin),
    'auth.changePassword': ({ currentPassword, newPassword }, ctx) => accounts.changePassword(session(ctx), currentPassword, newPassword, ctx.origin),
    'accounts.list': () => accounts.list(),
    'accounts.create': (input) => accounts.create(input),
    'accounts.setRole': (input) => accounts.setRole(input),
    'accounts.setEnabled': (input, ctx) => accounts.setEnabled(input, ctx.accountId),
    'accounts.resetPassword': (input) => accounts.resetPassword(input),
    'security.settings': () => accounts.settings(),
    'security.setSettings': (patch, ctx) => accounts.setSettings(patch, ctx.origin),
    'audit.search': (q) => audit.search(q),
    'audit.verify': () => audit.verify(),
    'audit.export': (q) => audit.exportFile(q),
    // The guard writes the audit row (what was printed, which record); nothing else to do.
    'audit.recordPrint': () => ({ recorded: true }),
    'backups.list': () => backups.list(),
    'backups.run': () => backups.run(),
    'backups.preview': ({ file }) => backups.preview(file),
    'backups.restore': ({ file }, ctx) => restore(backups.inFolder(file), ctx)
  }
}
