import type { Executor } from '../../db/database.ts';

/** A user with the unit that scopes who may manage it (its person's unit; the root for staff without a person). */
export function findAccount(db: Executor, userId: number) {
  return db
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.person_id')
    .leftJoin('units', 'units.id', 'people.unit_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.person_id',
      'users.last_login_at',
      'users.disabled',
      'units.path as unit_path',
      'units.name as unit_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export function findGrant(db: Executor, grantId: number) {
  return db
    .selectFrom('role_grants')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['role_grants.id', 'role_grants.user_id', 'role_grants.role', 'role_grants.unit_id', 'units.path', 'units.name as unit_name'])
    .where('role_grants.id', '=', grantId)
    .executeTakeFirst();
}

export function grantExists(db: Executor, userId: number, role: string, unitId: number) {
  return db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function insertGrant(db: Executor, g: { userId: number; role: string; unitId: number; grantedBy: number; at: string }) {
  const { id } = await db
    .insertInto('role_grants')
    .values({ user_id: g.userId, role: g.role, unit_id: g.unitId, granted_by: g.grantedBy, created_at: g.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteGrant(db: Executor, grantId: number) {
  await db.deleteFrom('role_grants').where('id', '=', grantId).execute();
}

export async function countAdmins(db: Executor) {
  const row = await db
    .selectFrom('role_grants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Grants whose unit lies in the given subtrees, with the holder. */
export function grantsInScopes(db: Executor, scopePaths: string[]) {
  return db
    .selectFrom('role_grants')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .leftJoin('people', 'people.id', 'users.person_id')
    .select([
      'role_grants.id',
      'role_grants.role',
      'role_grants.unit_id',
      'units.name as unit_name',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'people.id as person_id',
      'users.last_login_at',
      'users.disabled',
    ])
    .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
    .orderBy('units.path')
    .orderBy('role_grants.role')
    .execute();
}

/**
 * Accounts of active people in a subtree that have never logged in: they get slips. `has_password` tells those whose
 * initial password was already set (printed slips, a reset) from those that have none yet.
 */
export function accountsForSlips(db: Executor, unitPath: string, includeLoggedIn: boolean) {
  let q = db
    .selectFrom('users')
    .innerJoin('people', 'people.id', 'users.person_id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select([
      'users.id',
      'users.username',
      'people.full_name',
      'people.sort_key',
      'units.name as unit_name',
      'units.path',
      'users.initial_password_issued_at',
    ])
    .select((eb) => eb.case().when('users.password_hash', 'is not', null).then(1).else(0).end().as('has_password'))
    .where('units.path', 'like', `${unitPath}%`)
    .where('people.active', '=', 1)
    .where('users.disabled', '=', 0);
  if (!includeLoggedIn) q = q.where('users.last_login_at', 'is', null);
  return q.orderBy('units.path').orderBy('people.sort_key').execute();
}

export async function setInitialPassword(db: Executor, userId: number, passwordHash: string, at: string) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: 1, initial_password_issued_at: at })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function setDisabled(db: Executor, userId: number, disabled: boolean) {
  await db
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
  if (disabled) await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function grantsOfUsers(db: Executor, userIds: number[]) {
  const out: { user_id: number; role: string; path: string }[] = [];
  for (let i = 0; i < userIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('role_grants')
        .innerJoin('units', 'units.id', 'role_grants.unit_id')
        .select(['role_grants.user_id', 'role_grants.role', 'units.path'])
        .where('role_grants.user_id', 'in', userIds.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}
