/** A whole roster sheet → records, with problems for bad rows and ids repeated inside the file. */
import { columnLabel, findHeader, headerNotFoundProblem, missingColumnProblems, type ColumnMap } from './header.ts';
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

export function parseRosterSheet(rows: SheetRow[], options: RosterParseOptions = {}): RosterParseResult {
  const today = options.today ?? new Date();
  const columns = findHeader(rows);
  if (!columns) return { headerRow: null, rows: 0, records: [], problems: [headerNotFoundProblem()] };

  const header = rows.find((row) => row.excelRow === columns.headerRow);
  const dataRows = rows
    .filter((row) => row.excelRow > columns.headerRow)
    .filter((row) => !isEmptyRow(row, columns) && !isHeaderEcho(row, columns, header));
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
