/** A participant's list of assessments and the start (or resumption) of an attempt. */
import { buildVariant } from '../../../domain/assessment/assemble.ts';
import { visibleParts, type ReviewPolicy } from '../../../domain/assessment/review.ts';
import type { AttemptStatus, MyAssessment, MyAssessmentState } from '../../../domain/assessment/views.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../errors.ts';
import { assessmentsForPerson } from '../assessments/eligibility.ts';
import { findVariantByCode, insertVariant } from '../assessments/repository.ts';
import { frozenFacts, frozenOf, recentAssessment, rememberAttempt, sharedVariantIds } from './content.ts';
import * as repo from './repository.ts';
import { requirePerson } from './access.ts';
import { missingRequiredAttendance } from '../attendance/repository.ts';
import { seededRandom } from '../../../domain/assessment/random.ts';
import { attemptDeadline, effectiveExtraMinutes } from '../../../domain/assessment/extra-time.ts';

function stateOf(now: number, opens: number, closes: number, attempts: repo.AttemptRow[]): MyAssessmentState {
  if (attempts.some((a) => a.status === 'in_progress')) return 'in_progress';
  if (now < opens) return 'upcoming';
  if (attempts.some((a) => a.status === 'submitted')) return 'submitted';
  return now >= closes ? 'missed' : 'open';
}

export async function myAssessments(ctx: AppContext, actor: Actor): Promise<{ items: MyAssessment[]; serverNow: string }> {
  const personId = requirePerson(actor);
  const [rows, attempts, extra] = await Promise.all([
    assessmentsForPerson(ctx.db, personId),
    repo.attemptsByPerson(ctx.db, personId),
    repo.extraTimeOfPerson(ctx.db, personId),
  ]);
  const now = ctx.clock.now().getTime();
  const items = rows.map((row): MyAssessment => {
    const mine = attempts.filter((a) => a.assessment_id === row.id);
    const used = mine.filter((a) => a.status !== 'voided').length;
    const left = Math.max(0, row.attempts_allowed - used);
    const latest = [...mine].reverse().find((a) => a.status !== 'voided') ?? null;
    const closes = Date.parse(row.closes_at);
    const show = latest
      ? visibleParts(JSON.parse(row.review_json) as ReviewPolicy, { submitted: latest.status === 'submitted', windowClosed: now >= closes })
      : null;
    return {
      id: row.id,
      title: row.title,
      instructions: row.instructions,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      durationMin: row.duration_min,
      questionCount: row.question_count,
      state: stateOf(now, Date.parse(row.opens_at), closes, mine),
      attemptsLeft: now < closes ? left : 0,
      extraMinutes: effectiveExtraMinutes(extra.personDefault, extra.bySurvey.get(row.id)),
      attempt: latest && {
        id: latest.id,
        status: latest.status as AttemptStatus,
        deadlineAt: latest.deadline_at,
        submittedAt: latest.submitted_at,
        score: show?.score ? latest.score : null,
        band: show?.score ? latest.band : null,
      },
    };
  });
  return { items, serverNow: new Date(now).toISOString() };
}

/** Shared codes are spread by a hash of the person; with one code per person, the person's own variant is built once. */
export async function variantFor(ctx: AppContext, trx: Executor, assessmentId: number, personId: number, at: string): Promise<number> {
  const facts = await frozenFacts(ctx.db, assessmentId, trx);
  if (facts.variantMode === 'fixed') {
    const shared = await sharedVariantIds(ctx.db, assessmentId, trx);
    return shared[Math.floor(seededRandom(`${facts.seed}:assign:${personId}`)() * shared.length)];
  }
  const code = String(100_000 + personId);
  const existing = await findVariantByCode(trx, assessmentId, code);
  if (existing) return existing.id;
  const frozen = await frozenOf(ctx.db, assessmentId, trx);
  const variant = buildVariant(
    frozen.map((q) => ({ pinned: q.content.options.map((o) => o.pinned) })),
    code,
    facts.seed,
    facts.shuffle,
  );
  return insertVariant(trx, {
    assessment_id: assessmentId,
    code,
    items_json: JSON.stringify(variant.items),
    person_id: personId,
    created_at: at,
  });
}

/**
 * Starts an attempt, or returns the one in progress (a reload, another device). The deadline is fixed here, in the
 * database: min(start + duration, window close) + the person's extra minutes.
 */
export async function startAttempt(ctx: AppContext, actor: Actor, assessmentId: number, ip: string): Promise<{ attemptId: number }> {
  const personId = requirePerson(actor);
  // No transaction: the reads run side by side, and the one write (attempt and its event) is atomic by itself; two
  // starts at once are told apart by the unique (assessment, person, attempt_no).
  const run = async () => {
    const now = ctx.clock.now();
    const [row, { eligible, attempts, extra, edgeSite }] = await Promise.all([
      recentAssessment(ctx.db, assessmentId, now.getTime()),
      repo.startFacts(ctx.db, assessmentId, personId),
    ]);
    if (!row || row.status !== 'published' || !eligible) throw fail('assessment_not_found');
    if (edgeSite !== null && !ctx.edge) throw fail('attempt_on_edge', { site: edgeSite });
    if (ctx.edge?.revoked) throw fail('edge_revoked');
    const open = attempts.find((a) => a.status === 'in_progress');
    if (open) return { attemptId: open.id, facts: null };
    if (now.getTime() < Date.parse(row.opens_at)) {
      throw fail('not_open_yet', { opensAt: formatDateTimeVi(row.opens_at) });
    }
    if (now.getTime() >= Date.parse(row.closes_at)) {
      throw fail('assessment_closed', { closedAt: formatDateTimeVi(row.closes_at) });
    }
    if (row.campaign_id !== null && (await missingRequiredAttendance(ctx.db, row.campaign_id, [personId])).has(personId)) {
      const campaign = await ctx.db
        .selectFrom('campaigns')
        .select(['name', 'attendance_required_percent'])
        .where('id', '=', row.campaign_id)
        .executeTakeFirst();
      throw fail('attendance_required', { campaign: campaign?.name ?? '', percent: campaign?.attendance_required_percent ?? 100 });
    }
    const used = attempts.filter((a) => a.status !== 'voided').length;
    if (used >= row.attempts_allowed) {
      throw fail('no_attempts_left', { allowed: row.attempts_allowed });
    }
    const at = now.toISOString();
    // The person's extra minutes come after the close is applied: they are real even for a late start (extra-time.ts).
    const extraMinutes = effectiveExtraMinutes(extra.personDefault, extra.survey);
    const deadline = attemptDeadline(now.getTime(), row.duration_min, Date.parse(row.closes_at), extraMinutes);
    const variantId = await variantFor(ctx, ctx.db, assessmentId, personId, at);
    const attemptId = await repo.insertAttemptWithEvent(
      ctx.db,
      ctx.dialect,
      repo.startedAttemptRow({
        assessment_id: assessmentId,
        person_id: personId,
        user_id: actor.userId,
        attempt_no: (attempts.at(-1)?.attempt_no ?? 0) + 1,
        variant_id: variantId,
        started_at: at,
        deadline_at: new Date(deadline).toISOString(),
        last_ip: ip,
        client_id: null,
      }),
      { kind: 'start', at, detail: JSON.stringify(extraMinutes > 0 ? { ip, extraMinutes } : { ip }) },
    );
    return { attemptId, facts: { id: attemptId, assessmentId, personId, variantId } };
  };
  try {
    const started = await run();
    if (started.facts) rememberAttempt(ctx.db, started.facts);
    return { attemptId: started.attemptId };
  } catch (err) {
    // Two starts at once (double tap, two devices): the unique (assessment, person, attempt_no) lets one win.
    if (!isUniqueViolation(err)) throw err;
    return { attemptId: (await run()).attemptId };
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '');
}
