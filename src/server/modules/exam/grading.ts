/** Closing and grading an attempt, in the caller's transaction: on submit, at the deadline, and by the server's sweep. */
import { canonicalResponses, keyLetters } from '../../../domain/assessment/responses.ts';
import { grade } from '../../../domain/assessment/scoring.ts';
import type { SubmitKind } from '../../../domain/assessment/views.ts';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../context.ts';
import { frozenFacts, variantContent } from './content.ts';
import * as repo from './repository.ts';

/** Scores an attempt from its stored answers and writes score, band and the canonical responses. */
export async function gradeAttempt(ctx: AppContext, trx: Executor, attempt: { id: number; assessment_id: number; variant_id: number }) {
  const [answers, key, content, facts] = await Promise.all([
    repo.answersOf(trx, attempt.id), repo.keyOf(trx, attempt.assessment_id),
    variantContent(ctx.db, attempt.variant_id, trx), frozenFacts(ctx.db, attempt.assessment_id, trx),
  ]);
  const responses = canonicalResponses(content.items, new Map(answers.map((a) => [a.position, a.choice])));
  const result = grade(responses, keyLetters(key.map((k) => k.correct_index)), facts.scoring);
  await repo.updateAttempt(trx, attempt.id, { answered_count: result.answered, correct_count: result.correct, score: result.score,
    band: result.band, responses });
  return result;
}

/**
 * Closes the attempt if it is still open, then grades it. The status changes first: on PostgreSQL that row lock makes
 * every concurrent answer save either land before the answers are read or write nothing.
 */
export async function closeAndGrade(ctx: AppContext, trx: Executor, attempt: { id: number; assessment_id: number; variant_id: number },
  kind: SubmitKind, at: string, dueBefore?: string): Promise<boolean> {
  if (!(await repo.closeAttempt(trx, attempt.id, kind, at, dueBefore))) return false;
  await gradeAttempt(ctx, trx, attempt);
  await repo.recordEvent(trx, { attempt_id: attempt.id, kind: 'submit', at, detail: { kind } });
  return true;
}
