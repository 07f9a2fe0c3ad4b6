/** Finding the header row of a roster sheet and mapping its columns to roster fields. */
import { fold, normalizeText } from '../text.ts';
import type { CellValue, RosterField, RosterProblem, SheetRow } from './types.ts';

/** The canonical columns, in template order, with their Vietnamese labels. */
export const ROSTER_COLUMNS: readonly { field: RosterField; label: string }[] = [
  { field: 'fullName', label: 'Họ và tên' },
  { field: 'birthDate', label: 'Ngày sinh' },
  { field: 'gender', label: 'Giới tính' },
  { field: 'staffId', label: 'Mã định danh' },
  { field: 'citizenId', label: 'Số CCCD' },
  { field: 'unitName', label: 'Đơn vị' },
  { field: 'communeName', label: 'Xã/Phường' },
  { field: 'position', label: 'Chức vụ' },
  { field: 'positionGroup', label: 'Nhóm chức vụ' },
  { field: 'schoolLevel', label: 'Cấp học' },
  { field: 'partyMember', label: 'Đảng viên' },
  { field: 'partyJoinedOn', label: 'Ngày vào Đảng' },
  { field: 'theoryLevel', label: 'Trình độ LLCT' },
  { field: 'phone', label: 'Điện thoại' },
  { field: 'email', label: 'Email' },
  { field: 'legacyDistrict', label: 'Huyện (cũ)' },
  { field: 'extraMinutes', label: 'Thời gian cộng thêm (phút)' },
];

export const FIELD_LABELS = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, c.label])) as Record<RosterField, string>;

/** familyName/givenName: a name split over "Họ đệm" and "Tên" columns; rowNumber: the STT column. */
type ColumnKey = RosterField | 'familyName' | 'givenName' | 'rowNumber';

// Folded, punctuation-free forms (see headerKeys).
const ALIASES: Record<ColumnKey, string[]> = {
  fullName: [
    'ho va ten',
    'ho ten',
    'ho va ten can bo',
    'ho ten can bo',
    'ten can bo giao vien',
    'ho va ten can bo giao vien',
    'ho va ten can bo giao vien nhan vien',
    'ho va ten cb gv nv',
  ],
  familyName: ['ho dem', 'ho va ten dem', 'ho va dem', 'ho va chu dem', 'ho lot'],
  givenName: ['ten'],
  birthDate: ['ngay sinh', 'ngay thang nam sinh', 'sinh ngay', 'nam sinh'],
  gender: ['gioi tinh', 'nam nu', 'gioi'],
  staffId: ['ma dinh danh', 'ma cb', 'ma can bo', 'ma dinh danh nganh', 'ma so', 'ma dinh danh can bo', 'ma nhan vien', 'ma gv'],
  citizenId: [
    'so cccd',
    'cccd',
    'so dinh danh ca nhan',
    'cmnd cccd',
    'so cmnd cccd',
    'can cuoc cong dan',
    'so can cuoc cong dan',
    'so can cuoc',
    'can cuoc',
    'cccd cmnd',
    'so cccd cmnd',
    'so cmnd',
    'cmnd',
  ],
  unitName: ['don vi', 'truong', 'don vi cong tac', 'ten don vi', 'ten truong', 'noi cong tac', 'co quan don vi'],
  communeName: ['xa phuong', 'phuong xa', 'xa', 'phuong', 'xa phuong dac khu', 'xa phuong thi tran'],
  position: ['chuc vu', 'vi tri viec lam', 'chuc danh', 'chuc vu chuc danh', 'chuc danh chuc vu'],
  positionGroup: ['nhom chuc vu', 'nhom', 'phan loai', 'loai can bo', 'doi tuong', 'phan loai can bo'],
  schoolLevel: ['cap hoc', 'bac hoc'],
  partyMember: ['dang vien', 'la dang vien'],
  partyJoinedOn: ['ngay vao dang', 'ngay ket nap dang', 'ngay ket nap'],
  theoryLevel: ['trinh do llct', 'ly luan chinh tri', 'trinh do ly luan chinh tri', 'llct', 'trinh do chinh tri'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'dien thoai di dong', 'so dien thoai di dong', 'dtdd'],
  email: ['email', 'e mail', 'thu dien tu', 'dia chi email'],
  legacyDistrict: ['huyen cu', 'huyen', 'quan huyen', 'huyen thi xa thanh pho cu', 'quan huyen cu'],
  extraMinutes: [
    'thoi gian cong them',
    'cong them thoi gian',
    'them gio',
    'them thoi gian',
    'cong them gio',
    'gio cong them',
    'phut cong them',
    'so phut cong them',
    'thoi gian duoc cong them',
    'thoi gian them',
    'thoi gian lam bai cong them',
    'cong them thoi gian lam bai',
    'thoi gian cong them khi lam khao sat',
    'thoi gian cong them khi lam bai',
  ],
  rowNumber: ['stt', 'tt', 'so tt', 'so thu tu'],
};

// Header families long enough to be matched on their first words ("Họ và tên cán bộ, giáo viên, ...").
const PREFIXES: [string, ColumnKey][] = [
  ['ho va ten dem', 'familyName'],
  ['ho va ten', 'fullName'],
  ['ho ten', 'fullName'],
  ['ngay thang nam sinh', 'birthDate'],
  ['ngay sinh', 'birthDate'],
  ['so dien thoai', 'phone'],
  ['dien thoai', 'phone'],
  ['ngay vao dang', 'partyJoinedOn'],
  ['ngay ket nap dang', 'partyJoinedOn'],
  ['trinh do ly luan chinh tri', 'theoryLevel'],
  ['don vi cong tac', 'unitName'],
  ['thoi gian cong them', 'extraMinutes'],
  ['cong them thoi gian', 'extraMinutes'],
];

const ALIAS_INDEX = new Map<string, ColumnKey>(
  (Object.entries(ALIASES) as [ColumnKey, string[]][]).flatMap(([key, names]) => names.map((name) => [name, key] as const)),
);

export interface ColumnMap {
  headerRow: number;
  /** Cell index (0 = column A) of each field found. */
  index: Partial<Record<RosterField, number>>;
  /** The header text of each field as the file shows it. */
  labels: Partial<Record<RosterField, string>>;
  /** Second half of a name split over two columns, joined to fullName. */
  givenNameIndex: number | null;
  rowNumberIndex: number | null;
}

/** A cell as trimmed text with collapsed spaces; '' when empty. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return normalizeText(String(value));
}

const squash = (text: string): string => text.replace(/[^a-z0-9]+/g, ' ').trim();

/** Folded header keys: with and without parenthesised notes like "(*)" or "(dd/mm/yyyy)". */
function headerKeys(text: string): string[] {
  const folded = fold(text);
  const keys = [squash(folded), squash(folded.replace(/\([^)]*\)/g, ' '))];
  return keys[0] === keys[1] ? [keys[0]] : keys;
}

/** The column a header text stands for, or null when unknown. */
export function matchHeader(text: string): ColumnKey | null {
  const keys = headerKeys(text).filter(Boolean);
  for (const key of keys) {
    const exact = ALIAS_INDEX.get(key);
    if (exact) return exact;
  }
  for (const key of keys) {
    const prefix = PREFIXES.find(([name]) => key.startsWith(`${name} `));
    if (prefix) return prefix[1];
  }
  return null;
}

function mapRow(row: SheetRow): ColumnMap {
  const map: ColumnMap = { headerRow: row.excelRow, index: {}, labels: {}, givenNameIndex: null, rowNumberIndex: null };
  let splitName = false;
  let givenIndex: number | null = null;
  row.cells.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const key = matchHeader(cell);
    if (key === null) return;
    if (key === 'rowNumber') {
      map.rowNumberIndex ??= i;
      return;
    }
    if (key === 'givenName') {
      givenIndex ??= i;
      return;
    }
    const field = key === 'familyName' ? 'fullName' : key;
    const existing = map.index[field];
    if (existing === undefined) {
      map.index[field] = i;
      map.labels[field] = cellText(cell);
      splitName ||= key === 'familyName';
    } else if (field === 'fullName' && existing === i - 1 && givenIndex === null) {
      // "Họ và tên" merged over two columns: family name and given name in separate cells.
      givenIndex = i;
      splitName = true;
    }
  });
  // A lone "Tên" next to a whole "Họ và tên" is a sorting copy of the given name, not its second half.
  map.givenNameIndex = splitName ? givenIndex : null;
  return map;
}

/** The header row: the first of the first 20 rows with a name column and at least one more known column. */
export function findHeader(rows: readonly SheetRow[]): ColumnMap | null {
  for (const row of rows) {
    if (row.excelRow > 20) break;
    const map = mapRow(row);
    const fields = Object.keys(map.index);
    if (fields.includes('fullName') && fields.length >= 2) return map;
  }
  return null;
}

/** Header text of a field as found in the file, or its canonical label when the column is missing. */
export function columnLabel(map: ColumnMap, field: RosterField): string {
  return map.labels[field] ?? FIELD_LABELS[field];
}

/** One problem per required column the header lacks. */
export function missingColumnProblems(map: ColumnMap): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const row = map.headerRow;
  if (map.index.unitName === undefined) {
    problems.push({ row, column: FIELD_LABELS.unitName, message: `Thiếu cột "Đơn vị" ở dòng tiêu đề (dòng ${row}).` });
  }
  if (map.index.staffId === undefined && map.index.citizenId === undefined) {
    problems.push({
      row,
      column: FIELD_LABELS.staffId,
      message: `Thiếu cột "Mã định danh" hoặc "Số CCCD" ở dòng tiêu đề (dòng ${row}): cần ít nhất một trong hai cột.`,
    });
  }
  return problems;
}

/** The problem reported when no header row is found at all. */
export function headerNotFoundProblem(): RosterProblem {
  return {
    row: 1,
    column: FIELD_LABELS.fullName,
    message:
      'Không tìm thấy dòng tiêu đề: trong 20 dòng đầu cần có một dòng gồm cột "Họ và tên" và các cột khác như "Đơn vị", "Mã định danh", "Số CCCD".',
  };
}
