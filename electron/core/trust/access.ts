// Accounts, sessions, audit and backups: who may call each method of this feature, on which
// records (see api/access.ts).
import { town, none, write, type FeatureRules } from '../api/access'
import type { trustContract } from './contract'

export const trustAccess: FeatureRules<typeof trustContract> = {
  'auth.status': { access: 'public' },
  'auth.setup': { access: 'public' },
  'auth.login': { access: 'public' },
  'auth.logout': { access: 'session' },
  'auth.me': { access: 'session' },
  'auth.lock': { access: 'session' },
  'auth.unlock': { access: 'session' },
  'auth.changePassword': { access: 'session' },
  'writes.receipt': { access: 'session' },
  'accounts.list': { access: ['accounts.manage', 'roles.manage'], scope: [...none] },
  'accounts.create': write(['accounts.manage'], none),
  'accounts.setRole': write(['roles.manage'], none),
  'accounts.setEnabled': write(['accounts.manage'], none),
  'accounts.resetPassword': write(['accounts.manage'], none),
  'security.settings': { access: ['settings.manage'], scope: [...none] },
  'security.setSettings': write(['settings.manage'], none),
  'audit.search': { access: ['audit.read'], scope: [...none] },
  'audit.verify': { access: ['audit.read'], scope: [...none] },
  'audit.export': { access: ['audit.read'], audited: true, scope: [...none] },
  'backups.list': { access: ['backups.manage'], scope: [...none] },
  'backups.run': { access: ['backups.manage'], audited: true, scope: [...none] },
  'backups.preview': { access: ['backups.manage'], scope: [...none] },
  // Audited by the restore itself, in the restored trail (this connection closes during the call).
  'backups.restore': { access: ['backups.manage'], scope: [...none] },
  // The call is the audit row of a print; whoever may read may print.
  'audit.recordPrint': { access: ['data.read'], audited: true, scope: [...town] }
}
