import { can, scopeOf, type Actor } from '../../../domain/roles.ts';
import { normalizeText } from '../../../domain/text.ts';
import { halfDays, isIsoDate, type AttendanceStatus, type Half } from '../../../domain/training/attendance.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { FIELD_LABELS } from '../../plugins/field-labels.ts';
import { recordAudit } from '../audit/repository.ts';
import { peopleUnder } from '../sites/repository.ts';
import { unitForActor } from '../units/service.ts';
import * as repo from './repository.ts';

export interface EventAccess {
  event: repo.EventRow;
  manage: boolean;
  scopePaths: string[] | null;
}

/** As for campaigns: organisers of the event's unit manage it, readers of it see all, unit managers of invitees see their own. */
export async function eventAccess(db: Executor, actor: Actor, id: number): Promise<EventAccess> {
  const event = await repo.findEvent(db, id);
  if (!event) throw fail('event_not_found');
  const manage = can(actor, 'training.manage', event.unit_path);
  if (manage || can(actor, 'training.read', event.unit_path)) return { event, manage, scopePaths: null };
  const scopes = scopeOf(actor, 'training.read');
  if (await repo.inviteesTouch(db, event.id, scopes)) return { event, manage: false, scopePaths: scopes };
  throw fail('event_not_found');
}

/** Readers of the event, or its invitees (materials, programme). */
export async function eventForReader(db: Executor, actor: Actor, id: number) {
  if (actor.personId !== null && (await repo.isInvitee(db, id, actor.personId))) return (await repo.findEvent(db, id))!;
  return (await eventAccess(db, actor, id)).event;
}

async function eventForManager(db: Executor, actor: Actor, id: number) {
  const access = await eventAccess(db, actor, id);
  if (!access.manage) throw fail('forbidden', { action: 'thay đổi hội nghị, lớp tập huấn này' });
  return access.event;
}

const view = (e: repo.EventRow) => ({
  id: e.id,
  unitId: e.unit_id,
  unitName: e.unit_name,
  kind: e.kind as 'conference' | 'course',
  name: e.name,
  startsOn: e.starts_on,
  endsOn: e.ends_on,
  halves: e.halves as 'both' | Half,
  location: e.location,
  programme: e.programme,
  halfDays: halfDays(e.starts_on, e.ends_on, e.halves as 'both' | Half),
});

export async function listEvents(ctx: AppContext, actor: Actor) {
  const scopes = scopeOf(actor, 'training.read');
  if (scopes.length === 0) throw fail('forbidden', { action: 'xem hội nghị, lớp tập huấn' });
  return (await repo.eventsVisibleFrom(ctx.db, scopes)).map((e) => ({ ...view(e), invitees: Number(e.invitees ?? 0) }));
}

export interface EventInput {
  unitId: number;
  kind: 'conference' | 'course';
  name: string;
  startsOn: string;
  endsOn: string;
  halves: 'both' | Half;
  location?: string | null;
  programme?: string | null;
}

export async function createEvent(ctx: AppContext, actor: Actor, input: EventInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, input.unitId, 'training.manage');
    const name = normalizeText(input.name);
    if (!name) throw fail('event_name_required');
    if (!isIsoDate(input.startsOn) || !isIsoDate(input.endsOn) || input.endsOn < input.startsOn) {
      throw fail('invalid_date_range', { end: FIELD_LABELS.endsOn!, start: FIELD_LABELS.startsOn!, sameDayAllowed: true });
    }
    const at = nowIso(ctx);
    const id = await repo.insertEvent(trx, {
      unit_id: unit.id,
      kind: input.kind,
      name,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      halves: input.halves,
      location: input.location ? normalizeText(input.location) || null : null,
      programme: input.programme ? input.programme.normalize('NFC').trim() || null : null,
      created_by: actor.userId || null,
      at,
    });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'event.create',
      entityType: 'event',
      entityId: id,
      unitId: unit.id,
      summary: `Tạo ${input.kind === 'conference' ? 'hội nghị' : 'lớp tập huấn'} "${name}" (${unit.name})`,
    });
    return { id };
  });
}

export async function getEvent(ctx: AppContext, actor: Actor, id: number) {
  const access = await eventAccess(ctx.db, actor, id);
  return { ...view(access.event), canManage: access.manage, limitedToOwnUnits: access.scopePaths !== null };
}

export async function updateProgramme(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { programme?: string | null; location?: string | null },
) {
  const event = await eventForManager(ctx.db, actor, id);
  await repo.updateEvent(ctx.db, event.id, {
    ...(input.programme !== undefined ? { programme: input.programme?.normalize('NFC').trim() || null } : {}),
    ...(input.location !== undefined ? { location: input.location ? normalizeText(input.location) || null : null } : {}),
    updated_at: nowIso(ctx),
  });
}

/** Adds the active people of a unit subtree (optionally some positions) to the invitation list. */
export async function invite(ctx: AppContext, actor: Actor, id: number, input: { unitId: number; positions?: string[] }) {
  return ctx.db.transaction().execute(async (trx) => {
    const event = await eventForManager(trx, actor, id);
    const unit = await unitForActor(trx, actor, input.unitId, 'training.manage');
    const people = await peopleUnder(trx, unit.path, input.positions);
    const added = await repo.addInvitees(
      trx,
      event.id,
      people.map((p) => p.id),
    );
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'event.invite',
      entityType: 'event',
      entityId: event.id,
      unitId: event.unit_id,
      summary: `Mời ${added} người của ${unit.name} dự "${event.name}"`,
    });
    return { added, total: (await repo.invitees(trx, event.id, null)).length };
  });
}

/** The invitation list with each person's mark for every half-day. */
export async function attendanceSheet(ctx: AppContext, actor: Actor, id: number) {
  const access = await eventAccess(ctx.db, actor, id);
  const [people, marks] = await Promise.all([
    repo.invitees(ctx.db, access.event.id, access.scopePaths),
    repo.marks(ctx.db, access.event.id),
  ]);
  const byPerson = new Map<number, Record<string, { status: AttendanceStatus; reason: string | null }>>();
  for (const m of marks) {
    const row = byPerson.get(m.person_id) ?? {};
    row[`${m.day}/${m.half}`] = { status: m.status as AttendanceStatus, reason: m.reason };
    byPerson.set(m.person_id, row);
  }
  return {
    event: { ...view(access.event), canManage: access.manage },
    items: people.map((p) => ({
      personId: p.id,
      fullName: p.full_name,
      position: p.position,
      unitId: p.unit_id,
      unitName: p.unit_name,
      marks: byPerson.get(p.id) ?? {},
    })),
  };
}

export async function markHalfDay(
  ctx: AppContext,
  actor: Actor,
  id: number,
  personId: number,
  input: { day: string; half: Half; status: AttendanceStatus; reason?: string | null },
) {
  const event = await eventForManager(ctx.db, actor, id);
  if (!halfDays(event.starts_on, event.ends_on, event.halves as 'both' | Half).some((h) => h.day === input.day && h.half === input.half)) {
    throw fail('invalid_half_day');
  }
  if (!(await repo.isInvitee(ctx.db, event.id, personId))) throw fail('invitee_not_found');
  await repo.upsertMark(ctx.db, {
    event_id: event.id,
    person_id: personId,
    day: input.day,
    half: input.half,
    status: input.status,
    reason: input.status === 'absent' && input.reason ? normalizeText(input.reason).slice(0, 200) || null : null,
    marked_by: actor.userId || null,
    marked_at: nowIso(ctx),
  });
  return { ok: true };
}

/** Per unit, who was absent (or not marked) at which half-day that has been marked at all: the list sent to units. */
export async function eventAbsentees(ctx: AppContext, actor: Actor, id: number) {
  const sheet = await attendanceSheet(ctx, actor, id);
  const marked = new Set(sheet.items.flatMap((p) => Object.keys(p.marks)));
  const rows = [];
  for (const p of sheet.items) {
    for (const h of sheet.event.halfDays) {
      const key = `${h.day}/${h.half}`;
      if (!marked.has(key)) continue;
      const m = p.marks[key];
      if (m && m.status !== 'absent') continue;
      rows.push({
        personId: p.personId,
        fullName: p.fullName,
        position: p.position,
        unitName: p.unitName,
        day: h.day,
        half: h.half,
        status: m ? ('absent' as const) : ('unmarked' as const),
        reason: m?.reason ?? null,
      });
    }
  }
  return { event: sheet.event, rows };
}
