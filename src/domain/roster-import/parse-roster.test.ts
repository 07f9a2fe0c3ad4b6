import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRosterSheet } from './parse-roster.ts';
import type { CellValue, SheetRow } from './types.ts';

const TODAY = new Date(Date.UTC(2026, 5, 1));
const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã định danh', 'Số CCCD', 'Đơn vị', 'Chức vụ'];

const sheet = (...rows: CellValue[][]): SheetRow[] => rows.map((cells, i) => ({ excelRow: i + 1, cells }));
const person = (stt: number, name: string, staffId: CellValue, citizenId: CellValue): CellValue[] => [
  stt,
  name,
  '01/02/1980',
  'Nữ',
  staffId,
  citizenId,
  'Trường Mầm non Hoa Sen',
  'Giáo viên',
];
const parse = (rows: SheetRow[]) => parseRosterSheet(rows, { today: TODAY });

describe('parseRosterSheet', () => {
  it('reads the rows under a header found below titles', () => {
    const result = parse(
      sheet(
        ['UBND TỈNH THANH HOÁ', 'UBND TỈNH THANH HOÁ'],
        ['DANH SÁCH CÁN BỘ, GIÁO VIÊN'],
        [],
        HEADER,
        [1, 2, 3, 4, 5, 6, 7, 8],
        person(1, 'Lê Thị Hoa', '0123456', '001180000001'),
        [],
        [2],
        person(3, 'Phạm Thị Lan', '0123457', null),
      ),
    );
    expect(result.headerRow).toBe(4);
    expect(result.rows).toBe(2);
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.excelRow, r.fullName, r.staffId, r.citizenId])).toEqual([
      [6, 'Lê Thị Hoa', '0123456', '001180000001'],
      [9, 'Phạm Thị Lan', '0123457', null],
    ]);
  });

  it('without a header: one problem, no records', () => {
    const result = parse(sheet(['Tên', 'Tuổi'], ['An', 30]));
    expect(result).toMatchObject({ headerRow: null, rows: 0, records: [] });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 1, column: 'Họ và tên' });
  });

  it('a missing required column stops the import at the header row', () => {
    const result = parse(sheet([], ['Họ và tên', 'Mã định danh', 'Chức vụ'], ['Lê Thị Hoa', '0123456', 'GV']));
    expect(result.headerRow).toBe(2);
    expect(result.rows).toBe(1);
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([{ row: 2, column: 'Đơn vị', message: 'Thiếu cột "Đơn vị" ở dòng tiêu đề (dòng 2).' }]);
  });

  it('keeps only the rows without problems and reports the others', () => {
    const result = parse(sheet(HEADER, person(1, 'Lê Thị Hoa', '0123456', null), person(2, 'Hoa', 'abc', null)));
    expect(result.rows).toBe(2);
    expect(result.records.map((r) => r.excelRow)).toEqual([2]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Họ và tên'],
      [3, 'Mã định danh'],
    ]);
  });

  it('reports an id repeated in the file on the later row, naming the earlier one', () => {
    const result = parse(
      sheet(
        HEADER,
        ...Array.from({ length: 5 }, (_, i) => person(i + 1, 'Lê Thị Hoa', `012345${i}`, null)),
        person(6, 'Lê Thị Hoa', '0123453', '001180000001'),
        person(7, 'Trần Văn Nam', '0123450', null),
        person(8, 'Trần Văn Bình', null, 1180000001),
      ),
    );
    expect(result.problems).toEqual([
      { row: 7, column: 'Mã định danh', message: 'Mã định danh 0123453 trùng với dòng 5' },
      { row: 8, column: 'Mã định danh', message: 'Mã định danh 0123450 trùng với dòng 2' },
      { row: 9, column: 'Số CCCD', message: 'Số CCCD 001180000001 trùng với dòng 7' },
    ]);
    expect(result.records.map((r) => r.excelRow)).toEqual([2, 3, 4, 5, 6]);
  });

  it('uses the header text of the file in duplicate problems', () => {
    const result = parse(
      sheet(['Họ tên', 'Mã CB', 'Trường', 'Chức vụ'], ['Lê Thị Hoa', '0123456', 'A', 'GV'], ['Lê Văn Hải', 123456, 'A', 'GV']),
    );
    expect(result.problems).toEqual([]);
    const dup = parse(
      sheet(['Họ tên', 'Mã CB', 'Trường', 'Chức vụ'], ['Lê Thị Hoa', '0123456', 'A', 'GV'], ['Lê Văn Hải', '0123456', 'A', 'GV']),
    );
    expect(dup.problems).toEqual([{ row: 3, column: 'Mã CB', message: 'Mã định danh 0123456 trùng với dòng 2' }]);
  });

  it('defaults today to now', () => {
    expect(parseRosterSheet(sheet(HEADER, person(1, 'Lê Thị Hoa', '0123456', null))).records).toHaveLength(1);
  });
});

// ---- Properties ---------------------------------------------------------------------------

const SYLLABLES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đỗ', 'Văn', 'Thị', 'Hồng', 'Ánh', 'Tuấn', 'Dũng', 'Thuỷ', 'Ưng', 'Ngọc', 'Đức'];
const name = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 })
  .chain((words) => fc.constantFrom(words.join(' '), words.join(' ').toUpperCase(), words.join(' ').toLowerCase()));
const cccd = fc
  .tuple(fc.integer({ min: 1, max: 96 }), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([p, rest]) => String(p).padStart(3, '0') + String(rest).padStart(9, '0'));
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.string({ maxLength: 8 }),
  name,
  cccd,
  fc.integer({ min: -5, max: 2e11 }),
  fc.constantFrom('Nam', 'nữ', 'GV', 'Hiệu trưởng', 'Tài xế', '31/02/1990', '15/03/1985', '1985', 'x', 'THCS', 'Trường A'),
);

describe('parseRosterSheet properties', () => {
  it('NFC and NFD input give the same result', () => {
    const rowArb = fc.tuple(
      name,
      fc.constantFrom('Nữ', 'Nam', 'nữ'),
      cccd,
      fc.constantFrom('Trường Tiểu học Đông Sơn', 'Trường THCS Lê Lợi'),
      fc.constantFrom('Giáo viên', 'Phó hiệu trưởng', 'Nhân viên kế toán'),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 5 }), (people) => {
        const header = ['Họ và tên', 'Giới tính', 'Số CCCD', 'Đơn vị', 'Chức vụ'];
        const rows = sheet(header, ...people);
        const decomposed = rows.map((r) => ({ ...r, cells: r.cells.map((c) => (typeof c === 'string' ? c.normalize('NFD') : c)) }));
        expect(parse(decomposed)).toEqual(parse(rows));
      }),
    );
  });

  it('every data row ends up either as a record or with problems, never both', () => {
    const rowsArb = fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 12 });
    fc.assert(
      fc.property(rowsArb, (body) => {
        const result = parse(sheet(HEADER, ...body));
        const recordRows = new Set(result.records.map((r) => r.excelRow));
        const problemRows = new Set(result.problems.map((p) => p.row));
        expect([...recordRows].filter((r) => problemRows.has(r))).toEqual([]);
        expect(recordRows.size + problemRows.size).toBe(result.rows);
        for (const record of result.records) {
          expect(record.fullName.normalize('NFC')).toBe(record.fullName);
          expect(record.staffId ?? record.citizenId).not.toBeNull();
          expect(record.citizenId === null || /^(\d{9}|\d{12})$/.test(record.citizenId)).toBe(true);
        }
      }),
    );
  });
});

describe('signature block under the table', () => {
  it('ignores the lines under the last person that carry no id and no unit', () => {
    const rows: SheetRow[] = [
      { excelRow: 1, cells: ['STT', 'Họ và tên', 'Số CCCD', 'Đơn vị', 'Chức vụ'] },
      { excelRow: 2, cells: [1, 'Nguyễn Văn An', '001085000001', 'Trường A', 'Giáo viên'] },
      { excelRow: 3, cells: [2, 'Lê Thị Hoa', null, 'Trường A', 'Giáo viên'] },
      { excelRow: 5, cells: [null, 'Người lập biểu', null, null, 'HIỆU TRƯỞNG'] },
      { excelRow: 6, cells: [null, '(Ký, ghi rõ họ tên)', null, null, '(Ký tên, đóng dấu)'] },
      { excelRow: 9, cells: [null, 'Trần Thị Mai', null, null, 'Phạm Văn Đức'] },
    ];
    const result = parseRosterSheet(rows, { today: new Date('2026-06-01') });
    expect(result.rows).toBe(2);
    expect(result.records.map((r) => r.fullName)).toEqual(['Nguyễn Văn An']);
    expect(result.problems).toEqual([{ row: 3, column: 'Số CCCD', message: expect.stringContaining('Mã định danh') }]);
  });
});

describe('office footer under the table', () => {
  const header = { excelRow: 4, cells: ['STT', 'Họ và tên', 'Số CCCD', 'Đơn vị', 'Chức vụ', 'Ghi chú'] };
  const people: SheetRow[] = [
    { excelRow: 5, cells: [1, 'Nguyễn Văn An', '001085000001', 'Trường Tiểu học Lũng Pô', 'Hiệu trưởng', null] },
    { excelRow: 6, cells: [2, 'Tống Thị Hải', '001185000002', 'Trường Tiểu học Lũng Pô', 'Tổ trưởng chuyên môn', null] },
  ];
  const merged = (text: string, from: number, to: number, width = 6): CellValue[] =>
    Array.from({ length: width }, (_, i) => (i >= from && i <= to ? text : null));

  it('skips totals, the place-and-date line, signature titles, "(Ký…)" and the names, and says which and why', () => {
    const rows: SheetRow[] = [
      header,
      ...people,
      { excelRow: 7, cells: merged('Tổng cộng: 2 người', 0, 3) },
      { excelRow: 9, cells: merged('Bát Xát, ngày 15 tháng 9 năm 2026', 3, 5) },
      { excelRow: 10, cells: [null, 'NGƯỜI LẬP BIỂU', null, null, 'HIỆU TRƯỞNG', 'HIỆU TRƯỞNG'] },
      { excelRow: 11, cells: [null, '(Ký, ghi rõ họ tên)', null, null, '(Ký tên, đóng dấu)', null] },
      { excelRow: 14, cells: [null, 'Trần Thị Mai', null, null, null, null] },
      { excelRow: 15, cells: [null, null, null, null, 'Nguyễn Văn An', 'Nguyễn Văn An'] },
    ];
    const result = parseRosterSheet(rows, { today: TODAY });
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Tống Thị Hải']);
    expect(result.skipped).toEqual([
      { row: 7, text: 'Tổng cộng: 2 người', reason: 'dòng tổng cộng' },
      { row: 9, text: 'Bát Xát, ngày 15 tháng 9 năm 2026', reason: 'dòng địa danh, ngày tháng' },
      { row: 10, text: 'NGƯỜI LẬP BIỂU HIỆU TRƯỞNG', reason: 'chức danh người ký' },
      { row: 11, text: '(Ký, ghi rõ họ tên) (Ký tên, đóng dấu)', reason: 'dòng ghi chú chữ ký' },
      { row: 14, text: 'Trần Thị Mai', reason: 'tên người ký hoặc dòng chân trang' },
      { row: 15, text: 'Nguyễn Văn An', reason: 'tên người ký hoặc dòng chân trang' },
    ]);
  });

  it('a last person without an id is still reported, not taken for a footer', () => {
    const rows: SheetRow[] = [
      header,
      ...people,
      { excelRow: 7, cells: [3, 'Tống Văn Hải', null, 'Trường Tiểu học Lũng Pô', 'Giáo viên', null] },
      { excelRow: 8, cells: [null, 'Tổng số: 3'] },
    ];
    const result = parseRosterSheet(rows, { today: TODAY });
    expect(result.skipped).toEqual([{ row: 8, text: 'Tổng số: 3', reason: 'dòng tổng cộng' }]);
    expect(result.problems).toEqual([{ row: 7, column: 'Số CCCD', message: expect.stringContaining('Thiếu mã định danh') }]);
  });
});
