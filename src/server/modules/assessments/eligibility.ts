/** Who must take an assessment: the active people of its target subtrees, plus its invited list. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { inSubtrees } from '../../db/subtrees.ts';

/** people p ⋈ units u, restricted to the assessment's eligible people and, when given, to the scope subtrees. */
export function eligiblePeople(db: Executor, assessmentId: number, scopePaths?: string[]) {
  let q = db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .where('p.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('assessment_targets as t')
            .innerJoin('units as tu', 'tu.id', 't.unit_id')
            .select('t.unit_id')
            .where('t.assessment_id', '=', assessmentId)
            .where(sql<boolean>`u.path like tu.path || '%'`),
        ),
        eb.exists(
          eb
            .selectFrom('assessment_invitees as i')
            .select('i.person_id')
            .where('i.assessment_id', '=', assessmentId)
            .whereRef('i.person_id', '=', 'p.id'),
        ),
      ]),
    );
  if (scopePaths) {
    const paths = scopePaths;
    q = q.where(inSubtrees(paths, 'u.path'));
  }
  return q;
}

/** How many must take it: today's roster while open, the population frozen at the close afterwards (population module). */
export async function countEligible(db: Executor, assessmentId: number, scopePaths?: string[]): Promise<number> {
  const frozen = await db
    .selectFrom('assessment_population_freezes')
    .select('assessment_id')
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  const row = frozen
    ? await db
        .selectFrom('assessment_population as fp')
        .innerJoin('units as u', 'u.id', 'fp.unit_id')
        .where('fp.assessment_id', '=', assessmentId)
        .where(inSubtrees(scopePaths, 'u.path'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    : await eligiblePeople(db, assessmentId, scopePaths)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function isEligible(db: Executor, assessmentId: number, personId: number): Promise<boolean> {
  const row = await eligiblePeople(db, assessmentId).select('p.id').where('p.id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

/** Published assessments a person is eligible for. */
export function assessmentsForPerson(db: Executor, personId: number) {
  return db
    .selectFrom('assessments')
    .select([
      'assessments.id',
      'assessments.title',
      'assessments.instructions',
      'assessments.opens_at',
      'assessments.closes_at',
      'assessments.duration_min',
      'assessments.question_count',
      'assessments.attempts_allowed',
      'assessments.review_json',
      'assessments.scoring_json',
    ])
    .where('assessments.status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('assessment_invitees as i')
            .select('i.person_id')
            .whereRef('i.assessment_id', '=', 'assessments.id')
            .where('i.person_id', '=', personId),
        ),
        eb.exists(
          eb
            .selectFrom('assessment_targets as t')
            .innerJoin('units as tu', 'tu.id', 't.unit_id')
            .innerJoin('people as p', (j) => j.on('p.id', '=', personId))
            .innerJoin('units as pu', 'pu.id', 'p.unit_id')
            .select('t.unit_id')
            .whereRef('t.assessment_id', '=', 'assessments.id')
            .where('p.active', '=', 1)
            .where(sql<boolean>`pu.path like tu.path || '%'`),
        ),
      ]),
    )
    .orderBy('assessments.opens_at', 'desc')
    .execute();
}
