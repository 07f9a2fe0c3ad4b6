/** The frozen population of a closed assessment: who had to take it, with their unit, position and party membership then. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { inSubtrees } from '../../db/subtrees.ts';
import { eligiblePeople } from '../assessments/eligibility.ts';

export function findFreeze(db: Executor, assessmentId: number) {
  return db.selectFrom('assessment_population_freezes').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();
}

/**
 * Claims the freeze of an assessment: true only for the one transaction whose insert took the primary key. On
 * PostgreSQL a concurrent claim waits on the key until the first commits and then inserts nothing; on SQLite this insert
 * is the transaction's first statement, so it waits for the write lock instead of failing on a stale read snapshot.
 */
export async function claimFreeze(db: Executor, assessmentId: number, frozenAt: string): Promise<boolean> {
  const result = await db
    .insertInto('assessment_population_freezes')
    .columns(['assessment_id', 'frozen_at', 'closes_at', 'eligible_count'])
    .expression(
      db
        .selectFrom('assessments')
        .select(['id', sql<string>`${frozenAt}`.as('frozen_at'), 'closes_at', sql<number>`0`.as('n')])
        .where('id', '=', assessmentId),
    )
    .onConflict((oc) => oc.column('assessment_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Copies today's eligible people, as they are now, into the assessment's population; returns how many. */
export async function copyEligible(db: Executor, assessmentId: number): Promise<number> {
  await db
    .insertInto('assessment_population')
    .columns(['assessment_id', 'person_id', 'unit_id', 'position', 'party_member'])
    .expression(
      eligiblePeople(db, assessmentId).select([
        sql<number>`${assessmentId}`.as('assessment_id'),
        'p.id',
        'p.unit_id',
        'p.position',
        'p.party_member',
      ]),
    )
    .execute();
  const count = await db
    .selectFrom('assessment_population')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  const n = Number(count?.n ?? 0);
  await db.updateTable('assessment_population_freezes').set({ eligible_count: n }).where('assessment_id', '=', assessmentId).execute();
  return n;
}

/** Published assessments whose window has closed and whose population is not frozen yet. */
export async function closedUnfrozen(db: Executor, nowIso: string) {
  return db
    .selectFrom('assessments')
    .select(['id', 'closes_at'])
    .where('status', '=', 'published')
    .where('closes_at', '<=', nowIso)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('assessment_population_freezes as f').select('f.assessment_id').whereRef('f.assessment_id', '=', 'assessments.id'),
        ),
      ),
    )
    .orderBy('id')
    .execute();
}

/** The frozen population per unit (the unit the person was in at the close), inside the scopes. */
export async function frozenByUnit(db: Executor, assessmentId: number, scopePaths?: string[]): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('assessment_population as fp')
    .innerJoin('units as u', 'u.id', 'fp.unit_id')
    .where('fp.assessment_id', '=', assessmentId)
    .where(inSubtrees(scopePaths, 'u.path'))
    .select(['fp.unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('fp.unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
