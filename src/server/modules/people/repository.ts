import type { Executor } from '../../db/database.ts';
import type { NewPerson, PersonUpdate } from '../../db/schema.ts';

export interface PeopleFilter {
  scopePaths: string[];
  q?: string; // already folded
  position?: string;
  partyMember?: boolean;
  includeInactive?: boolean;
}

function filtered(db: Executor, f: PeopleFilter) {
  let query = db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .leftJoin('users', 'users.person_id', 'people.id')
    .where((eb) => eb.or(f.scopePaths.map((p) => eb('units.path', 'like', `${p}%`))));
  if (!f.includeInactive) query = query.where('people.active', '=', 1);
  if (f.position) query = query.where('people.position', '=', f.position);
  if (f.partyMember !== undefined) query = query.where('people.party_member', '=', f.partyMember ? 1 : 0);
  if (f.q) {
    const q = f.q;
    query = query.where((eb) =>
      eb.or([eb('people.name_folded', 'like', `%${q}%`), eb('people.staff_id', 'like', `${q}%`), eb('people.citizen_id', 'like', `${q}%`)]),
    );
  }
  return query;
}

const PERSON_COLUMNS = [
  'people.id',
  'people.full_name',
  'people.birth_date',
  'people.gender',
  'people.staff_id',
  'people.citizen_id',
  'people.unit_id',
  'people.position',
  'people.party_member',
  'people.party_joined_on',
  'people.theory_level',
  'people.phone',
  'people.email',
  'people.active',
  'people.extra_minutes',
  'units.name as unit_name',
  'units.path as unit_path',
  'users.id as user_id',
  'users.username',
  'users.last_login_at',
  'users.disabled as account_disabled',
] as const;

export async function listPeople(db: Executor, f: PeopleFilter, page: { offset: number; limit: number }) {
  if (f.scopePaths.length === 0) return { rows: [], total: 0 };
  const [rows, total] = await Promise.all([
    filtered(db, f).select(PERSON_COLUMNS).orderBy('people.sort_key').orderBy('people.id').offset(page.offset).limit(page.limit).execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export type PersonListRow = Awaited<ReturnType<typeof listPeople>>['rows'][number];

export function findPersonRow(db: Executor, id: number) {
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .leftJoin('users', 'users.person_id', 'people.id')
    .select(PERSON_COLUMNS)
    .where('people.id', '=', id)
    .executeTakeFirst();
}

export function findByIdentifier(db: Executor, column: 'staff_id' | 'citizen_id', values: string[]) {
  if (values.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.staff_id', 'people.citizen_id', 'people.unit_id', 'people.full_name', 'units.path as unit_path'])
    .where(`people.${column}`, 'in', values)
    .execute();
}

export async function insertPerson(db: Executor, person: NewPerson): Promise<number> {
  const { id } = await db.insertInto('people').values(person).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updatePerson(db: Executor, id: number, changes: PersonUpdate) {
  await db.updateTable('people').set(changes).where('id', '=', id).execute();
}

export async function openHistory(db: Executor, personId: number, unitId: number, atIso: string) {
  await db.updateTable('person_unit_history').set({ to_at: atIso }).where('person_id', '=', personId).where('to_at', 'is', null).execute();
  await db.insertInto('person_unit_history').values({ person_id: personId, unit_id: unitId, from_at: atIso, to_at: null }).execute();
}

export function historyOf(db: Executor, personId: number) {
  return db
    .selectFrom('person_unit_history')
    .innerJoin('units', 'units.id', 'person_unit_history.unit_id')
    .select(['person_unit_history.unit_id', 'units.name as unit_name', 'person_unit_history.from_at', 'person_unit_history.to_at'])
    .where('person_id', '=', personId)
    .orderBy('person_unit_history.id', 'desc')
    .execute();
}

export async function insertAccount(db: Executor, account: { username: string; personId: number; displayName: string; at: string }) {
  await db
    .insertInto('users')
    .values({
      username: account.username,
      person_id: account.personId,
      display_name: account.displayName,
      password_hash: null,
      must_change_password: 1,
      disabled: 0,
      created_at: account.at,
    })
    .execute();
}

export function usernameTaken(db: Executor, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst().then(Boolean);
}

export function rolesOfPerson(db: Executor, personId: number) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['role_grants.id', 'role_grants.role', 'role_grants.unit_id', 'units.name as unit_name'])
    .where('users.person_id', '=', personId)
    .execute();
}
