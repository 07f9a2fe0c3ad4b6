/** Login slips as a signed-for list (.xlsx): one row per account with its initial password. */
import ExcelJS from 'exceljs';
import { addDataRow, formatVnDate, layoutTable, type SheetColumn } from '../../files/xlsx-style.ts';

export interface LoginSlip {
  fullName: string;
  unitName: string;
  username: string;
  initialPassword: string;
}

export interface LoginSlipsInput {
  unitName: string;
  siteUrl: string; // e.g. http://localhost:3000
  generatedAt: Date;
  slips: LoginSlip[];
}

export const LOGIN_SLIPS_SHEET_NAME = 'Phiếu đăng nhập';
export const LOGIN_SLIPS_TITLE = 'PHIẾU ĐĂNG NHẬP HỆ THỐNG BỒI DƯỠNG';
export const CHANGE_PASSWORD_NOTE = 'Đổi mật khẩu ngay lần đăng nhập đầu tiên. Không chia sẻ phiếu này.';

export const LOGIN_SLIPS_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Họ và tên', width: 26, wrap: true },
  { header: 'Đơn vị', width: 26, wrap: true },
  { header: 'Tên đăng nhập', width: 18, format: 'text' },
  { header: 'Mật khẩu ban đầu', width: 16, format: 'text', font: { name: 'Courier New', bold: true, size: 12 } },
  { header: 'Ký nhận', width: 16 },
];

export function siteAddressLine(siteUrl: string): string {
  return `Địa chỉ đăng nhập: ${siteUrl}`;
}

export async function writeLoginSlipsXlsx(input: LoginSlipsInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bồi dưỡng';
  workbook.created = input.generatedAt;
  const sheet = workbook.addWorksheet(LOGIN_SLIPS_SHEET_NAME);
  layoutTable(sheet, {
    titles: [
      LOGIN_SLIPS_TITLE,
      input.unitName,
      { text: `Ngày xuất: ${formatVnDate(input.generatedAt, true)}`, italic: true, size: 11 },
      { text: siteAddressLine(input.siteUrl), bold: true, size: 11 },
      { text: `Lưu ý: ${CHANGE_PASSWORD_NOTE}`, italic: true, size: 11 },
    ],
    columns: LOGIN_SLIPS_COLUMNS,
    spacer: true,
  });
  input.slips.forEach((slip, i) => {
    const row = addDataRow(
      sheet,
      [i + 1, slip.fullName, slip.unitName, slip.username, slip.initialPassword, null],
      LOGIN_SLIPS_COLUMNS.length,
    );
    row.height = 30; // room to sign
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
