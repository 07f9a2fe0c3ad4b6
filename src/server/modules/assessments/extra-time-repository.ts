/** Extra minutes per person and survey (assessment_extra_time), and the person's default (people.extra_minutes). */
import type { Executor } from '../../db/database.ts';

/** The person with their unit, for the scope checks of the survey's extra-time setting. */
export function personWithUnit(db: Executor, personId: number) {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.full_name', 'p.extra_minutes', 'u.id as unit_id', 'u.path as unit_path'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** The survey's own value for the person, if any. */
export function surveyExtraTime(db: Executor, assessmentId: number, personId: number) {
  return db
    .selectFrom('assessment_extra_time')
    .select(['minutes', 'reason', 'set_at'])
    .where('assessment_id', '=', assessmentId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function saveSurveyExtraTime(
  db: Executor,
  row: { assessment_id: number; person_id: number; minutes: number; reason: string | null; set_by: number | null; set_at: string },
) {
  await db
    .insertInto('assessment_extra_time')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['assessment_id', 'person_id'])
        .doUpdateSet({ minutes: row.minutes, reason: row.reason, set_by: row.set_by, set_at: row.set_at }),
    )
    .execute();
}

export async function deleteSurveyExtraTime(db: Executor, assessmentId: number, personId: number) {
  await db.deleteFrom('assessment_extra_time').where('assessment_id', '=', assessmentId).where('person_id', '=', personId).execute();
}

/** An attempt of the person in progress, if any: extra time set now would not reach it (that is "Gia hạn"). */
export function attemptInProgress(db: Executor, assessmentId: number, personId: number) {
  return db
    .selectFrom('attempts')
    .select('id')
    .where('assessment_id', '=', assessmentId)
    .where('person_id', '=', personId)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
}
