import type { Executor } from '../../db/database.ts';
import type { NewPerson } from '../../db/schema.ts';
import { nextTurn } from '../../lib/next-turn.ts';

const CHUNK = 900;

const chunks = <T>(items: T[]): T[][] => chunksOf(items, CHUNK);

/** Stored people sharing a staff id or citizen id with the file, with their unit's path. */
export async function peopleByIdentifiers(db: Executor, staffIds: string[], citizenIds: string[]) {
  const select = () =>
    db
      .selectFrom('people')
      .innerJoin('units', 'units.id', 'people.unit_id')
      .select([
        'people.id',
        'people.full_name',
        'people.birth_date',
        'people.gender',
        'people.staff_id',
        'people.citizen_id',
        'people.unit_id',
        'people.position',
        'people.title',
        'people.party_member',
        'people.party_joined_on',
        'people.theory_level',
        'people.phone',
        'people.email',
        'people.extra_minutes',
        'units.path as unit_path',
      ]);
  const rows = new Map<number, Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number]>();
  for (const [column, ids] of [
    ['people.staff_id', staffIds],
    ['people.citizen_id', citizenIds],
  ] as const) {
    for (const part of chunks(ids)) {
      for (const r of await select().where(column, 'in', part).execute()) rows.set(r.id, r);
      await nextTurn();
    }
  }
  return [...rows.values()];
}

export async function insertPeople(db: Executor, people: NewPerson[]): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunksOf(people, 100)) {
    const rows = await db.insertInto('people').values(part).returning('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

function chunksOf<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function insertHistory(db: Executor, rows: { person_id: number; unit_id: number; from_at: string }[]) {
  for (const part of chunksOf(rows, 200)) {
    await db
      .insertInto('person_unit_history')
      .values(part.map((r) => ({ ...r, to_at: null })))
      .execute();
  }
}

export async function existingUsernames(db: Executor, usernames: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunks(usernames)) {
    for (const r of await db.selectFrom('users').select('username').where('username', 'in', part).execute()) taken.add(r.username);
  }
  return taken;
}

export async function insertAccounts(
  db: Executor,
  rows: { username: string; person_id: number; display_name: string; created_at: string }[],
) {
  for (const part of chunksOf(rows, 200)) {
    await db
      .insertInto('users')
      .values(
        part.map((r) => ({
          ...r,
          password_hash: null,
          must_change_password: 1,
          disabled: 0,
        })),
      )
      .execute();
  }
}

export async function saveImport(
  db: Executor,
  row: {
    created_by: number;
    under_unit_id: number;
    file_name: string;
    rows_json: string;
    rows_packed: Uint8Array | null;
    created_at: string;
  },
) {
  const { id } = await db
    .insertInto('roster_imports')
    .values({ ...row, status: 'previewed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function findImport(db: Executor, id: number) {
  return db.selectFrom('roster_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markImport(db: Executor, id: number, status: 'committed') {
  await db.updateTable('roster_imports').set({ status, rows_json: '[]', rows_packed: null }).where('id', '=', id).execute();
}
