import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { AssessmentTable } from '../../db/schema.ts';
import type { Insertable, Updateable } from 'kysely';

const ASSESSMENT_COLUMNS = [
  'assessments.id',
  'assessments.unit_id',
  'assessments.bank_id',
  'assessments.campaign_id',
  'assessments.title',
  'assessments.instructions',
  'assessments.duration_min',
  'assessments.question_count',
  'assessments.opens_at',
  'assessments.closes_at',
  'assessments.attempts_allowed',
  'assessments.selection_json',
  'assessments.variant_mode',
  'assessments.variant_count',
  'assessments.shuffle_questions',
  'assessments.shuffle_options',
  'assessments.seed',
  'assessments.scoring_json',
  'assessments.review_json',
  'assessments.grace_seconds',
  'assessments.status',
  'assessments.published_at',
  'assessments.regraded_at',
  'assessments.compare_with_id',
  'assessments.created_at',
  'assessments.updated_at',
  'units.name as unit_name',
  'units.path as unit_path',
  'question_banks.name as bank_name',
] as const;

function assessmentsQuery(db: Executor) {
  return db
    .selectFrom('assessments')
    .innerJoin('units', 'units.id', 'assessments.unit_id')
    .innerJoin('question_banks', 'question_banks.id', 'assessments.bank_id')
    .select(ASSESSMENT_COLUMNS);
}

export function findAssessment(db: Executor, id: number) {
  return assessmentsQuery(db).where('assessments.id', '=', id).executeTakeFirst();
}

export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/**
 * Assessments owned inside the manage scopes, or aimed at people inside the monitor scopes (a target subtree that
 * overlaps a scope, or an invitee of a scope).
 */
export function assessmentsVisibleFrom(db: Executor, managePaths: string[], monitorPaths: string[]) {
  return assessmentsQuery(db)
    .where((eb) =>
      eb.or([
        ...managePaths.map((p) => eb('units.path', 'like', `${p}%`)),
        ...monitorPaths.map((p) =>
          eb.exists(
            eb
              .selectFrom('assessment_targets as t')
              .innerJoin('units as tu', 'tu.id', 't.unit_id')
              .select('t.unit_id')
              .whereRef('t.assessment_id', '=', 'assessments.id')
              .where((inner) => inner.or([inner('tu.path', 'like', `${p}%`), inner(sql.val(p), 'like', sql<string>`tu.path || '%'`)])),
          ),
        ),
        ...monitorPaths.map((p) =>
          eb.exists(
            eb
              .selectFrom('assessment_invitees as i')
              .innerJoin('people as ip', 'ip.id', 'i.person_id')
              .innerJoin('units as iu', 'iu.id', 'ip.unit_id')
              .select('i.person_id')
              .whereRef('i.assessment_id', '=', 'assessments.id')
              .where('iu.path', 'like', `${p}%`),
          ),
        ),
      ]),
    )
    .orderBy('assessments.opens_at', 'desc')
    .orderBy('assessments.id', 'desc')
    .execute();
}

export async function insertAssessment(db: Executor, row: Insertable<AssessmentTable>): Promise<number> {
  const { id } = await db.insertInto('assessments').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateAssessment(db: Executor, id: number, changes: Updateable<AssessmentTable>) {
  await db.updateTable('assessments').set(changes).where('id', '=', id).execute();
}

export async function deleteAssessment(db: Executor, id: number) {
  await db.deleteFrom('assessment_targets').where('assessment_id', '=', id).execute();
  await db.deleteFrom('assessment_invitees').where('assessment_id', '=', id).execute();
  await db.deleteFrom('assessment_extra_time').where('assessment_id', '=', id).execute();
  await db.deleteFrom('assessments').where('id', '=', id).execute();
}

export async function replaceTargets(db: Executor, assessmentId: number, unitIds: number[]) {
  await db.deleteFrom('assessment_targets').where('assessment_id', '=', assessmentId).execute();
  if (unitIds.length) {
    await db
      .insertInto('assessment_targets')
      .values(unitIds.map((unit_id) => ({ assessment_id: assessmentId, unit_id })))
      .execute();
  }
}

export async function replaceInvitees(db: Executor, assessmentId: number, personIds: number[]) {
  await db.deleteFrom('assessment_invitees').where('assessment_id', '=', assessmentId).execute();
  for (let i = 0; i < personIds.length; i += 500) {
    await db
      .insertInto('assessment_invitees')
      .values(personIds.slice(i, i + 500).map((person_id) => ({ assessment_id: assessmentId, person_id })))
      .execute();
  }
}

export function targetsOf(db: Executor, assessmentId: number) {
  return db
    .selectFrom('assessment_targets')
    .innerJoin('units', 'units.id', 'assessment_targets.unit_id')
    .select(['units.id', 'units.name', 'units.path'])
    .where('assessment_targets.assessment_id', '=', assessmentId)
    .orderBy('units.path')
    .execute();
}

export function inviteesOf(db: Executor, assessmentId: number) {
  return db
    .selectFrom('assessment_invitees')
    .innerJoin('people', 'people.id', 'assessment_invitees.person_id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.full_name', 'units.name as unit_name', 'units.path as unit_path'])
    .where('assessment_invitees.assessment_id', '=', assessmentId)
    .orderBy('people.sort_key')
    .execute();
}

/** Units and people by id with their paths: what the service checks against the actor's scope. */
export function unitsByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').select(['id', 'name', 'path']).where('id', 'in', ids).execute();
}

export async function peoplePathsByIds(db: Executor, ids: number[]) {
  const rows: { id: number; path: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('people')
        .innerJoin('units', 'units.id', 'people.unit_id')
        .select(['people.id', 'units.path'])
        .where('people.id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/** The bank's live questions at their current version, for assembling. */
export function questionPool(db: Executor, bankId: number) {
  return db
    .selectFrom('questions')
    .innerJoin('question_versions', (j) =>
      j.onRef('question_versions.question_id', '=', 'questions.id').onRef('question_versions.version', '=', 'questions.current_version'),
    )
    .select([
      'questions.id',
      'questions.topic_id',
      'questions.difficulty',
      'question_versions.id as version_id',
      'question_versions.content_json',
      'question_versions.correct_index',
    ])
    .where('questions.bank_id', '=', bankId)
    .where('questions.deleted_at', 'is', null)
    .orderBy('questions.id')
    .execute();
}

export async function insertFrozenQuestions(
  db: Executor,
  rows: { assessment_id: number; ordinal: number; question_id: number; version_id: number; correct_index: number; option_count: number }[],
) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('assessment_questions')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function lockVersions(db: Executor, versionIds: number[]) {
  for (let i = 0; i < versionIds.length; i += 500) {
    await db
      .updateTable('question_versions')
      .set({ locked: 1 })
      .where('id', 'in', versionIds.slice(i, i + 500))
      .execute();
  }
}

/** The frozen questions of a published assessment in canonical order. */
export function frozenQuestions(db: Executor, assessmentId: number) {
  return db
    .selectFrom('assessment_questions')
    .innerJoin('question_versions', 'question_versions.id', 'assessment_questions.version_id')
    .select([
      'assessment_questions.ordinal',
      'assessment_questions.question_id',
      'assessment_questions.version_id',
      'assessment_questions.correct_index',
      'assessment_questions.option_count',
      'question_versions.content_json',
    ])
    .where('assessment_questions.assessment_id', '=', assessmentId)
    .orderBy('assessment_questions.ordinal')
    .execute();
}

export async function insertVariant(
  db: Executor,
  row: { assessment_id: number; code: string; items_json: string; person_id: number | null; created_at: string },
): Promise<number> {
  const { id } = await db.insertInto('assessment_variants').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function variantsOf(db: Executor, assessmentId: number, shared = true) {
  let q = db.selectFrom('assessment_variants').select(['id', 'code', 'items_json', 'person_id']).where('assessment_id', '=', assessmentId);
  if (shared) q = q.where('person_id', 'is', null);
  return q.orderBy('code').execute();
}

export function findVariant(db: Executor, id: number) {
  return db
    .selectFrom('assessment_variants')
    .select(['id', 'assessment_id', 'code', 'items_json', 'person_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findVariantByCode(db: Executor, assessmentId: number, code: string) {
  return db
    .selectFrom('assessment_variants')
    .select(['id', 'assessment_id', 'code', 'items_json', 'person_id'])
    .where('assessment_id', '=', assessmentId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Published assessments that froze one of these versions: the version history names them. */
export function assessmentsUsingVersions(db: Executor, versionIds: number[]) {
  if (versionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assessment_questions')
    .innerJoin('assessments', 'assessments.id', 'assessment_questions.assessment_id')
    .select(['assessment_questions.version_id', 'assessments.id', 'assessments.title', 'assessments.opens_at'])
    .where('assessment_questions.version_id', 'in', versionIds)
    .orderBy('assessments.opens_at', 'desc')
    .execute();
}
