/** The live monitor of an assessment and the proctors' and organisers' actions on one attempt, each audited. */
import type { MonitorPerson, MonitorState, MonitorView } from '../../../domain/assessment/views.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { effectiveExtraMinutes } from '../../../domain/assessment/extra-time.ts';
import { can, type Actor, type Capability } from '../../../domain/roles.ts';
import { fold } from '../../../domain/text.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { findUnitById } from '../units/repository.ts';
import { recordEvent, updateAttempt } from '../exam/repository.ts';
import { assessmentForActor } from './service.ts';
import { findAssessment } from './repository.ts';
import * as monitor from './monitor-repository.ts';
import type { MonitorQuery } from './schemas.ts';

const DEFAULT_DISCONNECTED_MINUTES = 3;

/**
 * Who may watch: organisers and holders of the monitor capability over their subtrees, and the proctors assigned to a
 * site of the assessment's campaign, for that site's participants only.
 */
async function monitorAccess(ctx: AppContext, actor: Actor, assessmentId: number) {
  try {
    const access = await assessmentForActor(ctx.db, actor, assessmentId, 'monitor');
    const sites = access.row.campaign_id === null ? [] : await monitor.campaignSites(ctx.db, access.row.campaign_id);
    return { ...access, sites, siteOnly: false };
  } catch (err) {
    const row = await findAssessment(ctx.db, assessmentId);
    if (!row || row.status !== 'published' || row.campaign_id === null || actor.personId === null) throw err;
    const sites = await monitor.campaignSites(ctx.db, row.campaign_id, actor.personId);
    if (sites.length === 0) throw err;
    return { row, manages: false, scopes: [] as string[], sites, siteOnly: true };
  }
}

export async function monitorView(ctx: AppContext, actor: Actor, assessmentId: number, query: MonitorQuery): Promise<MonitorView> {
  const { row, manages, scopes, sites, siteOnly } = await monitorAccess(ctx, actor, assessmentId);
  const siteId = query.siteId ?? (siteOnly ? sites[0].id : undefined);
  if (siteId !== undefined && !sites.some((s) => s.id === siteId)) throw fail('site_not_found');
  const now = ctx.clock.now();
  let unitPath: string | undefined;
  if (query.unitId !== undefined) {
    const unit = await findUnitById(ctx.db, query.unitId);
    if (!unit || (!manages && !siteOnly && !can(actor, 'assessment.monitor', unit.path))) throw fail('unit_not_found');
    unitPath = unit.path;
  }
  const filter: monitor.MonitorFilter = {
    assessmentId,
    scopePaths: manages || siteOnly ? undefined : scopes,
    unitPath,
    siteId,
    state: query.state,
    q: query.q ? fold(query.q) : undefined,
    seenBefore: new Date(now.getTime() - (query.disconnectedMinutes ?? DEFAULT_DISCONNECTED_MINUTES) * 60_000).toISOString(),
  };
  const [counts, byUnit, people] = await Promise.all([
    monitor.monitorCounts(ctx.db, filter),
    monitor.monitorByUnit(ctx.db, filter),
    monitor.monitorPeople(ctx.db, filter, { offset: query.offset ?? 0, limit: query.limit ?? 50 }),
  ]);
  return {
    serverNow: now.toISOString(),
    sites: sites.map((s) => ({ id: s.id, name: s.name })),
    siteId: siteId ?? null,
    assessment: { id: row.id, title: row.title, opensAt: row.opens_at, closesAt: row.closes_at, questionCount: row.question_count },
    counts: {
      eligible: counts.eligible,
      notStarted: counts.notStarted,
      inProgress: counts.inProgress,
      submitted: counts.submitted,
      voided: counts.voided,
      disconnected: counts.disconnected,
    },
    averageProgress: row.question_count ? Math.min(1, counts.avgAnswered / row.question_count) : 0,
    byUnit: byUnit.map((u) => ({
      unitId: u.unit_id,
      unitName: u.unit_name,
      eligible: Number(u.eligible),
      inProgress: Number(u.in_progress),
      submitted: Number(u.submitted),
    })),
    people: people.rows.map((p): MonitorPerson => ({
      personId: p.person_id,
      fullName: p.full_name,
      unitName: p.unit_name,
      state: (p.status ?? 'not_started') as MonitorState,
      attemptId: p.attempt_id,
      answered: p.answered_count ?? 0,
      startedAt: p.started_at,
      deadlineAt: p.deadline_at,
      lastSeenAt: p.last_seen_at,
      disconnected: p.status === 'in_progress' && p.last_seen_at !== null && p.last_seen_at < filter.seenBefore,
      signals: {
        hiddenCount: p.blur_count ?? 0,
        hiddenMs: p.blur_ms ?? 0,
        ipChanges: p.ip_changes ?? 0,
        secondClient: p.second_client_count ?? 0,
      },
      score: p.score,
      band: p.band,
      extraMinutes: effectiveExtraMinutes(p.person_extra_minutes, p.survey_extra_minutes),
      extraMinutesSource: p.survey_extra_minutes === null ? 'person' : 'survey',
    })),
    total: people.total,
  };
}

/** The attempt, if the actor holds the capability over its person's unit (404 outside what they may watch). */
async function attemptForAction(ctx: AppContext, actor: Actor, attemptId: number, capability: Capability, what: string) {
  const attempt = await monitor.attemptWithUnit(ctx.db, attemptId);
  if (!attempt || !can(actor, 'assessment.monitor', attempt.unit_path)) throw fail('attempt_not_found');
  if (!can(actor, capability, attempt.unit_path)) throw fail('forbidden', { action: what });
  return attempt;
}

type ActionAttempt = NonNullable<Awaited<ReturnType<typeof monitor.attemptWithUnit>>>;

async function audited(ctx: AppContext, actor: Actor, attempt: ActionAttempt, kind: string, detail: object, summary: string) {
  const at = nowIso(ctx);
  await recordEvent(ctx.db, { attempt_id: attempt.id, kind, at, detail, actor_user_id: actor.userId || null });
  await recordAudit(ctx.db, {
    at,
    actorUserId: actor.userId,
    action: `attempt.${kind}`,
    entityType: 'attempt',
    entityId: attempt.id,
    unitId: attempt.unit_id,
    summary,
    details: detail,
  });
}

export async function extendAttempt(ctx: AppContext, actor: Actor, attemptId: number, body: { minutes: number; reason?: string }) {
  const attempt = await attemptForAction(ctx, actor, attemptId, 'attempt.extend', 'gia hạn thời gian làm bài');
  if (attempt.status !== 'in_progress') {
    throw fail('attempt_not_in_progress');
  }
  const deadline = new Date(Date.parse(attempt.deadline_at) + body.minutes * 60_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateAttempt(trx, attempt.id, { deadline_at: deadline });
  });
  await audited(
    ctx,
    actor,
    attempt,
    'extend',
    { minutes: body.minutes, reason: body.reason ?? null, from: attempt.deadline_at, to: deadline },
    `Gia hạn ${body.minutes} phút cho bài làm của ${attempt.full_name} (hạn mới ${formatDateTimeVi(deadline)})`,
  );
  return { deadlineAt: deadline };
}

export async function reopenAttempt(ctx: AppContext, actor: Actor, attemptId: number, body: { minutes: number; reason?: string }) {
  const attempt = await attemptForAction(ctx, actor, attemptId, 'attempt.manage', 'mở lại bài làm');
  if (attempt.status !== 'submitted') throw fail('attempt_not_submitted');
  const deadline = new Date(ctx.clock.now().getTime() + body.minutes * 60_000).toISOString();
  await updateAttempt(ctx.db, attempt.id, {
    status: 'in_progress',
    deadline_at: deadline,
    submitted_at: null,
    submit_kind: null,
    score: null,
    band: null,
    correct_count: null,
    responses: null,
    last_seen_at: nowIso(ctx),
  });
  await audited(
    ctx,
    actor,
    attempt,
    'reopen',
    { minutes: body.minutes, reason: body.reason ?? null, submittedAt: attempt.submitted_at },
    `Mở lại bài làm của ${attempt.full_name} thêm ${body.minutes} phút`,
  );
  return { deadlineAt: deadline };
}

export async function voidAttempt(ctx: AppContext, actor: Actor, attemptId: number, reason: string) {
  const attempt = await attemptForAction(ctx, actor, attemptId, 'attempt.manage', 'hủy bài làm');
  if (attempt.status === 'voided') throw fail('attempt_voided');
  await updateAttempt(ctx.db, attempt.id, { status: 'voided', void_reason: reason.trim() });
  await audited(
    ctx,
    actor,
    attempt,
    'void',
    { reason: reason.trim(), previousStatus: attempt.status },
    `Hủy bài làm của ${attempt.full_name}: ${reason.trim()}`,
  );
  return { ok: true };
}
