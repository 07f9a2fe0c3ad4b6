/** Vocabulary of the roster: unit kinds, school levels, positions, genders, with their Vietnamese labels. */

export const UNIT_KINDS = ['department', 'commune', 'school', 'center', 'political_center', 'party_cell', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: 'Sở / phòng ban',
  commune: 'Xã / phường',
  school: 'Trường học',
  center: 'Trung tâm GDNN–GDTX',
  political_center: 'Trung tâm chính trị',
  party_cell: 'Chi bộ',
  other: 'Đơn vị khác',
};

export const SCHOOL_LEVELS = ['mam_non', 'tieu_hoc', 'thcs', 'thpt', 'gdtx', 'lien_cap'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, string> = {
  mam_non: 'Mầm non',
  tieu_hoc: 'Tiểu học',
  thcs: 'THCS',
  thpt: 'THPT',
  gdtx: 'GDTX',
  lien_cap: 'Liên cấp',
};

export const POSITIONS = ['manager', 'teacher', 'staff'] as const;
export type Position = (typeof POSITIONS)[number];
export const POSITION_LABELS: Record<Position, string> = {
  manager: 'Cán bộ quản lý',
  teacher: 'Giáo viên',
  staff: 'Nhân viên',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

export function labelOf<T extends string>(labels: Record<T, string>, value: string | null | undefined): string {
  return value && value in labels ? labels[value as T] : '';
}
