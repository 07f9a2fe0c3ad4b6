/** The rows of a results report read from the database page by page, never all at once. */
import { sql } from 'kysely';
import type { Db, Dialect, Executor } from '../../db/database.ts';
import { countedAttempts, supersededAttempts } from '../results/repository.ts';

export interface PersonRowRecord {
  id: number;
  unit_id: number;
  full_name: string;
  sort_key: string;
  position: string;
  unit_name: string;
  path: string;
  code: string;
  correct_count: number | null;
  score: number | null;
  band: string | null;
  submitted_at: string | null;
}

export interface PeopleScope {
  assessmentId: number;
  /** The reader's subtrees; undefined = every unit. */
  scopePaths?: string[];
  /** The report's node (its subtree); undefined = the whole scope. */
  unitPath?: string;
  /** The same units (scope ∩ node) in consecutive groups in path order: how SQLite reads them. */
  unitGroups: readonly number[][];
  /** About how many rows there are (the statistics' count): a report of one page is read in one query. */
  expectedRows: number;
}

/**
 * The people rows of a report in unit-path, name, attempt order, page by page. PostgreSQL: one ordered query read
 * through a server-side cursor in a read-only snapshot (one sort, however many pages; the plan is the results table's,
 * linear whatever the planner's statistics say — a page query per unit group was planned as a scan of every attempt
 * per page on statistics left stale by a bulk of submissions). SQLite: keyset pages per group of units (below), so the
 * single connection is never held between pages.
 */
export function reportPeoplePages(db: Db, dialect: Dialect, scope: PeopleScope, pageSize = 5000): AsyncGenerator<PersonRowRecord[]> {
  if (dialect === 'sqlite') return personRowPages(db, scope.assessmentId, scope.unitGroups, pageSize);
  return scope.expectedRows <= pageSize ? personRowsAtOnce(db, scope) : personRowsByCursor(db, scope, pageSize);
}

const PERSON_ROW = [
  'a.id',
  'p.full_name',
  'p.sort_key',
  'p.position',
  'u.id as unit_id',
  'u.name as unit_name',
  'u.path',
  'v.code',
  'a.correct_count',
  'a.score',
  'a.band',
  'a.submitted_at',
] as const;

/** A school's or a commune's rows: one query with the scope's path filters, as the results table reads them. */
async function* personRowsAtOnce(db: Db, scope: PeopleScope): AsyncGenerator<PersonRowRecord[]> {
  const rows = await countedAttempts(db, { assessmentId: scope.assessmentId, scopePaths: scope.scopePaths, unitPath: scope.unitPath })
    .select([...PERSON_ROW])
    .orderBy('u.path')
    .orderBy('p.sort_key')
    .orderBy('a.id')
    .execute();
  if (rows.length) yield rows;
}

/**
 * A province's rows: the whole assessment read in order and kept to the report's units here. With a filter on the
 * units' path the planner, on stale statistics, looped over the units and re-ran the ranking of every attempt for each
 * (46 s for 100,000 attempts instead of 0.5 s).
 */
async function* personRowsByCursor(db: Db, scope: PeopleScope, pageSize: number): AsyncGenerator<PersonRowRecord[]> {
  const allowed = new Set(scope.unitGroups.flat());
  const query = countedAttempts(db, { assessmentId: scope.assessmentId })
    .select([...PERSON_ROW])
    .orderBy('u.path')
    .orderBy('p.sort_key')
    .orderBy('a.id');
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  try {
    // Every row will be fetched: plan for all of them (PostgreSQL plans a cursor for its first tenth by default, which
    // on stale statistics chose nested loops that ran past the statement timeout).
    await sql`set local cursor_tuple_fraction = 1`.execute(trx);
    await sql`declare report_people no scroll cursor for ${query}`.execute(trx);
    for (;;) {
      const { rows } = await sql<PersonRowRecord>`fetch ${sql.raw(String(Math.trunc(pageSize)))} from report_people`.execute(trx);
      const kept = rows.filter((r) => allowed.has(r.unit_id));
      if (kept.length) yield kept;
      if (rows.length < pageSize) break;
    }
    await trx.commit().execute();
  } catch (err) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    throw err;
  } finally {
    // The caller stopped early (a download cut off): end the snapshot and give the connection back.
    if (!trx.isCommitted && !trx.isRolledBack)
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
  }
}

/**
 * Each person's counted attempt (latest submitted) of the given units, in the report's order — unit path, then name,
 * then attempt id — as pages of at most `pageSize` rows. `unitGroups` are consecutive groups of units in path order
 * (domain/statistics/unit-pages.ts); each group is read by keyset on (path, sort key, attempt id) inside the group,
 * driven by the people of its units through the person index, so a page costs the same whatever the assessment's size.
 * A person of a closed survey's frozen population is listed under the unit they were in at the close.
 */
export async function* personRowPages(
  db: Executor,
  assessmentId: number,
  unitGroups: readonly number[][],
  pageSize = 5000,
): AsyncGenerator<PersonRowRecord[]> {
  const superseded = await supersededAttempts(db, assessmentId);
  for (const group of unitGroups) {
    let after: [string, string, number] | null = null;
    for (;;) {
      const cursor: [string, string, number] | null = after;
      const rows: PersonRowRecord[] = await db
        .selectFrom('attempts as a')
        .innerJoin('people as p', 'p.id', 'a.person_id')
        .leftJoin('assessment_population as fp', (j) =>
          j.onRef('fp.assessment_id', '=', 'a.assessment_id').onRef('fp.person_id', '=', 'a.person_id'),
        )
        .innerJoin('units as u', (j) => j.on(sql<boolean>`u.id = coalesce(fp.unit_id, p.unit_id)`))
        .innerJoin('assessment_variants as v', 'v.id', 'a.variant_id')
        .where('a.assessment_id', '=', assessmentId)
        .where('a.status', '=', 'submitted')
        // The people who are (or were at the close) in the group's units: the index on people's unit and on the frozen
        // population's unit find them, the index on attempts' person their attempts.
        .where('a.person_id', 'in', (eb) =>
          eb
            .selectFrom('people as gp')
            .select('gp.id')
            .where('gp.unit_id', 'in', group)
            .unionAll(
              eb
                .selectFrom('assessment_population as gf')
                .select('gf.person_id as id')
                .where('gf.assessment_id', '=', assessmentId)
                .where('gf.unit_id', 'in', group),
            ),
        )
        .where('u.id', 'in', group)
        .$if(cursor !== null, (q) =>
          q.where((eb) => eb(eb.refTuple('u.path', 'p.sort_key', 'a.id'), '>', eb.tuple(cursor![0], cursor![1], cursor![2]))),
        )
        .select([
          'a.id',
          'p.full_name',
          'p.sort_key',
          sql<string>`coalesce(fp.position, p.position)`.as('position'),
          'u.id as unit_id',
          'u.name as unit_name',
          'u.path',
          'v.code',
          'a.correct_count',
          'a.score',
          'a.band',
          'a.submitted_at',
        ])
        .orderBy('u.path')
        .orderBy('p.sort_key')
        .orderBy('a.id')
        .limit(pageSize)
        .execute();
      const counted = superseded.size ? rows.filter((r) => !superseded.has(r.id)) : rows;
      if (counted.length) yield counted;
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1];
      after = [last.path, last.sort_key, last.id];
    }
  }
}
