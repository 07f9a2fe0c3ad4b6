/** The results table of an assessment, one attempt in full for staff, and each person's history across the years. */
import { displayKey } from '../../../domain/assessment/assemble.ts';
import { displayChoices } from '../../../domain/assessment/responses.ts';
import { visibleParts, type ReviewPolicy } from '../../../domain/assessment/review.ts';
import { can, type Actor } from '../../../domain/roles.ts';
import { fold } from '../../../domain/text.ts';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { assessmentForActor } from '../assessments/service.ts';
import { attemptWithUnit } from '../assessments/monitor-repository.ts';
import { findAssessment } from '../assessments/repository.ts';
import { findUnitById } from '../units/repository.ts';
import { findPersonRow } from '../people/repository.ts';
import { variantContent } from '../exam/content.ts';
import { answersOf, findAttempt, keyOf } from '../exam/repository.ts';
import { requirePerson } from '../exam/access.ts';
import * as repo from './repository.ts';
import type { ResultsQuery } from './schemas.ts';

const secondsBetween = (from: string | null, to: string | null) => (from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 1000) : null);

export async function listResults(ctx: AppContext, actor: Actor, assessmentId: number, query: ResultsQuery) {
  const { manages, scopes } = await assessmentForActor(ctx.db, actor, assessmentId, 'monitor');
  let unitPath: string | undefined;
  if (query.unitId !== undefined) {
    const unit = await findUnitById(ctx.db, query.unitId);
    if (!unit || (!manages && !can(actor, 'assessment.monitor', unit.path))) throw errors.unitNotFound();
    unitPath = unit.path;
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const { rows, total } = await repo.resultsPage(ctx.db, {
    assessmentId, scopePaths: manages ? undefined : scopes, unitPath, schoolLevel: query.schoolLevel, position: query.position,
    partyMember: query.partyMember, band: query.band, variantCode: query.variant,
    words: query.q ? fold(query.q).split(' ').filter(Boolean) : undefined,
  }, query.sort ?? 'name', query.order ?? (query.sort === 'score' ? 'desc' : 'asc'), { offset: (page - 1) * pageSize, limit: pageSize });
  return {
    total, page, pageSize,
    items: rows.map((r) => ({
      attemptId: r.attempt_id, personId: r.person_id, fullName: r.full_name, unitId: r.unit_id, unitName: r.unit_name,
      schoolLevel: r.school_level, position: r.position, partyMember: r.party_member === 1, variantCode: r.variant_code,
      correct: r.correct_count, answered: r.answered_count, score: r.score, band: r.band, submittedAt: r.submitted_at,
      submitKind: r.submit_kind, secondsUsed: secondsBetween(r.started_at, r.submitted_at),
      signals: { hiddenCount: r.blur_count, ipChanges: r.ip_changes, secondClient: r.second_client_count },
    })),
  };
}

/** One attempt for staff of its person's subtree: every answer against the current key, time, signals, audit trail. */
export async function attemptDetail(ctx: AppContext, actor: Actor, attemptId: number) {
  const head = await attemptWithUnit(ctx.db, attemptId);
  if (!head || !can(actor, 'assessment.monitor', head.unit_path)) throw errors.notFound('attempt_not_found', 'bài làm');
  const [attempt, assessment, content, key, answers, events] = await Promise.all([
    findAttempt(ctx.db, attemptId), findAssessment(ctx.db, head.assessment_id), variantContent(ctx.db, head.variant_id),
    keyOf(ctx.db, head.assessment_id), answersOf(ctx.db, attemptId), repo.eventsOf(ctx.db, attemptId),
  ]);
  const a = attempt!;
  const correct = displayKey(content.items, key.map((k) => k.correct_index));
  const saved = new Map(answers.map((x) => [x.position, x]));
  const choices = a.responses ? displayChoices(content.items, a.responses) : content.items.map((_, p) => saved.get(p)?.choice ?? null);
  return {
    attemptId, status: a.status, assessment: { id: assessment!.id, title: assessment!.title },
    person: { id: head.person_id, fullName: head.full_name, unitName: (await findUnitById(ctx.db, head.unit_id))?.name ?? '' },
    variantCode: content.code, startedAt: a.started_at, deadlineAt: a.deadline_at, submittedAt: a.submitted_at, submitKind: a.submit_kind,
    secondsUsed: secondsBetween(a.started_at, a.submitted_at), score: a.score, band: a.band, correct: a.correct_count,
    answered: a.answered_count, voidReason: a.void_reason,
    signals: { hiddenCount: a.blur_count, hiddenMs: a.blur_ms, ipChanges: a.ip_changes, secondClient: a.second_client_count, lastIp: a.last_ip },
    questions: content.questions.map((q, position) => ({
      position, stem: q.stem, stemRich: q.stemRich, options: q.options.map((o) => o.text), choice: choices[position],
      correct: correct[position], flagged: saved.get(position)?.flagged === 1,
    })),
    events: events.map((e) => ({ kind: e.kind, at: e.at, actor: e.actor, detail: e.detail ? JSON.parse(e.detail) as unknown : null })),
  };
}

function historyRows(rows: Awaited<ReturnType<typeof repo.historyOf>>, now: number, forStaff: boolean) {
  return rows.map((r) => {
    const show = forStaff ? { score: true } : visibleParts(JSON.parse(r.review_json) as ReviewPolicy,
      { submitted: r.status === 'submitted', windowClosed: now >= Date.parse(r.closes_at) });
    return {
      attemptId: r.id, assessmentId: r.assessment_id, title: r.title, organiser: r.organiser, year: new Date(r.opens_at).getUTCFullYear(),
      status: r.status, submittedAt: r.submitted_at, questionCount: r.question_count,
      score: show.score ? r.score : null, band: show.score ? r.band : null, correct: show.score ? r.correct_count : null,
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
  if (!person || !can(actor, 'assessment.monitor', person.unit_path)) throw errors.personNotFound();
  return { fullName: person.full_name, unitName: person.unit_name,
    items: historyRows(await repo.historyOf(ctx.db, personId), ctx.clock.now().getTime(), true) };
}


