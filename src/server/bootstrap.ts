import { fold } from '../domain/text.ts';
import { nowIso, type AppContext } from './context.ts';
import { findRootUnit, insertUnit } from './modules/units/repository.ts';
import { generateInitialPassword, hashPassword } from './modules/auth/password.ts';
import { recordAudit } from './modules/audit/repository.ts';

export const ROOT_UNIT = { code: 'SGD', name: 'Sở Giáo dục và Đào tạo' };

/** A fresh database gets its root unit (the Sở, renamable). */
export async function ensureRootUnit(ctx: AppContext) {
  const existing = await findRootUnit(ctx.db);
  if (existing) return existing;
  const now = nowIso(ctx);
  return insertUnit(ctx.db, {
    code: ROOT_UNIT.code, name: ROOT_UNIT.name, name_folded: fold(ROOT_UNIT.name), kind: 'department',
    school_level: null, legacy_district: null, parent_id: null, active: 1, created_at: now, updated_at: now,
  }, null);
}

async function hasAdmin(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('role_grants').select('id').where('role', '=', 'admin').executeTakeFirst();
  return Boolean(row);
}

/**
 * Creates an administrator on the root unit with a one-time password that must be changed at first login.
 * Returns the credentials to print; they are never stored in clear.
 */
export async function createAdmin(ctx: AppContext, username = 'admin'): Promise<{ username: string; password: string }> {
  const root = await ensureRootUnit(ctx);
  const password = generateInitialPassword(12);
  const passwordHash = await hashPassword(password);
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    const userId = existing?.id ?? (await trx.insertInto('users').values({
      username, person_id: null, display_name: 'Quản trị hệ thống', password_hash: passwordHash,
      must_change_password: 1, disabled: 0, created_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
    if (existing) {
      await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 1, disabled: 0 })
        .where('id', '=', userId).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    }
    const grant = await trx.selectFrom('role_grants').select('id')
      .where('user_id', '=', userId).where('role', '=', 'admin').where('unit_id', '=', root.id).executeTakeFirst();
    if (!grant) {
      await trx.insertInto('role_grants').values({ user_id: userId, role: 'admin', unit_id: root.id, granted_by: null, created_at: now }).execute();
    }
    await recordAudit(trx, {
      at: now, actorUserId: null, action: 'admin.create', entityType: 'user', entityId: userId, unitId: root.id,
      summary: `Tạo tài khoản quản trị ${username}`,
    });
  });
  return { username, password };
}

/** Root unit and, when no administrator exists yet, a first one whose credentials are returned once. */
export async function bootstrap(ctx: AppContext): Promise<{ username: string; password: string } | null> {
  await ensureRootUnit(ctx);
  if (await hasAdmin(ctx)) return null;
  return createAdmin(ctx);
}
