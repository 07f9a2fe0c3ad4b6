/** The results workbook in the layout offices send upward: summary per unit, detail per person, item analysis. */
import ExcelJS from 'exceljs';
import { FLAG_LABELS, positionLabel } from '../../../domain/statistics/index.ts';
import { addDataRow, COUNT_FORMAT, formatVnDate, layoutTable, type SheetColumn } from '../../files/xlsx-style.ts';
import type { ReportData, ReportUnitRow } from './report-data.ts';

const COUNT = COUNT_FORMAT;
const DECIMAL = '0.00';

export function reportTitles(data: ReportData) {
  const state = data.live ? ' (số liệu tạm thời, bài khảo sát đang diễn ra)' : '';
  const regraded = data.regradedAt ? ` Điểm đã được tính lại sau khi sửa đáp án ngày ${formatVnDate(new Date(data.regradedAt))}.` : '';
  return [
    { text: data.organiser.toLocaleUpperCase('vi'), size: 12, bold: true },
    { text: `KẾT QUẢ KHẢO SÁT: ${data.title.toLocaleUpperCase('vi')}`, size: 14, bold: true, height: 36 },
    { text: `Phạm vi: ${data.scopeName} — số liệu tính đến ${formatVnDate(new Date(data.generatedAt), true)}${state}.${regraded}`, size: 11, italic: true, bold: false },
  ];
}

function summarySheet(book: ExcelJS.Workbook, data: ReportData) {
  const sheet = book.addWorksheet('Tổng hợp');
  const bands = data.scoring.bands;
  const columns: SheetColumn[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Đơn vị', width: 38, wrap: true },
    { header: 'Phải làm', width: 10, align: 'right' },
    { header: 'Đã làm', width: 10, align: 'right' },
    { header: 'Chưa làm', width: 10, align: 'right' },
    ...bands.flatMap((b) => [{ header: `${b.label} (SL)`, width: 10, align: 'right' as const }, { header: `${b.label} (%)`, width: 10, align: 'right' as const }]),
    { header: 'Điểm trung bình', width: 11, align: 'right' },
    { header: 'Tỷ lệ giỏi, xuất sắc (%)', width: 13, align: 'right' },
  ];
  layoutTable(sheet, { titles: reportTitles(data), columns, spacer: true }, 2);
  const write = (row: ReportUnitRow, index: number | string) => {
    const values: unknown[] = [index, `${'    '.repeat(row.depth)}${row.name}`, row.eligible, row.took, row.didNotTake];
    for (const b of row.summary.bands) values.push(b.count, b.percent);
    values.push(row.summary.mean, row.summary.goodPercent);
    const excelRow = addDataRow(sheet, values, columns.length);
    // Counts: eligible, took, did not take, each band's count; decimals: each band's %, the mean, the headline %.
    for (let c = 3; c <= columns.length; c++) {
      const bandColumn = c - 6;
      const isCount = c <= 5 || (bandColumn >= 0 && bandColumn < 2 * bands.length && bandColumn % 2 === 0);
      excelRow.getCell(c).numFmt = isCount ? COUNT : DECIMAL;
    }
    if (row.depth === 0) excelRow.font = { bold: true };
  };
  data.units.forEach((row, i) => write(row, i === 0 ? '' : i));
}

function detailSheet(book: ExcelJS.Workbook, data: ReportData) {
  const sheet = book.addWorksheet('Chi tiết');
  const columns: SheetColumn[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Họ và tên', width: 28 },
    { header: 'Đơn vị', width: 34, wrap: true },
    { header: 'Chức vụ', width: 16 },
    { header: 'Mã đề', width: 8, align: 'center' },
    { header: 'Số câu đúng', width: 10, align: 'right' },
    { header: 'Điểm', width: 8, align: 'right' },
    { header: 'Xếp loại', width: 12 },
  ];
  layoutTable(sheet, { titles: reportTitles(data), columns, spacer: true }, 2);
  data.people.forEach((p, i) => {
    const row = addDataRow(sheet, [i + 1, p.fullName, p.unitName, positionLabel(p.position), p.variantCode,
      `${p.correct}/${data.questionCount}`, p.score, p.band], columns.length);
    row.getCell(7).numFmt = DECIMAL;
  });
}

function itemSheet(book: ExcelJS.Workbook, data: ReportData) {
  if (!data.items) return;
  const sheet = book.addWorksheet('Phân tích câu hỏi');
  const letters = Math.max(...data.items.map((i) => i.options.length));
  const columns: SheetColumn[] = [
    { header: 'Câu', width: 6, align: 'center' },
    { header: 'Đáp án', width: 8, align: 'center' },
    { header: 'Số người làm đúng', width: 11, align: 'right', format: 'count' },
    { header: 'Độ khó (tỷ lệ làm đúng)', width: 12, align: 'right' },
    { header: 'Độ phân biệt (tương quan)', width: 12, align: 'right' },
    { header: 'Độ phân biệt (nhóm cao – thấp 27%)', width: 13, align: 'right' },
    ...Array.from({ length: letters }, (_, i) => ({ header: `Chọn ${'ABCDEFGH'[i]} (%)`, width: 9, align: 'right' as const })),
    { header: 'Bỏ trống (%)', width: 9, align: 'right' },
    { header: 'Cảnh báo', width: 26, wrap: true },
    { header: 'Nội dung câu hỏi', width: 60, wrap: true },
  ];
  layoutTable(sheet, { titles: reportTitles(data), columns, spacer: true }, 1);
  for (const item of data.items) {
    const values: unknown[] = [item.index + 1, item.key, item.correct, item.facility, item.pointBiserial, item.upperLower];
    for (let i = 0; i < letters; i++) values.push(item.options[i]?.percent ?? null);
    values.push(item.omitted.percent, item.flags.map((f) => FLAG_LABELS[f]).join('; '), item.stem);
    const row = addDataRow(sheet, values, columns.length);
    for (const c of [4, 5, 6]) row.getCell(c).numFmt = '0.000';
    for (let c = 7; c <= 7 + letters; c++) row.getCell(c).numFmt = DECIMAL;
    if (item.flags.length) row.getCell(8 + letters).font = { color: { argb: 'FFB42318' }, bold: true };
  }
  if (data.test) {
    sheet.addRow([]);
    const t = data.test;
    for (const [label, value] of [['Độ tin cậy KR-20', t.kr20], ['Sai số chuẩn của phép đo (số câu)', t.semCorrect],
      ['Sai số chuẩn của phép đo (thang 10)', t.semScore], ['Số câu đúng trung bình', t.meanCorrect], ['Độ lệch chuẩn (số câu)', t.sdCorrect]] as const) {
      // The label across the first six columns: on one line, where three narrow ones would clip it.
      const row = sheet.addRow([label, null, null, null, null, null, value]);
      sheet.mergeCells(row.number, 1, row.number, 6);
      row.getCell(1).font = { bold: true };
      row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
      row.getCell(7).numFmt = '0.000';
    }
  }
}

export async function writeResultsXlsx(data: ReportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bồi dưỡng';
  book.created = new Date(data.generatedAt);
  summarySheet(book, data);
  detailSheet(book, data);
  itemSheet(book, data);
  return Buffer.from(await book.xlsx.writeBuffer());
}
