import { can, scopeOf, type Actor } from '../../../domain/roles.ts';
import { describeRounding } from '../../../domain/assessment/scoring.ts';
import type { AssemblyCheck, AssessmentDetail, AssessmentInput, AssessmentSummary } from '../../../domain/assessment/views.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { bankForActor } from '../banks/service.ts';
import { topicsOf } from '../banks/repository.ts';
import * as repo from './repository.ts';
import { countEligible } from './eligibility.ts';
import { findFreeze } from '../population/repository.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { attemptCounts } from './monitor-repository.ts';
import { cleanInput, frozenChanges, newSeed, scoringOf, toInput, toRow } from './input.ts';
import { assemble, describeShortfalls } from './assembly.ts';

/** The assessment if the actor may manage it (organisers of its unit's subtree) or, with 'monitor', watch it. */
export async function assessmentForActor(db: Executor, actor: Actor, id: number, access: 'manage' | 'monitor') {
  const row = await repo.findAssessment(db, id);
  if (!row) throw fail('assessment_not_found');
  const manages = can(actor, 'assessment.manage', row.unit_path);
  if (manages) return { row, manages, scopes: scopeOf(actor, 'assessment.monitor') };
  const scopes = scopeOf(actor, 'assessment.monitor');
  const watches = scopes.length > 0 && row.status === 'published' && (await countEligible(db, id, scopes)) > 0;
  if (!watches) throw fail('assessment_not_found');
  if (access === 'manage') throw fail('forbidden', { action: 'thay đổi bài khảo sát này' });
  return { row, manages, scopes };
}

async function summaryOf(db: Executor, row: repo.AssessmentRow, actor: Actor): Promise<AssessmentSummary> {
  const manages = can(actor, 'assessment.manage', row.unit_path);
  // Organisers of the owning unit see everyone; others see the people of their own subtrees.
  const scopes = manages ? undefined : scopeOf(actor, 'assessment.monitor');
  const [eligible, counts] = await Promise.all([countEligible(db, row.id, scopes), attemptCounts(db, row.id, scopes)]);
  return {
    id: row.id,
    title: row.title,
    status: row.status as AssessmentSummary['status'],
    unitId: row.unit_id,
    unitName: row.unit_name,
    bankId: row.bank_id,
    bankName: row.bank_name,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    durationMin: row.duration_min,
    questionCount: row.question_count,
    variantMode: row.variant_mode as AssessmentSummary['variantMode'],
    variantCount: row.variant_count,
    canManage: manages,
    campaignId: row.campaign_id,
    counts: { eligible, started: counts.started, submitted: counts.submitted },
  };
}

export async function listAssessments(ctx: AppContext, actor: Actor, filter: { campaignId?: number } = {}): Promise<AssessmentSummary[]> {
  const managePaths = scopeOf(actor, 'assessment.manage');
  const monitorPaths = scopeOf(actor, 'assessment.monitor');
  if (managePaths.length === 0 && monitorPaths.length === 0) throw fail('forbidden', { action: 'xem các bài khảo sát' });
  const rows = await repo.assessmentsVisibleFrom(ctx.db, managePaths, monitorPaths);
  const visible = rows.filter(
    (r) =>
      (r.status === 'published' || can(actor, 'assessment.manage', r.unit_path))
      && (filter.campaignId === undefined || r.campaign_id === filter.campaignId),
  );
  return Promise.all(visible.map((r) => summaryOf(ctx.db, r, actor)));
}

export async function getAssessment(ctx: AppContext, actor: Actor, id: number): Promise<AssessmentDetail> {
  const { row } = await assessmentForActor(ctx.db, actor, id, 'monitor');
  const [targets, invitees, variants, summary, topics] = await Promise.all([
    repo.targetsOf(ctx.db, id),
    repo.inviteesOf(ctx.db, id),
    repo.variantsOf(ctx.db, id),
    summaryOf(ctx.db, row, actor),
    topicsOf(ctx.db, row.bank_id),
  ]);
  return {
    ...summary,
    input: toInput(
      row,
      targets.map((t) => t.id),
      invitees.map((i) => i.id),
    ),
    roundingRule: describeRounding(scoringOf(row)),
    publishedAt: row.published_at,
    variants: variants.map((v) => ({ code: v.code })),
    targets: targets.map((t) => ({ unitId: t.id, unitName: t.name })),
    invitees: invitees.map((i) => ({ personId: i.id, fullName: i.full_name, unitName: i.unit_name })),
    topics: topics.map((t) => ({ id: t.id, name: t.name })),
  };
}

/** The owning unit, bank, target units and invitees must all be the actor's to use. */
async function checkReferences(db: Executor, actor: Actor, input: AssessmentInput) {
  const [unit] = await repo.unitsByIds(db, [input.unitId]);
  if (!unit) throw fail('unit_not_found');
  if (!can(actor, 'assessment.manage', unit.path)) throw fail('forbidden', { action: `tổ chức bài khảo sát cho ${unit.name}` });
  await bankForActor(db, actor, input.bankId, 'use');
  if (input.campaignId != null && !(await db.selectFrom('campaigns').select('id').where('id', '=', input.campaignId).executeTakeFirst())) {
    throw fail('campaign_not_found');
  }
  if (input.compareWithId != null) await assessmentForActor(db, actor, input.compareWithId, 'monitor');
  const targets = await repo.unitsByIds(db, input.targetUnitIds);
  if (targets.length !== input.targetUnitIds.length) throw fail('unit_not_found');
  const outside = targets.find((t) => !can(actor, 'assessment.manage', t.path));
  if (outside) throw fail('forbidden', { action: `giao bài cho ${outside.name} (ngoài phạm vi quản lý)` });
  const people = await repo.peoplePathsByIds(db, input.inviteePersonIds);
  if (people.length !== input.inviteePersonIds.length || people.some((p) => !can(actor, 'assessment.manage', p.path))) {
    throw fail('invitee_out_of_scope');
  }
}

export async function createAssessment(ctx: AppContext, actor: Actor, body: AssessmentInput) {
  const input = cleanInput(body);
  return ctx.db.transaction().execute(async (trx) => {
    await checkReferences(trx, actor, input);
    const at = nowIso(ctx);
    const id = await repo.insertAssessment(trx, {
      ...toRow(input, at),
      status: 'draft',
      published_at: null,
      regraded_at: null,
      seed: newSeed(),
      created_by: actor.userId || null,
      created_at: at,
    });
    await repo.replaceTargets(trx, id, input.targetUnitIds);
    await repo.replaceInvitees(trx, id, input.inviteePersonIds);
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'assessment.create',
      entityType: 'assessment',
      entityId: id,
      unitId: input.unitId,
      summary: `Tạo bài khảo sát "${input.title}"`,
    });
    return { id };
  });
}

/**
 * A draft changes freely. A published assessment keeps everything that decides what people answer and how it is
 * graded; its title, instructions, window, attempts, review policy and participants may still change.
 */
export async function updateAssessment(ctx: AppContext, actor: Actor, id: number, body: AssessmentInput) {
  const input = cleanInput(body);
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await assessmentForActor(trx, actor, id, 'manage');
    await checkReferences(trx, actor, input);
    if (row.status === 'published') {
      const before = toInput(row, [], []);
      const changed = frozenChanges(before, input);
      if (changed.length) {
        throw fail('assessment_published', { change: `đổi ${changed.join(', ')}` }, { fields: changed });
      }
      if (input.attemptsAllowed < row.attempts_allowed) {
        throw fail('assessment_published', { change: 'giảm số lần làm bài' });
      }
      const freeze = await findFreeze(trx, id);
      if (freeze && input.closesAt !== row.closes_at) {
        throw fail(
          'population_frozen',
          { frozenAt: formatDateTimeVi(freeze.frozen_at), eligible: freeze.eligible_count },
          { fields: ['closesAt'] },
        );
      }
    }
    const at = nowIso(ctx);
    await repo.updateAssessment(trx, id, toRow(input, at));
    await repo.replaceTargets(trx, id, input.targetUnitIds);
    await repo.replaceInvitees(trx, id, input.inviteePersonIds);
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'assessment.update',
      entityType: 'assessment',
      entityId: id,
      unitId: row.unit_id,
      summary: `Sửa bài khảo sát "${input.title}"`,
    });
  });
}

export async function deleteDraft(ctx: AppContext, actor: Actor, id: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await assessmentForActor(trx, actor, id, 'manage');
    if (row.status !== 'draft') throw fail('assessment_published', { change: 'xóa' });
    await repo.deleteAssessment(trx, id);
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'assessment.delete',
      entityType: 'assessment',
      entityId: id,
      unitId: row.unit_id,
      summary: `Xóa bài khảo sát nháp "${row.title}"`,
    });
  });
}

export async function checkAssembly(ctx: AppContext, actor: Actor, id: number): Promise<AssemblyCheck> {
  const { row } = await assessmentForActor(ctx.db, actor, id, 'manage');
  const outcome = await assemble(ctx.db, row);
  if (outcome.ok) return { ok: true, problems: [], available: outcome.available };
  return { ok: false, problems: await describeShortfalls(ctx.db, row, outcome), available: outcome.available };
}

/** Freezes the questions (current versions, locked from now on) and the variants, in one transaction. */
export async function publish(ctx: AppContext, actor: Actor, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await assessmentForActor(trx, actor, id, 'manage');
    if (row.status !== 'draft') throw fail('already_published');
    if (Date.parse(row.closes_at) <= ctx.clock.now().getTime()) {
      throw fail('window_closed');
    }
    if ((await countEligible(trx, id)) === 0) {
      throw fail('no_participants');
    }
    const outcome = await assemble(trx, row);
    if (!outcome.ok) {
      const problems = await describeShortfalls(trx, row, outcome);
      throw fail('bank_too_small', { problems }, { problems });
    }
    const at = nowIso(ctx);
    await repo.insertFrozenQuestions(
      trx,
      outcome.questions.map((q, ordinal) => ({
        assessment_id: id,
        ordinal,
        question_id: q.questionId,
        version_id: q.versionId,
        correct_index: q.correctIndex,
        option_count: q.pinned.length,
      })),
    );
    for (const variant of outcome.variants) {
      await repo.insertVariant(trx, {
        assessment_id: id,
        code: variant.code,
        items_json: JSON.stringify(variant.items),
        person_id: null,
        created_at: at,
      });
    }
    await repo.lockVersions(
      trx,
      outcome.questions.map((q) => q.versionId),
    );
    await repo.updateAssessment(trx, id, { status: 'published', published_at: at, updated_at: at });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'assessment.publish',
      entityType: 'assessment',
      entityId: id,
      unitId: row.unit_id,
      summary:
        `Phát hành bài khảo sát "${row.title}" (${outcome.questions.length} câu, `
        + `${row.variant_mode === 'fixed' ? `${outcome.variants.length} mã đề` : 'mỗi người một mã đề'})`,
    });
    return { ok: true, variants: outcome.variants.map((v) => v.code) };
  });
}
