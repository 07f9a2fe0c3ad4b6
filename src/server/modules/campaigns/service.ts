import { scopeOf, type Actor } from '../../../domain/roles.ts';
import type { Position } from '../../../domain/roster.ts';
import { fold, normalizeText } from '../../../domain/text.ts';
import { isIsoDate } from '../../../domain/training/attendance.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { FIELD_LABELS } from '../../plugins/field-labels.ts';
import { recordAudit } from '../audit/repository.ts';
import { unitForActor } from '../units/service.ts';
import { findLecturerForUse } from '../lecturers/service.ts';
import { campaignAccess, campaignForManager } from './access.ts';
import * as repo from './repository.ts';
import type { CampaignBody, TargetsBody, TopicBody, UpdateCampaignBody, UpdateTopicBody } from './schemas.ts';

const clean = (v: string | null | undefined) => (v ? normalizeText(v) || null : null);

function checkDates(startsOn: string | null, endsOn: string | null) {
  for (const d of [startsOn, endsOn]) {
    if (d && !isIsoDate(d)) throw fail('invalid_date', { field: FIELD_LABELS[d === startsOn ? 'startsOn' : 'endsOn']! });
  }
  if (startsOn && endsOn && endsOn < startsOn) {
    throw fail('invalid_date_range', { end: FIELD_LABELS.endsOn!, start: FIELD_LABELS.startsOn!, sameDayAllowed: true });
  }
}

export async function listCampaigns(ctx: AppContext, actor: Actor) {
  const scopes = scopeOf(actor, 'training.read');
  if (scopes.length === 0) throw fail('forbidden', { action: 'xem các đợt bồi dưỡng' });
  const rows = await repo.campaignsVisibleFrom(ctx.db, scopes);
  const counts = await repo.countsByCampaign(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    schoolYear: c.school_year,
    unitId: c.unit_id,
    unitName: c.unit_name,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    siteCount: counts.sites.get(c.id) ?? 0,
    participantCount: counts.participants.get(c.id) ?? 0,
  }));
}

export async function createCampaign(ctx: AppContext, actor: Actor, input: CampaignBody) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, input.unitId, 'training.manage');
    const name = normalizeText(input.name);
    if (!name) throw fail('campaign_name_required');
    const startsOn = input.startsOn ?? null;
    const endsOn = input.endsOn ?? null;
    checkDates(startsOn, endsOn);
    const at = nowIso(ctx);
    const id = await repo.insertCampaign(trx, {
      name,
      name_folded: fold(name),
      school_year: normalizeText(input.schoolYear),
      unit_id: unit.id,
      starts_on: startsOn,
      ends_on: endsOn,
      description: clean(input.description),
      attendance_required_percent: input.attendanceRequiredPercent ?? null,
      created_by: actor.userId || null,
      at,
    });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      unitId: unit.id,
      summary: `Tạo đợt bồi dưỡng "${name}" (${unit.name})`,
    });
    return { id };
  });
}

export async function getCampaign(ctx: AppContext, actor: Actor, id: number) {
  const access = await campaignAccess(ctx.db, actor, id);
  const c = access.campaign;
  const [targets, topics] = await Promise.all([repo.targetsOf(ctx.db, c.id), repo.topicsOf(ctx.db, c.id)]);
  return {
    id: c.id,
    name: c.name,
    schoolYear: c.school_year,
    unitId: c.unit_id,
    unitName: c.unit_name,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    description: c.description,
    attendanceRequiredPercent: c.attendance_required_percent,
    canManage: access.manage,
    limitedToOwnUnits: access.scopePaths !== null,
    targets: targets.map((t) => ({
      unitId: t.unit_id,
      unitName: t.unit_name,
      positions: t.positions ? (t.positions.split(',') as Position[]) : [],
    })),
    topics: topics.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      lecturerId: t.lecturer_id,
      lecturerName: t.lecturer_name,
    })),
  };
}

export async function updateCampaign(ctx: AppContext, actor: Actor, id: number, input: UpdateCampaignBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await campaignForManager(trx, actor, id);
    const name = input.name === undefined ? undefined : normalizeText(input.name);
    if (name === '') throw fail('campaign_name_required');
    const startsOn = input.startsOn === undefined ? c.starts_on : input.startsOn;
    const endsOn = input.endsOn === undefined ? c.ends_on : input.endsOn;
    checkDates(startsOn, endsOn);
    const at = nowIso(ctx);
    await repo.updateCampaign(trx, c.id, {
      ...(name ? { name, name_folded: fold(name) } : {}),
      ...(input.schoolYear !== undefined ? { school_year: normalizeText(input.schoolYear) } : {}),
      ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
      ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
      ...(input.description !== undefined ? { description: clean(input.description) } : {}),
      ...(input.attendanceRequiredPercent !== undefined ? { attendance_required_percent: input.attendanceRequiredPercent } : {}),
      updated_at: at,
    });
    const rule =
      input.attendanceRequiredPercent === undefined
        ? ''
        : input.attendanceRequiredPercent === null
          ? ' (tắt điều kiện chuyên cần)'
          : ` (điều kiện dự khảo sát: tham dự ít nhất ${input.attendanceRequiredPercent}% số buổi)`;
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'campaign.update',
      entityType: 'campaign',
      entityId: c.id,
      unitId: c.unit_id,
      summary: `Cập nhật đợt bồi dưỡng "${name ?? c.name}"${rule}`,
      details: input,
    });
  });
}

/** Who must attend: unit subtrees (inside the organiser's own scope) with optional positions. */
export async function setTargets(ctx: AppContext, actor: Actor, id: number, input: TargetsBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await campaignForManager(trx, actor, id);
    const rows = [];
    for (const t of input.targets) {
      const unit = await unitForActor(trx, actor, t.unitId, 'training.manage');
      rows.push({ unit_id: unit.id, positions: t.positions?.length ? [...new Set(t.positions)].join(',') : null });
    }
    await repo.replaceTargets(trx, c.id, rows);
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'campaign.targets',
      entityType: 'campaign',
      entityId: c.id,
      unitId: c.unit_id,
      summary: `Đặt đối tượng tham dự đợt "${c.name}": ${rows.length} nhóm`,
      details: input,
    });
  });
}

export async function createTopic(ctx: AppContext, actor: Actor, campaignId: number, input: TopicBody) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await campaignForManager(trx, actor, campaignId);
    const name = normalizeText(input.name);
    if (!name) throw fail('topic_name_required');
    if (await repo.findTopicByName(trx, c.id, fold(name))) throw fail('topic_exists', { owner: 'Đợt bồi dưỡng', name });
    const lecturerId = input.lecturerId ? (await findLecturerForUse(trx, actor, input.lecturerId)).id : null;
    const id = await repo.insertTopic(trx, {
      campaign_id: c.id,
      name,
      name_folded: fold(name),
      description: clean(input.description),
      lecturer_id: lecturerId,
    });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'campaign.topic',
      entityType: 'campaign',
      entityId: c.id,
      unitId: c.unit_id,
      summary: `Thêm chuyên đề "${name}" vào đợt "${c.name}"`,
    });
    return { id };
  });
}

export async function updateTopic(ctx: AppContext, actor: Actor, topicId: number, input: UpdateTopicBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const topic = await repo.findTopic(trx, topicId);
    if (!topic) throw fail('topic_not_found');
    const c = await campaignForManager(trx, actor, topic.campaign_id);
    const name = input.name === undefined ? undefined : normalizeText(input.name);
    if (name === '') throw fail('topic_name_required');
    if (name) {
      const clash = await repo.findTopicByName(trx, c.id, fold(name));
      if (clash && clash.id !== topic.id) throw fail('topic_exists', { owner: 'Đợt bồi dưỡng', name });
    }
    const lecturerId =
      input.lecturerId === undefined
        ? undefined
        : input.lecturerId === null
          ? null
          : (await findLecturerForUse(trx, actor, input.lecturerId)).id;
    await repo.updateTopic(trx, topic.id, {
      ...(name ? { name, name_folded: fold(name) } : {}),
      ...(input.description !== undefined ? { description: clean(input.description) } : {}),
      ...(lecturerId !== undefined ? { lecturer_id: lecturerId } : {}),
    });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'campaign.topic',
      entityType: 'campaign',
      entityId: c.id,
      unitId: c.unit_id,
      summary: `Sửa chuyên đề "${topic.name}" của đợt "${c.name}"`,
    });
  });
}
