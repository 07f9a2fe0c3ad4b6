import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENDERS, POSITIONS, SCHOOL_LEVELS, UNIT_KINDS } from '../roster.ts';
import { normalizeText } from '../text.ts';
import { allocate, generateDemoProvince, type DemoPerson, type DemoProvince } from './province.ts';
import { Random } from './random.ts';

const TODAY = new Date('2026-05-01T00:00:00Z');
const full = generateDemoProvince({ seed: 42, today: TODAY });
const small = generateDemoProvince({ seed: 7, people: 500, today: TODAY });

const share = (people: DemoPerson[], pred: (p: DemoPerson) => boolean) => people.filter(pred).length / people.length;

function ageOn(birthDate: string, day: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const beforeBirthday = day.getUTCMonth() + 1 < m || (day.getUTCMonth() + 1 === m && day.getUTCDate() < d);
  return day.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

function checkStructure(province: DemoProvince) {
  const { units, people } = province;
  const codes = new Set(units.map((u) => u.code));
  expect(codes.size).toBe(units.length);
  expect(units[0]).toMatchObject({ code: 'SGD', kind: 'department', parentCode: null });
  const seen = new Set<string>();
  for (const unit of units) {
    expect(unit.code).toMatch(/^[A-Z0-9-]{2,12}$/);
    expect(UNIT_KINDS).toContain(unit.kind);
    if (unit.schoolLevel !== null) expect(SCHOOL_LEVELS).toContain(unit.schoolLevel);
    expect(unit.name).toBe(normalizeText(unit.name));
    if (unit !== units[0]) {
      expect(unit.parentCode).not.toBeNull();
      expect(seen.has(unit.parentCode!)).toBe(true); // parents before children: no cycles possible
    }
    seen.add(unit.code);
  }
  for (const key of ['staffId', 'citizenId', 'phone'] as const) {
    expect(new Set(people.map((p) => p[key])).size).toBe(people.length);
  }
  const emails = people.flatMap((p) => (p.email ? [p.email] : []));
  expect(new Set(emails).size).toBe(emails.length);
  for (const p of people) expect(codes.has(p.unitCode)).toBe(true);
}

describe('generateDemoProvince', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoProvince({ seed: 42, today: TODAY })).toEqual(full);
    const other = generateDemoProvince({ seed: 43, today: TODAY });
    expect(other.people.map((p) => p.citizenId)).not.toEqual(full.people.map((p) => p.citizenId));
  });

  it('builds a province of about 30 communes and 160 schools and centres', () => {
    const { units } = full;
    const count = (kind: string) => units.filter((u) => u.kind === kind).length;
    expect(count('department')).toBe(1);
    expect(count('commune')).toBe(30);
    const establishments = units.filter((u) => ['school', 'center', 'political_center'].includes(u.kind));
    expect(establishments.length).toBeGreaterThanOrEqual(140);
    expect(establishments.length).toBeLessThanOrEqual(180);
    expect(units.filter((u) => u.schoolLevel === 'thpt')).toHaveLength(20);
    expect(units.filter((u) => u.schoolLevel === 'gdtx' && u.kind === 'center')).toHaveLength(5);
    expect(count('political_center')).toBeGreaterThanOrEqual(5);
    expect(count('party_cell')).toBeGreaterThanOrEqual(3);
    expect(new Set(units.filter((u) => u.kind === 'school').map((u) => u.name)).size).toBe(count('school'));
  });

  it('places units where the 2025 organisation puts them', () => {
    const byCode = new Map(full.units.map((u) => [u.code, u]));
    for (const unit of full.units) {
      const parent = unit.parentCode ? byCode.get(unit.parentCode)! : null;
      if (unit.kind === 'commune') {
        expect(parent?.code).toBe('SGD');
        expect(unit.name).toMatch(/^(Xã|Phường) /);
        expect(unit.legacyDistrict).toMatch(/\(cũ\)$/);
      }
      if (['mam_non', 'tieu_hoc', 'thcs', 'lien_cap'].includes(unit.schoolLevel ?? '')) expect(parent?.kind).toBe('commune');
      if (['thpt', 'gdtx'].includes(unit.schoolLevel ?? '') || unit.kind === 'political_center') {
        expect(parent?.code).toBe('SGD');
      }
      if (unit.kind === 'party_cell') {
        expect(parent?.schoolLevel).toBe('thpt');
        expect(unit.name).toBe(`Chi bộ ${parent!.name}`);
      }
    }
    expect(new Set(full.units.map((u) => u.legacyDistrict).filter(Boolean)).size).toBeGreaterThanOrEqual(5);
  });

  it('has valid, unique identifiers and a unit for everyone', () => {
    checkStructure(full);
    checkStructure(small);
    for (const p of full.people) {
      expect(p.staffId).toMatch(/^\d{10}$/);
      expect(p.phone).toMatch(/^0[3789]\d{8}$/);
      if (p.email) expect(p.email).toMatch(/^[a-z0-9.]+@example\.edu\.vn$/);
      const year = Number(p.birthDate.slice(0, 4));
      const digit = (year < 2000 ? 0 : 2) + (p.gender === 'female' ? 1 : 0);
      expect(p.citizenId).toBe(`${p.citizenId.slice(0, 3)}${digit}${p.birthDate.slice(2, 4)}${p.citizenId.slice(6)}`);
      expect(p.citizenId).toMatch(/^0\d{11}$/);
    }
    expect(full.people.some((p) => p.staffId.startsWith('0'))).toBe(true);
  });

  it('honours the requested head count and staffs every school', () => {
    expect(full.people).toHaveLength(10_000);
    expect(small.people).toHaveLength(500);
    for (const province of [full, small]) {
      const staffed = new Set(province.people.map((p) => p.unitCode));
      for (const unit of province.units) {
        if (['department', 'school', 'center', 'political_center'].includes(unit.kind)) expect(staffed.has(unit.code)).toBe(true);
      }
    }
    expect(generateDemoProvince({ people: 0, today: TODAY }).people).toEqual([]);
  });

  it('writes NFC names of mostly three or more words', () => {
    for (const p of full.people) {
      expect(p.fullName).toBe(normalizeText(p.fullName));
      expect(p.fullName.split(' ').length).toBeGreaterThanOrEqual(2);
    }
    expect(share(full.people, (p) => p.fullName.split(' ').length >= 3)).toBeGreaterThan(0.95);
    expect(share(full.people, (p) => p.fullName.startsWith('Nguyễn '))).toBeGreaterThan(0.3);
  });

  it('has plausible proportions', () => {
    const { people } = full;
    expect(share(people, (p) => p.position === 'teacher')).toBeGreaterThanOrEqual(0.7);
    expect(share(people, (p) => p.gender === 'female')).toBeGreaterThanOrEqual(0.6);
    const party = share(people, (p) => p.partyMember);
    expect(party).toBeGreaterThanOrEqual(0.25);
    expect(party).toBeLessThanOrEqual(0.5);
    const managers = people.filter((p) => p.position === 'manager');
    expect(managers.length / people.length).toBeGreaterThanOrEqual(0.04);
    expect(managers.length / people.length).toBeLessThanOrEqual(0.09);
    expect(share(managers, (p) => p.partyMember)).toBeGreaterThan(0.8);
    expect(share(managers, (p) => p.theoryLevel === 'Trung cấp' || p.theoryLevel === 'Cao cấp')).toBeGreaterThan(0.6);
    const email = share(people, (p) => p.email !== null);
    expect(email).toBeGreaterThan(0.4);
    expect(email).toBeLessThan(0.6);
    const preschool = new Set(full.units.filter((u) => u.schoolLevel === 'mam_non').map((u) => u.code));
    expect(
      share(
        people.filter((p) => preschool.has(p.unitCode)),
        (p) => p.gender === 'female',
      ),
    ).toBeGreaterThan(0.9);
    const meanAge = (list: DemoPerson[]) => list.reduce((s, p) => s + ageOn(p.birthDate, TODAY), 0) / list.length;
    expect(meanAge(managers)).toBeGreaterThan(meanAge(people.filter((p) => p.position !== 'manager')));
  });

  it('gives every school one principal and one to three deputies', () => {
    const managersBySchool = new Map<string, number>();
    for (const p of full.people)
      if (p.position === 'manager') managersBySchool.set(p.unitCode, (managersBySchool.get(p.unitCode) ?? 0) + 1);
    for (const unit of full.units.filter((u) => u.kind === 'school')) {
      expect(managersBySchool.get(unit.code)).toBeGreaterThanOrEqual(2);
      expect(managersBySchool.get(unit.code)).toBeLessThanOrEqual(4);
    }
  });

  it('keeps dates consistent: ages 22–60, party admission after 18 and before today', () => {
    for (const p of [...full.people, ...small.people]) {
      expect(GENDERS).toContain(p.gender);
      expect(POSITIONS).toContain(p.position);
      const age = ageOn(p.birthDate, TODAY);
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(60);
      if (!p.partyMember) {
        expect(p.partyJoinedOn).toBeNull();
        continue;
      }
      expect(p.partyJoinedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(ageOn(p.birthDate, new Date(`${p.partyJoinedOn}T00:00:00Z`))).toBeGreaterThanOrEqual(18);
      expect(p.partyJoinedOn! <= TODAY.toISOString().slice(0, 10)).toBe(true);
    }
  });

  it('generates 10,000 people quickly', () => {
    const start = performance.now();
    generateDemoProvince({ seed: 1, today: TODAY });
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('allocate', () => {
  it('splits exactly, at least one each when possible', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 50 }), fc.nat(5000), (weights, total) => {
        const sizes = allocate(weights, total);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
        if (total >= weights.length) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('Random', () => {
  it('repeats for a seed and stays in range', () => {
    const a = new Random(5);
    const b = new Random(5);
    const xs = Array.from({ length: 100 }, () => a.int(3, 9));
    expect(xs).toEqual(Array.from({ length: 100 }, () => b.int(3, 9)));
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(9);
    expect(a.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(a.digits(12)).toMatch(/^\d{12}$/);
  });
});
