/** Live figures of an assessment over its eligible people, each with their latest attempt. */
import { sql, type SqlBool, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { inSubtrees } from '../../db/subtrees.ts';
import type { Database } from '../../db/schema.ts';
import { eligiblePeople } from './eligibility.ts';

export interface MonitorFilter {
  assessmentId: number;
  /** Subtrees the actor watches; undefined = everyone eligible (organisers of the owning unit). */
  scopePaths?: string[];
  unitPath?: string;
  state?: 'not_started' | 'in_progress' | 'submitted' | 'voided' | 'disconnected' | 'signals';
  /** Only the participants assigned to this site (điểm cầu) of the assessment's campaign. */
  siteId?: number;
  q?: string;
  /** In-progress attempts not seen since this instant count as disconnected. */
  seenBefore: string;
}

/** Eligible people ⋈ their latest attempt (a.* null when not started). */
function withLatestAttempt(db: Executor, f: MonitorFilter) {
  let q = eligiblePeople(db, f.assessmentId, f.scopePaths).leftJoin('attempts as a', (j) =>
    j
      .onRef('a.person_id', '=', 'p.id')
      .on('a.assessment_id', '=', f.assessmentId)
      .on('a.attempt_no', '=', (eb) =>
        eb
          .selectFrom('attempts as a2')
          .select((s) => s.fn.max('a2.attempt_no').as('m'))
          .whereRef('a2.person_id', '=', 'p.id')
          .where('a2.assessment_id', '=', f.assessmentId),
      ),
  );
  if (f.unitPath) q = q.where('u.path', 'like', `${f.unitPath}%`);
  if (f.siteId !== undefined) {
    const siteId = f.siteId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('site_participants as sp')
          .select('sp.person_id')
          .where('sp.site_id', '=', siteId)
          .whereRef('sp.person_id', '=', 'p.id'),
      ),
    );
  }
  return q;
}

type Eb = ExpressionBuilder<Database & { p: Database['people']; u: Database['units']; a: Database['attempts'] }, 'p' | 'u' | 'a'>;

function disconnected(eb: Eb, seenBefore: string) {
  return eb.and([eb('a.status', '=', 'in_progress'), eb('a.last_seen_at', '<', seenBefore)]);
}

function stateFilter(eb: Eb, state: NonNullable<MonitorFilter['state']>, seenBefore: string) {
  switch (state) {
    case 'not_started':
      return eb('a.id', 'is', null);
    case 'disconnected':
      return disconnected(eb, seenBefore);
    case 'signals':
      return eb.or([eb('a.blur_count', '>', 0), eb('a.ip_changes', '>', 0), eb('a.second_client_count', '>', 0)]);
    default:
      return eb('a.status', '=', state);
  }
}

const flag = (condition: ReturnType<typeof sql<SqlBool>>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

export async function monitorCounts(db: Executor, f: MonitorFilter) {
  const row = await withLatestAttempt(db, { ...f, state: undefined, q: undefined })
    .select([
      (eb) => eb.fn.countAll<number>().as('eligible'),
      flag(sql<SqlBool>`a.id is null`).as('not_started'),
      flag(sql<SqlBool>`a.status = 'in_progress'`).as('in_progress'),
      flag(sql<SqlBool>`a.status = 'submitted'`).as('submitted'),
      flag(sql<SqlBool>`a.status = 'voided'`).as('voided'),
      flag(sql<SqlBool>`a.status = 'in_progress' and a.last_seen_at < ${f.seenBefore}`).as('disconnected'),
      sql<number>`avg(case when a.status = 'in_progress' then a.answered_count end)`.as('avg_answered'),
    ])
    .executeTakeFirst();
  const n = (v: unknown) => Number(v ?? 0);
  return {
    eligible: n(row?.eligible),
    notStarted: n(row?.not_started),
    inProgress: n(row?.in_progress),
    submitted: n(row?.submitted),
    voided: n(row?.voided),
    disconnected: n(row?.disconnected),
    avgAnswered: n(row?.avg_answered),
  };
}

export function monitorByUnit(db: Executor, f: MonitorFilter) {
  return withLatestAttempt(db, { ...f, state: undefined, q: undefined })
    .select([
      'u.id as unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      (eb) => eb.fn.countAll<number>().as('eligible'),
      flag(sql<SqlBool>`a.status = 'in_progress'`).as('in_progress'),
      flag(sql<SqlBool>`a.status = 'submitted'`).as('submitted'),
    ])
    .groupBy(['u.id', 'u.name', 'u.path'])
    .orderBy('u.path')
    .execute();
}

export async function monitorPeople(db: Executor, f: MonitorFilter, page: { offset: number; limit: number }) {
  let q = withLatestAttempt(db, f);
  const state = f.state;
  if (state) q = q.where((eb) => stateFilter(eb as unknown as Eb, state, f.seenBefore) as never);
  for (const word of (f.q ?? '').split(' ').filter(Boolean)) q = q.where('p.name_folded', 'like', `%${word}%`);
  const [rows, total] = await Promise.all([
    q
      .leftJoin('assessment_extra_time as ax', (j) => j.onRef('ax.person_id', '=', 'p.id').on('ax.assessment_id', '=', f.assessmentId))
      .select([
        'p.id as person_id',
        'p.full_name',
        'u.name as unit_name',
        'a.id as attempt_id',
        'a.status',
        'a.answered_count',
        'a.started_at',
        'a.deadline_at',
        'a.last_seen_at',
        'a.blur_count',
        'a.blur_ms',
        'a.ip_changes',
        'a.second_client_count',
        'a.score',
        'a.band',
        'p.extra_minutes as person_extra_minutes',
        'ax.minutes as survey_extra_minutes',
      ])
      .orderBy('u.path')
      .orderBy('p.sort_key')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Started / submitted attempts of an assessment among the people of the scopes (all when undefined). */
export async function attemptCounts(db: Executor, assessmentId: number, scopePaths?: string[]) {
  let q = db
    .selectFrom('attempts as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .where('a.assessment_id', '=', assessmentId)
    .where('a.status', '!=', 'voided');
  if (scopePaths) {
    const paths = scopePaths;
    q = q.where(inSubtrees(paths, 'u.path'));
  }
  const row = await q
    .select([
      sql<number>`count(distinct a.person_id)`.as('started'),
      sql<number>`count(distinct case when a.status = 'submitted' then a.person_id end)`.as('submitted'),
    ])
    .executeTakeFirst();
  return { started: Number(row?.started ?? 0), submitted: Number(row?.submitted ?? 0) };
}

/** The attempt with its person's unit path: what the monitor's actions check against the actor's scope. */
export function attemptWithUnit(db: Executor, attemptId: number) {
  return db
    .selectFrom('attempts as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'a.id',
      'a.assessment_id',
      'a.person_id',
      'a.variant_id',
      'a.status',
      'a.deadline_at',
      'a.submitted_at',
      'p.full_name',
      'u.id as unit_id',
      'u.path as unit_path',
    ])
    .where('a.id', '=', attemptId)
    .executeTakeFirst();
}

/** The sites of the assessment's campaign; with a person, only those they proctor. */
export function campaignSites(db: Executor, campaignId: number, proctorPersonId?: number) {
  let q = db.selectFrom('sites').select(['sites.id', 'sites.name']).where('sites.campaign_id', '=', campaignId);
  if (proctorPersonId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('site_proctors')
          .select('site_proctors.site_id')
          .whereRef('site_proctors.site_id', '=', 'sites.id')
          .where('site_proctors.person_id', '=', proctorPersonId),
      ),
    );
  }
  return q.orderBy('sites.name').execute();
}
