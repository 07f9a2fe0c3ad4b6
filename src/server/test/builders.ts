import { fold, nameSortKey } from '../../domain/text.ts';
import type { Role } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import type { UnitRow } from '../db/schema.ts';
import { findRootUnit, insertUnit } from '../modules/units/repository.ts';
import { hashPassword } from '../modules/auth/password.ts';

let counter = 0;
const next = () => ++counter;
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Khoa', 'Long', 'Minh', 'Nam', 'Phúc'];
const MIDDLE = ['Văn', 'Hữu', 'Đức', 'Quang', 'Minh', 'Thành', 'Công', 'Xuân', 'Ngọc', 'Thế'];
/** A plausible, letters-only name that differs with n. */
const nameFor = (n: number) => `Nguyễn ${MIDDLE[Math.floor(n / 10) % 10]} ${GIVEN[n % 10]}`;

export async function buildUnit(
  ctx: AppContext,
  overrides: Partial<{ name: string; code: string; kind: string; schoolLevel: string | null; parent: UnitRow }> = {},
): Promise<UnitRow> {
  const parent = overrides.parent ?? (await findRootUnit(ctx.db))!;
  const n = next();
  const name = overrides.name ?? `Trường Tiểu học Số ${n}`;
  const now = new Date().toISOString();
  return insertUnit(
    ctx.db,
    {
      code: overrides.code ?? `T${n}`,
      name,
      name_folded: fold(name),
      kind: overrides.kind ?? 'school',
      school_level: overrides.schoolLevel === undefined ? 'tieu_hoc' : overrides.schoolLevel,
      legacy_district: null,
      parent_id: parent.id,
      active: 1,
      created_at: now,
      updated_at: now,
    },
    parent,
  );
}

export async function buildPerson(
  ctx: AppContext,
  overrides: Partial<{ fullName: string; unit: UnitRow; staffId: string; citizenId: string; position: string; partyMember: boolean }> = {},
) {
  const unit = overrides.unit ?? (await buildUnit(ctx));
  const n = next();
  const fullName = overrides.fullName ?? nameFor(n);
  const now = new Date().toISOString();
  const staffId = overrides.staffId ?? String(1_000_000 + n).padStart(10, '0');
  const { id } = await ctx.db
    .insertInto('people')
    .values({
      full_name: fullName,
      name_folded: fold(fullName),
      sort_key: nameSortKey(fullName),
      birth_date: '1985-03-04',
      gender: 'male',
      staff_id: staffId,
      citizen_id: overrides.citizenId ?? null,
      unit_id: unit.id,
      position: overrides.position ?? 'teacher',
      party_member: overrides.partyMember ? 1 : 0,
      party_joined_on: null,
      theory_level: null,
      phone: null,
      email: null,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, unit, fullName, staffId };
}

/** A person with an account, a known password (already changed: no first-login step) and the given roles. */
export async function buildUser(
  ctx: AppContext,
  options: {
    roles?: { role: Role; unit: UnitRow }[];
    unit?: UnitRow;
    fullName?: string;
    password?: string;
    mustChangePassword?: boolean;
  } = {},
) {
  const person = await buildPerson(ctx, { unit: options.unit, fullName: options.fullName });
  const password = options.password ?? 'matkhau123';
  const now = new Date().toISOString();
  const { id: userId } = await ctx.db
    .insertInto('users')
    .values({
      username: person.staffId,
      person_id: person.id,
      display_name: person.fullName,
      password_hash: await hashPassword(password),
      must_change_password: options.mustChangePassword ? 1 : 0,
      disabled: 0,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const g of options.roles ?? []) {
    await ctx.db
      .insertInto('role_grants')
      .values({ user_id: userId, role: g.role, unit_id: g.unit.id, granted_by: null, created_at: now })
      .execute();
  }
  return { userId, username: person.staffId, password, person };
}
