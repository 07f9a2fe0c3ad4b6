import { can, scopeOf, type Actor } from '../../../domain/roles.ts';
import { ROLE_LABELS, type Role } from '../../../domain/roles.ts';
import { checkCitizenId, checkEmail, checkIsoDate, checkPhone, checkStaffId, type FieldResult } from '../../../domain/person-fields.ts';
import { fold, nameSortKey, normalizeText } from '../../../domain/text.ts';
import type { Gender, Position } from '../../../domain/roster.ts';
import type { Executor } from '../../db/database.ts';
import type { PersonUpdate } from '../../db/schema.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { unitForActor } from '../units/service.ts';
import * as repo from './repository.ts';
import type { PeopleQuery, PersonDetail, PersonInput, PersonUpdateInput, PersonView } from './schemas.ts';

export function toPersonView(r: repo.PersonListRow): PersonView {
  return {
    id: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender as Gender | null,
    staffId: r.staff_id,
    citizenId: r.citizen_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    position: r.position as Position,
    partyMember: r.party_member === 1,
    partyJoinedOn: r.party_joined_on,
    theoryLevel: r.theory_level,
    phone: r.phone,
    email: r.email,
    active: r.active === 1,
    extraMinutes: r.extra_minutes,
    username: r.username ?? null,
    userId: r.user_id ?? null,
    hasLoggedIn: Boolean(r.last_login_at),
    accountDisabled: r.account_disabled === 1,
  };
}

export async function listPeople(ctx: AppContext, actor: Actor, query: PeopleQuery) {
  let scopePaths = scopeOf(actor, 'roster.read');
  if (query.unitId !== undefined) scopePaths = [(await unitForActor(ctx.db, actor, query.unitId, 'roster.read')).path];
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const q = query.q ? fold(query.q) : undefined;
  const { rows, total } = await repo.listPeople(
    ctx.db,
    {
      scopePaths,
      q: q || undefined,
      position: query.position,
      partyMember: query.partyMember,
      includeInactive: query.includeInactive,
    },
    { offset: (page - 1) * pageSize, limit: pageSize },
  );
  return { items: rows.map(toPersonView), total, page, pageSize };
}

async function personForActor(db: Executor, actor: Actor, id: number, capability: 'roster.read' | 'roster.write') {
  const row = await repo.findPersonRow(db, id);
  const isSelf = row && actor.personId === row.id && capability === 'roster.read';
  if (!row || (!isSelf && !can(actor, 'roster.read', row.unit_path))) throw fail('person_not_found');
  if (!isSelf && !can(actor, capability, row.unit_path)) throw fail('forbidden', { action: 'sửa thông tin người này' });
  return row;
}

export async function getPerson(ctx: AppContext, actor: Actor, id: number): Promise<PersonDetail> {
  const row = await personForActor(ctx.db, actor, id, 'roster.read');
  const [history, roles] = await Promise.all([repo.historyOf(ctx.db, id), repo.rolesOfPerson(ctx.db, id)]);
  return {
    ...toPersonView(row),
    history: history.map((h) => ({ unitId: h.unit_id, unitName: h.unit_name, fromAt: h.from_at, toAt: h.to_at })),
    roles: roles.map((g) => ({
      grantId: g.id,
      role: g.role,
      roleLabel: ROLE_LABELS[g.role as Role] ?? g.role,
      unitId: g.unit_id,
      unitName: g.unit_name,
    })),
  };
}

function take(result: FieldResult, field: string): string {
  if (!result.ok) {
    const message = result.message.startsWith(field)
      ? result.message
      : `${field}: ${result.message.charAt(0).toLowerCase()}${result.message.slice(1)}`;
    throw fail('invalid_person_field', { reason: message }, { field });
  }
  return result.value;
}

function optional(raw: string | null | undefined, check: (v: string) => FieldResult, field: string): string | null {
  const value = raw == null ? '' : normalizeText(raw);
  return value ? take(check(value), field) : null;
}

/** The stored columns for a form's input, with every field checked. */
function personColumns(input: PersonUpdateInput): PersonUpdate {
  const out: PersonUpdate = {};
  if (input.fullName !== undefined) {
    const fullName = normalizeText(input.fullName);
    if (fullName.split(' ').length < 2)
      throw fail('invalid_person_field', { reason: 'Họ và tên: cần cả họ và tên' }, { field: 'fullName' });
    Object.assign(out, { full_name: fullName, name_folded: fold(fullName), sort_key: nameSortKey(fullName) });
  }
  if (input.staffId !== undefined) out.staff_id = optional(input.staffId, checkStaffId, 'Mã định danh');
  if (input.citizenId !== undefined) out.citizen_id = optional(input.citizenId, checkCitizenId, 'Số CCCD');
  if (input.phone !== undefined) out.phone = optional(input.phone, checkPhone, 'Điện thoại');
  if (input.email !== undefined) out.email = optional(input.email, checkEmail, 'Email');
  if (input.birthDate !== undefined) out.birth_date = optional(input.birthDate, checkIsoDate, 'Ngày sinh');
  if (input.partyJoinedOn !== undefined) out.party_joined_on = optional(input.partyJoinedOn, checkIsoDate, 'Ngày vào Đảng');
  if (input.gender !== undefined) out.gender = input.gender;
  if (input.position !== undefined) out.position = input.position;
  if (input.partyMember !== undefined) out.party_member = input.partyMember ? 1 : 0;
  if (input.theoryLevel !== undefined) out.theory_level = input.theoryLevel ? normalizeText(input.theoryLevel) : null;
  if (input.active !== undefined) out.active = input.active ? 1 : 0;
  if (input.extraMinutes !== undefined) out.extra_minutes = input.extraMinutes;
  return out;
}

async function checkUnique(db: Executor, columns: PersonUpdate, exceptId?: number) {
  for (const [column, label] of [
    ['staff_id', 'Mã định danh'],
    ['citizen_id', 'Số CCCD'],
  ] as const) {
    const value = columns[column];
    if (typeof value !== 'string') continue;
    const [other] = await repo.findByIdentifier(db, column, [value]);
    if (other && other.id !== exceptId) {
      throw fail('person_id_taken', { label, value }, { field: column });
    }
  }
}

export async function createPerson(ctx: AppContext, actor: Actor, input: PersonInput): Promise<PersonView> {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, input.unitId, 'roster.write');
    const columns = personColumns(input);
    if (!columns.staff_id && !columns.citizen_id) {
      throw fail('person_identifier_required', undefined, { field: 'staffId' });
    }
    await checkUnique(trx, columns);
    const now = nowIso(ctx);
    const id = await repo.insertPerson(trx, {
      full_name: columns.full_name!,
      name_folded: columns.name_folded!,
      sort_key: columns.sort_key!,
      birth_date: columns.birth_date ?? null,
      gender: columns.gender ?? null,
      staff_id: columns.staff_id ?? null,
      citizen_id: columns.citizen_id ?? null,
      unit_id: unit.id,
      position: input.position,
      party_member: columns.party_member ?? 0,
      party_joined_on: columns.party_joined_on ?? null,
      theory_level: columns.theory_level ?? null,
      phone: columns.phone ?? null,
      email: columns.email ?? null,
      active: columns.active ?? 1,
      extra_minutes: columns.extra_minutes ?? 0,
      created_at: now,
      updated_at: now,
    });
    await repo.openHistory(trx, id, unit.id, now);
    await ensureAccount(trx, id, (columns.staff_id ?? columns.citizen_id)!, columns.full_name!, now);
    await recordAudit(trx, {
      at: now,
      actorUserId: actor.userId,
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      unitId: unit.id,
      summary: `Thêm ${columns.full_name} vào ${unit.name}`,
    });
    return toPersonView((await repo.findPersonRow(trx, id))!);
  });
}

/** Every person gets an account named by their staff id (else citizen id), with no password until slips are printed. */
export async function ensureAccount(db: Executor, personId: number, username: string, displayName: string, at: string) {
  if (await repo.usernameTaken(db, username)) return;
  await repo.insertAccount(db, { username, personId, displayName, at });
}

export async function updatePerson(ctx: AppContext, actor: Actor, id: number, input: PersonUpdateInput): Promise<PersonView> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await personForActor(trx, actor, id, 'roster.write');
    const columns = personColumns(input);
    const staffId = columns.staff_id !== undefined ? columns.staff_id : before.staff_id;
    const citizenId = columns.citizen_id !== undefined ? columns.citizen_id : before.citizen_id;
    if (!staffId && !citizenId) {
      throw fail('person_identifier_required', undefined, { field: 'staffId' });
    }
    await checkUnique(trx, columns, id);
    const now = nowIso(ctx);
    let summary = `Cập nhật thông tin ${before.full_name}`;
    if (input.unitId !== undefined && input.unitId !== before.unit_id) {
      const target = await unitForActor(trx, actor, input.unitId, 'roster.write');
      columns.unit_id = target.id;
      await repo.openHistory(trx, id, target.id, now);
      summary = `Chuyển ${before.full_name} từ ${before.unit_name} sang ${target.name}`;
    }
    if (columns.extra_minutes !== undefined && columns.extra_minutes !== before.extra_minutes) {
      summary += `; thời gian cộng thêm khi làm khảo sát: ${before.extra_minutes} → ${columns.extra_minutes} phút`;
    }
    await repo.updatePerson(trx, id, { ...columns, updated_at: now });
    await recordAudit(trx, {
      at: now,
      actorUserId: actor.userId,
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      unitId: columns.unit_id ?? before.unit_id,
      summary,
      details: input,
    });
    return toPersonView((await repo.findPersonRow(trx, id))!);
  });
}
