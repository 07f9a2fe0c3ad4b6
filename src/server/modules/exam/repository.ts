import { sql } from 'kysely';
import type pg from 'pg';
import type { Db, Dialect, Executor } from '../../db/database.ts';
import type { AttemptTable } from '../../db/schema.ts';
import type { Insertable, Updateable } from 'kysely';
import type { AnswerChange } from '../../../domain/assessment/views.ts';
import { eligiblePeople } from '../assessments/eligibility.ts';

export function findAttempt(db: Executor, id: number) {
  return db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

export type AttemptRow = NonNullable<Awaited<ReturnType<typeof findAttempt>>>;

/**
 * What a start decides on, in one statement: whether the person may sit the assessment, their extra minutes (their
 * default and this survey's), and their attempts at it in order (one row each; one row of nulls when there is none).
 */
export async function startFacts(db: Executor, assessmentId: number, personId: number) {
  const rows = await db
    .selectFrom('people as me')
    .leftJoin('attempts as a', (j) => j.onRef('a.person_id', '=', 'me.id').on('a.assessment_id', '=', assessmentId))
    .select((eb) => [
      eb
        .exists(
          eligiblePeople(db, assessmentId)
            .select('p.id')
            .where(sql<boolean>`p.id = me.id`),
        )
        .as('eligible'),
      'me.extra_minutes',
      eb
        .selectFrom('edge_leases as l')
        .innerJoin('edges as e', 'e.id', 'l.edge_id')
        .innerJoin('sites as s', 's.id', 'e.site_id')
        .select('s.name')
        .where('l.assessment_id', '=', assessmentId)
        .whereRef('l.person_id', '=', 'me.id')
        .as('edge_site'),
      eb
        .selectFrom('assessment_extra_time as ax')
        .select('ax.minutes')
        .where('ax.assessment_id', '=', assessmentId)
        .whereRef('ax.person_id', '=', 'me.id')
        .as('survey_minutes'),
      'a.id',
      'a.status',
      'a.attempt_no',
    ])
    .where('me.id', '=', personId)
    .orderBy('a.attempt_no')
    .execute();
  const me = rows[0];
  return {
    eligible: Boolean(me?.eligible),
    /** The site whose edge server holds the person's attempt (edges/README): the province does not start it. */
    edgeSite: me?.edge_site ?? null,
    extra: { personDefault: me?.extra_minutes ?? 0, survey: me?.survey_minutes ?? null },
    attempts: rows.flatMap((r) =>
      r.id !== null && r.status !== null && r.attempt_no !== null ? [{ id: r.id, status: r.status, attempt_no: r.attempt_no }] : [],
    ),
  };
}

/** Every attempt of a person, newest assessment first: the "my assessments" list reads them at once. */
export function attemptsByPerson(db: Executor, personId: number) {
  return db.selectFrom('attempts').selectAll().where('person_id', '=', personId).orderBy('attempt_no').execute();
}

export async function insertAttempt(db: Executor, row: Insertable<AttemptTable>): Promise<number> {
  const { id } = await db.insertInto('attempts').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** A new attempt and its 'start' event, atomically: one statement on PostgreSQL, a transaction on SQLite. */
/** A just-started attempt: nothing answered, graded or closed yet. */
export function startedAttemptRow(row: {
  assessment_id: number;
  person_id: number;
  user_id: number;
  attempt_no: number;
  variant_id: number;
  started_at: string;
  deadline_at: string;
  last_ip: string | null;
  client_id: string | null;
}): Insertable<AttemptTable> {
  return {
    ...row,
    status: 'in_progress',
    submitted_at: null,
    submit_kind: null,
    answered_count: 0,
    correct_count: null,
    score: null,
    band: null,
    responses: null,
    void_reason: null,
    last_seen_at: row.started_at,
  };
}

export async function insertAttemptWithEvent(
  db: Db,
  dialect: Dialect,
  row: Insertable<AttemptTable>,
  event: { kind: string; at: string; detail: string },
): Promise<number> {
  if (dialect === 'postgres') {
    const inserted = await db
      .with('a', (w) => w.insertInto('attempts').values(row).returning('id'))
      .insertInto('attempt_events')
      .columns(['attempt_id', 'kind', 'at', 'detail', 'actor_user_id'])
      .expression((eb) =>
        eb
          .selectFrom('a')
          .select((s) => [
            'a.id',
            s.val(event.kind).as('kind'),
            s.val(event.at).as('at'),
            s.val(event.detail).as('detail'),
            sql<null>`cast(null as integer)`.as('actor_user_id'),
          ]),
      )
      .returning('attempt_id')
      .executeTakeFirstOrThrow();
    return inserted.attempt_id;
  }
  return db.transaction().execute(async (trx) => {
    const id = await insertAttempt(trx, row);
    await trx
      .insertInto('attempt_events')
      .values({ attempt_id: id, kind: event.kind, at: event.at, detail: event.detail, actor_user_id: null })
      .execute();
    return id;
  });
}

export async function updateAttempt(db: Executor, id: number, changes: Updateable<AttemptTable>) {
  await db.updateTable('attempts').set(changes).where('id', '=', id).execute();
}

/**
 * Stores a batch of one device's answer changes in one statement, each only if the attempt is the person's and still
 * open (deadline not older than the cutoff) and the change is the newer one: the same device's later change (higher
 * `seq`), or any device's change made over the version the server holds (`base`). Every stored change bumps the
 * version. On PostgreSQL the attempt row is share-locked, so a concurrent submit either sees these answers or makes this
 * statement write nothing. Positions must be distinct. Returns the stored positions with their new versions.
 */
export async function saveAnswers(
  db: Executor,
  dialect: Dialect,
  target: { attemptId: number; personId: number; writer: string },
  answers: AnswerChange[],
  cutoffIso: string,
  atIso: string,
): Promise<Map<number, number>> {
  if (answers.length === 0) return new Map();
  const result = await saveAnswersStatement(dialect, target, answers, cutoffIso, atIso).execute(db);
  return new Map(result.rows.map((r) => [Number(r.position), Number(r.version)]));
}

/** The statement itself (bench/exam/pgbench-upsert.ts runs this very text under pgbench). */
export function saveAnswersStatement(
  dialect: Dialect,
  target: { attemptId: number; personId: number; writer: string },
  answers: AnswerChange[],
  cutoffIso: string,
  atIso: string,
) {
  const rows = answers.map(
    (a) =>
      sql`(cast(${a.position} as integer), cast(${a.choice} as integer), cast(${a.flagged ? 1 : 0} as integer), cast(${a.seq} as integer), cast(${a.base + 1} as integer))`,
  );
  const lock = dialect === 'postgres' ? sql`for share of a` : sql``;
  return sql<{ position: number; version: number }>`
    insert into attempt_answers (attempt_id, position, choice, flagged, seq, saved_at, version, writer)
    select a.id, v.column1, v.column2, v.column3, v.column4, cast(${atIso} as text), v.column5, cast(${target.writer} as text)
    from attempts a cross join (values ${sql.join(rows)}) v
    where a.id = ${target.attemptId} and a.person_id = ${target.personId} and a.status = 'in_progress' and a.deadline_at >= ${cutoffIso}
    ${lock}
    on conflict (attempt_id, position) do update set choice = excluded.choice, flagged = excluded.flagged, seq = excluded.seq,
      saved_at = excluded.saved_at, writer = excluded.writer, version = attempt_answers.version + 1
    where (attempt_answers.writer = excluded.writer and attempt_answers.seq < excluded.seq)
      or ((attempt_answers.writer is null or attempt_answers.writer <> excluded.writer) and attempt_answers.version < excluded.version)
    returning position, version`;
}

export function answersOf(db: Executor, attemptId: number, positions?: number[]) {
  let q = db
    .selectFrom('attempt_answers')
    .select(['position', 'choice', 'flagged', 'seq', 'version', 'writer'])
    .where('attempt_id', '=', attemptId);
  if (positions) q = q.where('position', 'in', positions);
  return q.orderBy('position').execute();
}

export type StoredAnswer = Awaited<ReturnType<typeof answersOf>>[number];

/** An attempt and its stored answers by position, in one statement (the exam page's load). */
export async function attemptWithAnswers(
  db: Executor,
  attemptId: number,
): Promise<{ attempt: AttemptRow; answers: StoredAnswer[] } | null> {
  const rows = await db
    .selectFrom('attempts as a')
    .leftJoin('attempt_answers as x', 'x.attempt_id', 'a.id')
    .selectAll('a')
    .select([
      'x.position as x_position',
      'x.choice as x_choice',
      'x.flagged as x_flagged',
      'x.seq as x_seq',
      'x.version as x_version',
      'x.writer as x_writer',
    ])
    .where('a.id', '=', attemptId)
    .orderBy('x.position')
    .execute();
  if (rows.length === 0) return null;
  const { x_position: _p, x_choice: _c, x_flagged: _f, x_seq: _s, x_version: _v, x_writer: _w, ...attempt } = rows[0];
  const answers: StoredAnswer[] = [];
  for (const r of rows) {
    if (r.x_position === null) continue;
    answers.push({
      position: r.x_position,
      choice: r.x_choice,
      flagged: r.x_flagged!,
      seq: r.x_seq!,
      version: r.x_version!,
      writer: r.x_writer!,
    });
  }
  return { attempt, answers };
}

/** Questions answered, and the sum of the stored versions (it changes whenever any answer does), in one read. */
export async function answersSummary(db: Executor, attemptId: number): Promise<{ answered: number; fingerprint: number }> {
  const row = await db
    .selectFrom('attempt_answers')
    .select((eb) => [
      eb.fn.count<number>('choice').as('answered'),
      eb.fn.coalesce(eb.fn.sum<number>('version'), sql<number>`0`).as('fingerprint'),
    ])
    .where('attempt_id', '=', attemptId)
    .executeTakeFirst();
  return { answered: Number(row?.answered ?? 0), fingerprint: Number(row?.fingerprint ?? 0) };
}

/** Display position → display choice of every stored answer: what grading reads. */
export function choicesOf(db: Executor, attemptId: number) {
  return db.selectFrom('attempt_answers').select(['position', 'choice']).where('attempt_id', '=', attemptId).execute();
}

/**
 * The attempt's status and deadline, its row locked until the transaction ends (PostgreSQL; SQLite is serial), with
 * what its assessment says now: when its key was last corrected, its review policy and window (they may change).
 * `skipLocked` (the sweep): undefined when someone else holds the row — another node closing it, or a save or submit
 * in flight; the next sweep looks again.
 */
export function lockAttemptWithAssessment(db: Executor, dialect: Dialect, id: number, options: { skipLocked?: boolean } = {}) {
  let q = db
    .selectFrom('attempts as a')
    .innerJoin('assessments as s', 's.id', 'a.assessment_id')
    .select(['a.status', 'a.deadline_at', 'a.started_at', 's.regraded_at', 's.title', 's.review_json', 's.closes_at'])
    .where('a.id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate('a');
  if (dialect === 'postgres' && options.skipLocked) q = q.skipLocked();
  return q.executeTakeFirst();
}

export type LockedAttempt = NonNullable<Awaited<ReturnType<typeof lockAttemptWithAssessment>>>;

const integerId = (id: number) => {
  if (!Number.isSafeInteger(id)) throw new Error(`attempt id ${id} is not an integer`);
  return String(id);
};

/**
 * PostgreSQL, one round trip on a client of its own: opens a transaction, locks the attempt (as
 * lockAttemptWithAssessment) and reads its answers (as choicesOf). A message of several statements cannot carry
 * parameters: the id, an integer checked here, is written into the text.
 */
export async function lockAndReadAnswers(
  client: pg.PoolClient,
  id: number,
): Promise<{ locked: LockedAttempt | undefined; answers: { position: number; choice: number | null }[] }> {
  const at = integerId(id);
  const results = (await client.query(`begin;
    select a.status, a.deadline_at, a.started_at, s.regraded_at, s.title, s.review_json, s.closes_at
      from attempts a inner join assessments s on s.id = a.assessment_id where a.id = ${at} for update of a;
    select position, choice from attempt_answers where attempt_id = ${at}`)) as unknown as pg.QueryResult[];
  return {
    locked: results[1].rows[0] as LockedAttempt | undefined,
    answers: results[2].rows as { position: number; choice: number | null }[],
  };
}

/** PostgreSQL, on the client's connection: the assessment's correct indexes in canonical order (as keyOf). */
export async function keyIndexesOn(client: pg.PoolClient, assessmentId: number): Promise<number[]> {
  const { rows } = await client.query('select correct_index from assessment_questions where assessment_id = $1 order by ordinal', [
    assessmentId,
  ]);
  return rows.map((r: { correct_index: number }) => r.correct_index);
}

/** PostgreSQL, one round trip: closeAttempt's statement and the commit, values written as escaped literals. */
export async function closeAttemptAndCommit(
  client: pg.PoolClient,
  id: number,
  changes: {
    status: string;
    submitted_at: string;
    submit_kind: string;
    answered_count: number;
    correct_count: number | null;
    score: number | null;
    band: string | null;
    responses: string;
  },
  event: { kind: string; at: string; detail: string },
) {
  const text = (value: string | null) => (value === null ? 'null' : client.escapeLiteral(value));
  const number = (value: number | null) => {
    if (value === null) return 'null';
    if (!Number.isFinite(value)) throw new Error(`closing attempt ${id}: ${value} is not a number`);
    return String(value);
  };
  await client.query(`with closed as (
      update attempts set status = ${text(changes.status)}, submitted_at = ${text(changes.submitted_at)},
        submit_kind = ${text(changes.submit_kind)}, answered_count = ${number(changes.answered_count)},
        correct_count = ${number(changes.correct_count)}, score = ${number(changes.score)}, band = ${text(changes.band)},
        responses = ${text(changes.responses)}
      where id = ${integerId(id)} returning id)
    insert into attempt_events (attempt_id, kind, at, detail, actor_user_id)
      select closed.id, ${text(event.kind)}, ${text(event.at)}, ${text(event.detail)}, null from closed;
    commit`);
}

/**
 * The attempt's one write when it closes, with its event. PostgreSQL: one statement (the event is inserted from the
 * update's RETURNING); SQLite runs both in process.
 */
export async function closeAttempt(
  db: Executor,
  dialect: Dialect,
  id: number,
  changes: Updateable<AttemptTable>,
  event: { kind: string; at: string; detail: string },
) {
  if (dialect === 'postgres') {
    const update = db.updateTable('attempts').set(changes).where('id', '=', id).returning('id');
    await db
      .with('closed', () => update)
      .insertInto('attempt_events')
      .columns(['attempt_id', 'kind', 'at', 'detail', 'actor_user_id'])
      .expression((eb) =>
        eb
          .selectFrom('closed')
          .select((s) => [
            'closed.id',
            s.val(event.kind).as('kind'),
            s.val(event.at).as('at'),
            s.val(event.detail).as('detail'),
            sql<null>`cast(null as integer)`.as('actor_user_id'),
          ]),
      )
      .execute();
    return;
  }
  await updateAttempt(db, id, changes);
  await db
    .insertInto('attempt_events')
    .values({ attempt_id: id, kind: event.kind, at: event.at, detail: event.detail, actor_user_id: null })
    .execute();
}

/** Whether the attempt has an event of this kind (an edge's refusal by its province, say). */
export async function hasEvent(db: Executor, attemptId: number, kind: string): Promise<boolean> {
  const row = await db
    .selectFrom('attempt_events')
    .select('id')
    .where('attempt_id', '=', attemptId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordEvent(
  db: Executor,
  e: { attempt_id: number; kind: string; at: string; detail?: unknown; actor_user_id?: number | null },
) {
  await db
    .insertInto('attempt_events')
    .values({
      attempt_id: e.attempt_id,
      kind: e.kind,
      at: e.at,
      detail: e.detail === undefined ? null : JSON.stringify(e.detail),
      actor_user_id: e.actor_user_id ?? null,
    })
    .execute();
}

/** Progress and presence from a ping: the answered count as recounted from the stored answers (answersSummary). */
export async function touchAttempt(
  db: Executor,
  id: number,
  changes: {
    at: string;
    ip: string | null;
    clientId: string;
    answered: number;
    hiddenCount: number;
    hiddenMs: number;
    ipChanged: boolean;
    secondClient: boolean;
  },
) {
  await db
    .updateTable('attempts')
    .set(() => ({
      last_seen_at: changes.at,
      last_ip: changes.ip,
      client_id: changes.clientId,
      answered_count: changes.answered,
      blur_count: sql<number>`blur_count + ${changes.hiddenCount}`,
      blur_ms: sql<number>`blur_ms + ${changes.hiddenMs}`,
      ip_changes: sql<number>`ip_changes + ${changes.ipChanged ? 1 : 0}`,
      second_client_count: sql<number>`second_client_count + ${changes.secondClient ? 1 : 0}`,
    }))
    .where('id', '=', id)
    .where('status', '=', 'in_progress')
    .execute();
}

/**
 * The answered count of open attempts, recounted from their stored answers (the monitor's progress). Rows whose count
 * did not change are not written.
 */
export async function recountAnswered(db: Executor, dialect: Dialect, attemptIds: number[]) {
  if (attemptIds.length === 0) return;
  const ids = dialect === 'postgres' ? sql`any(cast(${attemptIds} as integer[]))` : sql`(${sql.join(attemptIds)})`;
  const inIds = dialect === 'postgres' ? sql`= ${ids}` : sql`in ${ids}`;
  await sql`update attempts set answered_count = c.n
    from (select attempt_id, count(choice) as n from attempt_answers where attempt_id ${inIds} group by attempt_id) c
    where attempts.id = c.attempt_id and attempts.status = 'in_progress'
      and (attempts.answered_count is null or attempts.answered_count <> c.n)`.execute(db);
}

export function keyOf(db: Executor, assessmentId: number) {
  return db
    .selectFrom('assessment_questions')
    .select(['ordinal', 'correct_index'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('ordinal')
    .execute();
}

/** Assessments with open attempts past their deadline, and their grace. */
export function assessmentsWithOverdue(db: Executor, nowIso: string) {
  return db
    .selectFrom('attempts')
    .innerJoin('assessments', 'assessments.id', 'attempts.assessment_id')
    .select(['assessments.id', 'assessments.grace_seconds'])
    .distinct()
    .where('attempts.status', '=', 'in_progress')
    .where('attempts.deadline_at', '<', nowIso)
    .execute();
}

export function overdueOf(db: Executor, assessmentId: number, cutoffIso: string, limit: number) {
  return (
    db
      .selectFrom('attempts')
      .select(['id', 'assessment_id', 'variant_id'])
      .where('assessment_id', '=', assessmentId)
      .where('status', '=', 'in_progress')
      .where('deadline_at', '<', cutoffIso)
      // An edge's attempt is closed by the edge's sweep and arrives with its sync: never graded here on half its answers
      // — unless the edge was revoked, when what arrived is all that will.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('edge_attempts as m')
              .innerJoin('edges as e', 'e.id', 'm.edge_id')
              .select('m.attempt_id')
              .whereRef('m.attempt_id', '=', 'attempts.id')
              .where('e.revoked_at', 'is', null),
          ),
        ),
      )
      .orderBy('deadline_at')
      .limit(limit)
      .execute()
  );
}

/** The person's default extra minutes and every survey's own value for them (domain/assessment/extra-time.ts). */
export async function extraTimeOfPerson(db: Executor, personId: number, assessmentId?: number) {
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('assessment_extra_time as ax', (j) => {
      const on = j.onRef('ax.person_id', '=', 'p.id');
      return assessmentId === undefined ? on : on.on('ax.assessment_id', '=', assessmentId);
    })
    .select(['p.extra_minutes', 'ax.assessment_id', 'ax.minutes'])
    .where('p.id', '=', personId)
    .execute();
  const bySurvey = new Map<number, number>();
  for (const r of rows) if (r.assessment_id !== null && r.minutes !== null) bySurvey.set(r.assessment_id, r.minutes);
  return { personDefault: rows[0]?.extra_minutes ?? 0, bySurvey };
}
