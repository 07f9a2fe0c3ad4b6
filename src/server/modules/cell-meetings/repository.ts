import type { Executor } from '../../db/database.ts';

export function criteriaSets(db: Executor) {
  return db
    .selectFrom('criteria_sets')
    .leftJoin('units', 'units.id', 'criteria_sets.unit_id')
    .select([
      'criteria_sets.id',
      'criteria_sets.unit_id',
      'criteria_sets.name',
      'criteria_sets.bands_json',
      'criteria_sets.active',
      'units.path as unit_path',
      'units.name as unit_name',
    ])
    .orderBy('criteria_sets.id')
    .execute();
}

export function criteriaOf(db: Executor, setIds: number[]) {
  if (setIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('criteria').selectAll().where('set_id', 'in', setIds).orderBy('set_id').orderBy('position').execute();
}

export async function insertCriteriaSet(
  db: Executor,
  row: { unit_id: number; name: string; bands_json: string; created_at: string },
  criteria: { name: string; max_points: number }[],
) {
  const { id } = await db
    .insertInto('criteria_sets')
    .values({ ...row, active: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('criteria')
    .values(criteria.map((c, i) => ({ ...c, set_id: id, position: i + 1 })))
    .execute();
  return id;
}

const MEETING_COLUMNS = [
  'cell_meetings.id',
  'cell_meetings.cell_unit_id',
  'cell_meetings.topic',
  'cell_meetings.held_on',
  'cell_meetings.chair',
  'cell_meetings.secretary',
  'cell_meetings.guests',
  'cell_meetings.members_total',
  'cell_meetings.members_present',
  'cell_meetings.absent_members',
  'cell_meetings.criteria_set_id',
  'cell_meetings.vote_for',
  'cell_meetings.vote_against',
  'cell_meetings.vote_abstain',
  'cell_meetings.conclusion',
  'cell_meetings.draft_storage_key',
  'cell_meetings.draft_file_name',
  'cell_meetings.draft_content_type',
  'units.name as cell_name',
  'units.path as cell_path',
  'units.parent_id as cell_parent_id',
] as const;

export function findMeeting(db: Executor, id: number) {
  return db
    .selectFrom('cell_meetings')
    .innerJoin('units', 'units.id', 'cell_meetings.cell_unit_id')
    .select(MEETING_COLUMNS)
    .where('cell_meetings.id', '=', id)
    .executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export function meetingsIn(db: Executor, scopePaths: string[], from: string, to: string) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cell_meetings')
    .innerJoin('units', 'units.id', 'cell_meetings.cell_unit_id')
    .select(MEETING_COLUMNS)
    .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
    .where('cell_meetings.held_on', '>=', from)
    .where('cell_meetings.held_on', '<=', to)
    .orderBy('cell_meetings.held_on', 'desc')
    .orderBy('cell_meetings.id', 'desc')
    .execute();
}

/** Active party cells in the scopes, with their parent's name. */
export function cellsIn(db: Executor, scopePaths: string[]) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .leftJoin('units as parent', 'parent.id', 'units.parent_id')
    .select(['units.id', 'units.name', 'units.path', 'parent.name as parent_name'])
    .where('units.kind', '=', 'party_cell')
    .where('units.active', '=', 1)
    .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
    .orderBy('units.name')
    .execute();
}

export async function insertMeeting(db: Executor, row: Omit<import('../../db/schema.ts').CellMeetingTable, 'id'>) {
  const { id } = await db.insertInto('cell_meetings').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateMeeting(db: Executor, id: number, changes: Record<string, unknown>) {
  await db.updateTable('cell_meetings').set(changes).where('id', '=', id).execute();
}

export function opinionsOf(db: Executor, meetingId: number) {
  return db
    .selectFrom('cell_meeting_opinions')
    .select(['speaker', 'summary'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

export async function replaceOpinions(db: Executor, meetingId: number, opinions: { speaker: string; summary: string }[]) {
  await db.deleteFrom('cell_meeting_opinions').where('meeting_id', '=', meetingId).execute();
  if (opinions.length) {
    await db
      .insertInto('cell_meeting_opinions')
      .values(opinions.map((o, i) => ({ ...o, meeting_id: meetingId, position: i + 1 })))
      .execute();
  }
}

export function scoresOf(db: Executor, meetingIds: number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cell_meeting_scores')
    .select(['meeting_id', 'criterion_id', 'score'])
    .where('meeting_id', 'in', meetingIds)
    .execute();
}

export async function replaceScores(db: Executor, meetingId: number, scores: { criterion_id: number; score: number }[]) {
  await db.deleteFrom('cell_meeting_scores').where('meeting_id', '=', meetingId).execute();
  if (scores.length)
    await db
      .insertInto('cell_meeting_scores')
      .values(scores.map((s) => ({ ...s, meeting_id: meetingId })))
      .execute();
}

export async function opinionCounts(db: Executor, meetingIds: number[]) {
  if (meetingIds.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom('cell_meeting_opinions')
    .select(['meeting_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('meeting_id', 'in', meetingIds)
    .groupBy('meeting_id')
    .execute();
  return new Map(rows.map((r) => [r.meeting_id, Number(r.n)]));
}
