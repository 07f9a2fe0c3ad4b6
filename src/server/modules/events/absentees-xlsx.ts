import ExcelJS from 'exceljs';
import { HALF_LABELS, type Half } from '../../../domain/training/attendance.ts';
import { POSITION_LABELS, labelOf } from '../../../domain/roster.ts';
import { addDataRow, excelDate, formatVnDate, layoutTable, type SheetColumn } from '../../files/xlsx-style.ts';
import type { eventAbsentees } from './service.ts';

const COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, align: 'right' },
  { header: 'Đơn vị', width: 34, wrap: true },
  { header: 'Họ và tên', width: 26 },
  { header: 'Chức vụ', width: 16 },
  { header: 'Ngày', width: 12, format: 'date', align: 'center' },
  { header: 'Buổi', width: 8, align: 'center' },
  { header: 'Tình trạng', width: 16 },
  { header: 'Lý do', width: 24, wrap: true },
];

/** Absentees of a conference or course, by unit, to send to the units. */
export async function writeEventAbsenteesXlsx(data: Awaited<ReturnType<typeof eventAbsentees>>, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Vắng mặt');
  layoutTable(
    sheet,
    {
      columns: COLUMNS,
      spacer: true,
      titles: [
        'DANH SÁCH VẮNG MẶT',
        data.event.name,
        { text: `Ngày xuất: ${formatVnDate(generatedAt, true)}`, italic: true, bold: false, size: 10 },
      ],
    },
    3,
  );
  data.rows.forEach((r, i) =>
    addDataRow(
      sheet,
      [
        i + 1,
        r.unitName,
        r.fullName,
        labelOf(POSITION_LABELS, r.position),
        excelDate(r.day),
        HALF_LABELS[r.half as Half],
        r.status === 'absent' ? 'Vắng' : 'Không điểm danh',
        r.reason ?? '',
      ],
      COLUMNS.length,
    ),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
