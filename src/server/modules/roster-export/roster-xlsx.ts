/** The roster a unit office downloads as .xlsx; its columns are exactly what the roster importer reads back. */
import ExcelJS from 'exceljs';
import { GENDER_LABELS, POSITION_LABELS, SCHOOL_LEVEL_LABELS, labelOf } from '../../../domain/roster.ts';
import { addDataRow, excelDate, formatVnDate, layoutTable, type SheetColumn } from '../../files/xlsx-style.ts';

export interface RosterExportPerson {
  fullName: string;
  birthDate: string | null; // YYYY-MM-DD
  gender: string | null; // 'male' | 'female'
  staffId: string | null;
  citizenId: string | null;
  unitName: string;
  communeName: string | null;
  position: string; // 'manager' | 'teacher' | 'staff'
  /** The title as written in the roster, when there is one. */
  title: string | null;
  schoolLevel: string | null;
  partyMember: boolean;
  partyJoinedOn: string | null;
  theoryLevel: string | null;
  phone: string | null;
  email: string | null;
  legacyDistrict: string | null;
  /** Minutes added in every survey; written blank when 0. */
  extraMinutes?: number;
  active: boolean;
}

export interface RosterExportInput {
  title: string; // e.g. the unit name
  generatedAt: Date;
  people: RosterExportPerson[];
}

export const ROSTER_SHEET_NAME = 'Danh sách';
export const ROSTER_TITLE = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN';
export const ACTIVE_LABEL = 'Đang công tác';
export const INACTIVE_LABEL = 'Ngừng';
export const PARTY_MEMBER_MARK = 'x';
/** Row of the header (three title rows and a spacer above it); data starts on the next row. */
export const ROSTER_HEADER_ROW = 5;

export const ROSTER_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Họ và tên', width: 26, wrap: true },
  { header: 'Ngày sinh', width: 12, format: 'date', align: 'center' },
  { header: 'Giới tính', width: 8, align: 'center' },
  { header: 'Mã định danh', width: 15, format: 'text' },
  { header: 'Số CCCD', width: 15, format: 'text' },
  { header: 'Đơn vị', width: 30, wrap: true },
  { header: 'Xã/Phường', width: 18, wrap: true },
  { header: 'Chức vụ', width: 20, wrap: true },
  { header: 'Nhóm chức vụ', width: 15 },
  { header: 'Cấp học', width: 10 },
  { header: 'Đảng viên', width: 9, align: 'center' },
  { header: 'Ngày vào Đảng', width: 12, format: 'date', align: 'center' },
  { header: 'Trình độ LLCT', width: 14 },
  { header: 'Điện thoại', width: 13, format: 'text' },
  { header: 'Email', width: 26 },
  { header: 'Huyện (cũ)', width: 15 },
  { header: 'Thời gian cộng thêm (phút)', width: 14, align: 'center' },
  { header: 'Trạng thái', width: 13 },
];

/** The header texts, in order: the importer's contract. */
export const ROSTER_HEADERS: readonly string[] = ROSTER_COLUMNS.map((c) => c.header);

function rowValues(person: RosterExportPerson, index: number): unknown[] {
  const values = [
    index + 1,
    person.fullName,
    excelDate(person.birthDate),
    labelOf(GENDER_LABELS, person.gender),
    person.staffId ?? '',
    person.citizenId ?? '',
    person.unitName,
    person.communeName ?? '',
    person.title ?? labelOf(POSITION_LABELS, person.position),
    labelOf(POSITION_LABELS, person.position),
    labelOf(SCHOOL_LEVEL_LABELS, person.schoolLevel),
    person.partyMember ? PARTY_MEMBER_MARK : '',
    excelDate(person.partyJoinedOn),
    person.theoryLevel ?? '',
    person.phone ?? '',
    person.email ?? '',
    person.legacyDistrict ?? '',
    person.extraMinutes ? person.extraMinutes : '',
    person.active ? ACTIVE_LABEL : INACTIVE_LABEL,
  ];
  return values.map((v) => (v === '' ? null : v)); // blank cells, not empty strings
}

export async function writeRosterXlsx(input: RosterExportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bồi dưỡng';
  workbook.created = input.generatedAt;
  const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME);
  const headerRow = layoutTable(
    sheet,
    {
      titles: [ROSTER_TITLE, input.title, { text: `Ngày xuất: ${formatVnDate(input.generatedAt, true)}`, italic: true, size: 11 }],
      columns: ROSTER_COLUMNS,
      spacer: true,
    },
    2,
  );
  input.people.forEach((person, i) => addDataRow(sheet, rowValues(person, i), ROSTER_COLUMNS.length));
  const lastRow = headerRow + input.people.length;
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: ROSTER_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
