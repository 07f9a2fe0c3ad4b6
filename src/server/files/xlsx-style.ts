/** Shared look of the Excel files we hand out: title rows, styled header, frozen panes, print setup, formats. */
import type ExcelJS from 'exceljs';

export const DATE_FORMAT = 'dd/mm/yyyy';
export const TEXT_FORMAT = '@';
/** Digits grouped by the reader's locale: 10.000 in Excel or LibreOffice set to Vietnamese, 10,000 in English. */
export const COUNT_FORMAT = '#,##0';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width: number;
  /** text: stored as text ('@'), so ids and phone numbers keep their leading zeros; count: digits grouped (COUNT_FORMAT). */
  format?: 'general' | 'text' | 'date' | 'count';
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  font?: Partial<ExcelJS.Font>;
}

export type TitleLine = string | { text: string; size?: number; bold?: boolean; italic?: boolean; height?: number };

export interface TableLayout {
  titles: TitleLine[];
  columns: SheetColumn[];
  /** Leave an empty row between the titles and the header. */
  spacer?: boolean;
}

/** Applies widths and per-column formats (these also reach cells typed in later); borders go on data cells only. */
export function defineColumns(sheet: ExcelJS.Worksheet, columns: SheetColumn[]): void {
  columns.forEach((spec, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = spec.width;
    const numFmt =
      spec.format === 'text' ? TEXT_FORMAT : spec.format === 'date' ? DATE_FORMAT : spec.format === 'count' ? COUNT_FORMAT : undefined;
    column.style = {
      ...(numFmt ? { numFmt } : {}),
      ...(spec.font ? { font: spec.font } : {}),
      alignment: { vertical: 'middle', horizontal: spec.align, wrapText: spec.wrap ?? false },
    };
  });
}

/**
 * The height a wrapped text needs in a cell `width` characters wide. Excel and LibreOffice do not grow a row whose
 * height is set, and LibreOffice does not always grow one whose height is not: wrapped rows get this height. Counted
 * generously (every character as wide as a "0", bold wider) so that a substitute font in LibreOffice still fits.
 * 0 for a text that fits on one line: the row's own height does.
 */
export function wrappedHeight(text: string, width: number, size = 11, bold = false): number {
  const perLine = Math.max(1, Math.floor((width - 1.5) / ((bold ? 1.1 : 1) * (size / 11))));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else {
        lines += used === 0 ? 0 : 1;
        lines += Math.floor(Math.max(0, word.length - 1) / perLine);
        used = word.length % perLine || perLine;
      }
    }
  }
  return lines <= 1 ? 0 : Math.ceil(lines * size * 1.35 + 4);
}

/** Gives a row the height its wrapped cells need (never lower than it has); widths are the columns' unless given. */
export function fitRowHeight(sheet: ExcelJS.Worksheet, row: ExcelJS.Row, widths?: number[]): void {
  let height = row.height ?? 15;
  row.eachCell((cell, column) => {
    if (!cell.alignment?.wrapText || typeof cell.value !== 'string') return;
    const width = widths?.[column - 1] ?? sheet.getColumn(column).width ?? 9;
    height = Math.max(height, wrappedHeight(cell.value, width, cell.font?.size ?? 11, cell.font?.bold ?? false));
  });
  if (height > (row.height ?? 15)) row.height = height;
}

/** One merged, centred row per line; the first is the big bold title. Returns the next free row number. */
export function addTitleRows(sheet: ExcelJS.Worksheet, lines: TitleLine[], columnCount: number, startRow = 1): number {
  lines.forEach((line, i) => {
    const spec = typeof line === 'string' ? { text: line } : line;
    const rowNumber = startRow + i;
    const row = sheet.getRow(rowNumber);
    const cell = row.getCell(1);
    cell.value = spec.text;
    cell.style = {
      font: { bold: spec.bold ?? i < 2, italic: spec.italic ?? false, size: spec.size ?? (i === 0 ? 14 : 12) },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
    for (let c = 2; c <= columnCount; c++) row.getCell(c).style = {};
    if (columnCount > 1) sheet.mergeCells(rowNumber, 1, rowNumber, columnCount);
    const width = Array.from({ length: columnCount }, (_, c) => sheet.getColumn(c + 1).width ?? 9).reduce((a, b) => a + b, 0);
    const size = spec.size ?? (i === 0 ? 14 : 12);
    row.height = Math.max(spec.height ?? (i === 0 ? 24 : 18), wrappedHeight(spec.text, width, size, spec.bold ?? i < 2));
  });
  return startRow + lines.length;
}

/** Panes frozen below the header row (and right of the first columns). */
export function frozenView(headerRow: number, frozenColumns = 0): Partial<ExcelJS.WorksheetView> {
  return { state: 'frozen', xSplit: frozenColumns, ySplit: headerRow, topLeftCell: cellAddress(headerRow + 1, frozenColumns + 1) };
}

/** Bold, filled, bordered, wrapped header; panes frozen below it and repeated on every printed page. */
export function addHeaderRow(sheet: ExcelJS.Worksheet, headers: string[], rowNumber: number, frozenColumns = 0): ExcelJS.Row {
  const row = addHeaderCells(sheet, headers, rowNumber);
  sheet.views = [frozenView(rowNumber, frozenColumns)];
  sheet.pageSetup.printTitlesRow = `${rowNumber}:${rowNumber}`;
  return row;
}

function addHeaderCells(sheet: ExcelJS.Worksheet, headers: string[], rowNumber: number): ExcelJS.Row {
  const row = sheet.getRow(rowNumber);
  headers.forEach((header, i) => {
    const cell = row.getCell(i + 1);
    cell.value = header;
    cell.style = {
      font: { bold: true },
      fill: HEADER_FILL,
      border: THIN_BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
  });
  row.height = 32;
  fitRowHeight(sheet, row);
  return row;
}

const PAGE_FOOTER = '&CTrang &P/&N';

/** A4, fit to one page wide, landscape when the columns are too wide for portrait. */
export function printSetup(columns: SheetColumn[]): Partial<ExcelJS.PageSetup> {
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  return {
    paperSize: 9,
    orientation: totalWidth > 110 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

export function setupPrint(sheet: ExcelJS.Worksheet, columns: SheetColumn[]): void {
  Object.assign(sheet.pageSetup, printSetup(columns));
  sheet.headerFooter.oddFooter = PAGE_FOOTER;
}

/** Columns, titles, header, freeze and print setup in one go. Returns the header row number. */
export function layoutTable(sheet: ExcelJS.Worksheet, layout: TableLayout, frozenColumns = 0): number {
  defineColumns(sheet, layout.columns);
  const next = addTitleRows(sheet, layout.titles, layout.columns.length);
  const headerRow = next + (layout.spacer ? 1 : 0);
  if (layout.spacer) sheet.getRow(next).height = 8;
  addHeaderRow(
    sheet,
    layout.columns.map((c) => c.header),
    headerRow,
    frozenColumns,
  );
  setupPrint(sheet, layout.columns);
  return headerRow;
}

/**
 * The same table on a sheet of exceljs's streaming writer (stream.xlsx.WorkbookWriter), which writes the frozen panes and
 * the page setup's fit-to-page flag when the sheet opens: they are given to addWorksheet, before any row. Rows are then
 * added and committed in order; a committed row is gone from memory.
 */
export function addStreamedTable(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  layout: TableLayout,
  frozenColumns = 0,
): { sheet: ExcelJS.Worksheet; headerRow: number } {
  const headerRow = layout.titles.length + (layout.spacer ? 1 : 0) + 1;
  const sheet = book.addWorksheet(name, {
    views: [frozenView(headerRow, frozenColumns)],
    pageSetup: { ...printSetup(layout.columns), printTitlesRow: `${headerRow}:${headerRow}` },
    headerFooter: { oddFooter: PAGE_FOOTER },
  });
  writePrintOptions(sheet);
  defineColumns(sheet, layout.columns);
  const next = addTitleRows(sheet, layout.titles, layout.columns.length);
  if (layout.spacer) sheet.getRow(next).height = 8;
  addHeaderCells(
    sheet,
    layout.columns.map((c) => c.header),
    headerRow,
  );
  return { sheet, headerRow };
}

/**
 * exceljs 4.4's sheet writer leaves out <printOptions> (the table centred on the printed page), which the in-memory
 * writer renders from pageSetup.horizontalCentered; it goes right before <pageMargins>, where the schema wants it.
 */
function writePrintOptions(sheet: ExcelJS.Worksheet): void {
  const writer = sheet as unknown as { _writePageMargins(): void; _write(text: string): void; pageSetup: Partial<ExcelJS.PageSetup> };
  const writeMargins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    if (writer.pageSetup.horizontalCentered) writer._write('<printOptions horizontalCentered="1"/>');
    writeMargins();
  };
}

/**
 * The style of each column's data cells (its alignment, wrap and format, a thin border), one object per column shared
 * by every row: the writer resolves a style object it has seen once by identity, where a row's own copies would each be
 * rendered and looked up again. `numFmt` gives some columns their number format. Never change these objects in place.
 */
export function dataCellStyles(
  sheet: ExcelJS.Worksheet,
  columnCount: number,
  numFmt: Record<number, string> = {},
  font?: Partial<ExcelJS.Font>,
): Partial<ExcelJS.Style>[] {
  return Array.from({ length: columnCount }, (_, i) => {
    const style: Partial<ExcelJS.Style> = { ...sheet.getColumn(i + 1).style, border: THIN_BORDER };
    if (numFmt[i + 1]) style.numFmt = numFmt[i + 1];
    if (font) style.font = { ...style.font, ...font };
    return style;
  });
}

/** Appends a data row whose cells take the shared styles of dataCellStyles, as tall as its wrapped cells need. */
export function addStyledRow(sheet: ExcelJS.Worksheet, values: unknown[], styles: Partial<ExcelJS.Style>[]): ExcelJS.Row {
  const row = sheet.addRow(values);
  for (let c = 1; c <= styles.length; c++) row.getCell(c).style = styles[c - 1];
  fitRowHeight(sheet, row);
  return row;
}

/** Appends a data row with thin borders on every column of the table, as tall as its wrapped cells need. */
export function addDataRow(sheet: ExcelJS.Worksheet, values: unknown[], columnCount = values.length): ExcelJS.Row {
  const row = sheet.addRow(values);
  for (let c = 1; c <= columnCount; c++) row.getCell(c).border = THIN_BORDER;
  fitRowHeight(sheet, row);
  return row;
}

export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** 'YYYY-MM-DD' → a UTC-midnight Date (what Excel shows as that day); anything else is kept as written. */
export function excelDate(iso: string | null | undefined): Date | string | null {
  if (!iso) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : iso;
}

/** dd/mm/yyyy (or dd/mm/yyyy HH:mm) in Vietnam time. */
export function formatVnDate(date: Date, withTime = false): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('day')}/${part('month')}/${part('year')}`;
  return withTime ? `${day} ${part('hour')}:${part('minute')}` : day;
}
