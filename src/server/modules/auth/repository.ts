import type { Executor } from '../../db/database.ts';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Executor, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(db: Executor, row: {
  token_hash: string; user_id: number; csrf_token: string; created_at: string; expires_at: string;
  last_seen_at: string; ip: string | null; user_agent: string | null;
}): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findSession(db: Executor, tokenHash: string) {
  return db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.token_hash', 'sessions.user_id', 'sessions.csrf_token', 'sessions.expires_at',
      'sessions.last_seen_at', 'users.username', 'users.display_name', 'users.person_id',
      'users.must_change_password', 'users.disabled'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, tokenHash: string, lastSeenAt: string, expiresAt: string) {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number, exceptTokenHash?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash) q = q.where('token_hash', '!=', exceptTokenHash);
  await q.execute();
}

export async function deleteExpired(db: Executor, nowIso: string, failuresBeforeIso: string) {
  await db.deleteFrom('sessions').where('expires_at', '<', nowIso).execute();
  await db.deleteFrom('login_failures').where('at', '<', failuresBeforeIso).execute();
}

export function grantsOfUser(db: Executor, userId: number) {
  return db.selectFrom('role_grants')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['role_grants.id', 'role_grants.role', 'role_grants.unit_id', 'units.path', 'units.name as unit_name'])
    .where('role_grants.user_id', '=', userId)
    .execute();
}

export async function countFailures(db: Executor, key: string, sinceIso: string): Promise<number> {
  const row = await db.selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key).where('at', '>=', sinceIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function recordFailure(db: Executor, keys: string[], atIso: string) {
  await db.insertInto('login_failures').values(keys.map((key) => ({ key, at: atIso }))).execute();
}

export async function clearFailures(db: Executor, key: string) {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

export async function setPassword(db: Executor, userId: number, passwordHash: string, mustChange: boolean) {
  await db.updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
    .where('id', '=', userId).execute();
}

export async function markLoggedIn(db: Executor, userId: number, atIso: string) {
  await db.updateTable('users').set({ last_login_at: atIso }).where('id', '=', userId).execute();
}
