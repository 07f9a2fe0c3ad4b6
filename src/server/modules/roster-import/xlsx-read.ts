/** Reads an uploaded roster .xlsx into plain sheet rows for parseRosterSheet. */
import ExcelJS from 'exceljs';
import { findHeader } from '../../../domain/roster-import/header.ts';
import type { CellValue, SheetRow } from '../../../domain/roster-import/types.ts';

export const NOT_XLSX_MESSAGE = 'Tệp không phải là tệp Excel .xlsx hợp lệ.';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

interface SheetRead {
  rows: SheetRow[];
  /** [row index in rows, cell index] of cells that repeat the master value of a range merged across a row. */
  mergedCopies: [number, number][];
}

/** An exceljs cell value as a plain value: rich text joined, formula → result, hyperlink → text, errors → null. */
export function plainCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  if ('error' in value) return null;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainCellValue(value.result as ExcelJS.CellValue | undefined);
  if ('hyperlink' in value) return plainCellValue(value.text as ExcelJS.CellValue);
  return null;
}

function readSheet(sheet: ExcelJS.Worksheet): SheetRead {
  const rows: SheetRow[] = [];
  const mergedCopies: [number, number][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push({ excelRow: rows.length + 1, cells: [] });
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      while (cells.length < colNumber - 1) cells.push(null);
      cells.push(plainCellValue(cell.value));
      if (cell.isMerged && cell.master.address !== cell.address && Number(cell.master.row) === rowNumber) mergedCopies.push([rowNumber - 1, colNumber - 1]);
    });
    rows.push({ excelRow: rowNumber, cells });
  });
  return { rows, mergedCopies };
}

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (buffer.length < 4 || ZIP_MAGIC.some((byte, i) => buffer[i] !== byte)) throw new Error(NOT_XLSX_MESSAGE);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer), which Node's Buffer does not match.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new Error(NOT_XLSX_MESSAGE);
  }
  if (workbook.worksheets.length === 0) throw new Error(NOT_XLSX_MESSAGE);
  return workbook;
}

/**
 * The first worksheet with a recognisable roster header (visible sheets first), else the first sheet.
 * Merged cells repeat their master value in the header area. Below the header, a range merged down a
 * column (one "Đơn vị" cell spanning a school's people) fills every row; one merged across a row counts once.
 */
export async function readRosterWorkbook(buffer: Buffer): Promise<SheetRow[]> {
  const workbook = await loadWorkbook(buffer);
  const sheets = [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  let chosen: SheetRead | null = null;
  let headerRow = 0;
  for (const sheet of sheets) {
    const read = readSheet(sheet);
    const header = findHeader(read.rows);
    if (header) {
      chosen = read;
      headerRow = header.headerRow;
      break;
    }
  }
  chosen ??= readSheet(workbook.worksheets[0]);
  for (const [rowIndex, cellIndex] of chosen.mergedCopies) {
    const row = chosen.rows[rowIndex];
    if (row.excelRow > headerRow) row.cells[cellIndex] = null;
  }
  return chosen.rows;
}
