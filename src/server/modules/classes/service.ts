import { can, scopeOf, type Actor } from '../../../domain/roles.ts';
import { normalizeText } from '../../../domain/text.ts';
import { isIsoDate } from '../../../domain/training/attendance.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { FIELD_LABELS } from '../../plugins/field-labels.ts';
import { recordAudit } from '../audit/repository.ts';
import { findLecturerForUse } from '../lecturers/service.ts';
import { peopleByIds } from '../sites/repository.ts';
import { findRootUnit } from '../units/repository.ts';
import { unitForActor } from '../units/service.ts';
import * as repo from './repository.ts';

const text = (v: string | null | undefined) => (v ? normalizeText(v) || null : null);

export async function listClassTypes(ctx: AppContext, actor: Actor) {
  requireReader(actor);
  return (await repo.classTypes(ctx.db, true)).map((t) => ({ id: t.id, code: t.code, name: t.name, active: t.active === 1 }));
}

function requireReader(actor: Actor) {
  if (scopeOf(actor, 'training.read').length === 0) throw fail('forbidden', { action: 'xem các lớp bồi dưỡng' });
}

/** Class types are one list for the province: kept by organisers of the root unit. */
async function requireProvinceOrganizer(ctx: AppContext, actor: Actor) {
  const root = (await findRootUnit(ctx.db))!;
  if (!can(actor, 'training.manage', root.path)) throw fail('forbidden', { action: 'sửa danh mục loại lớp (chỉ ban tổ chức cấp tỉnh)' });
}

export async function createClassType(ctx: AppContext, actor: Actor, input: { code: string; name: string }) {
  await requireProvinceOrganizer(ctx, actor);
  const name = normalizeText(input.name);
  const code = normalizeText(input.code).toUpperCase();
  if (!name || !code) throw fail('class_type_required');
  if ((await repo.classTypes(ctx.db, true)).some((t) => t.code === code)) throw fail('class_type_code_taken', { code });
  const id = await repo.insertClassType(ctx.db, { code, name });
  await recordAudit(ctx.db, {
    at: nowIso(ctx),
    actorUserId: actor.userId,
    action: 'class_type.create',
    entityType: 'class_type',
    entityId: id,
    summary: `Thêm loại lớp "${name}" (${code})`,
  });
  return { id };
}

export async function updateClassType(ctx: AppContext, actor: Actor, id: number, input: { name?: string; active?: boolean }) {
  await requireProvinceOrganizer(ctx, actor);
  const name = input.name === undefined ? undefined : normalizeText(input.name);
  if (name === '') throw fail('class_type_required');
  await repo.updateClassType(ctx.db, id, {
    ...(name ? { name } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
  });
}

export async function classForActor(db: Executor, actor: Actor, id: number, need: 'read' | 'manage') {
  const cls = await repo.findClass(db, id);
  if (!cls || !can(actor, 'training.read', cls.unit_path)) throw fail('class_not_found');
  if (need === 'manage' && !can(actor, 'training.manage', cls.unit_path)) throw fail('forbidden', { action: 'thay đổi lớp bồi dưỡng này' });
  return cls;
}

export async function listClasses(ctx: AppContext, actor: Actor, query: { year: number; unitId?: number }) {
  const scopes =
    query.unitId !== undefined
      ? [(await unitForActor(ctx.db, actor, query.unitId, 'training.read')).path]
      : scopeOf(actor, 'training.read');
  if (scopes.length === 0) throw fail('forbidden', { action: 'xem các lớp bồi dưỡng' });
  const rows = await repo.classesIn(ctx.db, scopes, `${query.year}-01-01`, `${query.year}-12-31`);
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    typeId: c.type_id,
    typeName: c.type_name,
    unitId: c.unit_id,
    unitName: c.unit_name,
    plannedStart: c.planned_start,
    plannedEnd: c.planned_end,
    actualStart: c.actual_start,
    actualEnd: c.actual_end,
    plannedTrainees: c.planned_trainees,
    trainees: Number(c.trainees ?? 0),
    completed: Number(c.completed ?? 0),
    canManage: can(actor, 'training.manage', c.unit_path),
  }));
}

export interface ClassInput {
  unitId: number;
  typeId: number;
  name: string;
  plannedStart: string;
  plannedEnd?: string | null;
  actualStart?: string | null;
  actualEnd?: string | null;
  plannedTrainees?: number | null;
  location?: string | null;
  notes?: string | null;
}

function checkClassDates(input: {
  plannedStart: string;
  plannedEnd?: string | null;
  actualStart?: string | null;
  actualEnd?: string | null;
}) {
  const labels: [string | null | undefined, string][] = [
    [input.plannedStart, FIELD_LABELS.plannedStart!],
    [input.plannedEnd, FIELD_LABELS.plannedEnd!],
    [input.actualStart, FIELD_LABELS.actualStart!],
    [input.actualEnd, FIELD_LABELS.actualEnd!],
  ];
  for (const [value, label] of labels) if (value && !isIsoDate(value)) throw fail('invalid_date', { field: label });
  if (input.plannedEnd && input.plannedEnd < input.plannedStart) {
    throw fail('invalid_date_range', { end: FIELD_LABELS.plannedEnd!, start: FIELD_LABELS.plannedStart!, sameDayAllowed: true });
  }
  if (input.actualEnd && (!input.actualStart || input.actualEnd < input.actualStart)) {
    throw fail('invalid_date_range', { end: FIELD_LABELS.actualEnd!, start: FIELD_LABELS.actualStart!, sameDayAllowed: true });
  }
}

export async function createClass(ctx: AppContext, actor: Actor, input: ClassInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, input.unitId, 'training.manage');
    const type = (await repo.classTypes(trx, true)).find((t) => t.id === input.typeId);
    if (!type) throw fail('class_type_not_found');
    const name = normalizeText(input.name);
    if (!name) throw fail('class_name_required');
    checkClassDates(input);
    const at = nowIso(ctx);
    const id = await repo.insertClass(trx, {
      unit_id: unit.id,
      type_id: type.id,
      name,
      planned_start: input.plannedStart,
      planned_end: input.plannedEnd ?? null,
      actual_start: input.actualStart ?? null,
      actual_end: input.actualEnd ?? null,
      planned_trainees: input.plannedTrainees ?? null,
      location: text(input.location),
      notes: text(input.notes),
      created_by: actor.userId || null,
      at,
    });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'class.create',
      entityType: 'training_class',
      entityId: id,
      unitId: unit.id,
      summary: `Mở lớp "${name}" (${type.name}) tại ${unit.name}`,
    });
    return { id };
  });
}

export async function updateClass(ctx: AppContext, actor: Actor, id: number, input: Partial<Omit<ClassInput, 'unitId'>>) {
  await ctx.db.transaction().execute(async (trx) => {
    const cls = await classForActor(trx, actor, id, 'manage');
    const merged = {
      plannedStart: input.plannedStart ?? cls.planned_start,
      plannedEnd: input.plannedEnd === undefined ? cls.planned_end : input.plannedEnd,
      actualStart: input.actualStart === undefined ? cls.actual_start : input.actualStart,
      actualEnd: input.actualEnd === undefined ? cls.actual_end : input.actualEnd,
    };
    checkClassDates(merged);
    if (input.typeId !== undefined && !(await repo.classTypes(trx, true)).some((t) => t.id === input.typeId)) {
      throw fail('class_type_not_found');
    }
    const name = input.name === undefined ? undefined : normalizeText(input.name);
    if (name === '') throw fail('class_name_required');
    await repo.updateClass(trx, cls.id, {
      ...(name ? { name } : {}),
      ...(input.typeId !== undefined ? { type_id: input.typeId } : {}),
      planned_start: merged.plannedStart,
      planned_end: merged.plannedEnd,
      actual_start: merged.actualStart,
      actual_end: merged.actualEnd,
      ...(input.plannedTrainees !== undefined ? { planned_trainees: input.plannedTrainees } : {}),
      ...(input.location !== undefined ? { location: text(input.location) } : {}),
      ...(input.notes !== undefined ? { notes: text(input.notes) } : {}),
      updated_at: nowIso(ctx),
    });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'class.update',
      entityType: 'training_class',
      entityId: cls.id,
      unitId: cls.unit_id,
      summary: `Cập nhật lớp "${name ?? cls.name}"`,
      details: input,
    });
  });
}

export async function getClass(ctx: AppContext, actor: Actor, id: number) {
  const cls = await classForActor(ctx.db, actor, id, 'read');
  const [lecturers, trainees, evaluations] = await Promise.all([
    repo.lecturersOfClass(ctx.db, cls.id),
    repo.traineesOf(ctx.db, cls.id),
    repo.evaluationsOf(ctx.db, [cls.id]),
  ]);
  return {
    id: cls.id,
    name: cls.name,
    typeId: cls.type_id,
    typeName: cls.type_name,
    unitId: cls.unit_id,
    unitName: cls.unit_name,
    plannedStart: cls.planned_start,
    plannedEnd: cls.planned_end,
    actualStart: cls.actual_start,
    actualEnd: cls.actual_end,
    plannedTrainees: cls.planned_trainees,
    location: cls.location,
    notes: cls.notes,
    canManage: can(actor, 'training.manage', cls.unit_path),
    lecturers: lecturers.map((l) => {
      const scores = evaluations.filter((e) => e.lecturer_id === l.id).map((e) => e.score);
      return {
        id: l.id,
        fullName: l.full_name,
        title: l.title,
        kind: l.kind,
        evaluations: scores.length,
        average: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
      };
    }),
    trainees: trainees.map((t) => ({
      id: t.id,
      personId: t.person_id,
      fullName: t.full_name,
      workplace: t.workplace ?? t.unit_name,
      completed: t.completed === 1,
      certificateNo: t.certificate_no,
    })),
  };
}

export async function setClassLecturers(ctx: AppContext, actor: Actor, id: number, lecturerIds: number[]) {
  await ctx.db.transaction().execute(async (trx) => {
    const cls = await classForActor(trx, actor, id, 'manage');
    const ids = [...new Set(lecturerIds)];
    const names = [];
    for (const l of ids) names.push((await findLecturerForUse(trx, actor, l)).full_name);
    await repo.replaceClassLecturers(trx, cls.id, ids);
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'class.lecturers',
      entityType: 'training_class',
      entityId: cls.id,
      unitId: cls.unit_id,
      summary: `Giảng viên lớp "${cls.name}": ${names.join(', ') || 'không có'}`,
    });
  });
}

/** Adds trainees from the roster (by id) and/or typed in (name, workplace). */
export async function addTrainees(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { personIds?: number[]; entries?: { fullName: string; workplace?: string | null }[] },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const cls = await classForActor(trx, actor, id, 'manage');
    const existing = new Set((await repo.traineesOf(trx, cls.id)).map((t) => t.person_id).filter((p) => p !== null));
    const order = [...new Set(input.personIds ?? [])];
    const people = (await peopleByIds(trx, order)).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    // A centre trains the people of the area it serves: the subtree of its parent unit.
    const area = cls.unit_path.replace(/\d+\/$/, '');
    if (
      people.length !== new Set(input.personIds ?? []).size
      || people.some((p) => !can(actor, 'roster.read', p.unit_path) && !p.unit_path.startsWith(area))
    ) {
      throw fail('person_not_found');
    }
    const at = nowIso(ctx);
    const rows: { class_id: number; person_id: number | null; full_name: string; workplace: string | null; created_at: string }[] = people
      .filter((p) => !existing.has(p.id))
      .map((p) => ({ class_id: cls.id, person_id: p.id, full_name: p.full_name, workplace: null, created_at: at }));
    for (const [i, e] of (input.entries ?? []).entries()) {
      const fullName = normalizeText(e.fullName);
      if (fullName.split(' ').length < 2) throw fail('trainee_name_required', { row: i + 1 });
      rows.push({ class_id: cls.id, person_id: null, full_name: fullName, workplace: text(e.workplace), created_at: at });
    }
    await repo.insertTrainees(trx, rows);
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'class.trainees',
      entityType: 'training_class',
      entityId: cls.id,
      unitId: cls.unit_id,
      summary: `Thêm ${rows.length} học viên vào lớp "${cls.name}"`,
    });
    return { added: rows.length };
  });
}

export async function updateTrainee(
  ctx: AppContext,
  actor: Actor,
  traineeId: number,
  input: { completed?: boolean; certificateNo?: string | null },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const trainee = await repo.findTrainee(trx, traineeId);
    if (!trainee) throw fail('trainee_not_found');
    const cls = await classForActor(trx, actor, trainee.class_id, 'manage');
    const certificateNo = input.certificateNo === undefined ? undefined : text(input.certificateNo);
    await repo.updateTrainee(trx, trainee.id, {
      ...(input.completed !== undefined ? { completed: input.completed ? 1 : 0 } : {}),
      ...(certificateNo !== undefined ? { certificate_no: certificateNo } : {}),
    });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'class.trainee',
      entityType: 'training_class',
      entityId: cls.id,
      unitId: cls.unit_id,
      summary: `Cập nhật kết quả học viên ${trainee.full_name} lớp "${cls.name}"`,
      details: input,
    });
  });
}

/** A trainee of the class evaluates one of its lecturers (1–5); evaluating again replaces the earlier answer. */
export async function evaluateLecturer(
  ctx: AppContext,
  actor: Actor,
  classId: number,
  input: { lecturerId: number; score: number; comment?: string | null },
) {
  const trainee = actor.personId === null ? undefined : await repo.traineeOfPerson(ctx.db, classId, actor.personId);
  if (!trainee) throw fail('class_not_found');
  const lecturers = await repo.lecturersOfClass(ctx.db, classId);
  if (!lecturers.some((l) => l.id === input.lecturerId)) throw fail('lecturer_not_found');
  await repo.upsertEvaluation(ctx.db, {
    class_id: classId,
    lecturer_id: input.lecturerId,
    trainee_id: trainee.id,
    score: input.score,
    comment: text(input.comment)?.slice(0, 1000) ?? null,
    created_at: nowIso(ctx),
  });
  return { ok: true };
}

/** The classes a person attended, with the lecturers they may evaluate and their own earlier scores. */
export async function myClasses(ctx: AppContext, actor: Actor) {
  if (actor.personId === null) return [];
  const classes = await repo.classesOfPerson(ctx.db, actor.personId);
  const evaluations = await repo.evaluationsOf(
    ctx.db,
    classes.map((c) => c.id),
  );
  const out = [];
  for (const c of classes) {
    const lecturers = await repo.lecturersOfClass(ctx.db, c.id);
    out.push({
      id: c.id,
      name: c.name,
      typeName: c.type_name,
      unitName: c.unit_name,
      actualStart: c.actual_start,
      actualEnd: c.actual_end,
      completed: c.completed === 1,
      certificateNo: c.certificate_no,
      lecturers: lecturers.map((l) => ({
        id: l.id,
        fullName: l.full_name,
        myScore: evaluations.find((e) => e.class_id === c.id && e.lecturer_id === l.id && e.trainee_id === c.trainee_id)?.score ?? null,
      })),
    });
  }
  return out;
}
