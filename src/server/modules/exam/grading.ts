/**
 * Closing and grading an attempt, in the caller's transaction: on submit, at the deadline, and by the server's sweep.
 * Everything but the answers is already in this process (the variant, the scoring rule, the key — kept until the
 * assessment's `regraded_at` says a key correction happened), so a close is: lock the attempt (and read the
 * assessment's current policy with it), read its answers, grade in memory, one write.
 */
import { canonicalResponses } from '../../../domain/assessment/responses.ts';
import { grade, type GradeResult } from '../../../domain/assessment/scoring.ts';
import type { SubmitKind } from '../../../domain/assessment/views.ts';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../context.ts';
import { currentKey, frozenFacts, variantContent } from './content.ts';
import * as repo from './repository.ts';

type AttemptRef = { id: number; assessment_id: number; variant_id: number };

export type CloseOutcome =
  | { closed: true; result: GradeResult; kind: SubmitKind; responses: string; locked: repo.LockedAttempt }
  /** Not open any more (submitted elsewhere, voided), not overdue yet (sweep), or a deadline submit before the deadline. */
  | { closed: false; locked: repo.LockedAttempt | undefined; deadlineAhead: boolean };

/**
 * Closes the attempt if it is still open and grades it. `dueBefore` (the sweep): only if its deadline is before that;
 * `deadlineNotAfter` (a device's deadline submit): refuse while the deadline is still ahead of that instant. The sweep
 * skips attempts another transaction holds (another node sweeping it, a save or submit in flight). The attempt
 * row is locked first (FOR UPDATE on PostgreSQL; SQLite runs one transaction at a time), so every concurrent answer
 * save either lands before the answers are read or writes nothing.
 */
export async function closeAndGrade(ctx: AppContext, trx: Executor, attempt: AttemptRef,
  kind: SubmitKind | ((deadlineAt: string) => SubmitKind), at: string,
  when: { dueBefore?: string; deadlineNotAfter?: string } = {}): Promise<CloseOutcome> {
  const locked = await repo.lockAttemptWithAssessment(trx, ctx.dialect, attempt.id, { skipLocked: when.dueBefore !== undefined });
  if (!locked || locked.status !== 'in_progress' || (when.dueBefore !== undefined && locked.deadline_at >= when.dueBefore)) {
    return { closed: false, locked, deadlineAhead: false };
  }
  if (when.deadlineNotAfter !== undefined && locked.deadline_at > when.deadlineNotAfter) return { closed: false, locked, deadlineAhead: true };
  const submitKind = typeof kind === 'function' ? kind(locked.deadline_at) : kind;
  const [answers, key, content, facts] = await Promise.all([
    repo.choicesOf(trx, attempt.id), currentKey(ctx.db, attempt.assessment_id, locked.regraded_at, trx),
    variantContent(ctx.db, attempt.variant_id, trx), frozenFacts(ctx.db, attempt.assessment_id, trx),
  ]);
  const responses = canonicalResponses(content.items, new Map(answers.map((a) => [a.position, a.choice])));
  const result = grade(responses, key, facts.scoring);
  await repo.closeAttempt(trx, ctx.dialect, attempt.id, { status: 'submitted', submitted_at: at, submit_kind: submitKind,
    answered_count: result.answered, correct_count: result.correct, score: result.score, band: result.band, responses },
  { kind: 'submit', at, detail: JSON.stringify({ kind: submitKind }) });
  return { closed: true, result, kind: submitKind, responses, locked };
}
