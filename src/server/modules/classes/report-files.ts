import ExcelJS from 'exceljs';
import { periodLabel } from '../../../domain/training/class-report.ts';
import { formatNumberVi } from '../../../domain/text.ts';
import { writePdfReport } from '../../files/pdf-table.ts';
import { addDataRow, formatVnDate, layoutTable, wrappedHeight, type SheetColumn } from '../../files/xlsx-style.ts';
import type { ClassReportResult } from './report-service.ts';

export const REPORT_TITLE = 'BÁO CÁO KẾT QUẢ MỞ LỚP BỒI DƯỠNG';
const KIND_LABELS: Record<string, string> = { full_time: 'Chuyên trách', part_time: 'Kiêm nhiệm' };

const TYPE_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, align: 'right' },
  { header: 'Loại lớp', width: 40, wrap: true },
  { header: 'Số lớp kế hoạch', width: 12, align: 'right', format: 'count' },
  { header: 'Số lớp đã mở', width: 12, align: 'right', format: 'count' },
  { header: 'Học viên kế hoạch', width: 13, align: 'right', format: 'count' },
  { header: 'Lượt học viên', width: 13, align: 'right', format: 'count' },
  { header: 'Hoàn thành', width: 12, align: 'right', format: 'count' },
  { header: 'Cấp chứng chỉ', width: 12, align: 'right', format: 'count' },
];
const LECTURER_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, align: 'right' },
  { header: 'Giảng viên', width: 30 },
  { header: 'Loại', width: 14 },
  { header: 'Số lớp được đánh giá', width: 14, align: 'right', format: 'count' },
  { header: 'Số phiếu đánh giá', width: 14, align: 'right', format: 'count' },
  { header: 'Điểm trung bình (1–5)', width: 14, align: 'right' },
];

function titles(report: ClassReportResult) {
  return [
    REPORT_TITLE,
    report.unitName,
    periodLabel(report.period),
    { text: `Ngày lập: ${formatVnDate(report.generatedAt, true)}`, italic: true, bold: false, size: 10 },
  ];
}

/** Two sheets: classes and trainees by type (with the total row and the sentence a briefing reads), and lecturers. */
export async function writeClassReportXlsx(report: ClassReportResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Báo cáo');
  layoutTable(sheet, { columns: TYPE_COLUMNS, spacer: true, titles: titles(report) }, 2);
  report.rows.forEach((r, i) =>
    addDataRow(
      sheet,
      [i + 1, r.typeName, r.plannedClasses, r.openedClasses, r.plannedTrainees, r.trainees, r.completed, r.certificates],
      TYPE_COLUMNS.length,
    ),
  );
  const t = report.total;
  const total = addDataRow(
    sheet,
    ['', 'Tổng cộng', t.plannedClasses, t.openedClasses, t.plannedTrainees, t.trainees, t.completed, t.certificates],
    TYPE_COLUMNS.length,
  );
  total.font = { bold: true };
  const note = sheet.addRow([]);
  const summary = sheet.addRow([report.summary]);
  sheet.mergeCells(summary.number, 1, summary.number, TYPE_COLUMNS.length);
  summary.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  summary.height = Math.max(
    30,
    wrappedHeight(
      report.summary,
      TYPE_COLUMNS.reduce((n, c) => n + c.width, 0),
    ),
  );
  note.height = 8;

  const lecturers = workbook.addWorksheet('Giảng viên');
  layoutTable(
    lecturers,
    { columns: LECTURER_COLUMNS, spacer: true, titles: ['ĐÁNH GIÁ GIẢNG VIÊN CỦA HỌC VIÊN', report.unitName, periodLabel(report.period)] },
    2,
  );
  report.lecturers.forEach((l, i) => {
    const row = addDataRow(
      lecturers,
      [i + 1, l.lecturerName, KIND_LABELS[l.lecturerKind] ?? l.lecturerKind, l.classes, l.evaluations, l.average],
      LECTURER_COLUMNS.length,
    );
    row.getCell(6).numFmt = '0.00';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const n = (v: number) => formatNumberVi(v);

export function writeClassReportPdf(report: ClassReportResult): Promise<Buffer> {
  const t = report.total;
  return writePdfReport({
    title: REPORT_TITLE,
    subtitles: [report.unitName, periodLabel(report.period)],
    generatedAt: report.generatedAt,
    landscape: true,
    footerLeft: `${REPORT_TITLE.toLowerCase().replace(/^./, (c) => c.toUpperCase())} — ${report.unitName} — ${periodLabel(report.period)}`,
    sections: [
      { lines: [report.summary] },
      {
        heading: '1. Lớp và học viên theo loại lớp',
        columns: TYPE_COLUMNS.map((c) => ({ header: c.header, width: c.width, align: c.align })),
        rows: [
          ...report.rows.map((r, i) => [
            String(i + 1),
            r.typeName,
            n(r.plannedClasses),
            n(r.openedClasses),
            n(r.plannedTrainees),
            n(r.trainees),
            n(r.completed),
            n(r.certificates),
          ]),
          [
            '',
            'Tổng cộng',
            n(t.plannedClasses),
            n(t.openedClasses),
            n(t.plannedTrainees),
            n(t.trainees),
            n(t.completed),
            n(t.certificates),
          ],
        ],
        boldRows: [report.rows.length],
      },
      {
        heading: '2. Đánh giá giảng viên của học viên',
        columns: LECTURER_COLUMNS.map((c) => ({ header: c.header, width: c.width, align: c.align })),
        rows: report.lecturers.map((l, i) => [
          String(i + 1),
          l.lecturerName,
          KIND_LABELS[l.lecturerKind] ?? l.lecturerKind,
          n(l.classes),
          n(l.evaluations),
          l.average === null ? '' : formatNumberVi(l.average, 2),
        ]),
        empty: 'Chưa có phiếu đánh giá giảng viên nào trong kỳ.',
      },
    ],
  });
}
