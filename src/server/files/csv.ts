/**
 * CSV for spreadsheet programs: RFC 4180 quoting, CRLF lines, a UTF-8 BOM (so Excel reads the diacritics), and the
 * OWASP rule against formula injection — every CSV this server writes goes through here.
 *
 * Two dialects. Excel splits a double-clicked CSV on the list separator of the PC's regional settings and reads numbers
 * with its decimal symbol: on a Vietnamese-locale Windows those are ";" and ",", so a "," file with "." decimals opens
 * in one column. 'vi' (the default) is the file that opens right there; 'intl' is the "," / "." file other tools expect.
 */

/** A cell: a number we computed stays a number; any text (names, units, labels) is text, whatever it starts with. */
export type CsvValue = string | number | null | undefined;

// What makes Excel, LibreOffice or Google Sheets read a cell as a formula (or, for tab and CR, hide the start of one).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would take for a formula gets a leading apostrophe: `=HYPERLINK(…)` stays the visible text `'=HYPERLINK(…)`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvDialect = 'vi' | 'intl';

export const CSV_DIALECTS: Record<CsvDialect, { separator: string; decimal: string }> = {
  vi: { separator: ';', decimal: ',' },
  intl: { separator: ',', decimal: '.' },
};

export function csvCell(value: CsvValue, dialect: CsvDialect = 'vi'): string {
  if (value === null || value === undefined) return '';
  // Only a genuine number may start with "-" unchanged: -1.5 is a value, not a formula. No digit grouping: "1.234"
  // would be a thousand in one locale and one-point-something in the other.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', CSV_DIALECTS[dialect].decimal) : '';
  const text = neutraliseFormula(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CsvValue[], dialect: CsvDialect = 'vi'): string {
  return values.map((v) => csvCell(v, dialect)).join(CSV_DIALECTS[dialect].separator);
}

/** A whole file: header and rows, each line ended by CRLF, behind a UTF-8 BOM. */
export function csvFile(header: string[], rows: CsvValue[][], dialect: CsvDialect = 'vi'): Buffer {
  const lines = [csvLine(header, dialect), ...rows.map((r) => csvLine(r, dialect))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
