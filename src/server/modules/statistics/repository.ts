import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { inSubtrees } from '../../db/subtrees.ts';

/**
 * People who must take the assessment, per unit (directly in it): the active people of every unit inside a target
 * subtree, and the active invitees of the other units — the people of assessments/eligibility.ts, counted unit by unit
 * (the target test per unit, not per person: a national roster of a million took 1.4 s the other way).
 */
export async function eligibleByUnit(db: Executor, assessmentId: number, scopePaths?: string[]): Promise<Map<number, number>> {
  const [units, active, invited] = await Promise.all([
    db
      .selectFrom('units as u')
      .select([
        'u.id',
        'u.path',
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom('assessment_targets as t')
                .innerJoin('units as tu', 'tu.id', 't.unit_id')
                .select('t.unit_id')
                .where('t.assessment_id', '=', assessmentId)
                .where(sql<boolean>`u.path like tu.path || '%'`),
            )
            .as('targeted'),
      ])
      .where(inSubtrees(scopePaths, 'u.path'))
      .execute(),
    db
      .selectFrom('people')
      .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('active', '=', 1)
      .groupBy('unit_id')
      .execute(),
    db
      .selectFrom('assessment_invitees as i')
      .innerJoin('people as p', 'p.id', 'i.person_id')
      .where('i.assessment_id', '=', assessmentId)
      .where('p.active', '=', 1)
      .select(['p.unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('p.unit_id')
      .execute(),
  ]);
  const activeIn = new Map(active.map((r) => [r.unit_id, Number(r.n)]));
  const invitedIn = new Map(invited.map((r) => [r.unit_id, Number(r.n)]));
  const out = new Map<number, number>();
  for (const u of units) {
    const n = u.targeted ? (activeIn.get(u.id) ?? 0) : (invitedIn.get(u.id) ?? 0);
    if (n > 0) out.set(u.id, n);
  }
  return out;
}

/** The unit tree inside the scopes (every unit when undefined), for the roll-up. */
export async function unitRows(db: Executor, scopePaths?: string[]) {
  if (scopePaths?.length === 0) return [];
  const rows = await db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name', 'path', 'school_level'])
    .where(inSubtrees(scopePaths, 'path'))
    .orderBy('path')
    .execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, path: r.path, schoolLevel: r.school_level }));
}

/** A cheap fingerprint of what the statistics depend on: it changes with every submission, void and regrade. */
export async function gradedStamp(db: Executor, assessmentId: number): Promise<string> {
  const row = await db
    .selectFrom('attempts')
    .where('assessment_id', '=', assessmentId)
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('submitted_at').as('last'),
      sql<number>`sum(case when status = 'submitted' then 1 else 0 end)`.as('submitted'),
    ])
    .executeTakeFirst();
  const assessment = await db
    .selectFrom('assessments')
    .select(['regraded_at', 'scoring_json'])
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  const freeze = await db
    .selectFrom('assessment_population_freezes')
    .select('frozen_at')
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return `${row?.n ?? 0}:${row?.submitted ?? 0}:${row?.last ?? ''}:${assessment?.regraded_at ?? ''}:${freeze?.frozen_at ?? ''}`;
}

/** The frozen key and option counts in canonical order. */
export function frozenKey(db: Executor, assessmentId: number) {
  return db
    .selectFrom('assessment_questions')
    .select(['ordinal', 'question_id', 'version_id', 'correct_index', 'option_count'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('ordinal')
    .execute();
}

/** Every submitted attempt's responses (all of them, not only the counted ones): what a regrade rewrites. */
export async function* submittedResponses(db: Executor, assessmentId: number, batch = 5000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('attempts')
      .select(['id', 'responses', 'correct_count', 'score', 'band'])
      .where('assessment_id', '=', assessmentId)
      .where('status', '=', 'submitted')
      .where('id', '>', after)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
    if (rows.length < batch) return;
  }
}

export async function setGrade(db: Executor, ids: number[], grade: { correct_count: number; score: number; band: string }) {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('attempts')
      .set(grade)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

export async function setKey(db: Executor, assessmentId: number, ordinal: number, correctIndex: number) {
  await db
    .updateTable('assessment_questions')
    .set({ correct_index: correctIndex })
    .where('assessment_id', '=', assessmentId)
    .where('ordinal', '=', ordinal)
    .execute();
}
