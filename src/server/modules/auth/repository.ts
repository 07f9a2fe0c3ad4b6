import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Executor, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(
  db: Executor,
  row: {
    token_hash: string;
    user_id: number;
    csrf_token: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
    ip: string | null;
    user_agent: string | null;
  },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/**
 * A session with its user and every role grant of the user, in one statement: one row per grant, or one row with null
 * grant columns for a participant without any (a session miss is one round trip, not two).
 */
export function findSessionWithGrants(db: Executor, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('role_grants', 'role_grants.user_id', 'users.id')
    .leftJoin('units', 'units.id', 'role_grants.unit_id')
    .select([
      'sessions.token_hash',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.username',
      'users.display_name',
      'users.person_id',
      'users.must_change_password',
      'users.disabled',
      'role_grants.role',
      'role_grants.unit_id as grant_unit_id',
      'units.path as grant_unit_path',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .execute();
}

export async function touchSession(db: Executor, tokenHash: string, lastSeenAt: string, expiresAt: string) {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
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
  return db
    .selectFrom('role_grants')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['role_grants.id', 'role_grants.role', 'role_grants.unit_id', 'units.path', 'units.name as unit_name'])
    .where('role_grants.user_id', '=', userId)
    .execute();
}

export async function countFailures(db: Executor, key: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>=', sinceIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function recordFailure(db: Executor, keys: string[], atIso: string) {
  await db
    .insertInto('login_failures')
    .values(keys.map((key) => ({ key, at: atIso })))
    .execute();
}

/**
 * Inserts a failure row for every `inserted` key, in one statement, only if every `checked` key has fewer than its
 * limit of failures after `sinceIso` (a failure leaves the window exactly when the window's length has passed);
 * returns the rows inserted (none when a limit is reached). Atomic on SQLite; on PostgreSQL the caller holds the
 * inserted keys' advisory locks so that concurrent statements cannot both read the same count.
 */
export async function insertFailuresIfUnder(
  db: Executor,
  checked: { key: string; limit: number }[],
  inserted: { key: string }[],
  atIso: string,
  sinceIso: string,
): Promise<{ id: number; key: string }[]> {
  const values = sql.join(
    inserted.map((k) => sql`select cast(${k.key} as text) as key`),
    sql` union all `,
  );
  const under = sql.join(
    checked.map((k) => sql`(select count(*) from login_failures where key = ${k.key} and at > ${sinceIso}) < ${k.limit}`),
    sql` and `,
  );
  const result = await sql<{ id: number; key: string }>`insert into login_failures (key, at)
    select k.key, ${atIso} from (${values}) as k where ${under} returning id, key`.execute(db);
  return result.rows.map((r) => ({ id: Number(r.id), key: r.key }));
}

/** When the key's `n`-th newest failure after `sinceIso` happened (it falls below n failures when that one expires). */
export async function nthNewestFailure(db: Executor, key: string, sinceIso: string, n: number): Promise<string | null> {
  const row = await db
    .selectFrom('login_failures')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', sinceIso)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .offset(n - 1)
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function clearFailuresUpTo(db: Executor, key: string, lastId: number) {
  await db.deleteFrom('login_failures').where('key', '=', key).where('id', '<=', lastId).execute();
}

export async function setPassword(db: Executor, userId: number, passwordHash: string, mustChange: boolean) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
}

export async function markLoggedIn(db: Executor, userId: number, atIso: string) {
  await db.updateTable('users').set({ last_login_at: atIso }).where('id', '=', userId).execute();
}
