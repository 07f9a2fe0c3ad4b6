import type { ExpressionBuilder } from 'kysely';
import { meetsAttendanceRule } from '../../../domain/training/attendance.ts';
import type { Executor } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

export function marksOf(db: Executor, sessionIds: number[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance')
    .select(['session_id', 'person_id', 'status', 'reason', 'note', 'via', 'marked_at'])
    .where('session_id', 'in', sessionIds)
    .execute();
}

export async function upsertMark(
  db: Executor,
  row: {
    session_id: number;
    person_id: number;
    status: string;
    reason: string | null;
    note: string | null;
    via: 'proctor' | 'self';
    marked_by: number | null;
    marked_at: string;
  },
) {
  await db
    .insertInto('attendance')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['session_id', 'person_id']).doUpdateSet({
        status: row.status,
        reason: row.reason,
        note: row.note,
        via: row.via,
        marked_by: row.marked_by,
        marked_at: row.marked_at,
      }),
    )
    .execute();
}

export function findMark(db: Executor, sessionId: number, personId: number) {
  return db.selectFrom('attendance').selectAll().where('session_id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
}

export function findSessionByCode(db: Executor, code: string) {
  return db
    .selectFrom('training_sessions')
    .innerJoin('sites', 'sites.id', 'training_sessions.site_id')
    .leftJoin('campaign_topics', 'campaign_topics.id', 'training_sessions.topic_id')
    .select([
      'training_sessions.id',
      'training_sessions.site_id',
      'training_sessions.date',
      'training_sessions.starts_at',
      'training_sessions.ends_at',
      'sites.campaign_id',
      'sites.name as site_name',
      'campaign_topics.name as topic_name',
    ])
    .where('training_sessions.checkin_code', '=', code)
    .executeTakeFirst();
}

export function isParticipantOf(db: Executor, siteId: number, personId: number) {
  return db
    .selectFrom('site_participants')
    .select('id')
    .where('site_id', '=', siteId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
    .then(Boolean);
}

/** Every session of the campaign, with its site. */
export function campaignSessions(db: Executor, campaignId: number) {
  return db
    .selectFrom('training_sessions')
    .innerJoin('sites', 'sites.id', 'training_sessions.site_id')
    .leftJoin('campaign_topics', 'campaign_topics.id', 'training_sessions.topic_id')
    .select([
      'training_sessions.id',
      'training_sessions.site_id',
      'training_sessions.date',
      'training_sessions.starts_at',
      'training_sessions.ends_at',
      'sites.name as site_name',
      'campaign_topics.name as topic_name',
    ])
    .where('sites.campaign_id', '=', campaignId)
    .orderBy('training_sessions.date')
    .orderBy('training_sessions.starts_at')
    .execute();
}

/** Only people whose unit is in the scopes (null: everyone); the query must join `units` of the person. */
const scoped = (paths: string[] | null) => (eb: ExpressionBuilder<Database, 'units'>) =>
  paths === null ? eb('units.path', 'like', '/%') : eb.or(paths.map((p) => eb('units.path', 'like', `${p}%`)));

/** Participants per (site, unit), only people whose unit is in the scope (null: all). */
export function participantCounts(db: Executor, campaignId: number, scopePaths: string[] | null) {
  return db
    .selectFrom('site_participants')
    .innerJoin('people', 'people.id', 'site_participants.person_id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['site_participants.site_id', 'people.unit_id', 'units.name as unit_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_participants.campaign_id', '=', campaignId)
    .where(scoped(scopePaths))
    .groupBy(['site_participants.site_id', 'people.unit_id', 'units.name'])
    .execute();
}

/**
 * Marks per (site, unit, status) in the sessions started by the given local date and time, of people still assigned
 * to that site. Filtering sessions by date rather than by a list of ids lets the database walk each participant's
 * marks through the person index instead of probing every (session, person) pair.
 */
export function markCounts(db: Executor, campaignId: number, startedBy: { date: string; time: string }, scopePaths: string[] | null) {
  return db
    .selectFrom('site_participants')
    .innerJoin('people', 'people.id', 'site_participants.person_id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .innerJoin('attendance', 'attendance.person_id', 'site_participants.person_id')
    .innerJoin('training_sessions', (join) =>
      join.onRef('training_sessions.id', '=', 'attendance.session_id').onRef('training_sessions.site_id', '=', 'site_participants.site_id'),
    )
    .select(['site_participants.site_id', 'people.unit_id', 'attendance.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_participants.campaign_id', '=', campaignId)
    .where(scoped(scopePaths))
    .where((eb) =>
      eb.or([
        eb('training_sessions.date', '<', startedBy.date),
        eb.and([eb('training_sessions.date', '=', startedBy.date), eb('training_sessions.starts_at', '<=', startedBy.time)]),
      ]),
    )
    .groupBy(['site_participants.site_id', 'people.unit_id', 'attendance.status'])
    .execute();
}

/** Participants (in the scope) with their marks in the given sessions of their site, for absentee lists. */
export function participantsWithMarks(db: Executor, campaignId: number, scopePaths: string[] | null) {
  return db
    .selectFrom('site_participants')
    .innerJoin('people', 'people.id', 'site_participants.person_id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select([
      'people.id',
      'people.full_name',
      'people.staff_id',
      'people.position',
      'units.id as unit_id',
      'units.name as unit_name',
      'site_participants.site_id',
    ])
    .where('site_participants.campaign_id', '=', campaignId)
    .where(scoped(scopePaths))
    .orderBy('units.name')
    .orderBy('people.sort_key')
    .execute();
}

/**
 * The people among personIds who, under the campaign's attendance rule, may not take its survey. "Attended" means
 * present or late at a session of the person's own site; the rule asks for at least
 * campaigns.attendance_required_percent % of that site's sessions (100: every session). A person with no site in the
 * campaign has attended nothing. Empty set when the campaign has no rule (or does not exist).
 */
export async function missingRequiredAttendance(db: Executor, campaignId: number, personIds: number[]): Promise<Set<number>> {
  const missing = new Set<number>();
  if (personIds.length === 0) return missing;
  const campaign = await db.selectFrom('campaigns').select('attendance_required_percent').where('id', '=', campaignId).executeTakeFirst();
  const required = campaign?.attendance_required_percent ?? null;
  if (required === null) return missing;
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
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
      .where('site_participants.person_id', 'in', chunk)
      .execute();
    const byPerson = new Map(rows.map((r) => [r.person_id, r]));
    for (const id of chunk) {
      const row = byPerson.get(id);
      if (!meetsAttendanceRule(required, row ? Number(row.sessions ?? 0) : null, row ? Number(row.attended ?? 0) : 0)) missing.add(id);
    }
  }
  return missing;
}

export async function setCheckinCode(db: Executor, sessionId: number, code: string) {
  await db.updateTable('training_sessions').set({ checkin_code: code }).where('id', '=', sessionId).execute();
}

export function codeTaken(db: Executor, code: string) {
  return db.selectFrom('training_sessions').select('id').where('checkin_code', '=', code).executeTakeFirst().then(Boolean);
}
