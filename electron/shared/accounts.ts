// Accounts, roles and the audit trail as the API shows them (issue 8). Roles follow the town's
// posts and 等保 2.0's separation of the three administrators (系统、安全、审计).
import { z } from 'zod'
import { isCalendarDay } from './chinaTime'

export const roles = ['operator', 'organiser', 'leader', 'officeClerk', 'villageClerk', 'districtClerk', 'sysadmin', 'secadmin', 'auditor'] as const
export const Role = z.enum(roles, { error: '角色无效' })
export type Role = z.infer<typeof Role>

export const roleNames: Record<Role, string> = {
  operator: '指挥中心值班员',
  organiser: '组织办干部',
  leader: '镇领导（只读）',
  officeClerk: '管理处专干',
  villageClerk: '村居专干',
  districtClerk: '区联动中心专干',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '安全审计员'
}

/** Roles that see only their own unit and what lies under it. */
export const scopedRoles: readonly Role[] = ['officeClerk', 'villageClerk']
/** The unit kind a role is bound to: clerks to their office or village, the district's desk to the district. */
export const roleUnitKind: Partial<Record<Role, 'office' | 'village' | 'district'>> = {
  officeClerk: 'office',
  villageClerk: 'village',
  districtClerk: 'district'
}
/** A bound unit's kind in words (所属管理处, 须指定所属村（社区）…). */
export const unitKindNames = { office: '管理处', village: '村（社区）', district: '区' } as const

/** Roles that always act as their own unit in the linkage (the command centre's operator chooses). */
export const fixedActingRoles: readonly Role[] = ['officeClerk', 'villageClerk', 'districtClerk']

const Id = z.number().int().positive()
export const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头')
/** Checked in full by the core's password policy (electron/core/trust/domain/passwordPolicy.ts); here only the length cap. */
export const Password = z.string().min(1, '请输入密码').max(128, '密码至多 128 位')

export const Account = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role.nullable(),
  roleName: z.string(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  enabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string()
})
export type Account = z.infer<typeof Account>

/** The session's own view: who I am, what I may do, and whether I must do something first. */
export const Me = z.object({
  account: Account,
  capabilities: z.array(z.string()),
  /** Village ids this account sees; null = the whole town. */
  scopeVillageIds: z.array(Id).nullable(),
  /** The unit this account always acts as in the linkage (clerks, the district's desk); null when it chooses or acts as none. */
  actingUnitId: Id.nullable(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  passwordExpiresAt: z.string().nullable(),
  idleLockMinutes: z.number().int()
})
export type Me = z.infer<typeof Me>

/**
 * A folder named from the root: a drive (D:\\…), a share (\\\\server\\…) or / — never relative, which
 * would land wherever the app happened to be started.
 */
export const isWholePath = (folder: string) => /^([A-Za-z]:[\\/]|\\\\[^\\]|\/)/.test(folder)

/** A backup folder as the administrator may set it (one stored by an older version is still shown, then refused at the backup). */
export const BackupFolder = z
  .string()
  .max(500)
  .refine(isWholePath, '备份目录须为完整路径（如 D:\\网格备份、\\\\服务器\\共享 或 /srv/backups），留空则在数据库旁')

export const SecuritySettings = z
  .object({
    passwordMaxAgeDays: z.number().int().min(7, '密码有效期为 7–365 天').max(365, '密码有效期为 7–365 天'),
    idleLockMinutes: z.number().int().min(1, '锁屏时间为 1–60 分钟').max(60, '锁屏时间为 1–60 分钟'),
    backupFolder: z.string().max(500).nullable(),
    backupKeep: z.number().int().min(1, '至少保留 1 份备份').max(365),
    backupEveryHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 7),
    /** Roles that may work from a browser seat (a browser on the town network, without a seat certificate). */
    browserSeatRoles: z.array(Role).max(roles.length)
  })
  .strict()
export type SecuritySettings = z.infer<typeof SecuritySettings>

export const auditOutcomes = ['ok', 'denied', 'failed'] as const
export const AuditRow = z.object({
  id: Id,
  at: z.string(),
  username: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  actionName: z.string(),
  /** The operation in words, with the issue action where there is one (事件交办). */
  operation: z.string(),
  /** What it was done to, named (SS-2026-001242 狮山镇 → 官窑社会管理处, a unit, a grid, a person masked). */
  object: z.string().nullable(),
  /** The stored detail as labelled Chinese lines. */
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  outcome: z.enum(auditOutcomes),
  target: z.string().nullable(),
  detail: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** The desktop seat (certificate name) or 浏览器; null at the server's own console. */
  seat: z.string().nullable(),
  /** The client's IP address; null over the desktop app's IPC. */
  address: z.string().nullable(),
  hash: z.string()
})
export type AuditRow = z.infer<typeof AuditRow>

export const AuditQuery = z
  .object({
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2026-05-19')
      .refine(isCalendarDay, '日期无效：日历上没有这一天')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2026-05-19')
      .refine(isCalendarDay, '日期无效：日历上没有这一天')
      .optional(),
    username: z.string().trim().max(32).optional(),
    action: z.string().trim().max(40).optional(),
    outcome: z.enum(auditOutcomes).optional(),
    q: z.string().trim().max(60).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100)
  })
  .strict()
export type AuditQuery = z.input<typeof AuditQuery>

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ id: z.number().int(), reason: z.string() }).nullable(),
  oldest: z.string().nullable()
})
