/**
 * CSV for spreadsheet programs: RFC 4180 quoting, CRLF lines, a UTF-8 BOM (so Excel reads the diacritics), and the
 * OWASP rule against formula injection — every CSV this server writes goes through here.
 */

/** A cell: a number we computed stays a number; any text (names, units, labels) is text, whatever it starts with. */
export type CsvValue = string | number | null | undefined;

// What makes Excel, LibreOffice or Google Sheets read a cell as a formula (or, for tab and CR, hide the start of one).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would take for a formula gets a leading apostrophe: `=HYPERLINK(…)` stays the visible text `'=HYPERLINK(…)`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Only a genuine number may start with "-" unchanged: -1.5 is a value, not a formula.
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutraliseFormula(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** A whole file: header and rows, each line ended by CRLF, behind a UTF-8 BOM. */
export function csvFile(header: string[], rows: CsvValue[][]): Buffer {
  const lines = [csvLine(header), ...rows.map(csvLine)];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
