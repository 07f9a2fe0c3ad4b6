import type { Executor } from '../../db/database.ts';

const COLUMNS = [
  'lecturers.id',
  'lecturers.unit_id',
  'lecturers.person_id',
  'lecturers.full_name',
  'lecturers.title',
  'lecturers.workplace',
  'lecturers.kind',
  'lecturers.active',
  'units.name as unit_name',
  'units.path as unit_path',
] as const;

export function findLecturer(db: Executor, id: number) {
  return db
    .selectFrom('lecturers')
    .innerJoin('units', 'units.id', 'lecturers.unit_id')
    .select(COLUMNS)
    .where('lecturers.id', '=', id)
    .executeTakeFirst();
}

/** Lecturers of units inside the scopes or above them (a province lecturer serves every commune). */
export function lecturersRelatedTo(db: Executor, scopePaths: string[]) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  const ancestors = [
    ...new Set(
      scopePaths.flatMap((p) =>
        p
          .split('/')
          .filter(Boolean)
          .map((_, i, ids) => `/${ids.slice(0, i + 1).join('/')}/`),
      ),
    ),
  ];
  return db
    .selectFrom('lecturers')
    .innerJoin('units', 'units.id', 'lecturers.unit_id')
    .select(COLUMNS)
    .where((eb) => eb.or([...scopePaths.map((p) => eb('units.path', 'like', `${p}%`)), eb('units.path', 'in', ancestors)]))
    .orderBy('lecturers.name_folded')
    .execute();
}

export async function insertLecturer(
  db: Executor,
  row: {
    unit_id: number;
    person_id: number | null;
    full_name: string;
    name_folded: string;
    title: string | null;
    workplace: string | null;
    kind: string;
    created_at: string;
  },
) {
  const { id } = await db
    .insertInto('lecturers')
    .values({ ...row, active: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateLecturer(
  db: Executor,
  id: number,
  changes: Partial<{
    full_name: string;
    name_folded: string;
    title: string | null;
    workplace: string | null;
    kind: string;
    active: number;
  }>,
) {
  if (Object.keys(changes).length) await db.updateTable('lecturers').set(changes).where('id', '=', id).execute();
}

export function lecturerIdsOfPerson(db: Executor, personId: number) {
  return db
    .selectFrom('lecturers')
    .select('id')
    .where('person_id', '=', personId)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}
