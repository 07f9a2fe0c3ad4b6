import { sql } from 'kysely';
import type { Dialect, Executor } from '../../db/database.ts';
import type { AttemptTable } from '../../db/schema.ts';
import type { Insertable, Updateable } from 'kysely';

export function findAttempt(db: Executor, id: number) {
  return db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

export type AttemptRow = NonNullable<Awaited<ReturnType<typeof findAttempt>>>;

export function attemptsOfPerson(db: Executor, assessmentId: number, personId: number) {
  return db.selectFrom('attempts').selectAll().where('assessment_id', '=', assessmentId).where('person_id', '=', personId)
    .orderBy('attempt_no').execute();
}

/** Every attempt of a person, newest assessment first: the "my assessments" list reads them at once. */
export function attemptsByPerson(db: Executor, personId: number) {
  return db.selectFrom('attempts').selectAll().where('person_id', '=', personId).orderBy('attempt_no').execute();
}

export async function insertAttempt(db: Executor, row: Insertable<AttemptTable>): Promise<number> {
  const { id } = await db.insertInto('attempts').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateAttempt(db: Executor, id: number, changes: Updateable<AttemptTable>) {
  await db.updateTable('attempts').set(changes).where('id', '=', id).execute();
}

export interface AnswerWrite {
  position: number;
  choice: number | null;
  flagged: boolean;
  seq: number;
}

/**
 * Stores one answer if the attempt is the person's, still open (deadline not older than the cutoff) and the sequence is
 * higher than the stored one, in one statement. On PostgreSQL the attempt row is share-locked, so a concurrent submit
 * either sees this answer or makes this statement write nothing. Returns the rows written (0 or 1).
 */
export async function saveAnswer(db: Executor, dialect: Dialect, attemptId: number, personId: number, answer: AnswerWrite,
  cutoffIso: string, atIso: string): Promise<number> {
  let source = db.selectFrom('attempts').select([
    'attempts.id',
    sql<number>`cast(${answer.position} as integer)`.as('position'),
    sql<number | null>`cast(${answer.choice} as integer)`.as('choice'),
    sql<number>`cast(${answer.flagged ? 1 : 0} as integer)`.as('flagged'),
    sql<number>`cast(${answer.seq} as integer)`.as('seq'),
    sql<string>`cast(${atIso} as text)`.as('saved_at'),
  ]).where('attempts.id', '=', attemptId).where('attempts.person_id', '=', personId)
    .where('attempts.status', '=', 'in_progress').where('attempts.deadline_at', '>=', cutoffIso);
  if (dialect === 'postgres') source = source.forShare();
  const result = await db.insertInto('attempt_answers')
    .columns(['attempt_id', 'position', 'choice', 'flagged', 'seq', 'saved_at'])
    .expression(source)
    .onConflict((oc) => oc.columns(['attempt_id', 'position']).doUpdateSet((eb) => ({
      choice: eb.ref('excluded.choice'), flagged: eb.ref('excluded.flagged'), seq: eb.ref('excluded.seq'),
      saved_at: eb.ref('excluded.saved_at'),
    })).where('attempt_answers.seq', '<', (eb) => eb.ref('excluded.seq')))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export function answersOf(db: Executor, attemptId: number) {
  return db.selectFrom('attempt_answers').select(['position', 'choice', 'flagged', 'seq'])
    .where('attempt_id', '=', attemptId).orderBy('position').execute();
}

/** The attempt's status and deadline, its row locked until the transaction ends (PostgreSQL; SQLite is serial). */
export function lockAttempt(db: Executor, dialect: Dialect, id: number) {
  let q = db.selectFrom('attempts').select(['status', 'deadline_at']).where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function recordEvent(db: Executor, e: { attempt_id: number; kind: string; at: string; detail?: unknown;
  actor_user_id?: number | null }) {
  await db.insertInto('attempt_events').values({
    attempt_id: e.attempt_id, kind: e.kind, at: e.at, detail: e.detail === undefined ? null : JSON.stringify(e.detail),
    actor_user_id: e.actor_user_id ?? null,
  }).execute();
}

/** Progress and presence from a ping: the answered count is recounted from the stored answers. */
export async function touchAttempt(db: Executor, id: number, changes: { at: string; ip: string | null; clientId: string;
  hiddenCount: number; hiddenMs: number; ipChanged: boolean; secondClient: boolean }) {
  await db.updateTable('attempts').set((eb) => ({
    last_seen_at: changes.at,
    last_ip: changes.ip,
    client_id: changes.clientId,
    answered_count: eb.selectFrom('attempt_answers').select((s) => s.fn.countAll<number>().as('n'))
      .where('attempt_answers.attempt_id', '=', id).where('attempt_answers.choice', 'is not', null),
    blur_count: sql<number>`blur_count + ${changes.hiddenCount}`,
    blur_ms: sql<number>`blur_ms + ${changes.hiddenMs}`,
    ip_changes: sql<number>`ip_changes + ${changes.ipChanged ? 1 : 0}`,
    second_client_count: sql<number>`second_client_count + ${changes.secondClient ? 1 : 0}`,
  })).where('id', '=', id).where('status', '=', 'in_progress').execute();
}

export function keyOf(db: Executor, assessmentId: number) {
  return db.selectFrom('assessment_questions').select(['ordinal', 'correct_index']).where('assessment_id', '=', assessmentId)
    .orderBy('ordinal').execute();
}

/** Assessments with open attempts past their deadline, and their grace. */
export function assessmentsWithOverdue(db: Executor, nowIso: string) {
  return db.selectFrom('attempts').innerJoin('assessments', 'assessments.id', 'attempts.assessment_id')
    .select(['assessments.id', 'assessments.grace_seconds']).distinct()
    .where('attempts.status', '=', 'in_progress').where('attempts.deadline_at', '<', nowIso).execute();
}

export function overdueOf(db: Executor, assessmentId: number, cutoffIso: string, limit: number) {
  return db.selectFrom('attempts').select(['id', 'assessment_id', 'variant_id'])
    .where('assessment_id', '=', assessmentId).where('status', '=', 'in_progress').where('deadline_at', '<', cutoffIso)
    .orderBy('deadline_at').limit(limit).execute();
}
