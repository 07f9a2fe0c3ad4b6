/** A whole roster sheet → records, with problems for bad rows and ids repeated inside the file. */
import { cellText, columnLabel, findHeader, headerNotFoundProblem, missingColumnProblems, type ColumnMap } from './header.ts';
import { isEmptyRow, isHeaderEcho, parseRosterRow, type RowParseResult } from './row-parse.ts';
import { footerReason, rowText } from './footer.ts';
import type { RosterParseOptions, RosterParseResult, RosterProblem, RosterRecord, SheetRow, SkippedRow } from './types.ts';

type IdField = 'staffId' | 'citizenId';
const ID_LABELS: Record<IdField, string> = { staffId: 'Mã định danh', citizenId: 'Số CCCD' };

/** Remembers the first row of each id; reports a later row holding the same id. */
function duplicateChecker(columns: ColumnMap) {
  const firstRow: Record<IdField, Map<string, number>> = { staffId: new Map(), citizenId: new Map() };
  return (excelRow: number, parsed: RowParseResult): RosterProblem[] => {
    const problems: RosterProblem[] = [];
    for (const field of ['staffId', 'citizenId'] as const) {
      const id = parsed[field];
      if (id === null) continue;
      const earlier = firstRow[field].get(id);
      if (earlier === undefined) {
        firstRow[field].set(id, excelRow);
      } else {
        problems.push({
          row: excelRow,
          column: columnLabel(columns, field),
          message: `${ID_LABELS[field]} ${id} trùng với dòng ${earlier}`,
        });
      }
    }
    return problems;
  };
}

/** An id is one word with a digit; a footer line merged over the id column ("Tổng cộng: 7 người") is not one. */
const hasId = (row: SheetRow, index: number | undefined) => index !== undefined && /^\S*\d\S*$/.test(cellText(row.cells[index]));

/**
 * Rows after the last person, with no id, that are the footer offices put under the table: "Tổng cộng: 7 người", the
 * place-and-date line, signature titles, "(Ký, ghi rõ họ tên)" and the name under the signature — whether their text
 * sits in one cell or is repeated over a merged range. Taken off the end and returned, to be listed in the preview.
 */
function dropFooter(dataRows: SheetRow[], columns: ColumnMap): SkippedRow[] {
  const { staffId, citizenId, birthDate, gender, position } = columns.index;
  const details = [birthDate, gender].filter((i): i is number => i !== undefined);
  const skipped: SkippedRow[] = [];
  while (dataRows.length > 0) {
    const last = dataRows[dataRows.length - 1];
    if (hasId(last, staffId) || hasId(last, citizenId)) break;
    const reason = footerReason(last, details, position);
    if (!reason) break;
    skipped.unshift({ row: last.excelRow, text: rowText(last).slice(0, 80), reason });
    dataRows.pop();
  }
  return skipped;
}

/**
 * Footer lines under the last person written only in columns that are no field ("Tổng cộng: 7 người" in the STT
 * column): already out of the data, listed with the rest of the footer so the preview shows them too.
 */
function footerInOtherColumns(body: SheetRow[], dataRows: SheetRow[], columns: ColumnMap): SkippedRow[] {
  const lastData = dataRows.length ? dataRows[dataRows.length - 1].excelRow : (columns.headerRow ?? 0);
  return body
    .filter((row) => row.excelRow > lastData && isEmptyRow(row, columns) && /\p{L}/u.test(rowText(row)))
    .flatMap((row) => {
      const reason = footerReason(row, []);
      return reason ? [{ row: row.excelRow, text: rowText(row).slice(0, 80), reason }] : [];
    });
}

export function parseRosterSheet(rows: SheetRow[], options: RosterParseOptions = {}): RosterParseResult {
  const today = options.today ?? new Date();
  const columns = findHeader(rows);
  if (!columns) return { headerRow: null, rows: 0, records: [], problems: [headerNotFoundProblem()] };

  const header = rows.find((row) => row.excelRow === columns.headerRow);
  const body = rows.filter((row) => row.excelRow > columns.headerRow);
  const dataRows = body.filter((row) => !isEmptyRow(row, columns) && !isHeaderEcho(row, columns, header));
  const skipped = dropFooter(dataRows, columns);
  skipped.push(...footerInOtherColumns(body, dataRows, columns));
  skipped.sort((a, b) => a.row - b.row);
  const missing = missingColumnProblems(columns);
  if (missing.length > 0) return { headerRow: columns.headerRow, rows: dataRows.length, records: [], problems: missing, skipped };

  const checkDuplicates = duplicateChecker(columns);
  const records: RosterRecord[] = [];
  const problems: RosterProblem[] = [];
  for (const row of dataRows) {
    const parsed = parseRosterRow(row, columns, today);
    const duplicates = checkDuplicates(row.excelRow, parsed);
    problems.push(...parsed.problems, ...duplicates);
    if (parsed.record && duplicates.length === 0) records.push(parsed.record);
  }
  return { headerRow: columns.headerRow, rows: dataRows.length, records, problems, skipped };
}
