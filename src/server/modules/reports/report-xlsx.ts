/**
 * The results workbook in the layout offices send upward: summary per unit, detail per person, item analysis. Written
 * with exceljs's streaming writer: each sheet is committed before the next opens (the zip takes its entries one after
 * another), and the per-person rows are committed page by page as they come from the database, so a province of
 * 100,000 people never sits in memory as a workbook.
 */
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FLAG_LABELS, positionLabel } from '../../../domain/statistics/index.ts';
import {
  addDataRow,
  addStreamedTable,
  addStyledRow,
  COUNT_FORMAT,
  dataCellStyles,
  formatVnDate,
  type SheetColumn,
} from '../../files/xlsx-style.ts';
import type { ReportData, ReportHead, ReportPersonRow, ReportUnitRow } from './report-data.ts';

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

const COUNT = COUNT_FORMAT;
const DECIMAL = '0.00';

export function reportTitles(data: ReportHead) {
  const state = data.live ? ' (số liệu tạm thời, bài khảo sát đang diễn ra)' : '';
  const regraded = data.regradedAt ? ` Điểm đã được tính lại sau khi sửa đáp án ngày ${formatVnDate(new Date(data.regradedAt))}.` : '';
  return [
    { text: data.organiser.toLocaleUpperCase('vi'), size: 12, bold: true },
    { text: `KẾT QUẢ KHẢO SÁT: ${data.title.toLocaleUpperCase('vi')}`, size: 14, bold: true, height: 36 },
    {
      text: `Phạm vi: ${data.scopeName} — số liệu tính đến ${formatVnDate(new Date(data.generatedAt), true)}${state}.${regraded}`,
      size: 11,
      italic: true,
      bold: false,
    },
  ];
}

function summarySheet(book: Book, data: ReportHead) {
  const bands = data.scoring.bands;
  const columns: SheetColumn[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Đơn vị', width: 38, wrap: true },
    { header: 'Phải làm', width: 10, align: 'right' },
    { header: 'Đã làm', width: 10, align: 'right' },
    { header: 'Chưa làm', width: 10, align: 'right' },
    ...bands.flatMap((b) => [
      { header: `${b.label} (SL)`, width: 10, align: 'right' as const },
      { header: `${b.label} (%)`, width: 10, align: 'right' as const },
    ]),
    { header: 'Điểm trung bình', width: 11, align: 'right' },
    { header: 'Tỷ lệ giỏi, xuất sắc (%)', width: 13, align: 'right' },
  ];
  const { sheet } = addStreamedTable(book, 'Tổng hợp', { titles: reportTitles(data), columns, spacer: true }, 2);
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
  sheet.commit();
}

const DETAIL_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Họ và tên', width: 28 },
  { header: 'Đơn vị', width: 34, wrap: true },
  { header: 'Chức vụ', width: 16 },
  { header: 'Mã đề', width: 8, align: 'center' },
  { header: 'Số câu đúng', width: 10, align: 'right' },
  { header: 'Điểm', width: 8, align: 'right' },
  { header: 'Xếp loại', width: 12 },
];

/** Rows committed per slice: between slices the event loop serves others (a live survey's answer saves). */
const SLICE = 500;

async function detailSheet(
  book: Book,
  data: ReportHead,
  people: AsyncIterable<ReportPersonRow[]> | Iterable<ReportPersonRow[]>,
  out: Writable,
) {
  const { sheet } = addStreamedTable(book, 'Chi tiết', { titles: reportTitles(data), columns: DETAIL_COLUMNS, spacer: true }, 2);
  const styles = dataCellStyles(sheet, DETAIL_COLUMNS.length, { 7: DECIMAL });
  let n = 0;
  for await (const page of people) {
    for (let i = 0; i < page.length; i++) {
      const p = page[i];
      n += 1;
      addStyledRow(
        sheet,
        [n, p.fullName, p.unitName, positionLabel(p.position), p.variantCode, `${p.correct}/${data.questionCount}`, p.score, p.band],
        styles,
      ).commit();
      if (n % SLICE === 0) await breathe(out);
    }
  }
  sheet.commit();
}

/**
 * Lets the event loop run, and waits while the reader of the file (a slow download) is behind: committed rows go into
 * the zip's deflate stream at once, so without this a slow client would let the whole sheet pile up in memory.
 */
async function breathe(out: Writable) {
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
}

function itemSheet(book: Book, data: ReportHead) {
  if (!data.items) return;
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
  const { sheet } = addStreamedTable(book, 'Phân tích câu hỏi', { titles: reportTitles(data), columns, spacer: true }, 1);
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
    for (const [label, value] of [
      ['Độ tin cậy KR-20', t.kr20],
      ['Sai số chuẩn của phép đo (số câu)', t.semCorrect],
      ['Sai số chuẩn của phép đo (thang 10)', t.semScore],
      ['Số câu đúng trung bình', t.meanCorrect],
      ['Độ lệch chuẩn (số câu)', t.sdCorrect],
    ] as const) {
      // The label across the first six columns: on one line, where three narrow ones would clip it.
      const row = sheet.addRow([label, null, null, null, null, null, value]);
      sheet.mergeCells(row.number, 1, row.number, 6);
      row.getCell(1).font = { bold: true };
      row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
      row.getCell(7).numFmt = '0.000';
    }
  }
  sheet.commit();
}

/**
 * Writes the workbook to `out` as it is made: the summary, then the people page by page, then the item analysis.
 * Resolves when the last byte is handed to `out` (which is then ended).
 */
export async function streamResultsXlsx(
  data: ReportHead,
  people: AsyncIterable<ReportPersonRow[]> | Iterable<ReportPersonRow[]>,
  out: Writable,
): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  book.creator = 'Bồi dưỡng';
  book.created = new Date(data.generatedAt);
  summarySheet(book, data);
  await detailSheet(book, data, people, out);
  itemSheet(book, data);
  await book.commit();
}

/** The workbook of a report held in memory, as bytes. */
export async function writeResultsXlsx(data: ReportData): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(out, 'end');
  await streamResultsXlsx(data, [data.people], out);
  await ended;
  return Buffer.concat(chunks);
}
