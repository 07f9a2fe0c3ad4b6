import { fold } from '../domain/text.ts';
import { nowIso, type AppContext } from './context.ts';
import type { Executor } from './db/database.ts';
import { exclusively, LOCKS } from './db/exclusive.ts';
import type { UnitRow } from './db/schema.ts';
import { findRootUnit, insertUnit } from './modules/units/repository.ts';
import { generateInitialPassword, hashPassword } from './modules/auth/password.ts';
import { recordAudit } from './modules/audit/repository.ts';
import { announceSessionChange } from './modules/auth/session-invalidation.ts';

export const ROOT_UNIT = { code: 'SGD', name: 'Sở Giáo dục và Đào tạo' };

// Everything that creates the root unit or an administrator runs `exclusively` (one process at a time, checking again
// inside): several processes starting on a fresh database make one root unit and one first administrator.

async function rootUnitIn(db: Executor, ctx: AppContext): Promise<UnitRow> {
  const existing = await findRootUnit(db);
  if (existing) return existing;
  const now = nowIso(ctx);
  return insertUnit(
    db,
    {
      code: ROOT_UNIT.code,
      name: ROOT_UNIT.name,
      name_folded: fold(ROOT_UNIT.name),
      kind: 'department',
      school_level: null,
      legacy_district: null,
      parent_id: null,
      active: 1,
      created_at: now,
      updated_at: now,
    },
    null,
  );
}

/** A fresh database gets its root unit (the Sở, renamable). */
export async function ensureRootUnit(ctx: AppContext): Promise<UnitRow> {
  return (await findRootUnit(ctx.db)) ?? exclusively(ctx.db, LOCKS.bootstrap, (db) => rootUnitIn(db, ctx));
}

async function hasAdmin(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('role_grants').select('id').where('role', '=', 'admin').executeTakeFirst();
  return Boolean(row);
}

/** Gives `username` (created when missing) the password hash, a forced change, and the administrator role on the root. */
async function writeAdmin(db: Executor, ctx: AppContext, username: string, passwordHash: string) {
  const root = await rootUnitIn(db, ctx);
  const now = nowIso(ctx);
  const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  const userId =
    existing?.id
    ?? (
      await db
        .insertInto('users')
        .values({
          username,
          person_id: null,
          display_name: 'Quản trị hệ thống',
          password_hash: passwordHash,
          must_change_password: 1,
          disabled: 0,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  if (existing) {
    await db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 1, disabled: 0 })
      .where('id', '=', userId)
      .execute();
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    // A running server (this command is often another process) drops its cached sessions of this account.
    await announceSessionChange(ctx, db, { kind: 'user', userId });
  }
  const grant = await db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', 'admin')
    .where('unit_id', '=', root.id)
    .executeTakeFirst();
  if (!grant) {
    await db
      .insertInto('role_grants')
      .values({ user_id: userId, role: 'admin', unit_id: root.id, granted_by: null, created_at: now })
      .execute();
  }
  await recordAudit(db, {
    at: now,
    actorUserId: null,
    action: 'admin.create',
    entityType: 'user',
    entityId: userId,
    unitId: root.id,
    summary: `Tạo tài khoản quản trị ${username}`,
  });
}

/**
 * Creates an administrator on the root unit with a one-time password that must be changed at first login (or gives an
 * existing account of that name a new one). Returns the credentials to print; they are never stored in clear.
 */
export async function createAdmin(ctx: AppContext, username = 'admin'): Promise<{ username: string; password: string }> {
  const password = generateInitialPassword(12);
  const passwordHash = await hashPassword(password);
  await exclusively(ctx.db, LOCKS.bootstrap, (db) => writeAdmin(db, ctx, username, passwordHash));
  return { username, password };
}

/**
 * Root unit and, when no administrator exists yet, a first one whose credentials are returned once — only by the
 * process that really created it: another process starting beside it gets null and prints nothing.
 */
export async function bootstrap(ctx: AppContext): Promise<{ username: string; password: string } | null> {
  await ensureRootUnit(ctx);
  if (await hasAdmin(ctx.db)) return null;
  // Hashed before taking the lock (argon2id takes a while); wasted only by the process that loses the race.
  const password = generateInitialPassword(12);
  const passwordHash = await hashPassword(password);
  const created = await exclusively(ctx.db, LOCKS.bootstrap, async (db) => {
    if (await hasAdmin(db)) return false;
    await writeAdmin(db, ctx, 'admin', passwordHash);
    return true;
  });
  return created ? { username: 'admin', password } : null;
}
