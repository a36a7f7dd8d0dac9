// Triggers the store keeps, declared beside their tables in the features' schema parts. drizzle-kit
// cannot declare a trigger, so a migration writes it by hand (0002, 0003, 0004);
// tests/integration/migrations.test.ts checks that a migrated store holds exactly the triggers
// declared, word for word.

export type Trigger = { name: string; sql: string }

/**
 * A table whose rows may not be changed or removed once written (a log, a signed document): both
 * refused with a Chinese reason that the dispatcher passes to the user (SQLITE_CONSTRAINT_TRIGGER).
 */
export function refuseChanges(table: string, tag: string, reason: (verb: '修改' | '删除') => string): Trigger[] {
  return (['update', 'delete'] as const).map((op) => {
    const name = `${table}_${tag}_${op}`
    return {
      name,
      sql: `CREATE TRIGGER \`${name}\` BEFORE ${op.toUpperCase()} ON \`${table}\` BEGIN SELECT RAISE(ABORT, '${reason(op === 'update' ? '修改' : '删除')}'); END`
    }
  })
}
