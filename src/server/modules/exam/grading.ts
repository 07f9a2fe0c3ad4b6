/** Closing and grading an attempt, in the caller's transaction: on submit, at the deadline, and by the server's sweep. */
import { canonicalResponses, keyLetters } from '../../../domain/assessment/responses.ts';
import { grade, type GradeResult } from '../../../domain/assessment/scoring.ts';
import type { SubmitKind } from '../../../domain/assessment/views.ts';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../context.ts';
import { frozenFacts, variantContent } from './content.ts';
import * as repo from './repository.ts';

type AttemptRef = { id: number; assessment_id: number; variant_id: number };

/** Scores answers (display position → display choice) on the canonical questions against the current key. */
async function scoreAnswers(ctx: AppContext, trx: Executor, attempt: AttemptRef) {
  const [answers, key, content, facts] = await Promise.all([
    repo.answersOf(trx, attempt.id), repo.keyOf(trx, attempt.assessment_id),
    variantContent(ctx.db, attempt.variant_id, trx), frozenFacts(ctx.db, attempt.assessment_id, trx),
  ]);
  const responses = canonicalResponses(content.items, new Map(answers.map((a) => [a.position, a.choice])));
  return { responses, result: grade(responses, keyLetters(key.map((k) => k.correct_index)), facts.scoring) };
}

/**
 * Closes the attempt if it is still open (and, with `dueBefore`, still overdue) and grades it, with one write. The
 * attempt row is locked first (FOR UPDATE on PostgreSQL; SQLite runs one transaction at a time), so every concurrent
 * answer save either lands before the answers are read or writes nothing. Null when it was no longer open.
 */
export async function closeAndGrade(ctx: AppContext, trx: Executor, attempt: AttemptRef,
  kind: SubmitKind | ((deadlineAt: string) => SubmitKind), at: string, dueBefore?: string): Promise<GradeResult | null> {
  const open = await repo.lockAttempt(trx, ctx.dialect, attempt.id);
  if (!open || open.status !== 'in_progress' || (dueBefore !== undefined && open.deadline_at >= dueBefore)) return null;
  const submitKind = typeof kind === 'function' ? kind(open.deadline_at) : kind;
  const { responses, result } = await scoreAnswers(ctx, trx, attempt);
  await repo.updateAttempt(trx, attempt.id, { status: 'submitted', submitted_at: at, submit_kind: submitKind,
    answered_count: result.answered, correct_count: result.correct, score: result.score, band: result.band, responses });
  await repo.recordEvent(trx, { attempt_id: attempt.id, kind: 'submit', at, detail: { kind: submitKind } });
  return result;
}
