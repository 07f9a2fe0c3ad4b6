import { generateDemoProvince, type DemoProvince } from '../../domain/demo/province.ts';
import type { Role } from '../../domain/roles.ts';
import { fold, nameSortKey } from '../../domain/text.ts';
import { ensureRootUnit } from '../bootstrap.ts';
import { nowIso, type AppContext } from '../context.ts';
import type { UnitRow } from '../db/schema.ts';
import { recordAudit } from '../modules/audit/repository.ts';
import { generateInitialPassword, hashPassword } from '../modules/auth/password.ts';
import { insertUnit, updateUnit } from '../modules/units/repository.ts';
import { insertAccounts, insertHistory, insertPeople } from '../modules/roster-import/repository.ts';
import { seedDemoTraining } from './seed-training.ts';
import { seedDemoCampaignExtras } from './seed-campaign-extras.ts';

export interface DemoAccount {
  role: Role;
  label: string;
  username: string;
  password: string;
  fullName: string;
  unitName: string;
}

export async function hasPeople(ctx: AppContext): Promise<boolean> {
  return Boolean(await ctx.db.selectFrom('people').select('id').limit(1).executeTakeFirst());
}

/** Fills an empty roster with a generated province and returns the demo accounts to print. */
export async function seedDemo(
  ctx: AppContext,
  options: { people?: number; seed?: number } = {},
): Promise<{
  province: DemoProvince;
  accounts: DemoAccount[];
  campaignId: number | null;
  marks: number;
  materials: number;
}> {
  const province = generateDemoProvince({ seed: options.seed ?? 2025, people: options.people, today: ctx.clock.now() });
  const now = nowIso(ctx);
  const accounts = await ctx.db.transaction().execute(async (trx) => {
    const root = await ensureRootUnit({ ...ctx, db: trx });
    const [rootDemo, ...rest] = province.units;
    await updateUnit(trx, root.id, { name: rootDemo.name, name_folded: fold(rootDemo.name), updated_at: now });
    const byCode = new Map<string, UnitRow>([[rootDemo.code, { ...root, name: rootDemo.name }]]);
    for (const u of rest) {
      const parent = byCode.get(u.parentCode!)!;
      byCode.set(
        u.code,
        await insertUnit(
          trx,
          {
            code: u.code,
            name: u.name,
            name_folded: fold(u.name),
            kind: u.kind,
            school_level: u.schoolLevel,
            legacy_district: u.legacyDistrict,
            parent_id: parent.id,
            active: 1,
            created_at: now,
            updated_at: now,
          },
          parent,
        ),
      );
    }
    const ids = await insertPeople(
      trx,
      province.people.map((p) => ({
        full_name: p.fullName,
        name_folded: fold(p.fullName),
        sort_key: nameSortKey(p.fullName),
        birth_date: p.birthDate,
        gender: p.gender,
        staff_id: p.staffId,
        citizen_id: p.citizenId,
        unit_id: byCode.get(p.unitCode)!.id,
        position: p.position,
        party_member: p.partyMember ? 1 : 0,
        party_joined_on: p.partyJoinedOn,
        theory_level: p.theoryLevel,
        phone: p.phone,
        email: p.email,
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    await insertHistory(
      trx,
      province.people.map((p, i) => ({ person_id: ids[i], unit_id: byCode.get(p.unitCode)!.id, from_at: now })),
    );
    await insertAccounts(
      trx,
      province.people.map((p, i) => ({
        username: p.staffId,
        person_id: ids[i],
        display_name: p.fullName,
        created_at: now,
      })),
    );

    // Each demo account goes to someone who fits the role; a small province (--people 50) has few units with staff
    // and few teachers, so every choice falls back to the closest fit instead of failing.
    const taken = new Set<number>();
    const pick = (...predicates: ((p: DemoProvince['people'][number]) => boolean)[]) => {
      for (const predicate of [...predicates, () => true]) {
        const index = province.people.findIndex((p, i) => !taken.has(i) && predicate(p));
        if (index >= 0) {
          taken.add(index);
          return { person: province.people[index], id: ids[index] };
        }
      }
      throw new Error('Tỉnh mẫu cần ít nhất 4 người để tạo tài khoản dùng thử.');
    };
    const schools = rest.filter((u) => u.kind === 'school');
    const staffOf = (code: string) => province.people.filter((p) => p.unitCode === code);
    const withTeachers = (u: DemoProvince['units'][number]) =>
      staffOf(u.code).some((p) => p.position === 'manager') && staffOf(u.code).some((p) => p.position === 'teacher');
    const firstSchool =
      schools.find((u) => u.schoolLevel === 'thcs' && withTeachers(u))
      ?? schools.find(withTeachers)
      ?? schools.find((u) => staffOf(u.code).length > 0)
      ?? rootDemo;
    const highSchool =
      schools.find((u) => u.schoolLevel === 'thpt' && u !== firstSchool && staffOf(u.code).length > 0)
      ?? schools.find((u) => u !== firstSchool && staffOf(u.code).length > 0)
      ?? firstSchool;
    const organizer = pick(
      (p) => p.unitCode === rootDemo.code && p.position === 'manager',
      (p) => p.unitCode === rootDemo.code,
    );
    const principal = pick(
      (p) => p.unitCode === firstSchool.code && p.position === 'manager',
      (p) => p.unitCode === firstSchool.code,
    );
    const proctor = pick(
      (p) => p.unitCode === highSchool.code && p.position === 'teacher',
      (p) => p.unitCode === highSchool.code,
    );
    const participant = pick(
      (p) => p.unitCode === firstSchool.code && p.position === 'teacher',
      (p) => p.unitCode === firstSchool.code,
      (p) => p.position === 'teacher',
    );
    const unitOf = (who: ReturnType<typeof pick>) => byCode.get(who.person.unitCode)!;
    const chosen: { role: Role; label: string; unit: UnitRow; who: ReturnType<typeof pick> }[] = [
      { role: 'organizer', label: 'Ban tổ chức (Sở)', unit: byCode.get(rootDemo.code)!, who: organizer },
      { role: 'unit_manager', label: 'Phụ trách đơn vị (hiệu trưởng)', unit: unitOf(principal), who: principal },
      { role: 'proctor', label: 'Giám sát điểm cầu', unit: unitOf(proctor), who: proctor },
      { role: 'participant', label: 'Học viên (giáo viên)', unit: unitOf(participant), who: participant },
    ];
    const out: DemoAccount[] = [];
    for (const c of chosen) {
      const userId = (await trx.selectFrom('users').select('id').where('person_id', '=', c.who.id).executeTakeFirstOrThrow()).id;
      const password = generateInitialPassword(10);
      await trx
        .updateTable('users')
        .set({ password_hash: await hashPassword(password), must_change_password: 0 })
        .where('id', '=', userId)
        .execute();
      if (c.role !== 'participant') {
        await trx
          .insertInto('role_grants')
          .values({ user_id: userId, role: c.role, unit_id: c.unit.id, granted_by: null, created_at: now })
          .execute();
      }
      out.push({
        role: c.role,
        label: c.label,
        username: c.who.person.staffId,
        password,
        fullName: c.who.person.fullName,
        unitName: c.unit.name,
      });
    }
    await recordAudit(trx, {
      at: now,
      actorUserId: null,
      action: 'demo.seed',
      entityType: 'unit',
      entityId: root.id,
      unitId: root.id,
      summary: `Tạo dữ liệu mẫu: ${rest.length} đơn vị, ${province.people.length} người`,
    });
    return out;
  });
  await seedDemoTraining(ctx, province, { seed: options.seed });
  const extras = await seedDemoCampaignExtras(ctx, { seed: options.seed });
  return { province, accounts, ...extras };
}
