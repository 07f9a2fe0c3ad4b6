import type { Executor } from '../../db/database.ts';

const SITE_COLUMNS = [
  'sites.id',
  'sites.campaign_id',
  'sites.unit_id',
  'sites.name',
  'sites.address',
  'sites.capacity',
  'sites.online_url',
  'units.name as unit_name',
  'units.path as unit_path',
] as const;

export function findSite(db: Executor, id: number) {
  return db
    .selectFrom('sites')
    .innerJoin('units', 'units.id', 'sites.unit_id')
    .select(SITE_COLUMNS)
    .where('sites.id', '=', id)
    .executeTakeFirst();
}
export type SiteRow = NonNullable<Awaited<ReturnType<typeof findSite>>>;

export function sitesOf(db: Executor, campaignId: number) {
  return db
    .selectFrom('sites')
    .innerJoin('units', 'units.id', 'sites.unit_id')
    .select([
      ...SITE_COLUMNS,
      (eb) =>
        eb
          .selectFrom('site_participants')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('site_participants.site_id', '=', 'sites.id')
          .as('participants'),
      (eb) =>
        eb
          .selectFrom('training_sessions')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('training_sessions.site_id', '=', 'sites.id')
          .as('sessions'),
    ])
    .where('sites.campaign_id', '=', campaignId)
    .orderBy('sites.name')
    .execute();
}

export async function insertSite(
  db: Executor,
  row: {
    campaign_id: number;
    unit_id: number;
    name: string;
    address: string | null;
    capacity: number | null;
    online_url: string | null;
    created_at: string;
  },
) {
  const { id } = await db.insertInto('sites').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateSite(
  db: Executor,
  id: number,
  changes: Partial<{ name: string; unit_id: number; address: string | null; capacity: number | null; online_url: string | null }>,
) {
  if (Object.keys(changes).length) await db.updateTable('sites').set(changes).where('id', '=', id).execute();
}

export function proctorsOf(db: Executor, siteIds: number[]) {
  if (siteIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('site_proctors')
    .innerJoin('people', 'people.id', 'site_proctors.person_id')
    .select(['site_proctors.site_id', 'people.id', 'people.full_name'])
    .where('site_id', 'in', siteIds)
    .orderBy('people.sort_key')
    .execute();
}

export async function replaceProctors(db: Executor, siteId: number, personIds: number[]) {
  await db.deleteFrom('site_proctors').where('site_id', '=', siteId).execute();
  if (personIds.length)
    await db
      .insertInto('site_proctors')
      .values(personIds.map((person_id) => ({ site_id: siteId, person_id })))
      .execute();
}

export async function isProctor(db: Executor, siteId: number, personId: number | null) {
  if (personId === null) return false;
  return Boolean(
    await db.selectFrom('site_proctors').select('id').where('site_id', '=', siteId).where('person_id', '=', personId).executeTakeFirst(),
  );
}

/** Participants of a site, optionally only those whose unit is in the scopes. */
export function participantsOf(db: Executor, siteId: number, scopePaths: string[] | null) {
  let query = db
    .selectFrom('site_participants')
    .innerJoin('people', 'people.id', 'site_participants.person_id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select([
      'people.id',
      'people.full_name',
      'people.staff_id',
      'people.position',
      'people.unit_id',
      'units.name as unit_name',
      'units.path as unit_path',
    ])
    .where('site_participants.site_id', '=', siteId);
  if (scopePaths) {
    if (scopePaths.length === 0) return Promise.resolve([]);
    query = query.where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))));
  }
  return query.orderBy('people.sort_key').orderBy('people.id').execute();
}

export function assignmentsOf(db: Executor, campaignId: number, personIds: number[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('site_participants')
    .select(['person_id', 'site_id'])
    .where('campaign_id', '=', campaignId)
    .where('person_id', 'in', personIds)
    .execute();
}

export async function insertParticipants(db: Executor, campaignId: number, siteId: number, personIds: number[]) {
  for (let i = 0; i < personIds.length; i += 500) {
    await db
      .insertInto('site_participants')
      .values(personIds.slice(i, i + 500).map((person_id) => ({ campaign_id: campaignId, site_id: siteId, person_id })))
      .execute();
  }
}

export async function moveParticipants(db: Executor, campaignId: number, siteId: number, personIds: number[]) {
  for (let i = 0; i < personIds.length; i += 500) {
    await db
      .updateTable('site_participants')
      .set({ site_id: siteId })
      .where('campaign_id', '=', campaignId)
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .execute();
  }
}

export async function removeParticipants(db: Executor, siteId: number, personIds: number[]) {
  const result = await db
    .deleteFrom('site_participants')
    .where('site_id', '=', siteId)
    .where('person_id', 'in', personIds)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countParticipants(db: Executor, siteId: number) {
  const row = await db
    .selectFrom('site_participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Active people of a unit subtree, optionally some positions. */
export function peopleUnder(db: Executor, unitPath: string, positions: string[] | undefined) {
  let query = db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'units.path as unit_path'])
    .where('units.path', 'like', `${unitPath}%`)
    .where('people.active', '=', 1);
  if (positions?.length) query = query.where('people.position', 'in', positions);
  return query.execute();
}

export function peopleByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.full_name', 'units.path as unit_path'])
    .where('people.id', 'in', ids)
    .execute();
}

const SESSION_COLUMNS = [
  'training_sessions.id',
  'training_sessions.site_id',
  'training_sessions.date',
  'training_sessions.starts_at',
  'training_sessions.ends_at',
  'training_sessions.topic_id',
  'training_sessions.lecturer_id',
  'training_sessions.note',
  'training_sessions.checkin_code',
  'campaign_topics.name as topic_name',
  'lecturers.full_name as lecturer_name',
  'lecturers.title as lecturer_title',
] as const;

export function sessionsOf(db: Executor, siteIds: number[]) {
  if (siteIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_sessions')
    .leftJoin('campaign_topics', 'campaign_topics.id', 'training_sessions.topic_id')
    .leftJoin('lecturers', 'lecturers.id', 'training_sessions.lecturer_id')
    .select(SESSION_COLUMNS)
    .where('training_sessions.site_id', 'in', siteIds)
    .orderBy('training_sessions.date')
    .orderBy('training_sessions.starts_at')
    .orderBy('training_sessions.id')
    .execute();
}
export type SessionRow = Awaited<ReturnType<typeof sessionsOf>>[number];

export function findSession(db: Executor, id: number) {
  return db
    .selectFrom('training_sessions')
    .leftJoin('campaign_topics', 'campaign_topics.id', 'training_sessions.topic_id')
    .leftJoin('lecturers', 'lecturers.id', 'training_sessions.lecturer_id')
    .select(SESSION_COLUMNS)
    .where('training_sessions.id', '=', id)
    .executeTakeFirst();
}

export async function insertSession(
  db: Executor,
  row: {
    site_id: number;
    date: string;
    starts_at: string;
    ends_at: string;
    topic_id: number | null;
    lecturer_id: number | null;
    note: string | null;
  },
) {
  const { id } = await db
    .insertInto('training_sessions')
    .values({ ...row, checkin_code: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateSession(
  db: Executor,
  id: number,
  changes: Partial<{
    date: string;
    starts_at: string;
    ends_at: string;
    topic_id: number | null;
    lecturer_id: number | null;
    note: string | null;
    checkin_code: string | null;
  }>,
) {
  if (Object.keys(changes).length) await db.updateTable('training_sessions').set(changes).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: number) {
  await db.deleteFrom('attendance').where('session_id', '=', id).execute();
  await db.deleteFrom('training_sessions').where('id', '=', id).execute();
}

export async function attendanceCount(db: Executor, sessionId: number) {
  const row = await db
    .selectFrom('attendance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
