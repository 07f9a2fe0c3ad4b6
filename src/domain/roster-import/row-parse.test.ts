import { describe, expect, it } from 'vitest';
import { findHeader, type ColumnMap } from './header.ts';
import { isEmptyRow, isHeaderEcho, parseRosterRow } from './row-parse.ts';
import type { CellValue } from './types.ts';

const TODAY = new Date(Date.UTC(2026, 5, 1));
const HEADER = [
  'STT',
  'Họ và tên (*)',
  'Ngày sinh',
  'Giới tính',
  'Mã CB',
  'CMND/CCCD',
  'Trường',
  'Xã/Phường',
  'Chức vụ',
  'Cấp học',
  'Đảng viên',
  'Ngày vào Đảng',
  'Trình độ LLCT',
  'SĐT',
  'Email',
  'Huyện (cũ)',
];
const columns = findHeader([{ excelRow: 5, cells: HEADER }]) as ColumnMap;

const GOOD: Record<string, CellValue> = {
  STT: 1,
  'Họ và tên (*)': 'NGUYỄN VĂN AN',
  'Ngày sinh': '15/03/1985',
  'Giới tính': 'Nam',
  'Mã CB': '0123456',
  'CMND/CCCD': 38085001234,
  Trường: 'Trường THCS Lê Lợi',
  'Xã/Phường': 'Xã Tân Lập',
  'Chức vụ': 'Giáo viên',
  'Cấp học': 'THCS',
  'Đảng viên': null,
  'Ngày vào Đảng': '19/05/2012',
  'Trình độ LLCT': 'sơ cấp',
  SĐT: 912345678,
  Email: 'An@Example.vn',
  'Huyện (cũ)': 'Huyện Tân Lập',
};

function row(changes: Record<string, CellValue> = {}, excelRow = 6) {
  const values = { ...GOOD, ...changes };
  return { excelRow, cells: HEADER.map((h) => values[h] ?? null) };
}

describe('parseRosterRow', () => {
  it('turns a good row into a normalised record', () => {
    const result = parseRosterRow(row(), columns, TODAY);
    expect(result.problems).toEqual([]);
    expect(result.record).toEqual({
      excelRow: 6,
      fullName: 'Nguyễn Văn An',
      birthDate: '1985-03-15',
      gender: 'male',
      staffId: '0123456',
      citizenId: '038085001234',
      unitName: 'Trường THCS Lê Lợi',
      communeName: 'Xã Tân Lập',
      position: 'teacher',
      title: null,
      schoolLevel: 'thcs',
      partyMember: true,
      partyJoinedOn: '2012-05-19',
      theoryLevel: 'Sơ cấp',
      phone: '0912345678',
      email: 'an@example.vn',
      legacyDistrict: 'Huyện Tân Lập',
      // No "Thời gian cộng thêm" column: null, the stored minutes are kept.
      extraMinutes: null,
    });
  });

  it('names the column as the file shows it, and keeps the row out of the records', () => {
    const result = parseRosterRow(row({ 'Ngày sinh': '31/02/1990', 'CMND/CCCD': '12AB' }), columns, TODAY);
    expect(result.record).toBeNull();
    expect(result.problems).toEqual([
      { row: 6, column: 'Ngày sinh', message: 'Ngày sinh không hợp lệ: 31/02/1990' },
      { row: 6, column: 'CMND/CCCD', message: 'Số CCCD chỉ được gồm chữ số' },
    ]);
    expect(result.staffId).toBe('0123456');
  });

  it('reports the file header text with its note, e.g. "Họ và tên (*)"', () => {
    const result = parseRosterRow(row({ 'Họ và tên (*)': null }), columns, TODAY);
    expect(result.problems).toEqual([{ row: 6, column: 'Họ và tên (*)', message: 'Thiếu họ và tên' }]);
  });

  it('needs one of the two ids', () => {
    const result = parseRosterRow(row({ 'Mã CB': null, 'CMND/CCCD': '' }), columns, TODAY);
    expect(result.problems).toEqual([{ row: 6, column: 'Mã CB', message: 'Thiếu mã định danh: cần có Mã định danh hoặc Số CCCD' }]);
    expect(parseRosterRow(row({ 'Mã CB': null }), columns, TODAY).record?.staffId).toBeNull();
  });

  it('checks the age against the injected today', () => {
    const young = parseRosterRow(row({ 'Ngày sinh': '02/06/2009', 'Ngày vào Đảng': null }), columns, TODAY);
    expect(young.problems).toEqual([
      {
        row: 6,
        column: 'Ngày sinh',
        message: 'Ngày sinh không hợp lệ: 02/06/2009 (tuổi phải từ 17 đến 80, đang là 16)',
      },
    ]);
    expect(parseRosterRow(row({ 'Ngày sinh': '01/06/2009', 'Ngày vào Đảng': null }), columns, TODAY).problems).toEqual([]);
    expect(parseRosterRow(row({ 'Ngày sinh': '1945-01-01' }), columns, TODAY).problems[0].message).toMatch(/đang là 81/);
    expect(parseRosterRow(row({ 'Ngày sinh': '1945' }), columns, TODAY).problems[0].message).toMatch(/đang là 81/);
  });

  it('takes a year of birth alone ("Năm sinh": 1985) as the year, as offices list it', () => {
    for (const value of [1985, '1985', 'năm 1985']) {
      const result = parseRosterRow(row({ 'Ngày sinh': value }), columns, TODAY);
      expect(result.problems).toEqual([]);
      expect(result.record?.birthDate).toBe('1985');
    }
    const yearColumn = findHeader([{ excelRow: 1, cells: ['Họ và tên', 'Năm sinh', 'Đơn vị', 'Số CCCD', 'Chức vụ'] }]) as ColumnMap;
    const result = parseRosterRow({ excelRow: 2, cells: ['Lò Thị Mai', 1985, 'Trường A', '001185001234', 'GV'] }, yearColumn, TODAY);
    expect(result.record?.birthDate).toBe('1985');
  });

  it('a title is kept as written and the "Nhóm chức vụ" column, when there, gives the category', () => {
    const titled = parseRosterRow(row({ 'Chức vụ': 'Tổ trưởng chuyên môn' }), columns, TODAY);
    expect(titled.record).toMatchObject({ title: 'Tổ trưởng chuyên môn', position: 'teacher' });
    expect(parseRosterRow(row({ 'Chức vụ': 'Tài xế' }), columns, TODAY).record).toMatchObject({ title: 'Tài xế', position: null });
    const grouped = findHeader([{ excelRow: 1, cells: ['Họ và tên', 'Đơn vị', 'Số CCCD', 'Chức vụ', 'Nhóm chức vụ'] }]) as ColumnMap;
    const result = parseRosterRow(
      { excelRow: 2, cells: ['Lò Văn Páo', 'Trường A', '001085001234', 'Tài xế', 'Nhân viên'] },
      grouped,
      TODAY,
    );
    expect(result.record).toMatchObject({ title: 'Tài xế', position: 'staff' });
  });

  it('party: a join date means member; the date must be past and after the 18th birthday', () => {
    expect(parseRosterRow(row({ 'Đảng viên': 'không', 'Ngày vào Đảng': null }), columns, TODAY).record?.partyMember).toBe(false);
    expect(parseRosterRow(row({ 'Đảng viên': 'x', 'Ngày vào Đảng': null }), columns, TODAY).record?.partyMember).toBe(true);
    const future = parseRosterRow(row({ 'Ngày vào Đảng': '01/01/2027' }), columns, TODAY);
    expect(future.problems[0]).toMatchObject({
      column: 'Ngày vào Đảng',
      message: 'Ngày vào Đảng không hợp lệ: 01/01/2027 (sau ngày hôm nay)',
    });
    const early = parseRosterRow(row({ 'Ngày vào Đảng': '01/01/2000' }), columns, TODAY);
    expect(early.problems[0].message).toMatch(/chưa đủ 18 tuổi/);
  });

  it('takes a join date written in the "Đảng viên" column', () => {
    const result = parseRosterRow(row({ 'Đảng viên': new Date(Date.UTC(2010, 1, 3)), 'Ngày vào Đảng': null }), columns, TODAY);
    expect(result.record).toMatchObject({ partyMember: true, partyJoinedOn: '2010-02-03' });
  });

  it('optional text fields empty → null; required ones reported', () => {
    const result = parseRosterRow(row({ Trường: ' ', 'Chức vụ': null, 'Xã/Phường': null }), columns, TODAY);
    expect(result.problems.map((p) => [p.column, p.message])).toEqual([
      ['Trường', 'Thiếu đơn vị'],
      ['Chức vụ', 'Thiếu chức vụ'],
    ]);
    const optional = parseRosterRow(row({ 'Xã/Phường': null, 'Giới tính': null, 'Cấp học': null, SĐT: null, Email: null }), columns, TODAY);
    expect(optional.record).toMatchObject({ communeName: null, gender: null, schoolLevel: null, phone: null, email: null });
  });

  it('joins a name split over two columns', () => {
    const split = findHeader([{ excelRow: 1, cells: ['Họ và tên', 'Họ và tên', 'Đơn vị', 'Số CCCD', 'Chức vụ'] }]) as ColumnMap;
    const result = parseRosterRow({ excelRow: 2, cells: ['Nguyễn Văn', 'An', 'Trường A', '001085001234', 'GV'] }, split, TODAY);
    expect(result.record?.fullName).toBe('Nguyễn Văn An');
  });
});

describe('rows that are not data', () => {
  it('blank rows and rows with only an STT number or unknown columns', () => {
    expect(isEmptyRow({ excelRow: 7, cells: [] }, columns)).toBe(true);
    expect(isEmptyRow({ excelRow: 7, cells: [12, ' ', null] }, columns)).toBe(true);
    expect(isEmptyRow(row(), columns)).toBe(false);
  });

  it('a column-numbering row and a repeated header', () => {
    const header = { excelRow: 5, cells: HEADER };
    expect(isHeaderEcho({ excelRow: 6, cells: HEADER.map((_, i) => `(${i + 1})`) }, columns, header)).toBe(true);
    expect(isHeaderEcho({ excelRow: 6, cells: HEADER.map((_, i) => i + 1) }, columns, header)).toBe(true);
    expect(isHeaderEcho({ excelRow: 60, cells: HEADER }, columns, header)).toBe(true);
    expect(isHeaderEcho(row(), columns, header)).toBe(false);
  });
});
