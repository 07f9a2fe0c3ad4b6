/** One sheet row → a normalised roster record, or the problems that keep it out. */
import { cellText, columnLabel, type ColumnMap } from './header.ts';
import { ageOn, formatViDate, isoDay, parseDateCell, type Parsed } from './dates.ts';
import {
  parseCitizenId,
  parseEmail,
  parseExtraMinutes,
  parseFullName,
  parseGender,
  parsePartyMember,
  parsePhone,
  parsePosition,
  parsePositionGroup,
  parseSchoolLevel,
  parseStaffId,
  parseTheoryLevel,
} from './fields.ts';
import type { CellValue, RosterField, RosterProblem, RosterRecord, SheetRow } from './types.ts';

export const MIN_AGE = 17;
export const MAX_AGE = 80;
const PARTY_MIN_AGE = 18;

export interface RowParseResult {
  /** null when the row has any problem. */
  record: RosterRecord | null;
  problems: RosterProblem[];
  /** Ids read from the row even when other fields failed, for the duplicate check. */
  staffId: string | null;
  citizenId: string | null;
}

const isBlank = (value: CellValue | undefined): boolean => cellText(value) === '';

/** The cells of the row that belong to a known column (STT and unknown columns left out). */
function fieldCells(row: SheetRow, columns: ColumnMap): CellValue[] {
  const indexes = [...Object.values(columns.index), columns.givenNameIndex];
  return indexes.filter((i): i is number => i !== null && i !== undefined).map((i) => row.cells[i] ?? null);
}

/** Rows to skip without counting: blank, only an STT number, or nothing in any known column. */
export function isEmptyRow(row: SheetRow, columns: ColumnMap): boolean {
  return fieldCells(row, columns).every(isBlank);
}

/** "(1) (2) (3) …" under the header, or the header repeated on a later page. */
export function isHeaderEcho(row: SheetRow, columns: ColumnMap, header: SheetRow | undefined): boolean {
  const filled = row.cells.map(cellText).filter(Boolean);
  if (filled.length >= 3 && filled.every((text) => /^\(?\d{1,2}\)?$/.test(text))) return true;
  const nameIndex = columns.index.fullName;
  return nameIndex !== undefined && header !== undefined && cellText(row.cells[nameIndex]) === cellText(header.cells[nameIndex]);
}

function readName(row: SheetRow, columns: ColumnMap): string {
  const parts = [columns.index.fullName, columns.givenNameIndex].map((i) => (i === undefined || i === null ? '' : cellText(row.cells[i])));
  return parts.filter(Boolean).join(' ');
}

export function parseRosterRow(row: SheetRow, columns: ColumnMap, today: Date): RowParseResult {
  const problems: RosterProblem[] = [];
  const cell = (field: RosterField): CellValue => {
    const i = columns.index[field];
    return i === undefined ? null : (row.cells[i] ?? null);
  };
  const report = (field: RosterField, message: string) =>
    problems.push({ row: row.excelRow, column: columnLabel(columns, field), message });
  function take<T>(field: RosterField, parsed: Parsed<T>, fallback: T): T {
    if (parsed.ok) return parsed.value;
    report(field, parsed.message);
    return fallback;
  }

  const fullName = take('fullName', parseFullName(readName(row, columns)), '');
  const birthDate = take('birthDate', parseDateCell(cell('birthDate'), 'Ngày sinh', { yearOnly: true }), null);
  if (birthDate) {
    const age = ageOn(birthDate, today);
    if (age < MIN_AGE || age > MAX_AGE) {
      report('birthDate', `Ngày sinh không hợp lệ: ${formatViDate(birthDate)} (tuổi phải từ ${MIN_AGE} đến ${MAX_AGE}, đang là ${age})`);
    }
  }
  const gender = take('gender', parseGender(cell('gender')), null);

  const staffId = take('staffId', parseStaffId(cell('staffId')), null);
  const citizenId = take('citizenId', parseCitizenId(cell('citizenId')), null);
  if (isBlank(cell('staffId')) && isBlank(cell('citizenId'))) {
    const field = columns.index.staffId === undefined ? 'citizenId' : 'staffId';
    report(field, 'Thiếu mã định danh: cần có Mã định danh hoặc Số CCCD');
  }

  const unitName = cellText(cell('unitName'));
  if (!unitName) report('unitName', 'Thiếu đơn vị');
  const { title, position: titled } = take('position', parsePosition(cell('position')), { title: null, position: null });
  const position = take('positionGroup', parsePositionGroup(cell('positionGroup')), null) ?? titled;
  const schoolLevel = take('schoolLevel', parseSchoolLevel(cell('schoolLevel')), null);

  const party = take('partyMember', parsePartyMember(cell('partyMember')), { member: false, joinedOn: null });
  const partyJoinedOn = take('partyJoinedOn', parseDateCell(cell('partyJoinedOn'), 'Ngày vào Đảng'), null) ?? party.joinedOn;
  const partyField = isBlank(cell('partyJoinedOn')) ? 'partyMember' : 'partyJoinedOn';
  if (partyJoinedOn && partyJoinedOn > isoDay(today)) {
    report(partyField, `Ngày vào Đảng không hợp lệ: ${formatViDate(partyJoinedOn)} (sau ngày hôm nay)`);
  } else if (partyJoinedOn && birthDate && ageOn(birthDate, new Date(`${partyJoinedOn}T00:00:00Z`)) < PARTY_MIN_AGE) {
    report(partyField, `Ngày vào Đảng không hợp lệ: ${formatViDate(partyJoinedOn)} (khi đó chưa đủ ${PARTY_MIN_AGE} tuổi)`);
  }

  const phone = take('phone', parsePhone(cell('phone')), null);
  const email = take('email', parseEmail(cell('email')), null);
  // The column is optional: without it the stored extra time is kept (null), with it a blank cell is 0.
  const extraMinutes =
    columns.index.extraMinutes === undefined ? null : take<number | null>('extraMinutes', parseExtraMinutes(cell('extraMinutes')), null);

  const record: RosterRecord | null =
    problems.length > 0
      ? null
      : {
          excelRow: row.excelRow,
          fullName,
          birthDate,
          gender,
          staffId,
          citizenId,
          unitName,
          communeName: cellText(cell('communeName')) || null,
          position,
          title,
          schoolLevel,
          partyMember: party.member || partyJoinedOn !== null,
          partyJoinedOn,
          theoryLevel: parseTheoryLevel(cell('theoryLevel')),
          phone,
          email,
          legacyDistrict: cellText(cell('legacyDistrict')) || null,
          extraMinutes,
        };
  return { record, problems, staffId, citizenId };
}
