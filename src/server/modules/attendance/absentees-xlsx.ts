import ExcelJS from 'exceljs';
import { addDataRow, excelDate, formatVnDate, layoutTable, type SheetColumn } from '../../files/xlsx-style.ts';
import type { absentees } from './service.ts';

const COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, align: 'right' },
  { header: 'Họ và tên', width: 26 },
  { header: 'Mã định danh', width: 14, format: 'text' },
  { header: 'Đơn vị', width: 32, wrap: true },
  { header: 'Điểm cầu', width: 26, wrap: true },
  { header: 'Ngày', width: 12, format: 'date', align: 'center' },
  { header: 'Giờ', width: 8, align: 'center' },
  { header: 'Chuyên đề', width: 34, wrap: true },
  { header: 'Tình trạng', width: 16 },
  { header: 'Lý do', width: 22, wrap: true },
];

/** The absentee list to send to units: one row per person and missed session, by unit. */
export async function writeAbsenteesXlsx(data: Awaited<ReturnType<typeof absentees>>, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Vắng mặt');
  const header = layoutTable(
    sheet,
    {
      columns: COLUMNS,
      spacer: true,
      titles: [
        'DANH SÁCH VẮNG MẶT',
        data.campaign.name,
        { text: `Ngày xuất: ${formatVnDate(generatedAt, true)}`, italic: true, bold: false, size: 10 },
      ],
    },
    2,
  );
  data.rows.forEach((r, i) => {
    addDataRow(
      sheet,
      [
        i + 1,
        r.fullName,
        r.staffId ?? '',
        r.unitName,
        r.siteName,
        excelDate(r.date),
        r.startsAt,
        r.topicName ?? '',
        r.status === 'absent' ? 'Vắng' : 'Chưa điểm danh',
        r.reason ?? '',
      ],
      COLUMNS.length,
    );
  });
  if (data.rows.length)
    sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: header + data.rows.length, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
