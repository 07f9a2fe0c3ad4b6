import { describe, expect, it } from 'vitest';
import { personSnapshot, planImport, type ExistingPerson, type ExistingUnit } from './plan.ts';
import type { RosterRecord } from './types.ts';

const root: ExistingUnit = { id: 1, parentId: null, name: 'Sở Giáo dục và Đào tạo', kind: 'department', path: '/1/' };
const commune: ExistingUnit = { id: 2, parentId: 1, name: 'Xã Tân Lập', kind: 'commune', path: '/1/2/' };
const school: ExistingUnit = { id: 3, parentId: 2, name: 'Trường THCS Tân Lập', kind: 'school', path: '/1/2/3/' };
const other: ExistingUnit = { id: 4, parentId: 1, name: 'Xã Hồng Phong', kind: 'commune', path: '/1/4/' };
const otherSchool: ExistingUnit = { id: 5, parentId: 4, name: 'Trường THCS Tân Lập', kind: 'school', path: '/1/4/5/' };

const record = (overrides: Partial<RosterRecord> = {}): RosterRecord => ({
  excelRow: 5, fullName: 'Nguyễn Văn An', birthDate: '1980-01-02', gender: 'male', staffId: '0011001', citizenId: null,
  unitName: 'Trường THCS Tân Lập', communeName: 'Xã Tân Lập', position: 'teacher', schoolLevel: null, partyMember: false,
  partyJoinedOn: null, theoryLevel: null, phone: null, email: null, legacyDistrict: null, ...overrides,
});

describe('planImport', () => {
  it('matches unit names regardless of case, spacing, Unicode form and a missing "Trường"', () => {
    const plan = planImport([record({ unitName: 'thcs  TÂN LẬP'.normalize('NFD'), communeName: 'xã tân lập' })], root,
      [root, commune, school, other, otherSchool], []);
    expect(plan.problems).toEqual([]);
    expect(plan.unitsToCreate).toEqual([]);
    expect(plan.people[0]).toMatchObject({ unit: { existingId: 3 }, action: 'create' });
  });

  it('asks for the commune when two schools share a name', () => {
    const plan = planImport([record({ communeName: null })], root, [root, commune, school, other, otherSchool], []);
    expect(plan.problems[0]).toMatchObject({ row: 5, column: 'Đơn vị' });
  });

  it('lets a school import its own list, commune column included, without creating anything', () => {
    const existing: ExistingPerson = { id: 9, fullName: 'Nguyễn Văn An', staffId: '0011001', citizenId: null, unitId: 3,
      writable: true, snapshot: personSnapshot(record(), 3) };
    const plan = planImport([record()], school, [school], [existing]);
    expect(plan).toMatchObject({ unitsToCreate: [], problems: [] });
    expect(plan.people[0]).toMatchObject({ unit: { existingId: 3 }, action: 'unchanged', existingId: 9 });
  });

  it('creates no unit for a row it refuses', () => {
    const outside: ExistingPerson = { id: 9, fullName: 'Nguyễn Văn An', staffId: '0011001', citizenId: null, unitId: 5,
      writable: false, snapshot: '' };
    const plan = planImport([record({ unitName: 'Trường Mầm non Mới', communeName: 'Xã Mới' })], root, [root], [outside]);
    expect(plan.unitsToCreate).toEqual([]);
    expect(plan.problems[0].message).toContain('ngoài phạm vi quản lý');
  });
});
