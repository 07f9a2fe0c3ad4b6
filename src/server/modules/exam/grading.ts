/**
 * Closing and grading an attempt, in the caller's transaction: on submit, at the deadline, and by the server's sweep.
 * Everything but the answers is already in this process (the variant, the scoring rule, the key — kept until the
 * assessment's `regraded_at` says a key correction happened), so a close is: lock the attempt (and read the
 * assessment's current policy with it), read its answers, grade in memory, one write.
 */
import { canonicalResponses } from '../../../domain/assessment/responses.ts';
import { grade, type GradeResult } from '../../../domain/assessment/scoring.ts';
import type { SubmitKind } from '../../../domain/assessment/views.ts';
import { pgPoolOf, type Executor } from '../../db/database.ts';
import type { AppContext } from '../../context.ts';
import { currentKey, frozenFacts, variantContent, type FrozenFacts, type VariantContent } from './content.ts';
import * as repo from './repository.ts';

type AttemptRef = { id: number; assessment_id: number; variant_id: number };

/** An edge server holds no key: it closes with what was answered, and the province's grade comes back with the sync. */
export type Ungraded = { answered: number; correct: null; score: null; band: null };

export type CloseOutcome =
  | { closed: true; result: GradeResult | Ungraded; kind: SubmitKind; responses: string; locked: repo.LockedAttempt }
  /** Not open any more (submitted elsewhere, voided), not overdue yet (sweep), or a deadline submit before the deadline. */
  | { closed: false; locked: repo.LockedAttempt | undefined; deadlineAhead: boolean };

type When = { dueBefore?: string; deadlineNotAfter?: string };

/** Whether the locked attempt closes now, and as what; or the outcome when it does not. */
function decide(
  locked: repo.LockedAttempt | undefined,
  kind: SubmitKind | ((deadlineAt: string) => SubmitKind),
  when: When,
): { close: true; kind: SubmitKind; locked: repo.LockedAttempt } | { close: false; outcome: CloseOutcome } {
  if (!locked || locked.status !== 'in_progress' || (when.dueBefore !== undefined && locked.deadline_at >= when.dueBefore)) {
    return { close: false, outcome: { closed: false, locked, deadlineAhead: false } };
  }
  if (when.deadlineNotAfter !== undefined && locked.deadline_at > when.deadlineNotAfter) {
    return { close: false, outcome: { closed: false, locked, deadlineAhead: true } };
  }
  return { close: true, kind: typeof kind === 'function' ? kind(locked.deadline_at) : kind, locked };
}

/** Grades the answers read under the lock, with what this process holds (the key as of the assessment's last regrade). */
async function gradeAnswers(
  answers: { position: number; choice: number | null }[],
  sources: { key: Promise<string> | null; content: Promise<VariantContent>; facts: Promise<FrozenFacts> },
): Promise<{ result: GradeResult | Ungraded; responses: string }> {
  const [key, content, facts] = await Promise.all([sources.key, sources.content, sources.facts]);
  const responses = canonicalResponses(content.items, new Map(answers.map((a) => [a.position, a.choice])));
  if (key === null) {
    const answered = [...responses].filter((r) => r !== '-').length;
    return { result: { answered, correct: null, score: null, band: null }, responses };
  }
  return { result: grade(responses, key, facts.scoring), responses };
}

/**
 * Closes the attempt if it is still open and grades it. `dueBefore` (the sweep): only if its deadline is before that;
 * `deadlineNotAfter` (a device's deadline submit): refuse while the deadline is still ahead of that instant. The sweep
 * skips attempts another transaction holds (another node sweeping it, a save or submit in flight). The attempt
 * row is locked first (FOR UPDATE on PostgreSQL; SQLite runs one transaction at a time), so every concurrent answer
 * save either lands before the answers are read or writes nothing.
 */
export async function closeAndGrade(
  ctx: AppContext,
  trx: Executor,
  attempt: AttemptRef,
  kind: SubmitKind | ((deadlineAt: string) => SubmitKind),
  at: string,
  when: When = {},
): Promise<CloseOutcome> {
  const locked = await repo.lockAttemptWithAssessment(trx, ctx.dialect, attempt.id, { skipLocked: when.dueBefore !== undefined });
  const decision = decide(locked, kind, when);
  if (!decision.close) return decision.outcome;
  const { result, responses } = await gradeAnswers(await repo.choicesOf(trx, attempt.id), {
    key: ctx.edge ? null : currentKey(ctx.db, attempt.assessment_id, decision.locked.regraded_at, trx),
    content: variantContent(ctx.db, attempt.variant_id, trx),
    facts: frozenFacts(ctx.db, attempt.assessment_id, trx),
  });
  await repo.closeAttempt(
    trx,
    ctx.dialect,
    attempt.id,
    closingChanges(decision.kind, at, result, responses),
    submitEvent(decision.kind, at),
  );
  return { closed: true, result, kind: decision.kind, responses, locked: decision.locked };
}

/**
 * closeAndGrade on PostgreSQL in two round trips instead of five: "begin; lock the attempt; read its answers" in one
 * message (each statement its own snapshot, so the read sees every save that committed before the lock was granted),
 * grading here, then "close with its event; commit" in another. The same transaction and lock, a third of the waits
 * on the connection: what a submit storm is made of. Undefined on SQLite.
 */
export async function closeAndGradeInTwoTrips(
  ctx: AppContext,
  attempt: AttemptRef,
  loaded: { content: VariantContent; facts: FrozenFacts },
  kind: SubmitKind | ((deadlineAt: string) => SubmitKind),
  at: string,
  when: When = {},
): Promise<CloseOutcome | undefined> {
  const pool = pgPoolOf(ctx.db);
  if (!pool) return undefined;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const { locked, answers } = await repo.lockAndReadAnswers(client, attempt.id);
    const decision = decide(locked, kind, when);
    if (!decision.close) {
      await client.query('rollback');
      return decision.outcome;
    }
    // Everything but the answers was loaded before the connection was taken, and a key changed by a regrade is read on
    // this same connection: waiting for a second one from the pool, every holder of one could wait for the others.
    const { result, responses } = await gradeAnswers(answers, {
      key: currentKey(ctx.db, attempt.assessment_id, decision.locked.regraded_at, () => repo.keyIndexesOn(client, attempt.assessment_id)),
      content: Promise.resolve(loaded.content),
      facts: Promise.resolve(loaded.facts),
    });
    await repo.closeAttemptAndCommit(
      client,
      attempt.id,
      closingChanges(decision.kind, at, result, responses),
      submitEvent(decision.kind, at),
    );
    return { closed: true, result, kind: decision.kind, responses, locked: decision.locked };
  } catch (err) {
    // A connection whose transaction could not be rolled back is closed instead of going back to the pool.
    if (
      !(await client.query('rollback').then(
        () => true,
        () => false,
      ))
    )
      broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
}

function closingChanges(kind: SubmitKind, at: string, result: GradeResult | Ungraded, responses: string) {
  return {
    status: 'submitted',
    submitted_at: at,
    submit_kind: kind,
    answered_count: result.answered,
    correct_count: result.correct,
    score: result.score,
    band: result.band,
    responses,
  } as const;
}

function submitEvent(kind: SubmitKind, at: string) {
  return { kind: 'submit', at, detail: JSON.stringify({ kind }) };
}
