/** The participant's exam: the page's payload, answer saves, presence pings, submit, result. */
import type { AnswerChange, ExamPayload, HeldAnswer, PingReply, SaveAnswersReply } from '../../../domain/assessment/views.ts';
import type { AttemptStatus, ClosedDetails } from '../../../domain/assessment/views.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../errors.ts';
import { imagesByIds } from '../questions/repository.ts';
import {
  examQuestions,
  frozenFacts,
  isEdgeClient,
  recentAssessment,
  rememberAttempt,
  variantContent,
  type AttemptFacts,
} from './content.ts';
import { ownAnsweringAttempt, ownAttempt, requirePerson } from './access.ts';
import { closeAndGrade, closeAndGradeInTwoTrips } from './grading.ts';
import * as repo from './repository.ts';
import { answersChanged } from './progress.ts';
import { attemptResult, resultView } from './result-service.ts';

export async function examPayload(ctx: AppContext, actor: Actor, attemptId: number): Promise<ExamPayload> {
  // The attempt's row tells whose it is (404 for anyone else) before anything of it is sent; the answers are read beside it.
  const personId = requirePerson(actor);
  const found = await repo.attemptWithAnswers(ctx.db, attemptId);
  if (!found || found.attempt.person_id !== personId) throw fail('attempt_not_found');
  const { attempt, answers } = found;
  if (isEdgeClient(attempt.client_id) && attempt.status === 'in_progress') throw fail('attempt_on_edge', {});
  const facts = { id: attempt.id, assessmentId: attempt.assessment_id, personId, variantId: attempt.variant_id };
  rememberAttempt(ctx.db, facts);
  const [assessment, content] = await Promise.all([
    recentAssessment(ctx.db, facts.assessmentId, ctx.clock.now().getTime()),
    variantContent(ctx.db, facts.variantId),
  ]);
  return {
    serverNow: ctx.clock.now().toISOString(),
    attempt: {
      id: attemptId,
      status: attempt!.status as AttemptStatus,
      startedAt: attempt!.started_at,
      deadlineAt: attempt!.deadline_at,
      variantCode: content.code,
    },
    assessment: {
      id: assessment!.id,
      title: assessment!.title,
      instructions: assessment!.instructions,
      questionCount: content.questions.length,
      durationMin: assessment!.duration_min,
    },
    questions: attempt!.status === 'in_progress' ? examQuestions(content, attemptId) : [],
    answers: answers.map(held),
  };
}

function held(a: repo.StoredAnswer): HeldAnswer {
  return { position: a.position, choice: a.choice, flagged: a.flagged === 1, version: a.version, writer: a.writer, seq: a.seq };
}

function checkAnswers(answers: AnswerChange[], optionCounts: number[]) {
  for (const a of answers) {
    if (a.position >= optionCounts.length) throw fail('invalid_position', { question: a.position + 1 });
    if (a.choice !== null && a.choice >= optionCounts[a.position]) {
      throw fail('invalid_choice', { question: a.position + 1, option: a.choice + 1 });
    }
  }
}

/** One change per position: the device's latest (a batch may carry a position twice after a merge of queues). */
function latestPerPosition(answers: AnswerChange[]): AnswerChange[] {
  const byPosition = new Map<number, AnswerChange>();
  for (const a of answers) {
    const seen = byPosition.get(a.position);
    if (!seen || seen.seq < a.seq) byPosition.set(a.position, a);
  }
  return [...byPosition.values()];
}

/** Why an attempt no longer takes answers, in words a participant understands, with what the server counted. */
async function closedError(db: Executor, attempt: repo.AttemptRow) {
  const answered = (await repo.answersOf(db, attempt.id)).filter((a) => a.choice !== null).length;
  const details: ClosedDetails = { status: attempt.status as AttemptStatus, answered };
  if (attempt.status === 'submitted') {
    return fail('attempt_closed', { why: 'submitted', at: formatDateTimeVi(attempt.submitted_at), answered }, details);
  }
  if (attempt.status === 'voided') return fail('attempt_closed', { why: 'voided' }, details);
  return fail('attempt_closed', { why: 'expired', at: formatDateTimeVi(attempt.deadline_at), answered }, details);
}

interface WriteOutcome {
  /** The attempt still takes answers. */
  open: boolean;
  /** What the server holds for every position sent. */
  held: HeldAnswer[];
  /** Sent changes the server does not hold because another device's change came first. */
  superseded: number;
  /** Sent changes the server does not hold because the attempt is closed. */
  rejected: number;
  attempt?: repo.AttemptRow;
}

/** Stores the changes that are newer than what the server holds, and reads back what it holds for the rest. */
async function writeAnswers(
  ctx: AppContext,
  db: Executor,
  facts: AttemptFacts,
  writer: string,
  sent: AnswerChange[],
  now: Date,
): Promise<WriteOutcome> {
  const answers = latestPerPosition(sent);
  const grace = (await frozenFacts(ctx.db, facts.assessmentId, db)).graceSeconds;
  const cutoff = new Date(now.getTime() - grace * 1000).toISOString();
  const stored = await repo.saveAnswers(
    db,
    ctx.dialect,
    { attemptId: facts.id, personId: facts.personId, writer },
    answers,
    cutoff,
    now.toISOString(),
  );
  if (stored.size > 0) answersChanged(ctx.db, facts.id);
  const unwritten = answers.filter((a) => !stored.has(a.position));
  if (unwritten.length === 0) {
    // The usual case: every change stored, and the statement said with which version.
    const heldAnswers = answers.map((a) => ({
      position: a.position,
      choice: a.choice,
      flagged: a.flagged,
      version: stored.get(a.position)!,
      writer,
      seq: a.seq,
    }));
    return { open: true, held: heldAnswers, superseded: 0, rejected: 0 };
  }
  const current = new Map(
    (
      await repo.answersOf(
        db,
        facts.id,
        answers.map((a) => a.position),
      )
    ).map((a) => [a.position, held(a)]),
  );
  const heldAnswers = answers.map((a) => current.get(a.position)).filter((a): a is HeldAnswer => a !== undefined);
  const isMine = (a: AnswerChange) => {
    const h = current.get(a.position);
    return h !== undefined && h.writer === writer && h.seq >= a.seq;
  };
  if (stored.size > 0) {
    return { open: true, held: heldAnswers, superseded: unwritten.filter((a) => !isMine(a)).length, rejected: 0 };
  }
  // Nothing written: each change was superseded (or was a replay), or the attempt is closed.
  const attempt = (await repo.findAttempt(db, facts.id))!;
  const open = attempt.status === 'in_progress' && attempt.deadline_at >= cutoff;
  const notHeld = unwritten.filter((a) => !isMine(a)).length;
  return { open, held: heldAnswers, superseded: open ? notHeld : 0, rejected: open ? 0 : notHeld, attempt };
}

/**
 * Stores each change that is newer than what the server holds, and answers what the server holds for every position
 * sent: the device keeps a change as saved only when the server holds it.
 */
export async function saveAnswers(
  ctx: AppContext,
  actor: Actor,
  attemptId: number,
  body: { deviceId: string; answers: AnswerChange[] },
): Promise<SaveAnswersReply> {
  const facts = await ownAnsweringAttempt(ctx, actor, attemptId);
  const content = await variantContent(ctx.db, facts.variantId);
  checkAnswers(
    body.answers,
    content.questions.map((q) => q.options.length),
  );
  const now = ctx.clock.now();
  const outcome = await writeAnswers(ctx, ctx.db, facts, body.deviceId, body.answers, now);
  if (!outcome.open) throw await closedError(ctx.db, outcome.attempt!);
  return { held: outcome.held, serverNow: now.toISOString() };
}

const SAME_CLIENT_WINDOW_MS = 45_000;

/** Presence and signals for proctors (never punishing): hidden page, another device or tab, a new address. */
export async function ping(
  ctx: AppContext,
  actor: Actor,
  attemptId: number,
  body: { clientId: string; hiddenCount: number; hiddenMs: number; known: number },
  ip: string,
): Promise<PingReply> {
  const facts = await ownAnsweringAttempt(ctx, actor, attemptId);
  const attempt = (await repo.findAttempt(ctx.db, facts.id))!;
  const now = ctx.clock.now();
  const recent = now.getTime() - Date.parse(attempt.last_seen_at) < SAME_CLIENT_WINDOW_MS;
  const secondClient = attempt.client_id !== null && attempt.client_id !== body.clientId && recent;
  const reply: PingReply = {
    status: attempt.status as AttemptStatus,
    serverNow: now.toISOString(),
    deadlineAt: attempt.deadline_at,
    otherDeviceActive: secondClient,
  };
  if (attempt.status === 'in_progress') {
    const ipChanged = attempt.last_ip !== null && attempt.last_ip !== ip;
    const at = now.toISOString();
    const summary = await repo.answersSummary(ctx.db, facts.id);
    await repo.touchAttempt(ctx.db, facts.id, {
      at,
      ip,
      clientId: body.clientId,
      answered: summary.answered,
      hiddenCount: body.hiddenCount,
      hiddenMs: Math.min(body.hiddenMs, 24 * 3_600_000),
      ipChanged,
      secondClient,
    });
    if (secondClient) await repo.recordEvent(ctx.db, { attempt_id: facts.id, kind: 'second_client', at, detail: { ip } });
    if (ipChanged)
      await repo.recordEvent(ctx.db, { attempt_id: facts.id, kind: 'ip_change', at, detail: { from: attempt.last_ip, to: ip } });
    // Another device changed an answer (or this one missed a reply): the device gets every answer to converge to.
    if (summary.fingerprint !== body.known) reply.answers = (await repo.answersOf(ctx.db, facts.id)).map(held);
  }
  return reply;
}

/**
 * Saves the answers still queued on the device and grades, in one transaction. A submit that arrives after the deadline
 * and its grace still closes the attempt (as the server would) but its late answers are not counted. A deadline submit
 * before the server's deadline (a device clock that jumped) keeps its answers and closes nothing. The reply is the
 * score as the review policy allows, built from what the transaction read and wrote; the review of each question is
 * read from /result.
 */
export async function submitAttempt(
  ctx: AppContext,
  actor: Actor,
  attemptId: number,
  body: { deviceId: string; answers: AnswerChange[]; kind: 'participant' | 'deadline' },
) {
  const facts = await ownAnsweringAttempt(ctx, actor, attemptId);
  const content = await variantContent(ctx.db, facts.variantId);
  checkAnswers(
    body.answers,
    content.questions.map((q) => q.options.length),
  );
  const frozen = await frozenFacts(ctx.db, facts.assessmentId);
  const grace = frozen.graceSeconds;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - grace * 1000).toISOString();
  const ref = { id: facts.id, assessment_id: facts.assessmentId, variant_id: facts.variantId };
  const kindAt = (deadline: string) => (deadline >= cutoff ? body.kind : 'server');
  const when = body.kind === 'deadline' ? { deadlineNotAfter: at } : {};
  // Nothing left in the device's queue (the usual submit): on PostgreSQL, two round trips instead of five.
  const quick =
    body.answers.length === 0 ? await closeAndGradeInTwoTrips(ctx, ref, { content, facts: frozen }, kindAt, at, when) : undefined;
  const outcome = quick
    ? { superseded: 0, rejected: 0, close: quick }
    : await ctx.db.transaction().execute(async (trx) => {
        const written = body.answers.length
          ? await writeAnswers(ctx, trx, facts, body.deviceId, body.answers, now)
          : { superseded: 0, rejected: 0 };
        const close = await closeAndGrade(ctx, trx, ref, kindAt, at, when);
        return { ...written, close };
      });
  const { close } = outcome;
  if (!close.closed && close.deadlineAhead) {
    throw fail(
      'deadline_not_reached',
      { deadline: formatDateTimeVi(close.locked!.deadline_at) },
      { serverNow: at, deadlineAt: close.locked!.deadline_at },
    );
  }
  const extra = { rejectedAnswers: outcome.rejected, supersededAnswers: outcome.superseded };
  // Closed elsewhere meanwhile (another device, the sweep, a proctor): what the database holds now.
  if (!close.closed) return { ...(await attemptResult(ctx, actor, attemptId, { withQuestions: false })), ...extra };
  const { result, locked } = close;
  const view = await resultView(
    ctx,
    facts,
    {
      attempt: {
        status: 'submitted',
        submitted_at: at,
        submit_kind: close.kind,
        answered_count: result.answered,
        score: result.score,
        correct_count: result.correct,
        band: result.band,
        responses: close.responses,
      },
      assessment: { id: facts.assessmentId, title: locked.title, review_json: locked.review_json, closes_at: locked.closes_at },
    },
    { withQuestions: false },
  );
  return { ...view, ...extra };
}

/** An image of the attempt's own questions. */
export async function attemptImage(ctx: AppContext, actor: Actor, attemptId: number, imageId: number) {
  const facts = await ownAttempt(ctx, actor, attemptId);
  const content = await variantContent(ctx.db, facts.variantId);
  if (!content.imageIds.has(imageId)) throw fail('image_not_found');
  const image = (await imagesByIds(ctx.db, [imageId])).get(imageId)!;
  const safe = ['image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/webp'].includes(image.contentType);
  return { contentType: safe ? image.contentType : 'application/octet-stream', data: Buffer.from(image.data) };
}
