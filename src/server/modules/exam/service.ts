/** The participant's exam: the page's payload, answer saves, presence pings, submit, result. */
import type { ExamPayload, PingReply, SaveAnswersReply, SavedAnswer } from '../../../domain/assessment/views.ts';
import type { AttemptStatus } from '../../../domain/assessment/views.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/database.ts';
import { errors } from '../../errors.ts';
import { findAssessment } from '../assessments/repository.ts';
import { imagesByIds } from '../questions/repository.ts';
import { examQuestions, frozenFacts, variantContent, type AttemptFacts } from './content.ts';
import { ownAttempt } from './access.ts';
import { closeAndGrade } from './grading.ts';
import * as repo from './repository.ts';
import { attemptResult } from './result-service.ts';

export async function examPayload(ctx: AppContext, actor: Actor, attemptId: number): Promise<ExamPayload> {
  const facts = await ownAttempt(ctx, actor, attemptId);
  const [attempt, assessment, content, answers] = await Promise.all([
    repo.findAttempt(ctx.db, attemptId), findAssessment(ctx.db, facts.assessmentId),
    variantContent(ctx.db, facts.variantId), repo.answersOf(ctx.db, attemptId),
  ]);
  return {
    serverNow: ctx.clock.now().toISOString(),
    attempt: { id: attemptId, status: attempt!.status as AttemptStatus, startedAt: attempt!.started_at,
      deadlineAt: attempt!.deadline_at, variantCode: content.code },
    assessment: { id: assessment!.id, title: assessment!.title, instructions: assessment!.instructions,
      questionCount: content.questions.length, durationMin: assessment!.duration_min },
    questions: attempt!.status === 'in_progress' ? examQuestions(content, attemptId) : [],
    answers: answers.map((a) => ({ position: a.position, choice: a.choice, flagged: a.flagged === 1, seq: a.seq })),
    lastSeq: answers.reduce((max, a) => Math.max(max, a.seq), 0),
  };
}

function checkAnswers(answers: SavedAnswer[], optionCounts: number[]) {
  for (const a of answers) {
    if (a.position >= optionCounts.length) throw errors.invalid('invalid_position', `Bài làm không có câu ${a.position + 1}.`);
    if (a.choice !== null && a.choice >= optionCounts[a.position]) {
      throw errors.invalid('invalid_choice', `Câu ${a.position + 1} không có phương án thứ ${a.choice + 1}.`);
    }
  }
}

/** Why an attempt no longer takes answers, in words a participant understands. */
function closedError(attempt: repo.AttemptRow) {
  if (attempt.status === 'submitted') {
    return errors.conflict('attempt_closed', `Bài làm đã được nộp lúc ${formatDateTimeVi(attempt.submitted_at)}; câu trả lời này không được lưu.`);
  }
  if (attempt.status === 'voided') return errors.conflict('attempt_closed', 'Bài làm đã bị hủy; câu trả lời này không được lưu.');
  return errors.conflict('attempt_closed', `Đã hết giờ làm bài (${formatDateTimeVi(attempt.deadline_at)}); câu trả lời này không được lưu.`);
}

/** Writes the answers whose sequence is new; false for those refused because the attempt is closed. */
async function writeAnswers(ctx: AppContext, db: Executor, facts: AttemptFacts, answers: SavedAnswer[], now: Date) {
  const grace = (await frozenFacts(ctx.db, facts.assessmentId, db)).graceSeconds;
  const cutoff = new Date(now.getTime() - grace * 1000).toISOString();
  const at = now.toISOString();
  const unwritten: SavedAnswer[] = [];
  for (const answer of answers) {
    const written = await repo.saveAnswer(db, ctx.dialect, facts.id, facts.personId, answer, cutoff, at);
    if (written === 0) unwritten.push(answer);
  }
  if (unwritten.length === 0) return { open: true, rejected: 0 };
  // Nothing written: either a higher sequence is already stored (acknowledged), or the attempt is closed.
  const attempt = (await repo.findAttempt(db, facts.id))!;
  const open = attempt.status === 'in_progress' && attempt.deadline_at >= cutoff;
  return { open, rejected: open ? 0 : await countUnsaved(db, facts.id, unwritten), attempt };
}

/** Answers whose sequence the server does not hold (an answer saved before, whose reply was lost, is not counted). */
async function countUnsaved(db: Executor, attemptId: number, answers: SavedAnswer[]): Promise<number> {
  const stored = new Map((await repo.answersOf(db, attemptId)).map((a) => [a.position, a.seq]));
  return answers.filter((a) => (stored.get(a.position) ?? 0) < a.seq).length;
}

/** Each answer is stored at once; replays and stale sequence numbers are acknowledged without changing anything. */
export async function saveAnswers(ctx: AppContext, actor: Actor, attemptId: number, body: { answers: SavedAnswer[] }): Promise<SaveAnswersReply> {
  const facts = await ownAttempt(ctx, actor, attemptId);
  const content = await variantContent(ctx.db, facts.variantId);
  checkAnswers(body.answers, content.questions.map((q) => q.options.length));
  const now = ctx.clock.now();
  const outcome = await writeAnswers(ctx, ctx.db, facts, body.answers, now);
  if (!outcome.open) throw closedError(outcome.attempt!);
  return { saved: body.answers.map((a) => ({ position: a.position, seq: a.seq })), serverNow: now.toISOString() };
}

const SAME_CLIENT_WINDOW_MS = 45_000;

/** Presence and signals for proctors (never punishing): hidden page, another device or tab, a new address. */
export async function ping(ctx: AppContext, actor: Actor, attemptId: number,
  body: { clientId: string; hiddenCount: number; hiddenMs: number }, ip: string): Promise<PingReply> {
  const facts = await ownAttempt(ctx, actor, attemptId);
  const attempt = (await repo.findAttempt(ctx.db, facts.id))!;
  const now = ctx.clock.now();
  if (attempt.status === 'in_progress') {
    const recent = now.getTime() - Date.parse(attempt.last_seen_at) < SAME_CLIENT_WINDOW_MS;
    const secondClient = attempt.client_id !== null && attempt.client_id !== body.clientId && recent;
    const ipChanged = attempt.last_ip !== null && attempt.last_ip !== ip;
    const at = now.toISOString();
    await repo.touchAttempt(ctx.db, facts.id, { at, ip, clientId: body.clientId, hiddenCount: body.hiddenCount,
      hiddenMs: Math.min(body.hiddenMs, 24 * 3_600_000), ipChanged, secondClient });
    if (secondClient) await repo.recordEvent(ctx.db, { attempt_id: facts.id, kind: 'second_client', at, detail: { ip } });
    if (ipChanged) await repo.recordEvent(ctx.db, { attempt_id: facts.id, kind: 'ip_change', at, detail: { from: attempt.last_ip, to: ip } });
  }
  return { status: attempt.status as AttemptStatus, serverNow: now.toISOString(), deadlineAt: attempt.deadline_at };
}

/**
 * Saves the answers still queued on the device and grades, in one transaction. A submit that arrives after the deadline
 * and its grace still closes the attempt (as the server would) but its late answers are not counted. The reply is the
 * score as the review policy allows; the review of each question is read from /result.
 */
export async function submitAttempt(ctx: AppContext, actor: Actor, attemptId: number,
  body: { answers: SavedAnswer[]; kind: 'participant' | 'deadline' }) {
  const facts = await ownAttempt(ctx, actor, attemptId);
  const content = await variantContent(ctx.db, facts.variantId);
  checkAnswers(body.answers, content.questions.map((q) => q.options.length));
  const grace = (await frozenFacts(ctx.db, facts.assessmentId)).graceSeconds;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - grace * 1000).toISOString();
  const rejected = await ctx.db.transaction().execute(async (trx) => {
    const outcome = body.answers.length ? await writeAnswers(ctx, trx, facts, body.answers, now) : { open: true, rejected: 0 };
    const graded = await closeAndGrade(ctx, trx, { id: facts.id, assessment_id: facts.assessmentId, variant_id: facts.variantId },
      (deadline) => (deadline >= cutoff ? body.kind : 'server'), at);
    return graded ? outcome.rejected : countUnsaved(trx, facts.id, body.answers);
  });
  return { ...(await attemptResult(ctx, actor, attemptId, { withQuestions: false })), rejectedAnswers: rejected };
}

/** An image of the attempt's own questions. */
export async function attemptImage(ctx: AppContext, actor: Actor, attemptId: number, imageId: number) {
  const facts = await ownAttempt(ctx, actor, attemptId);
  const content = await variantContent(ctx.db, facts.variantId);
  if (!content.imageIds.has(imageId)) throw errors.notFound('image_not_found', 'ảnh');
  const image = (await imagesByIds(ctx.db, [imageId])).get(imageId)!;
  const safe = ['image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/webp'].includes(image.contentType);
  return { contentType: safe ? image.contentType : 'application/octet-stream', data: Buffer.from(image.data) };
}
