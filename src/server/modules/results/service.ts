/** The results table of an assessment, one attempt in full for staff, and each person's history across the years. */
import { displayKey } from '../../../domain/assessment/assemble.ts';
import { displayChoices } from '../../../domain/assessment/responses.ts';
import { visibleParts, type ReviewPolicy } from '../../../domain/assessment/review.ts';
import { can, type Actor } from '../../../domain/roles.ts';
import { fold } from '../../../domain/text.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { assessmentForActor } from '../assessments/service.ts';
import { attemptWithUnit } from '../assessments/monitor-repository.ts';
import { findAssessment } from '../assessments/repository.ts';
import { findUnitById } from '../units/repository.ts';
import { findPersonRow } from '../people/repository.ts';
import { variantContent } from '../exam/content.ts';
import { answersOf, findAttempt, keyOf } from '../exam/repository.ts';
import { reviewOf } from '../assessments/input.ts';
import { keySealed, SEALED_MESSAGE, staffMaySeeKey } from '../assessments/key-access.ts';
import { recordAudit } from '../audit/repository.ts';
import { requirePerson } from '../exam/access.ts';
import * as repo from './repository.ts';
import type { ResultsQuery } from './schemas.ts';

const secondsBetween = (from: string | null, to: string | null) =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 1000) : null;

export async function listResults(ctx: AppContext, actor: Actor, assessmentId: number, query: ResultsQuery) {
  const { row, manages, scopes } = await assessmentForActor(ctx.db, actor, assessmentId, 'monitor');
  let unitPath: string | undefined;
  if (query.unitId !== undefined) {
    const unit = await findUnitById(ctx.db, query.unitId);
    if (!unit || (!manages && !can(actor, 'assessment.monitor', unit.path))) throw fail('unit_not_found');
    unitPath = unit.path;
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const { rows, total } = await repo.resultsPage(
    ctx.db,
    {
      assessmentId,
      scopePaths: manages ? undefined : scopes,
      unitPath,
      schoolLevel: query.schoolLevel,
      position: query.position,
      partyMember: query.partyMember,
      band: query.band,
      variantCode: query.variant,
      words: query.q ? fold(query.q).split(' ').filter(Boolean) : undefined,
    },
    query.sort ?? 'name',
    query.order ?? (query.sort === 'score' ? 'desc' : 'asc'),
    { offset: (page - 1) * pageSize, limit: pageSize },
  );
  // The reader's own row shows what the review policy shows them as a participant.
  const ownScore =
    rows.some((r) => r.person_id === actor.personId)
    && visibleParts(reviewOf(row), { submitted: true, windowClosed: !(await keySealed(ctx, row)) }).score;
  return {
    total,
    page,
    pageSize,
    items: rows.map((r) =>
      r.person_id === actor.personId && !ownScore ? { ...resultItem(r), correct: null, score: null, band: null } : resultItem(r),
    ),
  };
}

function resultItem(r: Awaited<ReturnType<typeof repo.resultsPage>>['rows'][number]) {
  return {
    attemptId: r.attempt_id,
    personId: r.person_id,
    fullName: r.full_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    schoolLevel: r.school_level,
    position: r.position,
    partyMember: r.party_member === 1,
    variantCode: r.variant_code,
    correct: r.correct_count,
    answered: r.answered_count,
    score: r.score,
    band: r.band,
    submittedAt: r.submitted_at,
    submitKind: r.submit_kind,
    secondsUsed: secondsBetween(r.started_at, r.submitted_at),
    signals: { hiddenCount: r.blur_count, ipChanges: r.ip_changes, secondClient: r.second_client_count },
  };
}

/**
 * One attempt for staff of its person's subtree: time, signals, audit trail and, when the key may be seen
 * (key-access.ts), every answer against the current key. Reading someone else's attempt is audited; one's own attempt
 * shows what the review policy allows, whatever roles the reader holds.
 */
export async function attemptDetail(ctx: AppContext, actor: Actor, attemptId: number) {
  const head = await attemptWithUnit(ctx.db, attemptId);
  if (!head || !can(actor, 'assessment.monitor', head.unit_path)) throw fail('attempt_not_found');
  const [attempt, assessment, content, answers, events] = await Promise.all([
    findAttempt(ctx.db, attemptId),
    findAssessment(ctx.db, head.assessment_id),
    variantContent(ctx.db, head.variant_id),
    answersOf(ctx.db, attemptId),
    repo.eventsOf(ctx.db, attemptId),
  ]);
  const a = attempt!;
  const s = assessment!;
  const own = actor.personId !== null && actor.personId === head.person_id;
  const submitted = a.status === 'submitted';
  let view: { score: boolean; answers: boolean; key: boolean };
  if (own) {
    view = visibleParts(reviewOf(s), { submitted, windowClosed: !(await keySealed(ctx, s)) });
  } else {
    const open = await staffMaySeeKey(ctx, actor, s);
    view = { score: true, answers: open, key: open && a.status !== 'in_progress' };
    await recordAudit(ctx.db, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'attempt.read',
      entityType: 'attempt',
      entityId: attemptId,
      unitId: head.unit_id,
      details: { assessmentId: s.id, personId: head.person_id, status: a.status, key: view.key },
      summary: `Xem bài làm của ${head.full_name} — "${s.title}"${view.key ? ' (có đáp án)' : ''}`,
    });
  }
  const showQuestions = view.answers || view.key;
  const key = view.key
    ? displayKey(
        content.items,
        (await keyOf(ctx.db, s.id)).map((k) => k.correct_index),
      )
    : null;
  const saved = new Map(answers.map((x) => [x.position, x]));
  const choices = !view.answers
    ? null
    : a.responses
      ? displayChoices(content.items, a.responses)
      : content.items.map((_, p) => saved.get(p)?.choice ?? null);
  return {
    attemptId,
    status: a.status,
    assessment: { id: s.id, title: s.title },
    person: { id: head.person_id, fullName: head.full_name, unitName: (await findUnitById(ctx.db, head.unit_id))?.name ?? '' },
    variantCode: content.code,
    startedAt: a.started_at,
    deadlineAt: a.deadline_at,
    submittedAt: a.submitted_at,
    submitKind: a.submit_kind,
    secondsUsed: secondsBetween(a.started_at, a.submitted_at),
    score: view.score ? a.score : null,
    band: view.score ? a.band : null,
    correct: view.score ? a.correct_count : null,
    answered: a.answered_count,
    voidReason: a.void_reason,
    questionCount: content.questions.length,
    signals: {
      hiddenCount: a.blur_count,
      hiddenMs: a.blur_ms,
      ipChanges: a.ip_changes,
      secondClient: a.second_client_count,
      lastIp: a.last_ip,
    },
    review: { answers: view.answers, key: view.key, note: showQuestions && view.key ? null : reviewNote(own, a.status, showQuestions) },
    questions: !showQuestions
      ? []
      : content.questions.map((q, position) => ({
          position,
          stem: q.stem,
          stemRich: q.stemRich,
          options: q.options.map((o) => o.text),
          choice: choices ? choices[position] : null,
          correct: key ? key[position] : null,
          flagged: saved.get(position)?.flagged === 1,
        })),
    events: events.map((e) => ({
      kind: e.kind,
      at: e.at,
      actor: e.actor,
      detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
    })),
  };
}

function reviewNote(own: boolean, status: string, showQuestions: boolean): string {
  if (own) return 'Đây là bài làm của chính bạn: phần xem lại theo quy định xem lại của bài khảo sát, như mọi người làm bài.';
  if (status === 'in_progress' && showQuestions) return 'Bài đang làm: đáp án không hiển thị cho đến khi bài được nộp.';
  return SEALED_MESSAGE;
}

function historyRows(rows: Awaited<ReturnType<typeof repo.historyOf>>, now: number, forStaff: boolean) {
  return rows.map((r) => {
    const show = forStaff
      ? { score: true }
      : visibleParts(JSON.parse(r.review_json) as ReviewPolicy, {
          submitted: r.status === 'submitted',
          windowClosed: now >= Date.parse(r.closes_at),
        });
    return {
      attemptId: r.id,
      assessmentId: r.assessment_id,
      title: r.title,
      organiser: r.organiser,
      year: new Date(r.opens_at).getUTCFullYear(),
      status: r.status,
      submittedAt: r.submitted_at,
      questionCount: r.question_count,
      score: show.score ? r.score : null,
      band: show.score ? r.band : null,
      correct: show.score ? r.correct_count : null,
    };
  });
}

export async function myHistory(ctx: AppContext, actor: Actor) {
  const personId = requirePerson(actor);
  return { items: historyRows(await repo.historyOf(ctx.db, personId), ctx.clock.now().getTime(), false) };
}

/** A person's results for the yearly evaluation, for staff whose subtree holds the person. */
export async function personHistory(ctx: AppContext, actor: Actor, personId: number) {
  const person = await findPersonRow(ctx.db, personId);
  if (!person || !can(actor, 'assessment.monitor', person.unit_path)) throw fail('person_not_found');
  return {
    fullName: person.full_name,
    unitName: person.unit_name,
    items: historyRows(await repo.historyOf(ctx.db, personId), ctx.clock.now().getTime(), person.id !== actor.personId),
  };
}
