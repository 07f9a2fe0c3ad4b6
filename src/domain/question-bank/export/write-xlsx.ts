/** Excel (.xlsx) export in the question bank's import template layout (see parseQuestionSheet). */
import ExcelJS from 'exceljs';
import { normalizeText } from '../../text.ts';
import { OPTION_LETTERS, QUESTION_SHEET_HEADER } from '../excel/parse-question-sheet.ts';
import { DIFFICULTY_LABELS, type ParsedQuestion } from '../types.ts';

export interface WriteQuestionsXlsxOptions {
  title?: string;
}

export const QUESTION_SHEET_NAME = 'Câu hỏi';
const DEFAULT_TITLE = 'NGÂN HÀNG CÂU HỎI TRẮC NGHIỆM';
const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Widths in characters, by header label. */
const WIDTHS: Record<string, number> = { STT: 6, 'Câu hỏi': 50, 'Đáp án': 8, 'Chuyên đề': 24, 'Mức độ': 12, 'Cố định': 10 };
const OPTION_WIDTH = 25;
const CENTERED = new Set(['STT', 'Đáp án', 'Mức độ', 'Cố định']);

/** Lines kept as line breaks inside the cell (the importer reads them back joined by spaces). */
function cellLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(normalizeText)
    .filter(Boolean)
    .join('\n');
}

/** Points per printed line of 12 pt Times New Roman, and the characters of it an Excel width unit holds. */
const LINE_HEIGHT = 15;
const CHARS_PER_WIDTH = 1.0;
const MAX_ROW_HEIGHT = 409;

/**
 * A wrapped row's height from its longest cell: LibreOffice does not grow a row that has no height to fit its wrapped
 * text (rows overlap in print), so every data row gets one.
 */
export function wrappedRowHeight(values: (string | number)[], widths: number[]): number {
  const lines = values.map((value, i) => {
    const perLine = Math.max(1, Math.floor((widths[i] - 1) * CHARS_PER_WIDTH));
    return String(value)
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / perLine)), 0);
  });
  return Math.min(MAX_ROW_HEIGHT, Math.max(1, ...lines) * LINE_HEIGHT + 4);
}

/** The row's values in QUESTION_SHEET_HEADER order. Images are not exported; options past H are dropped. */
export function questionRowValues(question: ParsedQuestion, index: number): (string | number)[] {
  const options = question.options.slice(0, OPTION_LETTERS.length);
  const letterOf = (i: number) => OPTION_LETTERS[i];
  const correct = options.map((o, i) => (o.correct ? letterOf(i) : null)).filter((l): l is (typeof OPTION_LETTERS)[number] => l !== null);
  const pinned = options.map((o, i) => (o.pinned ? letterOf(i) : null)).filter(Boolean);
  return [
    index + 1,
    cellLines(question.stem),
    ...OPTION_LETTERS.map((_l, i) => (options[i] ? cellLines(options[i].text) : '')),
    correct.join(', '),
    question.topic ? normalizeText(question.topic) : '',
    question.difficulty ? DIFFICULTY_LABELS[question.difficulty] : '',
    pinned.join(', '),
  ];
}

/** Title row, header row (QUESTION_SHEET_HEADER, frozen), one row per question. */
export async function writeQuestionsXlsx(questions: ParsedQuestion[], options: WriteQuestionsXlsxOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ngân hàng câu hỏi';
  const sheet = workbook.addWorksheet(QUESTION_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '2:2',
    },
  });
  sheet.headerFooter.oddFooter = '&CTrang &P/&N';
  const columnCount = QUESTION_SHEET_HEADER.length;
  const widths = QUESTION_SHEET_HEADER.map((label) => WIDTHS[label] ?? OPTION_WIDTH);
  QUESTION_SHEET_HEADER.forEach((_label, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = widths[i];
    column.numFmt = '@';
  });

  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = normalizeText(options.title ?? '') || DEFAULT_TITLE;
  titleRow.getCell(1).font = { ...FONT, size: 14, bold: true };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 24;
  sheet.mergeCells(1, 1, 1, columnCount);

  const header = sheet.getRow(2);
  QUESTION_SHEET_HEADER.forEach((label, i) => {
    const cell = header.getCell(i + 1);
    cell.value = label;
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = 20;

  questions.forEach((question, q) => {
    const row = sheet.getRow(q + 3);
    const values = questionRowValues(question, q);
    row.height = wrappedRowHeight(values, widths);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value === '' ? null : value;
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: CENTERED.has(QUESTION_SHEET_HEADER[i]) ? 'center' : 'left' };
    });
    row.getCell(1).numFmt = 'General';
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columnCount } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
