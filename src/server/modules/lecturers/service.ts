import { can, scopeOf, type Actor } from '../../../domain/roles.ts';
import { fold, normalizeText } from '../../../domain/text.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { unitForActor } from '../units/service.ts';
import { findPersonRow } from '../people/repository.ts';
import * as repo from './repository.ts';

export const LECTURER_KINDS = ['full_time', 'part_time'] as const;

function relatedToScope(actor: Actor, unitPath: string) {
  return can(actor, 'training.manage', unitPath) || scopeOf(actor, 'training.manage').some((s) => s.startsWith(unitPath));
}

/** A lecturer an organiser may put on a topic, session or class: of their subtree or of a unit above it. */
export async function findLecturerForUse(db: Executor, actor: Actor, id: number) {
  const lecturer = await repo.findLecturer(db, id);
  if (!lecturer || !relatedToScope(actor, lecturer.unit_path)) throw fail('lecturer_not_found');
  return lecturer;
}

const view = (l: NonNullable<Awaited<ReturnType<typeof repo.findLecturer>>>) => ({
  id: l.id,
  unitId: l.unit_id,
  unitName: l.unit_name,
  personId: l.person_id,
  fullName: l.full_name,
  title: l.title,
  workplace: l.workplace,
  kind: l.kind as (typeof LECTURER_KINDS)[number],
  active: l.active === 1,
});

export async function listLecturers(ctx: AppContext, actor: Actor) {
  const scopes = scopeOf(actor, 'training.manage');
  if (scopes.length === 0) throw fail('forbidden', { action: 'xem danh sách báo cáo viên' });
  return (await repo.lecturersRelatedTo(ctx.db, scopes)).map(view);
}

export interface LecturerInput {
  unitId: number;
  personId?: number | null;
  fullName?: string;
  title?: string | null;
  workplace?: string | null;
  kind: 'full_time' | 'part_time';
}

/** A lecturer from the roster (name taken from the person) or from outside it (name typed). */
export async function createLecturer(ctx: AppContext, actor: Actor, input: LecturerInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, input.unitId, 'training.manage');
    let fullName = normalizeText(input.fullName ?? '');
    let personId: number | null = null;
    if (input.personId) {
      const person = await findPersonRow(trx, input.personId);
      if (!person || (!can(actor, 'roster.read', person.unit_path) && !relatedToScope(actor, person.unit_path))) {
        throw fail('person_not_found');
      }
      personId = person.id;
      fullName = person.full_name;
    }
    if (fullName.split(' ').length < 2) throw fail('lecturer_name_required');
    const id = await repo.insertLecturer(trx, {
      unit_id: unit.id,
      person_id: personId,
      full_name: fullName,
      name_folded: fold(fullName),
      title: input.title ? normalizeText(input.title) || null : null,
      workplace: input.workplace ? normalizeText(input.workplace) || null : null,
      kind: input.kind,
      created_at: nowIso(ctx),
    });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'lecturer.create',
      entityType: 'lecturer',
      entityId: id,
      unitId: unit.id,
      summary: `Thêm báo cáo viên ${fullName} (${input.kind === 'full_time' ? 'chuyên trách' : 'kiêm nhiệm'}) của ${unit.name}`,
    });
    return { id };
  });
}

export async function updateLecturer(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: Partial<Omit<LecturerInput, 'unitId' | 'personId'>> & { active?: boolean },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const lecturer = await repo.findLecturer(trx, id);
    if (!lecturer || !relatedToScope(actor, lecturer.unit_path)) throw fail('lecturer_not_found');
    if (!can(actor, 'training.manage', lecturer.unit_path)) throw fail('forbidden', { action: 'sửa báo cáo viên của đơn vị cấp trên' });
    const fullName = input.fullName === undefined || lecturer.person_id ? undefined : normalizeText(input.fullName);
    if (fullName !== undefined && fullName.split(' ').length < 2) {
      throw fail('lecturer_name_required');
    }
    await repo.updateLecturer(trx, lecturer.id, {
      ...(fullName ? { full_name: fullName, name_folded: fold(fullName) } : {}),
      ...(input.title !== undefined ? { title: input.title ? normalizeText(input.title) || null : null } : {}),
      ...(input.workplace !== undefined ? { workplace: input.workplace ? normalizeText(input.workplace) || null : null } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'lecturer.update',
      entityType: 'lecturer',
      entityId: lecturer.id,
      unitId: lecturer.unit_id,
      summary: `Sửa thông tin báo cáo viên ${lecturer.full_name}`,
      details: input,
    });
  });
}
