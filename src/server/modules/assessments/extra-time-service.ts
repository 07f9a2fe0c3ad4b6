/**
 * Extra time of one person in one survey, set before they start (the organiser's or proctor's decision, audited like
 * "Gia hạn"): the survey's own value takes precedence over the person's default; clearing it restores the default.
 */
import { effectiveExtraMinutes } from '../../../domain/assessment/extra-time.ts';
import type { ExtraTimeView } from '../../../domain/assessment/views.ts';
import { can, type Actor } from '../../../domain/roles.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { recordAudit } from '../audit/repository.ts';
import { isEligible } from './eligibility.ts';
import * as repo from './extra-time-repository.ts';
import { assessmentForActor } from './service.ts';

/**
 * The assessment and the person, when the actor may change the person's time: someone who watches the assessment, the
 * person eligible and in the actor's monitored subtree (404 otherwise), holding attempt.extend there (403 otherwise).
 */
async function targetFor(ctx: AppContext, actor: Actor, assessmentId: number, personId: number) {
  const { row } = await assessmentForActor(ctx.db, actor, assessmentId, 'monitor');
  const person = await repo.personWithUnit(ctx.db, personId);
  if (!person || !can(actor, 'assessment.monitor', person.unit_path) || !(await isEligible(ctx.db, assessmentId, personId))) {
    throw fail('person_not_found');
  }
  if (!can(actor, 'attempt.extend', person.unit_path)) throw fail('forbidden', { action: 'đặt thời gian cộng thêm cho người này' });
  if (ctx.clock.now().getTime() >= Date.parse(row.closes_at)) {
    throw fail('assessment_closed', { closedAt: formatDateTimeVi(row.closes_at) });
  }
  if (await repo.attemptInProgress(ctx.db, assessmentId, personId)) {
    throw fail('attempt_in_progress', { name: person.full_name });
  }
  return { row, person };
}

export async function setSurveyExtraTime(
  ctx: AppContext,
  actor: Actor,
  assessmentId: number,
  personId: number,
  body: { minutes: number; reason?: string },
): Promise<ExtraTimeView> {
  const { row, person } = await targetFor(ctx, actor, assessmentId, personId);
  const at = nowIso(ctx);
  const reason = body.reason?.trim() || null;
  const before = await repo.surveyExtraTime(ctx.db, assessmentId, personId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveSurveyExtraTime(trx, {
      assessment_id: assessmentId,
      person_id: personId,
      minutes: body.minutes,
      reason,
      set_by: actor.userId || null,
      set_at: at,
    });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'assessment.extra_time',
      entityType: 'assessment',
      entityId: assessmentId,
      unitId: person.unit_id,
      summary:
        `Đặt thời gian cộng thêm ${body.minutes} phút cho ${person.full_name} khi làm "${row.title}"`
        + (reason ? ` (lý do: ${reason})` : ''),
      details: { personId, minutes: body.minutes, reason, from: before?.minutes ?? null, personDefault: person.extra_minutes },
    });
  });
  return { personId, minutes: body.minutes, source: 'survey', personDefault: person.extra_minutes };
}

export async function clearSurveyExtraTime(ctx: AppContext, actor: Actor, assessmentId: number, personId: number): Promise<ExtraTimeView> {
  const { row, person } = await targetFor(ctx, actor, assessmentId, personId);
  const before = await repo.surveyExtraTime(ctx.db, assessmentId, personId);
  if (before) {
    const at = nowIso(ctx);
    await ctx.db.transaction().execute(async (trx) => {
      await repo.deleteSurveyExtraTime(trx, assessmentId, personId);
      await recordAudit(trx, {
        at,
        actorUserId: actor.userId,
        action: 'assessment.extra_time',
        entityType: 'assessment',
        entityId: assessmentId,
        unitId: person.unit_id,
        summary: `Bỏ thời gian cộng thêm riêng của ${person.full_name} khi làm "${row.title}" (dùng mặc định ${person.extra_minutes} phút)`,
        details: { personId, minutes: null, from: before.minutes, personDefault: person.extra_minutes },
      });
    });
  }
  return { personId, minutes: effectiveExtraMinutes(person.extra_minutes, null), source: 'person', personDefault: person.extra_minutes };
}
