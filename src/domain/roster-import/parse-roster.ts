/** A whole roster sheet → records, with problems for bad rows and ids repeated inside the file. */
import { cellText, columnLabel, findHeader, headerNotFoundProblem, missingColumnProblems, type ColumnMap } from './header.ts';
import { isEmptyRow, isHeaderEcho, parseRosterRow, type RowParseResult } from './row-parse.ts';
import type { RosterParseOptions, RosterParseResult, RosterProblem, RosterRecord, SheetRow } from './types.ts';

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

const hasText = (row: SheetRow, index: number | undefined) =>
  index !== undefined && cellText(row.cells[index]) !== '';

/**
 * Rows after the last person that carry no id and no unit — "Người lập biểu", "HIỆU TRƯỞNG",
 * "(Ký, ghi rõ họ tên)", a date line — are the signature block offices put under the table.
 */
function dropSignatureBlock(dataRows: SheetRow[], columns: ColumnMap): void {
  const { staffId, citizenId, unitName } = columns.index;
  while (dataRows.length > 0) {
    const last = dataRows[dataRows.length - 1];
    if (hasText(last, staffId) || hasText(last, citizenId) || hasText(last, unitName)) return;
    dataRows.pop();
  }
}

export function parseRosterSheet(rows: SheetRow[], options: RosterParseOptions = {}): RosterParseResult {
  const today = options.today ?? new Date();
  const columns = findHeader(rows);
  if (!columns) return { headerRow: null, rows: 0, records: [], problems: [headerNotFoundProblem()] };

  const header = rows.find((row) => row.excelRow === columns.headerRow);
  const dataRows = rows
    .filter((row) => row.excelRow > columns.headerRow)
    .filter((row) => !isEmptyRow(row, columns) && !isHeaderEcho(row, columns, header));
  dropSignatureBlock(dataRows, columns);
  const missing = missingColumnProblems(columns);
  if (missing.length > 0) return { headerRow: columns.headerRow, rows: dataRows.length, records: [], problems: missing };

  const checkDuplicates = duplicateChecker(columns);
  const records: RosterRecord[] = [];
  const problems: RosterProblem[] = [];
  for (const row of dataRows) {
    const parsed = parseRosterRow(row, columns, today);
    const duplicates = checkDuplicates(row.excelRow, parsed);
    problems.push(...parsed.problems, ...duplicates);
    if (parsed.record && duplicates.length === 0) records.push(parsed.record);
  }
  return { headerRow: columns.headerRow, rows: dataRows.length, records, problems };
}
