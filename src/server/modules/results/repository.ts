/** Graded attempts of an assessment with their person, unit and code: the results table and the statistics read these. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { inSubtrees } from '../../db/subtrees.ts';

export interface ResultsFilter {
  assessmentId: number;
  /** Subtrees the reader may see; undefined = everyone (organisers of the owning unit). */
  scopePaths?: string[];
  unitPath?: string;
  schoolLevel?: string;
  position?: string;
  partyMember?: boolean;
  band?: string;
  variantCode?: string;
  /** Folded words of the name. */
  words?: string[];
}

/** Each person's latest submitted attempt (the one that counts) ⋈ person ⋈ unit ⋈ variant. */
export function countedAttempts(db: Executor, f: ResultsFilter) {
  // The counted ids come from one ordered pass (a window over the assessment's submitted attempts) and everything else
  // joins on primary keys: a plan that stays linear even when the planner's row estimates are stale, as they are in
  // PostgreSQL right after a survey's submit storm (a correlated anti-join was planned as a quadratic nested loop).
  let q = db
    .selectFrom((eb) =>
      eb
        .selectFrom('attempts')
        .select(['id', sql<number>`row_number() over (partition by person_id order by attempt_no desc)`.as('rank')])
        .where('assessment_id', '=', f.assessmentId)
        .where('status', '=', 'submitted')
        .as('c'),
    )
    .innerJoin('attempts as a', 'a.id', 'c.id')
    // A closed survey's people as frozen at its close (unit, position, party membership), others as they are now.
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('people')
          .leftJoin('assessment_population as fp', (j) =>
            j.onRef('fp.person_id', '=', 'people.id').on('fp.assessment_id', '=', f.assessmentId),
          )
          .select([
            'people.id',
            'people.full_name',
            'people.sort_key',
            'people.name_folded',
            sql<number>`coalesce(fp.unit_id, people.unit_id)`.as('unit_id'),
            sql<string>`coalesce(fp.position, people.position)`.as('position'),
            sql<number>`coalesce(fp.party_member, people.party_member)`.as('party_member'),
          ])
          .as('p'),
      (j) => j.onRef('p.id', '=', 'a.person_id'),
    )
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('assessment_variants as v', 'v.id', 'a.variant_id')
    .where('c.rank', '=', 1);
  if (f.scopePaths) {
    const paths = f.scopePaths;
    q = q.where(inSubtrees(paths, 'u.path'));
  }
  if (f.unitPath) q = q.where('u.path', 'like', `${f.unitPath}%`);
  if (f.schoolLevel) q = q.where('u.school_level', '=', f.schoolLevel);
  if (f.position) q = q.where('p.position', '=', f.position);
  if (f.partyMember !== undefined) q = q.where('p.party_member', '=', f.partyMember ? 1 : 0);
  if (f.band) q = q.where('a.band', '=', f.band);
  if (f.variantCode) q = q.where('v.code', '=', f.variantCode);
  for (const word of f.words ?? []) q = q.where('p.name_folded', 'like', `%${word}%`);
  return q;
}

export type ResultsSort = 'name' | 'score' | 'unit' | 'submitted';

export async function resultsPage(
  db: Executor,
  f: ResultsFilter,
  sort: ResultsSort,
  order: 'asc' | 'desc',
  page: { offset: number; limit: number },
) {
  const base = countedAttempts(db, f);
  let rows = base.select([
    'a.id as attempt_id',
    'a.score',
    'a.band',
    'a.correct_count',
    'a.answered_count',
    'a.started_at',
    'a.submitted_at',
    'a.submit_kind',
    'a.blur_count',
    'a.ip_changes',
    'a.second_client_count',
    'p.id as person_id',
    'p.full_name',
    'p.position',
    'p.party_member',
    'u.id as unit_id',
    'u.name as unit_name',
    'u.school_level',
    'v.code as variant_code',
  ]);
  const byColumn = { name: 'p.sort_key', score: 'a.score', unit: 'u.path', submitted: 'a.submitted_at' } as const;
  rows = rows.orderBy(byColumn[sort], order);
  if (sort !== 'name') rows = rows.orderBy('p.sort_key');
  const [list, total] = await Promise.all([
    rows.orderBy('a.id').offset(page.offset).limit(page.limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows: list, total: Number(total?.n ?? 0) };
}

export interface GradedRow {
  id: number;
  score: number | null;
  band: string | null;
  responses: string | null;
  unit_id: number;
  position: string;
  party_member: number;
  school_level: string | null;
  variant_code: string;
}

/**
 * Submitted attempts that do not count because the same person submitted a later one. Most surveys allow one attempt,
 * so this is usually empty; it is found by one aggregate over the assessment's attempts (linear whatever the plan).
 */
export async function supersededAttempts(db: Executor, assessmentId: number): Promise<Set<number>> {
  const repeaters = (
    await db
      .selectFrom('attempts')
      .select('person_id')
      .where('assessment_id', '=', assessmentId)
      .where('status', '=', 'submitted')
      .groupBy('person_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute()
  ).map((r) => r.person_id);
  const superseded = new Set<number>();
  for (let i = 0; i < repeaters.length; i += 500) {
    const rows = await db
      .selectFrom('attempts')
      .select(['id', 'person_id'])
      .where('assessment_id', '=', assessmentId)
      .where('status', '=', 'submitted')
      .where('person_id', 'in', repeaters.slice(i, i + 500))
      .orderBy('person_id')
      .orderBy('attempt_no', 'desc')
      .execute();
    rows.forEach((r, k) => {
      if (k > 0 && rows[k - 1].person_id === r.person_id) superseded.add(r.id);
    });
  }
  return superseded;
}

/**
 * Every counted attempt (each person's latest submitted one) as the statistics engine reads it, in keyset batches by
 * attempt id along (assessment, status, id). The whole assessment: attempts in id order with each one's person by
 * primary key — a plan that stays linear at a million rows whatever the planner's statistics say — one packed text per
 * row, the next batch asked for while the caller works on this one. A scope (a principal's school) reads its few
 * people through the joins instead.
 */
export async function* gradedStream(
  db: Executor,
  assessmentId: number,
  scopePaths?: string[],
  batch = 5000,
  frozenPopulation = false,
): AsyncGenerator<GradedRow[]> {
  let after = 0;
  if (scopePaths) {
    const superseded = await supersededAttempts(db, assessmentId);
    const paths = scopePaths;
    for (;;) {
      // A person of a closed survey's frozen population counts where they were at the close (population module).
      const rows = await db
        .selectFrom('attempts as a')
        .innerJoin('people as p', 'p.id', 'a.person_id')
        .leftJoin('assessment_population as fp', (j) =>
          j.onRef('fp.assessment_id', '=', 'a.assessment_id').onRef('fp.person_id', '=', 'a.person_id'),
        )
        .innerJoin('units as u', (j) => j.on(sql<boolean>`u.id = coalesce(fp.unit_id, p.unit_id)`))
        .innerJoin('assessment_variants as v', 'v.id', 'a.variant_id')
        .where('a.assessment_id', '=', assessmentId)
        .where('a.status', '=', 'submitted')
        .where('a.id', '>', after)
        .where(inSubtrees(paths, 'u.path'))
        .select([
          'a.id',
          'a.score',
          'a.band',
          'a.responses',
          'u.id as unit_id',
          sql<string>`coalesce(fp.position, p.position)`.as('position'),
          sql<number>`coalesce(fp.party_member, p.party_member)`.as('party_member'),
          'u.school_level',
          'v.code as variant_code',
        ])
        .orderBy('a.id')
        .limit(batch)
        .execute();
      const counted = rows.filter((r) => !superseded.has(r.id));
      if (counted.length) yield counted;
      if (rows.length < batch) return;
      after = rows[rows.length - 1].id;
    }
  }
  const { codeOf, levelOf } = await codesAndLevels(db, assessmentId);
  // A closed survey's people where they were at its close (its frozen population), others as they are now.
  const person = frozenPopulation
    ? sql`coalesce(fp.unit_id, p.unit_id) || ':' || coalesce(fp.position, p.position) || ':' || coalesce(fp.party_member, p.party_member)`
    : sql`p.unit_id || ':' || p.position || ':' || p.party_member`;
  const page = (from: number) =>
    db
      .selectFrom('attempts as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .$if(frozenPopulation, (q) =>
        q.leftJoin('assessment_population as fp', (j) =>
          j.onRef('fp.assessment_id', '=', 'a.assessment_id').onRef('fp.person_id', '=', 'a.person_id'),
        ),
      )
      .where('a.assessment_id', '=', assessmentId)
      .where('a.status', '=', 'submitted')
      .where('a.id', '>', from)
      // One text per attempt (see unpackGraded): a million rows of one column each cost the driver a fraction of eight
      // columns each, which was most of the time of a national-scale statistics read on PostgreSQL.
      .select(
        sql<string>`a.id || ':' || ${person} || ':' || a.variant_id || ':' || coalesce(a.score || '', '') || ':'
      || coalesce(a.responses, '') || ':' || coalesce(a.band, '')`.as('r'),
      )
      .orderBy('a.id')
      .limit(batch)
      .execute();
  // Pipelined: the next page is asked for as soon as this one arrives, so the database reads it while the caller works;
  // the first one while the superseded attempts are looked for.
  let pending = page(after);
  pending.catch(() => undefined);
  const superseded = await supersededAttempts(db, assessmentId);
  for (;;) {
    const rows = await pending;
    const last = rows.length ? unpackGraded(rows[rows.length - 1].r, levelOf, codeOf) : null;
    if (rows.length === batch && last) pending = page(last.id);
    const counted: GradedRow[] = [];
    for (const { r } of rows) {
      const row = unpackGraded(r, levelOf, codeOf);
      if (!superseded.has(row.id)) counted.push(row);
    }
    if (counted.length) yield counted;
    if (rows.length < batch) return;
  }
}

/** `id:unit:position:party:variant:score:responses:band` (band last: its label may hold anything) → a graded row. */
function unpackGraded(r: string, levelOf: ReadonlyMap<number, string | null>, codeOf: ReadonlyMap<number, string>): GradedRow {
  const at: number[] = [];
  for (let i = -1, k = 0; k < 7; k++) at.push((i = r.indexOf(':', i + 1)));
  const unitId = Number(r.slice(at[0] + 1, at[1]));
  const score = r.slice(at[4] + 1, at[5]);
  const responses = r.slice(at[5] + 1, at[6]);
  const band = r.slice(at[6] + 1);
  return {
    id: Number(r.slice(0, at[0])),
    unit_id: unitId,
    position: r.slice(at[1] + 1, at[2]),
    party_member: Number(r.slice(at[2] + 1, at[3])),
    variant_code: codeOf.get(Number(r.slice(at[3] + 1, at[4]))) ?? '',
    school_level: levelOf.get(unitId) ?? null,
    score: score === '' ? null : Number(score),
    responses: responses === '' ? null : responses,
    band: band === '' ? null : band,
  };
}

/** A person's attempts of every assessment, newest first: their history year after year. */
export function historyOf(db: Executor, personId: number) {
  return db
    .selectFrom('attempts as a')
    .innerJoin('assessments as s', 's.id', 'a.assessment_id')
    .innerJoin('units as ou', 'ou.id', 's.unit_id')
    .select([
      'a.id',
      'a.assessment_id',
      'a.status',
      'a.started_at',
      'a.submitted_at',
      'a.score',
      'a.band',
      'a.correct_count',
      's.title',
      's.opens_at',
      's.closes_at',
      's.question_count',
      's.review_json',
      'ou.name as organiser',
    ])
    .where('a.person_id', '=', personId)
    .where('a.status', '!=', 'in_progress')
    .orderBy('s.opens_at', 'desc')
    .orderBy('a.attempt_no', 'desc')
    .execute();
}

export function eventsOf(db: Executor, attemptId: number) {
  return db
    .selectFrom('attempt_events')
    .leftJoin('users', 'users.id', 'attempt_events.actor_user_id')
    .select(['attempt_events.kind', 'attempt_events.at', 'attempt_events.detail', 'users.display_name as actor'])
    .where('attempt_events.attempt_id', '=', attemptId)
    .orderBy('attempt_events.id')
    .execute();
}

/**
 * The whole assessment's graded attempts (or `only` these), counted by PostgreSQL per group and score: unit, position
 * and party membership (where the person was at the close for a frozen population), variant, score, band and how many.
 * A million attempts come back as some thousands of rows; with gradedResponses the statistics engine gets all it needs
 * (StatisticsBuilder.addGroup / addResponses). Superseded attempts (supersededAttempts) are counted here: the caller
 * takes them out, read again with `only`.
 */
export async function countedGroups(db: Executor, assessmentId: number, frozenPopulation: boolean, only?: readonly number[]) {
  if (only?.length === 0) return [];
  const { codeOf, levelOf } = await codesAndLevels(db, assessmentId);
  const unit = frozenPopulation ? sql<number>`coalesce(fp.unit_id, p.unit_id)` : sql<number>`p.unit_id`;
  const position = frozenPopulation ? sql<string>`coalesce(fp.position, p.position)` : sql<string>`p.position`;
  const party = frozenPopulation ? sql<number>`coalesce(fp.party_member, p.party_member)` : sql<number>`p.party_member`;
  const rows = await gradedCounted(db, assessmentId)
    .$if(only !== undefined, (q) => q.where(sql<boolean>`a.id = any(cast(${only} as integer[]))`))
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .$if(frozenPopulation, (q) =>
      q.leftJoin('assessment_population as fp', (j) =>
        j.onRef('fp.assessment_id', '=', 'a.assessment_id').onRef('fp.person_id', '=', 'a.person_id'),
      ),
    )
    .select([
      unit.as('unit_id'),
      position.as('position'),
      party.as('party_member'),
      'a.variant_id',
      'a.score',
      'a.band',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([unit, position, party, 'a.variant_id', 'a.score', 'a.band'])
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    schoolLevel: levelOf.get(r.unit_id) ?? null,
    position: r.position,
    partyMember: Number(r.party_member) === 1,
    variantCode: codeOf.get(r.variant_id) ?? '',
    score: Number(r.score),
    band: r.band!,
    count: Number(r.n),
  }));
}

/**
 * The id and responses of the attempts countedGroups counts, in keyset batches by id, the next asked for while this one
 * is used.
 */
export async function* gradedResponses(
  db: Executor,
  assessmentId: number,
  batch = 10_000,
): AsyncGenerator<{ id: number; responses: string }[]> {
  const page = (from: number) =>
    gradedCounted(db, assessmentId).where('a.id', '>', from).select(['a.id', 'a.responses']).orderBy('a.id').limit(batch).execute();
  let pending = page(0);
  for (;;) {
    const rows = await pending;
    if (rows.length === batch) pending = page(rows[rows.length - 1].id);
    yield rows as { id: number; responses: string }[];
    if (rows.length < batch) return;
  }
}

/** The submitted attempts of an assessment that have a grade (PostgreSQL); superseded ones are taken out by the caller. */
function gradedCounted(db: Executor, assessmentId: number) {
  return db
    .selectFrom('attempts as a')
    .where('a.assessment_id', '=', assessmentId)
    .where('a.status', '=', 'submitted')
    .where('a.score', 'is not', null)
    .where('a.band', 'is not', null)
    .where('a.responses', 'is not', null);
}

/** The assessment's variant codes by id and every unit's school level: what a packed or grouped row names by id. */
async function codesAndLevels(db: Executor, assessmentId: number) {
  const [variants, units] = await Promise.all([
    db.selectFrom('assessment_variants').select(['id', 'code']).where('assessment_id', '=', assessmentId).execute(),
    db.selectFrom('units').select(['id', 'school_level']).execute(),
  ]);
  return { codeOf: new Map(variants.map((v) => [v.id, v.code])), levelOf: new Map(units.map((u) => [u.id, u.school_level])) };
}
