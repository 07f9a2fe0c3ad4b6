/** The year-end sheet as an A4 workbook: official header, titles, one row per person, totals, date line, signatures. */
import ExcelJS from 'exceljs';
import { addDataRow, addHeaderRow, addTitleRows, defineColumns, setupPrint, type SheetColumn } from '../../files/xlsx-style.ts';
import type { YearEndSheet } from './sheet-data.ts';
import {
  attendanceCells,
  COLUMN_HEADERS,
  placeDateLine,
  SHEET_PURPOSE,
  SHEET_TITLE,
  SIGNERS,
  subtitleLines,
  totalsLine,
} from './sheet-text.ts';

const WIDTHS = [5, 26, 7, 24, 15, 8, 9, 11, 10, 9, 10, 36, 13];
const ALIGN: SheetColumn['align'][] = [
  'center',
  'left',
  'center',
  'left',
  'left',
  'center',
  'right',
  'left',
  'center',
  'right',
  'center',
  'left',
  'left',
];
const WRAPPED = new Set([1, 3, 4, 11, 12]);
/** Columns of the left (issuer, preparer) and right (nation, head of unit) halves of the header and signature block. */
const LEFT: [number, number] = [1, 4];
const RIGHT: [number, number] = [8, 13];
const LINE_PT = 15;

function merged(sheet: ExcelJS.Worksheet, row: number, [from, to]: [number, number], text: string, font: Partial<ExcelJS.Font>) {
  sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.style = { font, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
}

/** Lines a wrapped row needs in LibreOffice and Excel alike (neither grows a row whose height was written). */
function rowHeight(values: string[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (WRAPPED.has(i) && v) lines = Math.max(lines, Math.ceil((v.length * 1.1) / (WIDTHS[i] - 1)));
  });
  return lines * LINE_PT;
}

export async function writeYearEndXlsx(sheetData: YearEndSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Hệ thống bồi dưỡng';
  const sheet = book.addWorksheet('Danh sách cuối năm');
  const columns: SheetColumn[] = COLUMN_HEADERS.map((header, i) => ({ header, width: WIDTHS[i], align: ALIGN[i], wrap: WRAPPED.has(i) }));
  defineColumns(sheet, columns);
  const n = columns.length;
  merged(sheet, 1, LEFT, sheetData.issuer.toLocaleUpperCase('vi'), { size: 11 });
  merged(sheet, 1, RIGHT, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 11 });
  merged(sheet, 2, LEFT, sheetData.unitName.toLocaleUpperCase('vi'), { bold: true, size: 11 });
  merged(sheet, 2, RIGHT, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true, size: 11 });
  sheet.getRow(1).height = 18;
  sheet.getRow(2).height = 18;
  const next = addTitleRows(
    sheet,
    [
      { text: SHEET_TITLE, size: 14, bold: true, height: 24 },
      ...subtitleLines(sheetData).map((text) => ({ text, bold: true, size: 12 })),
      { text: SHEET_PURPOSE, italic: true, bold: false, size: 11 },
    ],
    n,
    4,
  );
  const headerRow = next + 1;
  sheet.getRow(next).height = 8;
  addHeaderRow(sheet, [...COLUMN_HEADERS], headerRow, 2);
  sheet.getRow(headerRow).height = 45;
  setupPrint(sheet, columns);
  const scoreFormat = `0${sheetData.survey && sheetData.survey.decimals > 0 ? `.${'0'.repeat(sheetData.survey.decimals)}` : ''}`;
  sheetData.rows.forEach((r, i) => {
    const a = attendanceCells(r);
    const values = [
      i + 1,
      r.fullName,
      r.birthYear,
      r.unitName,
      r.position,
      r.partyMember ? 'x' : '',
      r.score,
      r.band,
      a.sessions,
      r.attendancePercent === null ? null : r.attendancePercent / 100,
      a.met,
      r.classes,
      r.surveyNote,
    ];
    const row = addDataRow(
      sheet,
      values.map((v) => (v === '' ? null : v)),
      n,
    );
    row.getCell(7).numFmt = scoreFormat;
    row.getCell(10).numFmt = '0.0%';
    row.height = rowHeight(values.map((v) => (v === null ? '' : String(v))));
  });
  let at = headerRow + sheetData.rows.length + 2;
  for (const line of [totalsLine(sheetData), ...sheetData.notes]) {
    sheet.mergeCells(at, 1, at, n);
    const cell = sheet.getCell(at, 1);
    cell.value = line;
    cell.style = { font: { italic: line !== totalsLine(sheetData), size: 10.5 }, alignment: { wrapText: true, vertical: 'top' } };
    sheet.getRow(at).height = Math.max(1, Math.ceil(line.length / 190)) * LINE_PT;
    at += 1;
  }
  at += 1;
  merged(sheet, at, RIGHT, placeDateLine(sheetData), { italic: true, size: 11 });
  merged(sheet, at + 1, LEFT, SIGNERS[0].title, { bold: true, size: 11 });
  merged(sheet, at + 1, RIGHT, SIGNERS[1].title, { bold: true, size: 11 });
  merged(sheet, at + 2, LEFT, SIGNERS[0].hint, { italic: true, size: 10 });
  merged(sheet, at + 2, RIGHT, SIGNERS[1].hint, { italic: true, size: 10 });
  sheet.pageSetup.printArea = `A1:M${at + 6}`;
  return Buffer.from(await book.xlsx.writeBuffer());
}
