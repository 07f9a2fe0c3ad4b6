/** What a participant sees of their own attempt, as the assessment's review policy allows. */
import { displayKey } from '../../../domain/assessment/assemble.ts';
import { displayChoices } from '../../../domain/assessment/responses.ts';
import { visibleParts } from '../../../domain/assessment/review.ts';
import type { AttemptResult, AttemptStatus, SubmitKind } from '../../../domain/assessment/views.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { findAssessment } from '../assessments/repository.ts';
import { reviewOf } from '../assessments/input.ts';
import { keySealed } from '../assessments/key-access.ts';
import { ownAttempt } from './access.ts';
import { variantContent, type AttemptFacts } from './content.ts';
import * as repo from './repository.ts';

/** What the result is made of: the attempt's outcome and its assessment's current policy and window. */
export interface ResultParts {
  attempt: Pick<
    repo.AttemptRow,
    'status' | 'submitted_at' | 'submit_kind' | 'answered_count' | 'score' | 'correct_count' | 'band' | 'responses'
  >;
  assessment: { id: number; title: string; review_json: string; closes_at: string };
}

/** With `withQuestions: false` (the submit's reply) the per-question review is left for the result page to fetch. */
export async function attemptResult(
  ctx: AppContext,
  actor: Actor,
  attemptId: number,
  options = { withQuestions: true },
): Promise<AttemptResult> {
  const facts = await ownAttempt(ctx, actor, attemptId);
  const [attempt, assessment] = await Promise.all([repo.findAttempt(ctx.db, attemptId), findAssessment(ctx.db, facts.assessmentId)]);
  return resultView(ctx, facts, { attempt: attempt!, assessment: assessment! }, options);
}

/** The result from parts already read (the submit has them from its own transaction). */
export async function resultView(
  ctx: AppContext,
  facts: AttemptFacts,
  parts: ResultParts,
  options = { withQuestions: true },
): Promise<AttemptResult> {
  const { attempt: a, assessment } = parts;
  const content = await variantContent(ctx.db, facts.variantId);
  const policy = reviewOf(assessment);
  // "After close" waits for extended or reopened attempts too: until then someone may still be answering.
  const windowClosed = !(await keySealed(ctx, assessment));
  const visible = visibleParts(policy, { submitted: a.status === 'submitted', windowClosed });
  // An edge has no key to show (every correct index there is NO_KEY).
  const show = ctx.edge ? { ...visible, key: false } : visible;
  let questions: AttemptResult['questions'] = null;
  if (options.withQuestions && a.status === 'submitted' && (show.answers || show.key)) {
    const key = show.key
      ? displayKey(
          content.items,
          (await repo.keyOf(ctx.db, facts.assessmentId)).map((k) => k.correct_index),
        )
      : null;
    const choices = show.answers && a.responses ? displayChoices(content.items, a.responses) : null;
    questions = content.questions.map((q, position) => ({
      position,
      stem: q.stem,
      stemRich: q.stemRich,
      options: q.options.map((o) => o.text),
      choice: choices ? choices[position] : null,
      correct: key ? key[position] : null,
    }));
  }
  const hiddenUntil = a.status === 'submitted' && !show.score && policy.score === 'after_close' ? assessment.closes_at : null;
  return {
    attemptId: facts.id,
    assessmentTitle: assessment.title,
    status: a.status as AttemptStatus,
    submittedAt: a.submitted_at,
    submitKind: a.submit_kind as SubmitKind | null,
    total: content.questions.length,
    answered: a.answered_count,
    score: show.score ? a.score : null,
    correct: show.score ? a.correct_count : null,
    band: show.score ? a.band : null,
    scoreVisibleFrom: hiddenUntil,
    questions,
    reviewAvailable: a.status === 'submitted' && (show.answers || show.key),
    ...(ctx.edge && a.status === 'submitted' && a.score === null ? await edgeSyncState(ctx, facts.id) : {}),
  };
}

/** On an edge, a submitted attempt without a score waits for the province, unless the province refused it. */
async function edgeSyncState(ctx: AppContext, attemptId: number) {
  return (await repo.hasEvent(ctx.db, attemptId, 'edge_refused')) ? { refusedByProvince: true } : { awaitingSync: true };
}
