import ExcelJS from 'exceljs';

export type RosterFileRow = (string | number | Date | null)[];

export const ROSTER_FILE_HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Mã định danh',
  'Số CCCD',
  'Đơn vị',
  'Xã/Phường',
  'Chức vụ',
  'Đảng viên',
];

/** An .xlsx as a school office sends it: title lines, merged cells, the header on row 4. */
export async function buildRosterFile(rows: RosterFileRow[], header = ROSTER_FILE_HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.getCell('A1').value = 'UBND TỈNH SƠN LAM';
  sheet.mergeCells('A1:D1');
  sheet.getCell('A2').value = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN THAM GIA BỒI DƯỠNG CHÍNH TRỊ HÈ 2026';
  sheet.mergeCells('A2:J2');
  sheet.getRow(4).values = header;
  rows.forEach((row, i) => {
    sheet.getRow(5 + i).values = [i + 1, ...row];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface OfficeRosterOptions {
  /** Unit written on every row (offices abbreviate: "TH Lũng Pô"). */
  unitName: string;
  people: { name: string; birth: string | number; gender: string; citizenId: string; title: string }[];
  place?: string;
}

/**
 * A school's list as its office types it in Excel: two merged title lines, a "Năm sinh" column holding years, job
 * titles instead of categories, then the footer — a merged total, blank rows, the place-and-date line, the signers'
 * titles, "(Ký, ghi rõ họ tên)" and their names.
 */
export async function buildOfficeRosterFile(options: OfficeRosterOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS');
  sheet.getCell('A1').value = 'PHÒNG GD&ĐT (CŨ) HUYỆN MƯỜNG KHƯƠNG';
  sheet.mergeCells('A1:C1');
  sheet.getCell('E1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  sheet.mergeCells('E1:G1');
  sheet.getCell('A2').value = `DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN ${options.unitName.toUpperCase()}`;
  sheet.mergeCells('A2:G2');
  sheet.getRow(4).values = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số CCCD', 'Đơn vị', 'Chức vụ'];
  options.people.forEach((p, i) => {
    sheet.getRow(5 + i).values = [i + 1, p.name, p.birth, p.gender, p.citizenId, options.unitName, p.title];
  });
  let r = 5 + options.people.length;
  sheet.getCell(`A${r}`).value = `Tổng cộng: ${options.people.length} người`;
  sheet.mergeCells(`A${r}:E${r}`);
  r += 2;
  sheet.getCell(`E${r}`).value = `${options.place ?? 'Mường Khương'}, ngày 15 tháng 9 năm 2026`;
  sheet.mergeCells(`E${r}:G${r}`);
  r += 1;
  sheet.getCell(`B${r}`).value = 'NGƯỜI LẬP BIỂU';
  sheet.getCell(`F${r}`).value = 'HIỆU TRƯỞNG';
  sheet.mergeCells(`F${r}:G${r}`);
  r += 1;
  sheet.getCell(`B${r}`).value = '(Ký, ghi rõ họ tên)';
  sheet.getCell(`F${r}`).value = '(Ký tên, đóng dấu)';
  r += 4;
  sheet.getCell(`B${r}`).value = 'Vàng Thị Dung';
  sheet.getCell(`F${r}`).value = 'Lù Văn Sáng';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
