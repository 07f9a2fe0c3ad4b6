import { announceSessionChange } from '../auth/session-invalidation.ts';
import { can, scopeOf, type Actor, type Capability } from '../../../domain/roles.ts';
import { SCHOOL_LEVELS, UNIT_KIND_LABELS, type SchoolLevel, type UnitKind } from '../../../domain/roster.ts';
import { fold, formatNumberVi, normalizeText } from '../../../domain/text.ts';
import { suggestUnitCode, uniqueCode } from '../../../domain/unit-code.ts';
import type { Executor } from '../../db/database.ts';
import type { UnitRow } from '../../db/schema.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import * as repo from './repository.ts';
import type { CreateUnitBody, UnitView, UpdateUnitBody } from './schemas.ts';

export function toUnitView(row: UnitRow, peopleCount = 0): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as UnitKind,
    schoolLevel: row.school_level as SchoolLevel | null,
    legacyDistrict: row.legacy_district,
    parentId: row.parent_id,
    depth: row.depth,
    active: row.active === 1,
    peopleCount,
  };
}

/** The unit if the actor may use it for this capability; 404 when it is outside everything they can read. */
export async function unitForActor(db: Executor, actor: Actor, unitId: number, capability: Capability): Promise<UnitRow> {
  const unit = await repo.findUnitById(db, unitId);
  if (!unit || (!can(actor, 'roster.read', unit.path) && !can(actor, capability, unit.path))) throw fail('unit_not_found');
  if (!can(actor, capability, unit.path)) throw fail('forbidden', { action: 'thay đổi đơn vị này' });
  return unit;
}

export async function listUnits(ctx: AppContext, actor: Actor): Promise<UnitView[]> {
  const scopes = scopeOf(actor, 'roster.read');
  const [units, counts] = await Promise.all([repo.unitsInScopes(ctx.db, scopes), repo.activePeopleCountByUnit(ctx.db, scopes)]);
  return units.map((u) => toUnitView(u, counts.get(u.id) ?? 0));
}

function checkLevel(kind: string, level: string | null | undefined): string | null {
  if (!level) return null;
  if (!(SCHOOL_LEVELS as readonly string[]).includes(level)) throw fail('invalid_school_level');
  if (kind !== 'school' && kind !== 'center') {
    throw fail('school_level_not_allowed', { kind: UNIT_KIND_LABELS[kind as UnitKind] });
  }
  return level;
}

async function checkCode(db: Executor, code: string, exceptId?: number): Promise<string> {
  const clean = normalizeText(code).toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9._-]*$/.test(clean)) {
    throw fail('invalid_unit_code');
  }
  const existing = await repo.findUnitByCode(db, clean);
  if (existing && existing.id !== exceptId) throw fail('unit_code_taken', { code: clean });
  return clean;
}

/** Creates a unit under a parent the caller has checked; used by the route and by imports. */
export async function insertUnitUnder(
  db: Executor,
  ctx: AppContext,
  actor: Actor | null,
  parent: UnitRow,
  input: {
    name: string;
    code?: string;
    kind: string;
    schoolLevel?: string | null;
    legacyDistrict?: string | null;
  },
): Promise<UnitRow> {
  const name = normalizeText(input.name);
  if (!name) throw fail('unit_name_required');
  let code: string;
  if (input.code && normalizeText(input.code)) code = await checkCode(db, input.code);
  else {
    const base = suggestUnitCode(name);
    const taken = new Set((await db.selectFrom('units').select('code').where('code', 'like', `${base}%`).execute()).map((r) => r.code));
    code = uniqueCode(base, (c) => taken.has(c));
  }
  const now = nowIso(ctx);
  const unit = await repo.insertUnit(
    db,
    {
      code,
      name,
      name_folded: fold(name),
      kind: input.kind,
      school_level: checkLevel(input.kind, input.schoolLevel),
      legacy_district: input.legacyDistrict ? normalizeText(input.legacyDistrict) : null,
      parent_id: parent.id,
      active: 1,
      created_at: now,
      updated_at: now,
    },
    parent,
  );
  await recordAudit(db, {
    at: now,
    actorUserId: actor?.userId ?? null,
    action: 'unit.create',
    entityType: 'unit',
    entityId: unit.id,
    unitId: unit.id,
    summary: `Tạo đơn vị ${unit.name} (${unit.code}) thuộc ${parent.name}`,
  });
  return unit;
}

export async function createUnit(ctx: AppContext, actor: Actor, input: CreateUnitBody): Promise<UnitView> {
  return ctx.db.transaction().execute(async (trx) => {
    const parent = await unitForActor(trx, actor, input.parentId, 'units.write');
    return toUnitView(await insertUnitUnder(trx, ctx, actor, parent, input));
  });
}

export async function updateUnit(ctx: AppContext, actor: Actor, id: number, input: UpdateUnitBody): Promise<UnitView> {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, id, 'units.write');
    const kind = input.kind ?? unit.kind;
    const changes: Record<string, unknown> = { updated_at: nowIso(ctx) };
    const described: string[] = [];
    if (input.name !== undefined) {
      const name = normalizeText(input.name);
      if (!name) throw fail('unit_name_required');
      if (name !== unit.name) described.push(`đổi tên "${unit.name}" → "${name}"`);
      Object.assign(changes, { name, name_folded: fold(name) });
    }
    if (input.code !== undefined) changes.code = await checkCode(trx, input.code, unit.id);
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.schoolLevel !== undefined || input.kind !== undefined) {
      changes.school_level = checkLevel(kind, input.schoolLevel !== undefined ? input.schoolLevel : unit.school_level);
    }
    if (input.legacyDistrict !== undefined) {
      changes.legacy_district = input.legacyDistrict ? normalizeText(input.legacyDistrict) : null;
    }
    if (input.active !== undefined) {
      if (!input.active && unit.parent_id === null) {
        throw fail('root_unit_required', { action: 'ngừng hoạt động' });
      }
      changes.active = input.active ? 1 : 0;
      described.push(input.active ? 'kích hoạt lại' : 'ngừng hoạt động');
    }
    await repo.updateUnit(trx, unit.id, changes);
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'unit.update',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      summary: `Cập nhật đơn vị ${unit.name}${described.length ? `: ${described.join(', ')}` : ''}`,
      details: input,
    });
    return toUnitView((await repo.findUnitById(trx, unit.id))!);
  });
}

export async function moveUnit(ctx: AppContext, actor: Actor, id: number, parentId: number): Promise<UnitView> {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, id, 'units.write');
    const parent = await unitForActor(trx, actor, parentId, 'units.write');
    if (unit.parent_id === null) throw fail('root_unit_fixed');
    if (parent.path.startsWith(unit.path)) {
      throw fail('unit_move_cycle');
    }
    if (unit.parent_id === parent.id) return toUnitView(unit);
    const newPath = `${parent.path}${unit.id}/`;
    await repo.moveSubtree(trx, unit.path, newPath, parent.depth + 1 - unit.depth);
    // Every session's grants carry their units' paths: each node reads them again.
    await announceSessionChange(ctx, trx, { kind: 'all' });
    await repo.updateUnit(trx, unit.id, { parent_id: parent.id, updated_at: nowIso(ctx) });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'unit.move',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      summary: `Chuyển đơn vị ${unit.name} sang ${parent.name}`,
      details: { fromParentId: unit.parent_id, toParentId: parent.id },
    });
    return toUnitView((await repo.findUnitById(trx, unit.id))!);
  });
}

export async function deleteUnit(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, id, 'units.write');
    if (unit.parent_id === null) throw fail('root_unit_required', { action: 'xóa' });
    const usage = await repo.unitUsage(trx, unit.id);
    if (usage.length > 0) {
      throw fail(
        'unit_in_use',
        { uses: usage.map((u) => `${formatNumberVi(u.count)} ${u.label}`).join(', ') },
        { uses: Object.fromEntries(usage.map((u) => [u.table, u.count])) },
      );
    }
    try {
      await repo.deleteUnit(trx, unit.id, unit.parent_id);
    } catch (err) {
      // Something began using the unit after the check (another request's insert): the same answer, not a 500.
      if (isForeignKeyViolation(err)) {
        throw fail('unit_in_use');
      }
      throw err;
    }
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'unit.delete',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.parent_id,
      summary: `Xóa đơn vị ${unit.name} (${unit.code})`,
    });
  });
}

/** PostgreSQL's foreign_key_violation, SQLite's SQLITE_CONSTRAINT_FOREIGNKEY. */
function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
