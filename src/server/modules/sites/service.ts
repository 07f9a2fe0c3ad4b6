import { can, type Actor } from '../../../domain/roles.ts';
import { normalizeText } from '../../../domain/text.ts';
import { isIsoDate, isTime } from '../../../domain/training/attendance.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { FIELD_LABELS } from '../../plugins/field-labels.ts';
import { recordAudit } from '../audit/repository.ts';
import { campaignAccess, campaignForManager } from '../campaigns/access.ts';
import { findCampaign, findTopic } from '../campaigns/repository.ts';
import { findLecturerForUse } from '../lecturers/service.ts';
import { unitForActor } from '../units/service.ts';
import { checkUrl } from '../materials/service.ts';
import { participantScope, siteAccess, siteForManager } from './access.ts';
import * as repo from './repository.ts';

export interface SiteInput {
  name: string;
  unitId: number;
  address?: string | null;
  capacity?: number | null;
  onlineUrl?: string | null;
}

const text = (v: string | null | undefined) => (v ? normalizeText(v) || null : null);

export async function listSites(ctx: AppContext, actor: Actor, campaignId: number) {
  const access = await campaignAccess(ctx.db, actor, campaignId);
  const sites = await repo.sitesOf(ctx.db, access.campaign.id);
  const proctors = await repo.proctorsOf(
    ctx.db,
    sites.map((s) => s.id),
  );
  return sites.map((s) => ({
    id: s.id,
    name: s.name,
    unitId: s.unit_id,
    unitName: s.unit_name,
    address: s.address,
    capacity: s.capacity,
    onlineUrl: s.online_url,
    participants: Number(s.participants ?? 0),
    sessions: Number(s.sessions ?? 0),
    proctors: proctors.filter((p) => p.site_id === s.id).map((p) => ({ personId: p.id, fullName: p.full_name })),
  }));
}

export async function createSite(ctx: AppContext, actor: Actor, campaignId: number, input: SiteInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await campaignForManager(trx, actor, campaignId);
    const unit = await unitForActor(trx, actor, input.unitId, 'training.manage');
    const name = normalizeText(input.name);
    if (!name) throw fail('site_name_required');
    const id = await repo.insertSite(trx, {
      campaign_id: c.id,
      unit_id: unit.id,
      name,
      address: text(input.address),
      capacity: input.capacity ?? null,
      online_url: input.onlineUrl ? checkUrl(input.onlineUrl) : null,
      created_at: nowIso(ctx),
    });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'site.create',
      entityType: 'site',
      entityId: id,
      unitId: unit.id,
      summary: `Tạo điểm cầu "${name}" (${unit.name}) cho đợt "${c.name}"`,
    });
    return { id };
  });
}

export async function updateSite(ctx: AppContext, actor: Actor, siteId: number, input: Partial<SiteInput>) {
  await ctx.db.transaction().execute(async (trx) => {
    const { site } = await siteForManager(trx, actor, siteId);
    const name = input.name === undefined ? undefined : normalizeText(input.name);
    if (name === '') throw fail('site_name_required');
    const unitId = input.unitId === undefined ? undefined : (await unitForActor(trx, actor, input.unitId, 'training.manage')).id;
    await repo.updateSite(trx, site.id, {
      ...(name ? { name } : {}),
      ...(unitId ? { unit_id: unitId } : {}),
      ...(input.address !== undefined ? { address: text(input.address) } : {}),
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      ...(input.onlineUrl !== undefined ? { online_url: input.onlineUrl ? checkUrl(input.onlineUrl) : null } : {}),
    });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'site.update',
      entityType: 'site',
      entityId: site.id,
      unitId: site.unit_id,
      summary: `Sửa điểm cầu "${site.name}"`,
      details: input,
    });
  });
}

export async function setProctors(ctx: AppContext, actor: Actor, siteId: number, personIds: number[]) {
  await ctx.db.transaction().execute(async (trx) => {
    const { site } = await siteForManager(trx, actor, siteId);
    const people = await repo.peopleByIds(trx, [...new Set(personIds)]);
    if (people.length !== new Set(personIds).size || people.some((p) => !can(actor, 'roster.read', p.unit_path)))
      throw fail('person_not_found');
    await repo.replaceProctors(
      trx,
      site.id,
      people.map((p) => p.id),
    );
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'site.proctors',
      entityType: 'site',
      entityId: site.id,
      unitId: site.unit_id,
      summary: `Giám sát điểm cầu "${site.name}": ${people.map((p) => p.full_name).join(', ') || 'không có'}`,
    });
  });
}

export async function listParticipants(ctx: AppContext, actor: Actor, siteId: number) {
  const access = await siteAccess(ctx.db, actor, siteId);
  const rows = await repo.participantsOf(ctx.db, access.site.id, participantScope(access));
  return rows.map((p) => ({
    personId: p.id,
    fullName: p.full_name,
    staffId: p.staff_id,
    position: p.position,
    unitId: p.unit_id,
    unitName: p.unit_name,
  }));
}

/**
 * Puts people on the site, by unit subtree (optionally some positions) or by list. People already at another site of
 * the campaign are moved here: one site per person and campaign.
 */
export async function assignParticipants(
  ctx: AppContext,
  actor: Actor,
  siteId: number,
  input: { unitId?: number; positions?: string[]; personIds?: number[] },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const { site, campaign } = await siteForManager(trx, actor, siteId);
    let people: { id: number; unit_path: string }[] = [];
    if (input.unitId !== undefined) {
      const unit = await unitForActor(trx, actor, input.unitId, 'training.manage');
      people = await repo.peopleUnder(trx, unit.path, input.positions);
    }
    if (input.personIds?.length) {
      const listed = await repo.peopleByIds(trx, [...new Set(input.personIds)]);
      if (listed.length !== new Set(input.personIds).size || listed.some((p) => !can(actor, 'training.manage', p.unit_path))) {
        throw fail('person_not_found');
      }
      people.push(...listed);
    }
    const ids = [...new Set(people.map((p) => p.id))];
    if (ids.length === 0) throw fail('nobody_to_assign');
    const current = new Map((await repo.assignmentsOf(trx, campaign.id, ids)).map((a) => [a.person_id, a.site_id]));
    const toInsert = ids.filter((id) => !current.has(id));
    const toMove = ids.filter((id) => current.has(id) && current.get(id) !== site.id);
    await repo.insertParticipants(trx, campaign.id, site.id, toInsert);
    await repo.moveParticipants(trx, campaign.id, site.id, toMove);
    const total = await repo.countParticipants(trx, site.id);
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'site.participants',
      entityType: 'site',
      entityId: site.id,
      unitId: site.unit_id,
      summary: `Xếp ${toInsert.length} người vào điểm cầu "${site.name}", chuyển ${toMove.length} người từ điểm cầu khác`,
    });
    return {
      added: toInsert.length,
      moved: toMove.length,
      total,
      capacity: site.capacity,
      overCapacity: site.capacity !== null && total > site.capacity,
    };
  });
}

export async function removeParticipants(ctx: AppContext, actor: Actor, siteId: number, personIds: number[]) {
  return ctx.db.transaction().execute(async (trx) => {
    const { site } = await siteForManager(trx, actor, siteId);
    const removed = personIds.length ? await repo.removeParticipants(trx, site.id, personIds) : 0;
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'site.participants',
      entityType: 'site',
      entityId: site.id,
      unitId: site.unit_id,
      summary: `Bỏ ${removed} người khỏi điểm cầu "${site.name}"`,
    });
    return { removed };
  });
}

export interface SessionInput {
  date: string;
  startsAt: string;
  endsAt: string;
  topicId?: number | null;
  lecturerId?: number | null;
  note?: string | null;
}

async function checkSession(db: Executor, actor: Actor, campaignId: number, input: SessionInput) {
  if (!isIsoDate(input.date)) throw fail('invalid_date', { field: FIELD_LABELS.date! });
  if (!isTime(input.startsAt) || !isTime(input.endsAt)) throw fail('invalid_time');
  if (input.endsAt <= input.startsAt) throw fail('invalid_time_range');
  let topicId: number | null = null;
  if (input.topicId) {
    const topic = await findTopic(db, input.topicId);
    if (!topic || topic.campaign_id !== campaignId) throw fail('topic_not_found');
    topicId = topic.id;
  }
  const lecturerId = input.lecturerId ? (await findLecturerForUse(db, actor, input.lecturerId)).id : null;
  return {
    date: input.date,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    topic_id: topicId,
    lecturer_id: lecturerId,
    note: text(input.note),
  };
}

export function sessionView(s: repo.SessionRow) {
  return {
    id: s.id,
    siteId: s.site_id,
    date: s.date,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    topicId: s.topic_id,
    topicName: s.topic_name,
    lecturerId: s.lecturer_id,
    lecturerName: s.lecturer_name,
    note: s.note,
  };
}

export async function listSessions(ctx: AppContext, actor: Actor, siteId: number) {
  const access = await siteAccess(ctx.db, actor, siteId);
  return (await repo.sessionsOf(ctx.db, [access.site.id])).map(sessionView);
}

export async function createSession(ctx: AppContext, actor: Actor, siteId: number, input: SessionInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { site, campaign } = await siteForManager(trx, actor, siteId);
    const row = await checkSession(trx, actor, campaign.id, input);
    const id = await repo.insertSession(trx, { site_id: site.id, ...row });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'session.create',
      entityType: 'site',
      entityId: site.id,
      unitId: site.unit_id,
      summary: `Thêm buổi ${row.date} ${row.starts_at}–${row.ends_at} tại điểm cầu "${site.name}"`,
    });
    return { id };
  });
}

export async function sessionForManager(db: Executor, actor: Actor, sessionId: number) {
  const session = await repo.findSession(db, sessionId);
  if (!session) throw fail('session_not_found');
  return { session, ...(await siteForManager(db, actor, session.site_id)) };
}

export async function updateSession(ctx: AppContext, actor: Actor, sessionId: number, input: Partial<SessionInput>) {
  await ctx.db.transaction().execute(async (trx) => {
    const { session, site, campaign } = await sessionForManager(trx, actor, sessionId);
    const merged: SessionInput = {
      date: input.date ?? session.date,
      startsAt: input.startsAt ?? session.starts_at,
      endsAt: input.endsAt ?? session.ends_at,
      topicId: input.topicId === undefined ? session.topic_id : input.topicId,
      lecturerId: input.lecturerId === undefined ? session.lecturer_id : input.lecturerId,
      note: input.note === undefined ? session.note : input.note,
    };
    await repo.updateSession(trx, session.id, await checkSession(trx, actor, campaign.id, merged));
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'session.update',
      entityType: 'site',
      entityId: site.id,
      unitId: site.unit_id,
      summary: `Sửa buổi ${session.date} ${session.starts_at} tại điểm cầu "${site.name}"`,
      details: input,
    });
  });
}

export async function deleteSession(ctx: AppContext, actor: Actor, sessionId: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const { session, site } = await sessionForManager(trx, actor, sessionId);
    if ((await repo.attendanceCount(trx, session.id)) > 0) {
      throw fail('session_has_attendance');
    }
    await repo.deleteSession(trx, session.id);
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'session.delete',
      entityType: 'site',
      entityId: site.id,
      unitId: site.unit_id,
      summary: `Xóa buổi ${session.date} ${session.starts_at} tại điểm cầu "${site.name}"`,
    });
  });
}

/** Everything the printable schedule needs. */
export async function siteSchedule(ctx: AppContext, actor: Actor, siteId: number) {
  const access = await siteAccess(ctx.db, actor, siteId);
  const campaign = (await findCampaign(ctx.db, access.site.campaign_id))!;
  const [sessions, proctors, participants] = await Promise.all([
    repo.sessionsOf(ctx.db, [access.site.id]),
    repo.proctorsOf(ctx.db, [access.site.id]),
    repo.countParticipants(ctx.db, access.site.id),
  ]);
  return { campaign, site: access.site, sessions, proctors, participants };
}
