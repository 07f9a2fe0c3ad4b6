import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeRosterXlsx, type RosterExportInput, type RosterExportPerson } from './roster-xlsx.ts';

const HEADERS = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Mã định danh',
  'Số CCCD',
  'Đơn vị',
  'Xã/Phường',
  'Chức vụ',
  'Nhóm chức vụ',
  'Cấp học',
  'Đảng viên',
  'Ngày vào Đảng',
  'Trình độ LLCT',
  'Điện thoại',
  'Email',
  'Huyện (cũ)',
  'Thời gian cộng thêm (phút)',
  'Trạng thái',
];
const HEADER_ROW = 5;

const teacher: RosterExportPerson = {
  fullName: 'Nguyễn Thị Ánh Tuyết',
  birthDate: '1985-03-07',
  gender: 'female',
  staffId: '001085012345',
  citizenId: '060185000123',
  unitName: 'Trường THCS Nguyễn Trãi',
  communeName: 'Phường Phú Thủy',
  position: 'teacher',
  title: 'Tổ trưởng chuyên môn',
  schoolLevel: 'thcs',
  partyMember: true,
  partyJoinedOn: '2010-05-19',
  theoryLevel: 'Trung cấp',
  phone: '0912345678',
  email: 'tuyet.nta@example.vn',
  legacyDistrict: 'Phan Thiết',
  active: true,
};
const staff: RosterExportPerson = {
  fullName: 'Trần Văn Đức',
  birthDate: null,
  gender: 'male',
  staffId: null,
  citizenId: null,
  unitName: 'Trường THCS Nguyễn Trãi',
  communeName: null,
  position: 'staff',
  title: null,
  schoolLevel: null,
  partyMember: false,
  partyJoinedOn: null,
  theoryLevel: null,
  phone: null,
  email: null,
  legacyDistrict: null,
  active: false,
};

const input: RosterExportInput = {
  title: 'Trường THCS Nguyễn Trãi',
  generatedAt: new Date('2026-06-01T17:30:00Z'), // 02/06/2026 00:30 in Vietnam
  people: [teacher, staff],
};

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Danh sách');
  if (!sheet) throw new Error('sheet "Danh sách" missing');
  return sheet;
}

describe('writeRosterXlsx', () => {
  it('writes titles, the exact header row and a frozen, printable layout', async () => {
    const sheet = await readBack(await writeRosterXlsx(input));
    expect(sheet.getCell('A1').value).toBe('DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('R1').isMerged).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Trường THCS Nguyễn Trãi');
    expect(sheet.getCell('A3').value).toBe('Ngày xuất: 02/06/2026 00:30');
    const header = sheet.getRow(HEADER_ROW);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '5:5' });
    expect(sheet.rowCount).toBe(HEADER_ROW + 2);
    expect(sheet.autoFilter).toBe('A5:S7');
  });

  it('writes ids and phones as text with their leading zeros, dates as real dd/mm/yyyy dates, labels in Vietnamese', async () => {
    const sheet = await readBack(await writeRosterXlsx(input));
    const row = sheet.getRow(HEADER_ROW + 1);
    const cell = (header: string) => row.getCell(HEADERS.indexOf(header) + 1);
    expect(cell('STT').value).toBe(1);
    expect(cell('Họ và tên').value).toBe('Nguyễn Thị Ánh Tuyết');
    for (const [header, text] of [
      ['Mã định danh', '001085012345'],
      ['Số CCCD', '060185000123'],
      ['Điện thoại', '0912345678'],
    ]) {
      expect(cell(header).type).toBe(ExcelJS.ValueType.String);
      expect(cell(header).value).toBe(text);
      expect(cell(header).numFmt).toBe('@');
    }
    expect(cell('Ngày sinh').value).toEqual(new Date(Date.UTC(1985, 2, 7)));
    expect(cell('Ngày sinh').numFmt).toBe('dd/mm/yyyy');
    expect(cell('Ngày vào Đảng').value).toEqual(new Date(Date.UTC(2010, 4, 19)));
    expect(cell('Ngày vào Đảng').numFmt).toBe('dd/mm/yyyy');
    expect(cell('Giới tính').value).toBe('Nữ');
    expect(cell('Chức vụ').value).toBe('Tổ trưởng chuyên môn');
    expect(cell('Nhóm chức vụ').value).toBe('Giáo viên');
    expect(cell('Cấp học').value).toBe('THCS');
    expect(cell('Đảng viên').value).toBe('x');
    expect(cell('Xã/Phường').value).toBe('Phường Phú Thủy');
    expect(cell('Trạng thái').value).toBe('Đang công tác');
  });

  it('leaves missing values blank and marks inactive people', async () => {
    const sheet = await readBack(await writeRosterXlsx(input));
    const row = sheet.getRow(HEADER_ROW + 2);
    const cell = (header: string) => row.getCell(HEADERS.indexOf(header) + 1);
    expect(cell('Giới tính').value).toBe('Nam');
    expect(cell('Chức vụ').value).toBe('Nhân viên');
    expect(cell('Nhóm chức vụ').value).toBe('Nhân viên');
    for (const header of ['Ngày sinh', 'Mã định danh', 'Số CCCD', 'Xã/Phường', 'Cấp học', 'Đảng viên', 'Ngày vào Đảng', 'Email']) {
      expect(cell(header).value, header).toBeNull();
    }
    expect(cell('Trạng thái').value).toBe('Ngừng');
  });

  it('writes an empty roster with just the header', async () => {
    const sheet = await readBack(await writeRosterXlsx({ ...input, people: [] }));
    expect(sheet.getRow(HEADER_ROW).getCell(2).value).toBe('Họ và tên');
    expect(sheet.rowCount).toBe(HEADER_ROW);
  });

  it('writes 10,000 rows quickly', async () => {
    const people = Array.from({ length: 10_000 }, (_, i) => ({
      ...teacher,
      fullName: `Nguyễn Thị Ánh Tuyết ${i}`,
      staffId: String(i).padStart(12, '0'),
    }));
    const started = performance.now();
    const buffer = await writeRosterXlsx({ ...input, people });
    console.log(`roster export: 10,000 rows in ${Math.round(performance.now() - started)} ms, ${Math.round(buffer.length / 1024)} KiB`);
    const sheet = await readBack(buffer);
    expect(sheet.rowCount).toBe(HEADER_ROW + 10_000);
    expect(sheet.getRow(HEADER_ROW + 10_000).getCell(5).value).toBe('000000009999');
  }, 60_000);
});
