import { describe, expect, it } from 'vitest';
import { columnLabel, findHeader, matchHeader, missingColumnProblems } from './header.ts';
import type { CellValue, SheetRow } from './types.ts';

const rowsOf = (...rows: CellValue[][]): SheetRow[] => rows.map((cells, i) => ({ excelRow: i + 1, cells }));

describe('matchHeader', () => {
  it.each([
    ['Họ và tên', 'fullName'],
    ['Họ tên', 'fullName'],
    ['Họ và tên cán bộ', 'fullName'],
    ['Tên cán bộ giáo viên', 'fullName'],
    ['HỌ VÀ TÊN (*)', 'fullName'],
    ['Họ và tên cán bộ, giáo viên, nhân viên', 'fullName'],
    ['Ngày sinh', 'birthDate'],
    ['Ngày tháng năm sinh', 'birthDate'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Ngày sinh\n(dd/mm/yyyy)', 'birthDate'],
    ['Giới tính', 'gender'],
    ['Nam/Nữ', 'gender'],
    ['Mã định danh', 'staffId'],
    ['Mã CB', 'staffId'],
    ['Mã cán bộ', 'staffId'],
    ['Mã định danh ngành', 'staffId'],
    ['Mã số', 'staffId'],
    ['Số CCCD', 'citizenId'],
    ['CCCD', 'citizenId'],
    ['Số định danh cá nhân', 'citizenId'],
    ['CMND/CCCD', 'citizenId'],
    ['Số CMND/CCCD', 'citizenId'],
    ['Căn cước công dân', 'citizenId'],
    ['Đơn vị', 'unitName'],
    ['Trường', 'unitName'],
    ['Đơn vị công tác', 'unitName'],
    ['Tên đơn vị', 'unitName'],
    ['Xã/Phường', 'communeName'],
    ['Xã, phường', 'communeName'],
    ['Phường/Xã', 'communeName'],
    ['Xã', 'communeName'],
    ['Chức vụ', 'position'],
    ['Vị trí việc làm', 'position'],
    ['Chức danh', 'position'],
    ['Cấp học', 'schoolLevel'],
    ['Bậc học', 'schoolLevel'],
    ['Đảng viên', 'partyMember'],
    ['Ngày vào Đảng', 'partyJoinedOn'],
    ['Ngày kết nạp Đảng', 'partyJoinedOn'],
    ['Trình độ LLCT', 'theoryLevel'],
    ['Lý luận chính trị', 'theoryLevel'],
    ['Trình độ lý luận chính trị', 'theoryLevel'],
    ['Điện thoại', 'phone'],
    ['Số điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['Email', 'email'],
    ['Thư điện tử', 'email'],
    ['E-mail', 'email'],
    ['Huyện (cũ)', 'legacyDistrict'],
    ['Huyện cũ', 'legacyDistrict'],
    ['Quận/Huyện', 'legacyDistrict'],
    ['STT', 'rowNumber'],
    ['TT', 'rowNumber'],
    ['Thời gian cộng thêm (phút)', 'extraMinutes'],
    ['Thời gian cộng thêm', 'extraMinutes'],
    ['Cộng thêm thời gian', 'extraMinutes'],
    ['Thêm giờ', 'extraMinutes'],
    ['THỜI GIAN CỘNG THÊM KHI LÀM KHẢO SÁT (PHÚT)', 'extraMinutes'],
    ['Số phút cộng thêm', 'extraMinutes'],
  ])('%s → %s', (text, key) => {
    expect(matchHeader(text)).toBe(key);
  });

  it('matches decomposed (NFD) text and odd spacing', () => {
    expect(matchHeader('  Họ   và\ttên '.normalize('NFD'))).toBe('fullName');
    expect(matchHeader('Ngày vào Đảng'.normalize('NFD'))).toBe('partyJoinedOn');
  });

  it('ignores unknown headers', () => {
    expect(matchHeader('Ghi chú')).toBeNull();
    expect(matchHeader('Dân tộc')).toBeNull();
    expect(matchHeader('')).toBeNull();
  });
});

describe('findHeader', () => {
  it('skips titles, merged repeats and blank rows above the header', () => {
    const title = 'UBND TỈNH THANH HOÁ';
    const rows = rowsOf(
      [title, title, title, title],
      ['DANH SÁCH CÁN BỘ, GIÁO VIÊN'],
      [],
      ['STT', 'Họ và tên (*)', 'Ngày sinh\n(dd/mm/yyyy)', 'Đơn vị', 'Ghi chú', 'Số CCCD'],
      [1, 'Nguyễn Văn An', '01/02/1980', 'Trường A', null, '001080000001'],
    );
    const map = findHeader(rows)!;
    expect(map.headerRow).toBe(4);
    expect(map.index).toEqual({ fullName: 1, birthDate: 2, unitName: 3, citizenId: 5 });
    expect(map.rowNumberIndex).toBe(0);
    expect(columnLabel(map, 'birthDate')).toBe('Ngày sinh (dd/mm/yyyy)');
    expect(columnLabel(map, 'staffId')).toBe('Mã định danh');
  });

  it('needs a name column and at least one more known column', () => {
    expect(findHeader(rowsOf(['STT', 'Họ và tên', 'Ghi chú']))).toBeNull();
    expect(findHeader(rowsOf(['Đơn vị', 'Số CCCD']))).toBeNull();
  });

  it('looks only at the first 20 rows', () => {
    const rows = rowsOf(...Array.from({ length: 20 }, () => ['…']), ['Họ và tên', 'Đơn vị']);
    expect(findHeader(rows)).toBeNull();
    expect(findHeader(rows.slice(1).map((row, i) => ({ ...row, excelRow: i + 1 })))?.headerRow).toBe(20);
  });

  it('keeps the first column when a field appears twice', () => {
    const map = findHeader(rowsOf(['Họ và tên', 'Đơn vị', 'Trường']))!;
    expect(map.index.unitName).toBe(1);
  });

  it('reads a name merged over two columns as family name + given name', () => {
    const map = findHeader(rowsOf(['STT', 'Họ và tên', 'Họ và tên', 'Đơn vị']))!;
    expect(map.index.fullName).toBe(1);
    expect(map.givenNameIndex).toBe(2);
  });

  it('joins "Họ đệm" + "Tên" but not a sorting "Tên" next to a whole name', () => {
    expect(findHeader(rowsOf(['Họ đệm', 'Tên', 'Đơn vị']))!.givenNameIndex).toBe(1);
    expect(findHeader(rowsOf(['Họ và tên', 'Tên', 'Đơn vị']))!.givenNameIndex).toBeNull();
  });
});

describe('missingColumnProblems', () => {
  it('reports the unit column and the id columns, on the header row', () => {
    const map = findHeader(rowsOf([], ['Họ và tên', 'Ngày sinh']))!;
    const problems = missingColumnProblems(map);
    expect(problems).toHaveLength(2);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Đơn vị'],
      [2, 'Mã định danh'],
    ]);
    expect(problems[1].message).toContain('Số CCCD');
  });

  it('is satisfied by either id column', () => {
    expect(missingColumnProblems(findHeader(rowsOf(['Họ và tên', 'Đơn vị', 'CCCD']))!)).toEqual([]);
    expect(missingColumnProblems(findHeader(rowsOf(['Họ và tên', 'Đơn vị', 'Mã CB']))!)).toEqual([]);
  });
});
