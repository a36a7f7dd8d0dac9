// Accounts, sessions, the audit trail and backups (issue 8):
// this feature's part of the contract, merged into electron/shared/contract.ts.
// Zod only (the renderer bundles it): no electron, no node:, no DOM.
import { z } from 'zod'
import { Account, AuditQuery, AuditRow, AuditVerification, BackupFolder, Me, Password, Role, SecuritySettings, Username } from '../../shared/accounts'
import { ExportedFile, NoInput } from '../../shared/contractParts'

const BackupInfo = z.object({ file: z.string(), name: z.string(), bytes: z.number().int(), at: z.string(), beforeRestore: z.boolean() })
const BackupPreview = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number().int(),
  integrity: z.string(),
  counts: z.record(z.string(), z.number().int().nullable()),
  lastChangeAt: z.string().nullable(),
  lastAuditAt: z.string().nullable(),
  migrations: z.number().int().nullable()
})

/** Sign-in and first start are called without a session, so anyone can send them: a little is enough. */
const publicBody = 64 * 1024

export const trustContract = {
  'auth.status': { input: NoInput, output: z.object({ needsSetup: z.boolean() }), doc: '新数据库是否尚未设置系统管理员密码', maxBodyBytes: publicBody },
  'auth.setup': {
    maxBodyBytes: publicBody,
    input: z.object({ password: Password }).strict(),
    output: z.object({ token: z.string(), me: Me }),
    doc: '新数据库首次启动：设置系统管理员（admin）的密码并登录；已有账号时拒绝'
  },
  'auth.login': {
    maxBodyBytes: publicBody,
    input: z.object({ username: z.string().trim().min(1, '请输入用户名').max(32), password: Password }).strict(),
    output: z.object({ token: z.string(), me: Me }),
    doc: '登录：返回会话令牌（浏览器模式须以 Authorization: Bearer <令牌> 调用其他接口）；连续 5 次失败锁定 10 分钟'
  },
  'auth.logout': { input: NoInput, output: z.object({ loggedOut: z.boolean() }), doc: '退出登录（令牌作废）' },
  'auth.me': { input: NoInput, output: Me, doc: '当前账号、角色、权限、可见范围，以及是否锁屏、是否须改密码' },
  'auth.lock': { input: NoInput, output: z.object({ locked: z.boolean() }), doc: '锁屏（无操作超时或用户主动）；须输入密码解锁' },
  'writes.receipt': {
    input: z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, '防重凭据无效') }).strict(),
    output: z.object({ made: z.boolean(), method: z.string().nullable(), methodName: z.string().nullable(), at: z.string().nullable() }),
    doc: '核对一次未收到应答的写入：镇服务器是否已按此防重凭据办理（只查本账号的）'
  },
  'auth.unlock': { input: z.object({ password: Password }).strict(), output: Me, doc: '输入本人密码解除锁屏' },
  'auth.changePassword': {
    input: z.object({ currentPassword: Password, newPassword: Password }).strict(),
    output: Me,
    doc: '修改本人密码（须符合复杂度，不得与原密码相同）'
  },
  'accounts.list': { input: NoInput, output: z.array(Account), doc: '全部账号（系统管理员、安全管理员）' },
  'accounts.create': {
    input: z.object({ username: Username, displayName: z.string().trim().min(1, '请填写姓名').max(30), password: Password }).strict(),
    output: Account,
    doc: '新建账号（系统管理员）；角色与范围由安全管理员授予，首次登录须改密码'
  },
  'accounts.setRole': {
    input: z.object({ id: z.number().int().positive(), role: Role.nullable(), unitId: z.number().int().positive().nullable() }).strict(),
    output: Account,
    doc: '授予角色与范围（安全管理员）；管理处专干、村居专干须指定本单位'
  },
  'accounts.setEnabled': {
    input: z.object({ id: z.number().int().positive(), enabled: z.boolean() }).strict(),
    output: Account,
    doc: '停用或启用账号（系统管理员）；停用后其会话立即失效'
  },
  'accounts.resetPassword': {
    input: z.object({ id: z.number().int().positive(), password: Password }).strict(),
    output: Account,
    doc: '重置密码并解除锁定（系统管理员）；该账号下次登录须改密码'
  },
  'security.settings': { input: NoInput, output: SecuritySettings, doc: '安全设置：密码有效期、锁屏时间、备份目录与保留份数' },
  'security.setSettings': {
    input: SecuritySettings.partial().extend({ backupFolder: BackupFolder.nullable().optional() }).strict(),
    output: SecuritySettings,
    doc: '修改安全设置（系统管理员）'
  },
  'audit.search': {
    input: AuditQuery,
    output: z.object({ total: z.number().int(), rows: z.array(AuditRow) }),
    doc: '审计记录查询（安全审计员）：时间、账号、操作、结果、关键字'
  },
  'audit.verify': { input: NoInput, output: AuditVerification, doc: '校验审计记录的哈希链，报告第一处断链' },
  'audit.export': { input: AuditQuery, output: ExportedFile, doc: '导出审计记录（Excel）' },
  'audit.recordPrint': {
    input: z.object({ what: z.string().trim().min(1).max(40), target: z.string().trim().max(80) }).strict(),
    output: z.object({ recorded: z.boolean() }),
    doc: '记录一次打印（打印页调用）'
  },
  'backups.list': {
    input: NoInput,
    output: z.object({ folder: z.string(), backups: z.array(BackupInfo) }),
    doc: '备份目录与其中的备份（新的在前）'
  },
  'backups.run': {
    input: NoInput,
    output: z.object({ file: z.string(), name: z.string(), bytes: z.number().int(), integrity: z.literal('ok'), removed: z.array(z.string()) }),
    doc: '立即备份（SQLite 在线备份，写完做完整性校验，只保留最近 N 份）'
  },
  'backups.preview': {
    input: z.object({ file: z.string().min(1).max(1000) }).strict(),
    output: BackupPreview,
    doc: '查看一个备份：是否完好、包含多少网格人员事件、最后修改时间'
  },
  'backups.restore': {
    input: z.object({ file: z.string().min(1).max(1000), confirm: z.literal(true, { error: '请确认恢复（当前数据将被备份替换）' }) }).strict(),
    output: z.object({ restored: z.boolean(), safetyBackup: z.string(), preview: BackupPreview }),
    doc: '从备份恢复（先自动备份当前数据）；恢复后所有人须重新登录'
  }
} as const
