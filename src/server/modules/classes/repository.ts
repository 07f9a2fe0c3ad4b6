import type { Executor } from '../../db/database.ts';

export function classTypes(db: Executor, includeInactive = false) {
  let query = db.selectFrom('class_types').selectAll();
  if (!includeInactive) query = query.where('active', '=', 1);
  return query.orderBy('position').orderBy('id').execute();
}

export async function insertClassType(db: Executor, row: { code: string; name: string }) {
  const last = await db
    .selectFrom('class_types')
    .select((eb) => eb.fn.max('position').as('p'))
    .executeTakeFirst();
  const { id } = await db
    .insertInto('class_types')
    .values({ ...row, position: Number(last?.p ?? 0) + 1, active: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateClassType(db: Executor, id: number, changes: Partial<{ name: string; active: number }>) {
  if (Object.keys(changes).length) await db.updateTable('class_types').set(changes).where('id', '=', id).execute();
}

const CLASS_COLUMNS = [
  'training_classes.id',
  'training_classes.unit_id',
  'training_classes.type_id',
  'training_classes.name',
  'training_classes.planned_start',
  'training_classes.planned_end',
  'training_classes.actual_start',
  'training_classes.actual_end',
  'training_classes.planned_trainees',
  'training_classes.location',
  'training_classes.notes',
  'units.name as unit_name',
  'units.path as unit_path',
  'class_types.name as type_name',
] as const;

export function findClass(db: Executor, id: number) {
  return db
    .selectFrom('training_classes')
    .innerJoin('units', 'units.id', 'training_classes.unit_id')
    .innerJoin('class_types', 'class_types.id', 'training_classes.type_id')
    .select(CLASS_COLUMNS)
    .where('training_classes.id', '=', id)
    .executeTakeFirst();
}
export type ClassRow = NonNullable<Awaited<ReturnType<typeof findClass>>>;

/** Classes of the units under the scopes that were planned or held between the dates. */
export function classesIn(db: Executor, scopePaths: string[], from: string, to: string) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_classes')
    .innerJoin('units', 'units.id', 'training_classes.unit_id')
    .innerJoin('class_types', 'class_types.id', 'training_classes.type_id')
    .select([
      ...CLASS_COLUMNS,
      (eb) =>
        eb
          .selectFrom('class_trainees')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('class_trainees.class_id', '=', 'training_classes.id')
          .as('trainees'),
      (eb) =>
        eb
          .selectFrom('class_trainees')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('class_trainees.class_id', '=', 'training_classes.id')
          .where('class_trainees.completed', '=', 1)
          .as('completed'),
      (eb) =>
        eb
          .selectFrom('class_trainees')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('class_trainees.class_id', '=', 'training_classes.id')
          .where('class_trainees.certificate_no', 'is not', null)
          .as('certificates'),
    ])
    .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
    .where((eb) =>
      eb.or([
        eb.and([eb('training_classes.planned_start', '>=', from), eb('training_classes.planned_start', '<=', to)]),
        eb.and([eb('training_classes.actual_start', '>=', from), eb('training_classes.actual_start', '<=', to)]),
      ]),
    )
    .orderBy('training_classes.planned_start')
    .orderBy('training_classes.id')
    .execute();
}

export async function insertClass(
  db: Executor,
  row: {
    unit_id: number;
    type_id: number;
    name: string;
    planned_start: string;
    planned_end: string | null;
    actual_start: string | null;
    actual_end: string | null;
    planned_trainees: number | null;
    location: string | null;
    notes: string | null;
    created_by: number | null;
    at: string;
  },
) {
  const { at, ...rest } = row;
  const { id } = await db
    .insertInto('training_classes')
    .values({ ...rest, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateClass(db: Executor, id: number, changes: Record<string, unknown> & { updated_at: string }) {
  await db.updateTable('training_classes').set(changes).where('id', '=', id).execute();
}

export function lecturersOfClass(db: Executor, classId: number) {
  return db
    .selectFrom('class_lecturers')
    .innerJoin('lecturers', 'lecturers.id', 'class_lecturers.lecturer_id')
    .select(['lecturers.id', 'lecturers.full_name', 'lecturers.title', 'lecturers.kind', 'lecturers.person_id'])
    .where('class_lecturers.class_id', '=', classId)
    .orderBy('lecturers.name_folded')
    .execute();
}

export async function replaceClassLecturers(db: Executor, classId: number, lecturerIds: number[]) {
  await db.deleteFrom('class_lecturers').where('class_id', '=', classId).execute();
  if (lecturerIds.length)
    await db
      .insertInto('class_lecturers')
      .values(lecturerIds.map((lecturer_id) => ({ class_id: classId, lecturer_id })))
      .execute();
}

export function traineesOf(db: Executor, classId: number) {
  return db
    .selectFrom('class_trainees')
    .leftJoin('people', 'people.id', 'class_trainees.person_id')
    .leftJoin('units', 'units.id', 'people.unit_id')
    .select([
      'class_trainees.id',
      'class_trainees.person_id',
      'class_trainees.full_name',
      'class_trainees.workplace',
      'class_trainees.completed',
      'class_trainees.certificate_no',
      'units.name as unit_name',
    ])
    .where('class_trainees.class_id', '=', classId)
    .orderBy('class_trainees.id')
    .execute();
}

export function findTrainee(db: Executor, id: number) {
  return db.selectFrom('class_trainees').selectAll().where('id', '=', id).executeTakeFirst();
}

export function traineeOfPerson(db: Executor, classId: number, personId: number) {
  return db.selectFrom('class_trainees').selectAll().where('class_id', '=', classId).where('person_id', '=', personId).executeTakeFirst();
}

export async function insertTrainees(
  db: Executor,
  rows: { class_id: number; person_id: number | null; full_name: string; workplace: string | null; created_at: string }[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('class_trainees')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, completed: 0, certificate_no: null })))
      .execute();
  }
}

export async function updateTrainee(db: Executor, id: number, changes: Partial<{ completed: number; certificate_no: string | null }>) {
  if (Object.keys(changes).length) await db.updateTable('class_trainees').set(changes).where('id', '=', id).execute();
}

export async function upsertEvaluation(
  db: Executor,
  row: { class_id: number; lecturer_id: number; trainee_id: number; score: number; comment: string | null; created_at: string },
) {
  await db
    .insertInto('lecturer_evaluations')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['class_id', 'lecturer_id', 'trainee_id'])
        .doUpdateSet({ score: row.score, comment: row.comment, created_at: row.created_at }),
    )
    .execute();
}

export function evaluationsOf(db: Executor, classIds: number[]) {
  if (classIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('lecturer_evaluations')
    .innerJoin('lecturers', 'lecturers.id', 'lecturer_evaluations.lecturer_id')
    .select([
      'lecturer_evaluations.class_id',
      'lecturer_evaluations.lecturer_id',
      'lecturer_evaluations.trainee_id',
      'lecturer_evaluations.score',
      'lecturer_evaluations.comment',
      'lecturers.full_name',
      'lecturers.kind',
    ])
    .where('lecturer_evaluations.class_id', 'in', classIds)
    .execute();
}

/** Classes a person is a trainee of, with the class's lecturers. */
export function classesOfPerson(db: Executor, personId: number) {
  return db
    .selectFrom('class_trainees')
    .innerJoin('training_classes', 'training_classes.id', 'class_trainees.class_id')
    .innerJoin('units', 'units.id', 'training_classes.unit_id')
    .innerJoin('class_types', 'class_types.id', 'training_classes.type_id')
    .select([
      'training_classes.id',
      'training_classes.name',
      'training_classes.planned_start',
      'training_classes.actual_start',
      'training_classes.actual_end',
      'units.name as unit_name',
      'class_types.name as type_name',
      'class_trainees.id as trainee_id',
      'class_trainees.completed',
      'class_trainees.certificate_no',
    ])
    .where('class_trainees.person_id', '=', personId)
    .orderBy('training_classes.planned_start', 'desc')
    .execute();
}
