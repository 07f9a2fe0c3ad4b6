import { describe, expect, it } from 'vitest';
import { personSnapshot, planImport, type ExistingPerson, type ExistingUnit } from './plan.ts';
import type { RosterRecord } from './types.ts';

const root: ExistingUnit = { id: 1, parentId: null, name: 'Sở Giáo dục và Đào tạo', kind: 'department', path: '/1/' };
const commune: ExistingUnit = { id: 2, parentId: 1, name: 'Xã Tân Lập', kind: 'commune', path: '/1/2/' };
const school: ExistingUnit = { id: 3, parentId: 2, name: 'Trường THCS Tân Lập', kind: 'school', path: '/1/2/3/' };
const other: ExistingUnit = { id: 4, parentId: 1, name: 'Xã Hồng Phong', kind: 'commune', path: '/1/4/' };
const otherSchool: ExistingUnit = { id: 5, parentId: 4, name: 'Trường THCS Tân Lập', kind: 'school', path: '/1/4/5/' };

const record = (overrides: Partial<RosterRecord> = {}): RosterRecord => ({
  excelRow: 5,
  fullName: 'Nguyễn Văn An',
  birthDate: '1980-01-02',
  gender: 'male',
  staffId: '0011001',
  citizenId: null,
  unitName: 'Trường THCS Tân Lập',
  communeName: 'Xã Tân Lập',
  position: 'teacher',
  title: null,
  schoolLevel: null,
  partyMember: false,
  partyJoinedOn: null,
  theoryLevel: null,
  phone: null,
  email: null,
  legacyDistrict: null,
  ...overrides,
});

describe('planImport', () => {
  it('matches unit names regardless of case, spacing, Unicode form and a missing "Trường"', () => {
    const plan = planImport(
      [record({ unitName: 'thcs  TÂN LẬP'.normalize('NFD'), communeName: 'xã tân lập' })],
      root,
      [root, commune, school, other, otherSchool],
      [],
    );
    expect(plan.problems).toEqual([]);
    expect(plan.unitsToCreate).toEqual([]);
    expect(plan.people[0]).toMatchObject({ unit: { existingId: 3 }, action: 'create' });
  });

  it.each([
    ['TH Lũng Pô', 'Trường Tiểu học Lũng Pô'],
    ['Truong TH Lung Po', 'Trường Tiểu học Lũng Pô'],
    ['PTDTBT TH&THCS Nậm Chảy', 'Trường PTDTBT Tiểu học và THCS Nậm Chảy'],
    ['Trường Phổ thông DTNT THCS và THPT huyện Mường Khương', 'Trường PTDTNT THCS&THPT Huyện Mường Khương'],
    ['TT GDNN–GDTX Bát Xát', 'Trung tâm GDNN - GDTX Bát Xát'],
    ['MN Hoa Ban', 'Trường Mầm non Hoa Ban'],
    ['MG Sơn Ca', 'Trường Mẫu giáo Sơn Ca'],
    ['THPT số 1 Bảo Yên', 'Trường Trung học phổ thông Số 1 Bảo Yên'],
  ])('matches the abbreviated or unaccented "%s" to the existing "%s"', (written, stored) => {
    const unit: ExistingUnit = { id: 7, parentId: 2, name: stored, kind: 'school', path: '/1/2/7/' };
    const plan = planImport([record({ unitName: written })], root, [root, commune, unit], []);
    expect(plan.problems).toEqual([]);
    expect(plan.unitsToCreate).toEqual([]);
    expect(plan.people[0].unit).toEqual({ existingId: 7 });
  });

  it('two units whose names differ only by diacritics are ambiguous, never merged silently', () => {
    const a: ExistingUnit = { id: 7, parentId: 2, name: 'Trường Tiểu học Na Hối', kind: 'school', path: '/1/2/7/' };
    const b: ExistingUnit = { id: 8, parentId: 2, name: 'Trường Tiểu học Nà Hối', kind: 'school', path: '/1/2/8/' };
    const plan = planImport([record({ unitName: 'TH Nà Hối' })], root, [root, commune, a, b], []);
    expect(plan.people).toEqual([]);
    expect(plan.problems[0]).toMatchObject({ row: 5, column: 'Đơn vị', message: expect.stringContaining('Có nhiều đơn vị tên') });
  });

  it('a new unit keeps the "Huyện (cũ)" of the row that named it first', () => {
    const plan = planImport(
      [record({ unitName: 'Trường Mầm non Mới', communeName: 'Xã Mới', legacyDistrict: 'Huyện Bắc Hà' })],
      root,
      [root],
      [],
    );
    expect(plan.unitsToCreate.map((u) => [u.name, u.legacyDistrict])).toEqual([
      ['Xã Mới', 'Huyện Bắc Hà'],
      ['Trường Mầm non Mới', 'Huyện Bắc Hà'],
    ]);
  });

  it('asks for the commune when two schools share a name', () => {
    const plan = planImport([record({ communeName: null })], root, [root, commune, school, other, otherSchool], []);
    expect(plan.problems[0]).toMatchObject({ row: 5, column: 'Đơn vị' });
  });

  it('lets a school import its own list, commune column included, without creating anything', () => {
    const existing: ExistingPerson = {
      id: 9,
      fullName: 'Nguyễn Văn An',
      staffId: '0011001',
      citizenId: null,
      unitId: 3,
      writable: true,
      snapshot: personSnapshot(record(), 3),
      extraMinutes: 0,
    };
    const plan = planImport([record()], school, [school], [existing]);
    expect(plan).toMatchObject({ unitsToCreate: [], problems: [] });
    expect(plan.people[0]).toMatchObject({ unit: { existingId: 3 }, action: 'unchanged', existingId: 9 });
  });

  it('compares the extra minutes only when the file has the column', () => {
    const existing: ExistingPerson = {
      id: 9,
      fullName: 'Nguyễn Văn An',
      staffId: '0011001',
      citizenId: null,
      unitId: 3,
      writable: true,
      snapshot: personSnapshot(record(), 3),
      extraMinutes: 30,
    };
    const action = (extraMinutes: number | null) => planImport([record({ extraMinutes })], school, [school], [existing]).people[0].action;
    expect(action(null)).toBe('unchanged');
    expect(action(30)).toBe('unchanged');
    expect(action(0)).toBe('update');
    expect(planImport([record({ extraMinutes: 15 })], school, [school], [existing]).people[0].existing).toMatchObject({ extraMinutes: 30 });
  });

  it('creates no unit for a row it refuses', () => {
    const outside: ExistingPerson = {
      id: 9,
      fullName: 'Nguyễn Văn An',
      staffId: '0011001',
      citizenId: null,
      unitId: 5,
      writable: false,
      snapshot: '',
      extraMinutes: 0,
    };
    const plan = planImport([record({ unitName: 'Trường Mầm non Mới', communeName: 'Xã Mới' })], root, [root], [outside]);
    expect(plan.unitsToCreate).toEqual([]);
    expect(plan.problems[0].message).toContain('ngoài phạm vi quản lý');
  });
});
