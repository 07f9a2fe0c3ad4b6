/** What the year-end sheet of a unit reads: the campaign's survey, the unit's people, their result, attendance and classes. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { eligiblePeople } from '../assessments/eligibility.ts';

/** The campaign's survey: its published assessment that closes last. */
export function surveyOfCampaign(db: Executor, campaignId: number) {
  return db
    .selectFrom('assessments')
    .select(['id', 'title', 'closes_at', 'scoring_json', 'status', 'regraded_at'])
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'published')
    .orderBy('closes_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export interface SheetPersonRow {
  id: number;
  full_name: string;
  birth_date: string | null;
  position: string;
  party_member: number;
  unit_name: string;
}

const COLUMNS = ['p.id', 'p.full_name', 'p.birth_date', 'u.name as unit_name'] as const;

/** Who had to take the survey when it closed, in the unit's subtree as it was then (the frozen population). */
export function frozenPeopleOf(db: Executor, assessmentId: number, unitPath: string): Promise<SheetPersonRow[]> {
  return db
    .selectFrom('assessment_population as fp')
    .innerJoin('people as p', 'p.id', 'fp.person_id')
    .innerJoin('units as u', 'u.id', 'fp.unit_id')
    .select([...COLUMNS, 'fp.position', 'fp.party_member'])
    .where('fp.assessment_id', '=', assessmentId)
    .where('u.path', 'like', `${unitPath}%`)
    .orderBy('u.path')
    .orderBy('p.sort_key')
    .execute();
}

/** Who must take the survey today, in the unit's subtree (a survey still open). */
export function eligiblePeopleOf(db: Executor, assessmentId: number, unitPath: string): Promise<SheetPersonRow[]> {
  return eligiblePeople(db, assessmentId, [unitPath])
    .select([...COLUMNS, 'p.position', 'p.party_member'])
    .orderBy('u.path')
    .orderBy('p.sort_key')
    .execute();
}

/** The active people of the unit's subtree (a campaign without a survey). */
export function activePeopleOf(db: Executor, unitPath: string): Promise<SheetPersonRow[]> {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select([...COLUMNS, 'p.position', 'p.party_member'])
    .where('p.active', '=', 1)
    .where('u.path', 'like', `${unitPath}%`)
    .orderBy('u.path')
    .orderBy('p.sort_key')
    .execute();
}

function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Each person's counted attempt (the latest submitted), by person id. */
export async function countedResults(db: Executor, assessmentId: number, personIds: number[]) {
  const out = new Map<number, { score: number | null; band: string | null }>();
  for (const ids of chunks(personIds)) {
    const rows = await db
      .selectFrom('attempts')
      .select(['person_id', 'score', 'band'])
      .where('assessment_id', '=', assessmentId)
      .where('status', '=', 'submitted')
      .where('person_id', 'in', ids)
      .orderBy('person_id')
      .orderBy('attempt_no')
      .execute();
    for (const r of rows) out.set(r.person_id, { score: r.score, band: r.band });
  }
  return out;
}

/** Per person of the campaign: the sessions of their site and how many of them they attended (present or late). */
export async function attendanceOf(db: Executor, campaignId: number, personIds: number[]) {
  const out = new Map<number, { sessions: number; attended: number }>();
  for (const ids of chunks(personIds)) {
    const rows = await db
      .selectFrom('site_participants')
      .select([
        'site_participants.person_id',
        (eb) =>
          eb
            .selectFrom('training_sessions')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('training_sessions.site_id', '=', 'site_participants.site_id')
            .as('sessions'),
        (eb) =>
          eb
            .selectFrom('attendance')
            .innerJoin('training_sessions', 'training_sessions.id', 'attendance.session_id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('training_sessions.site_id', '=', 'site_participants.site_id')
            .whereRef('attendance.person_id', '=', 'site_participants.person_id')
            .where('attendance.status', 'in', ['present', 'late'])
            .as('attended'),
      ])
      .where('site_participants.campaign_id', '=', campaignId)
      .where('site_participants.person_id', 'in', ids)
      .execute();
    for (const r of rows) out.set(r.person_id, { sessions: Number(r.sessions ?? 0), attended: Number(r.attended ?? 0) });
  }
  return out;
}

/** Centre classes a person was a trainee of, whose start (actual, else planned) lies in [from, to]. */
export async function classesOf(db: Executor, personIds: number[], from: string, to: string) {
  const out = new Map<number, { name: string; completed: boolean; certificateNo: string | null }[]>();
  for (const ids of chunks(personIds)) {
    const rows = await db
      .selectFrom('class_trainees')
      .innerJoin('training_classes', 'training_classes.id', 'class_trainees.class_id')
      .select([
        'class_trainees.person_id',
        'training_classes.name',
        'class_trainees.completed',
        'class_trainees.certificate_no',
        sql<string>`coalesce(training_classes.actual_start, training_classes.planned_start)`.as('starts'),
      ])
      .where('class_trainees.person_id', 'in', ids)
      .where(sql<boolean>`coalesce(training_classes.actual_start, training_classes.planned_start) between ${from} and ${to}`)
      .orderBy(sql`coalesce(training_classes.actual_start, training_classes.planned_start)`)
      .orderBy('training_classes.id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.person_id!) ?? [];
      list.push({ name: r.name, completed: r.completed === 1, certificateNo: r.certificate_no });
      out.set(r.person_id!, list);
    }
  }
  return out;
}

/** The unit's ancestors, nearest first (for the issuing body and the place on the date line). */
export function ancestorsOf(db: Executor, path: string) {
  const ids = path.split('/').filter(Boolean).map(Number);
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('id', 'in', ids)
    .execute()
    .then((rows) =>
      ids
        .reverse()
        .map((id) => rows.find((r) => r.id === id)!)
        .filter(Boolean),
    );
}
