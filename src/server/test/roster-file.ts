import ExcelJS from 'exceljs';

export type RosterFileRow = (string | number | Date | null)[];

export const ROSTER_FILE_HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã định danh', 'Số CCCD', 'Đơn vị',
  'Xã/Phường', 'Chức vụ', 'Đảng viên'];

/** An .xlsx as a school office sends it: title lines, merged cells, the header on row 4. */
export async function buildRosterFile(rows: RosterFileRow[], header = ROSTER_FILE_HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.getCell('A1').value = 'UBND TỈNH SƠN LAM';
  sheet.mergeCells('A1:D1');
  sheet.getCell('A2').value = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN THAM GIA BỒI DƯỠNG CHÍNH TRỊ HÈ 2026';
  sheet.mergeCells('A2:J2');
  sheet.getRow(4).values = header;
  rows.forEach((row, i) => { sheet.getRow(5 + i).values = [i + 1, ...row]; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
