import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { EdgeTable } from '../../db/schema.ts';
import { eligiblePeople } from '../assessments/eligibility.ts';

export type EdgeRow = Selectable<EdgeTable>;

export async function insertEdge(
  db: Executor,
  row: { site_id: number; name: string; token_hash: string; created_by: number | null; created_at: string },
) {
  const { id } = await db.insertInto('edges').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function edgeByTokenHash(db: Executor, tokenHash: string) {
  return db.selectFrom('edges').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function touchEdge(db: Executor, id: number, at: string, offsetMs: number, pending: number) {
  await db
    .updateTable('edges')
    .set({ last_contact_at: at, clock_offset_ms: offsetMs, reported_pending: pending })
    .where('id', '=', id)
    .execute();
}

export type OpenSurvey = Awaited<ReturnType<typeof openSurveysOf>>[number];

/** Published surveys not yet closed that any of these people must take. */
export function openSurveysOf(db: Executor, nowIso: string) {
  return db.selectFrom('assessments').selectAll().where('status', '=', 'published').where('closes_at', '>', nowIso).orderBy('id').execute();
}

export async function eligibleAmong(db: Executor, assessmentId: number, personIds: number[]): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await eligiblePeople(db, assessmentId).select('p.id').where('p.id', 'in', personIds).execute();
  return rows.map((r) => r.id);
}

/** People with an attempt at the survey on the province, and people whose attempt an edge of another site holds. */
export async function takenElsewhere(db: Executor, assessmentId: number, siteId: number) {
  const [attempts, held] = await Promise.all([
    db.selectFrom('attempts').select('person_id').where('assessment_id', '=', assessmentId).execute(),
    db
      .selectFrom('edge_leases as l')
      .innerJoin('edges as e', 'e.id', 'l.edge_id')
      .select('l.person_id')
      .where('l.assessment_id', '=', assessmentId)
      .where('e.site_id', '<>', siteId)
      .execute(),
  ]);
  return { started: new Set(attempts.map((a) => a.person_id)), otherEdge: new Set(held.map((h) => h.person_id)) };
}

/** Names and units of people, for the list of those a laptop does not take. */
export function peopleNames(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.full_name', 'u.name as unit_name'])
    .where('p.id', 'in', ids)
    .orderBy('p.sort_key')
    .execute();
}

/** Leases the site's earlier edges hold for people who have not started there move to the new edge. */
export async function leaseTo(db: Executor, edgeId: number, pairs: { assessment_id: number; person_id: number }[], at: string) {
  for (let i = 0; i < pairs.length; i += 500) {
    const chunk = pairs.slice(i, i + 500);
    await db
      .insertInto('edge_leases')
      .values(chunk.map((p) => ({ ...p, edge_id: edgeId, created_at: at })))
      .onConflict((oc) => oc.columns(['assessment_id', 'person_id']).doUpdateSet({ edge_id: edgeId, created_at: at }))
      .execute();
  }
}

export function siteParticipantIds(db: Executor, siteId: number) {
  return db
    .selectFrom('site_participants as sp')
    .innerJoin('people as p', 'p.id', 'sp.person_id')
    .select('p.id')
    .where('sp.site_id', '=', siteId)
    .where('p.active', '=', 1)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/** People with their one usable account (the edge signs them in by it). */
export function peopleWithAccounts(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people as p')
    .innerJoin('users as u', 'u.person_id', 'p.id')
    .innerJoin('units', 'units.id', 'p.unit_id')
    .select([
      'p.id',
      'p.full_name',
      'p.name_folded',
      'p.sort_key',
      'p.gender',
      'p.unit_id',
      'p.position',
      'p.title',
      'p.party_member',
      'p.extra_minutes',
      'p.created_at',
      'p.updated_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.created_at as user_created_at',
      'units.path as unit_path',
      'units.name as unit_name',
    ])
    .where('p.id', 'in', ids)
    .where('u.disabled', '=', 0)
    .orderBy('p.sort_key')
    .execute();
}

export function unitsByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
}

export function frozenRowsOf(db: Executor, assessmentIds: number[]) {
  return db
    .selectFrom('assessment_questions as aq')
    .innerJoin('question_versions as v', 'v.id', 'aq.version_id')
    .select([
      'aq.assessment_id',
      'aq.ordinal',
      'aq.question_id',
      'aq.version_id',
      'aq.option_count',
      'v.version',
      'v.content_json',
      'v.created_at',
    ])
    .where('aq.assessment_id', 'in', assessmentIds)
    .execute();
}

export function sharedVariantsOf(db: Executor, assessmentIds: number[]) {
  return db
    .selectFrom('assessment_variants')
    .selectAll()
    .where('assessment_id', 'in', assessmentIds)
    .where('person_id', 'is', null)
    .execute();
}

export function extraTimeOf(db: Executor, assessmentIds: number[], personIds: number[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assessment_extra_time')
    .selectAll()
    .where('assessment_id', 'in', assessmentIds)
    .where('person_id', 'in', personIds)
    .execute();
}

export function imagesOf(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('question_images').selectAll().where('id', 'in', ids).execute();
}

export function leaseOf(db: Executor, assessmentId: number, personId: number) {
  return db
    .selectFrom('edge_leases')
    .select('edge_id')
    .where('assessment_id', '=', assessmentId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export function mappedAttempt(db: Executor, edgeId: number, edgeAttemptId: number) {
  return db
    .selectFrom('edge_attempts as m')
    .innerJoin('attempts as a', 'a.id', 'm.attempt_id')
    .selectAll('a')
    .where('m.edge_id', '=', edgeId)
    .where('m.edge_attempt_id', '=', edgeAttemptId)
    .executeTakeFirst();
}

export async function mapAttempt(db: Executor, edgeId: number, edgeAttemptId: number, attemptId: number) {
  await db.insertInto('edge_attempts').values({ edge_id: edgeId, edge_attempt_id: edgeAttemptId, attempt_id: attemptId }).execute();
}

/** The monitor's view of a campaign's edges: contact, what they reported waiting, what they hold. */
export function edgesOfCampaign(db: Executor, campaignId: number) {
  return db
    .selectFrom('edges as e')
    .innerJoin('sites as s', 's.id', 'e.site_id')
    .select([
      'e.id',
      'e.name',
      'e.site_id',
      's.name as site_name',
      'e.created_at',
      'e.last_contact_at',
      'e.clock_offset_ms',
      'e.reported_pending',
      'e.revoked_at',
      (eb) =>
        eb
          .selectFrom('edge_leases as l')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('l.edge_id', '=', 'e.id')
          .as('leased'),
      (eb) =>
        eb
          .selectFrom('edge_attempts as m')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('m.edge_id', '=', 'e.id')
          .as('received'),
      (eb) =>
        eb
          .selectFrom('edge_attempts as m')
          .innerJoin('attempts as a', 'a.id', 'm.attempt_id')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('m.edge_id', '=', 'e.id')
          .where('a.status', '=', 'submitted')
          .as('graded'),
      (eb) =>
        eb
          .selectFrom('edge_attempts as m')
          .innerJoin('attempt_events as ev', 'ev.attempt_id', 'm.attempt_id')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('m.edge_id', '=', 'e.id')
          .where('ev.kind', '=', 'edge_flag')
          .as('flagged'),
    ])
    .where('s.campaign_id', '=', campaignId)
    .orderBy('s.name')
    .orderBy('e.id')
    .execute();
}

/** Leases of a survey whose person has no graded attempt yet: the attempts still on edges (or not yet made there). */
export async function stillOnEdges(db: Executor, assessmentId: number, unitId: number, scopes: string[] | undefined): Promise<number> {
  const unit = await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst();
  const paths = unit ? [unit.path] : scopes;
  let q = db
    .selectFrom('edge_leases as l')
    .innerJoin('people as p', 'p.id', 'l.person_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('l.assessment_id', '=', assessmentId);
  // Unit 0 is the reader's scope shown as one node: the whole survey for its organisers, else the reader's subtrees.
  if (paths) q = q.where((eb) => eb.or(paths.map((path) => eb('u.path', 'like', `${path}%`))));
  const row = await q
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('attempts as a')
            .select('a.id')
            .whereRef('a.assessment_id', '=', 'l.assessment_id')
            .whereRef('a.person_id', '=', 'l.person_id')
            .where('a.status', '=', 'submitted'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function banksByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('question_banks').selectAll().where('id', 'in', ids).execute();
}

export function edgeById(db: Executor, id: number) {
  return db.selectFrom('edges').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Revokes the edge: its token no longer syncs, and people who have no attempt from it on the province get their lease
 * back (they may start on the province or on a newly prepared laptop). Returns how many leases came back.
 */
export async function revokeEdge(db: Executor, edgeId: number, at: string): Promise<number> {
  await db.updateTable('edges').set({ revoked_at: at }).where('id', '=', edgeId).where('revoked_at', 'is', null).execute();
  const returned = await db
    .deleteFrom('edge_leases as l')
    .where('l.edge_id', '=', edgeId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('edge_attempts as m')
            .innerJoin('attempts as a', 'a.id', 'm.attempt_id')
            .select('m.attempt_id')
            .where('m.edge_id', '=', edgeId)
            .whereRef('a.person_id', '=', 'l.person_id')
            .whereRef('a.assessment_id', '=', 'l.assessment_id'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(returned.numDeletedRows);
}

/** The sites a proctor marks, with their campaign: what the laptop's setup page offers to prepare. */
export function sitesOfProctor(db: Executor, personId: number) {
  return db
    .selectFrom('site_proctors as sp')
    .innerJoin('sites as s', 's.id', 'sp.site_id')
    .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
    .select([
      's.id',
      's.name',
      'c.name as campaign_name',
      (eb) =>
        eb
          .selectFrom('site_participants as p')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('p.site_id', '=', 's.id')
          .as('participants'),
    ])
    .where('sp.person_id', '=', personId)
    .orderBy('c.id', 'desc')
    .orderBy('s.name')
    .execute();
}

/** The (survey, person) pairs the edge holds now, as the sync compares them with the edge's own list. */
export function leasesOf(db: Executor, edgeId: number) {
  return db
    .selectFrom('edge_leases')
    .select(['assessment_id as assessmentId', 'person_id as personId'])
    .where('edge_id', '=', edgeId)
    .execute();
}

/** The edge's leases with who they are and what of theirs arrived. */
export function leaseDetails(db: Executor, edgeId: number) {
  return db
    .selectFrom('edge_leases as l')
    .innerJoin('people as p', 'p.id', 'l.person_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('assessments as s', 's.id', 'l.assessment_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('edge_attempts as m')
          .innerJoin('attempts as a', 'a.id', 'm.attempt_id')
          .select(['a.assessment_id', 'a.person_id', 'a.status'])
          .where('m.edge_id', '=', edgeId)
          .as('arrived'),
      (join) => join.onRef('arrived.assessment_id', '=', 'l.assessment_id').onRef('arrived.person_id', '=', 'l.person_id'),
    )
    .select(['p.id as person_id', 'p.full_name', 'u.name as unit_name', 'l.assessment_id', 's.title', 'arrived.status'])
    .where('l.edge_id', '=', edgeId)
    .orderBy('p.sort_key')
    .orderBy('l.assessment_id')
    .execute();
}

/** People among these whose attempt already arrived from the edge: their leases stay. */
export async function arrivedFrom(db: Executor, edgeId: number, personIds: number[]): Promise<number> {
  const row = await db
    .selectFrom('edge_attempts as m')
    .innerJoin('attempts as a', 'a.id', 'm.attempt_id')
    .select((eb) => eb.fn.count<number>('a.person_id').distinct().as('n'))
    .where('m.edge_id', '=', edgeId)
    .where('a.person_id', 'in', personIds)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function returnLeases(db: Executor, edgeId: number, personIds: number[]): Promise<number> {
  const result = await db.deleteFrom('edge_leases').where('edge_id', '=', edgeId).where('person_id', 'in', personIds).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The flags the province raised on attempts that arrived from the edge (domain/edge/sync.ts), as stored. */
export function flagsFrom(db: Executor, edgeId: number) {
  return db
    .selectFrom('edge_attempts as m')
    .innerJoin('attempts as a', 'a.id', 'm.attempt_id')
    .innerJoin('attempt_events as ev', 'ev.attempt_id', 'a.id')
    .select(['a.assessment_id', 'a.person_id', 'ev.detail'])
    .where('m.edge_id', '=', edgeId)
    .where('ev.kind', '=', 'edge_flag')
    .execute();
}
