// Accounts and the audit trail (issue 8).
// Part of the store's schema (db/schema.ts gathers the parts; drizzle.config.ts lists them):
// change it, run `npm run db:generate`, read the SQL, commit the migration.
import { refuseChanges } from '../db/triggers'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { roles } from '../../shared/accounts'
import { units } from '../grids/schema'

/** Who may sign in. Passwords are scrypt hashes (electron/core/trust/domain/passwordPolicy.ts); never stored in clear. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** Null until the security administrator grants one: the account can then do nothing but sign in. */
    role: text('role', { enum: roles }),
    /** The office or village a clerk is bound to (the district for the district's desk). */
    unitId: integer('unit_id').references(() => units.id),
    passwordHash: text('password_hash').notNull(),
    /** Null = must change at next sign-in (a new or reset account). */
    passwordChangedAt: text('password_changed_at'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    lastLoginAt: text('last_login_at'),
    createdAt: text('created_at').notNull()
  },
  (t) => [uniqueIndex('accounts_username').on(t.username)]
)

/**
 * The audit trail: every change, unmask, export, print, sign-in and denial. Append-only (triggers in
 * the migration refuse UPDATE and DELETE) and hash-chained: each row's hash covers the previous
 * row's hash, so a changed or removed row breaks the chain at that point (trust/domain/auditChain.ts).
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    accountId: integer('account_id'),
    username: text('username').notNull(),
    role: text('role'),
    /** The API method or event (auth.login, persons.unmask, print …). */
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    /** Which record (person:12, issue:301 …). */
    target: text('target'),
    /** The request (personal data masked), the reason, the change batches. JSON. */
    detail: text('detail'),
    before: text('before'),
    after: text('after'),
    /** Where the call came from (issue 20): the desktop seat's certificate name, 浏览器 for a browser seat; null at the server's own console. */
    seat: text('seat'),
    /** The client's IP address (null over the desktop app's IPC). */
    address: text('address'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull()
  },
  (t) => [index('audit_events_at').on(t.at), index('audit_events_user').on(t.username, t.at), index('audit_events_action').on(t.action, t.at)]
)

/** The audit trail is append-only (migration 0004). */
export const auditEventsTriggers = refuseChanges('audit_events', 'no', (verb) => `审计记录只能追加，不能${verb}`)

/**
 * What a write sent with an idempotency key answered (issue 20): a seat whose answer was lost sends the
 * same write again with the same key and gets this answer instead of a second write; the same key with
 * another body is refused. Written in the write's own savepoint, so it exists exactly when the write does.
 */
export const writeReceipts = sqliteTable(
  'write_receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    /** SHA-256 of the input as the contract parsed it. */
    bodyHash: text('body_hash').notNull(),
    /** The method's answer, as JSON. */
    result: text('result').notNull(),
    at: text('at').notNull()
  },
  (t) => [uniqueIndex('write_receipts_key').on(t.accountId, t.key), index('write_receipts_at').on(t.at)]
)
