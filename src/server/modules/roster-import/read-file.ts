/** Reading a roster file into records and problems: what runs in the parsing child (files/parse-upload.ts). */
import { FileLimitError, ROSTER_ADVICE, type FileLimits } from '../../../domain/files/limits.ts';
import { parseRosterSheet } from '../../../domain/roster-import/parse-roster.ts';
import type { RosterParseResult } from '../../../domain/roster-import/types.ts';
import { packRecords } from './packed-records.ts';
import { fail } from '../../errors.ts';
import { overLimit, type ParseJob } from '../../files/parse-upload.ts';
import { NOT_XLSX_MESSAGE, readRosterWorkbook } from './xlsx-read.ts';

export interface RosterFileResult extends RosterParseResult {
  /** The records as stored for the commit (gzipped JSON), made here so that the server's thread does not. */
  packed: Uint8Array;
}

/** Reads the workbook under the budgets and parses its rows; 400 for an unreadable file, 413 past a budget. */
export async function readRosterFile(file: Uint8Array, today: Date, limits: FileLimits): Promise<RosterFileResult> {
  let sheet;
  try {
    sheet = await readRosterWorkbook(file, { limits, advice: ROSTER_ADVICE });
  } catch (err) {
    if (err instanceof FileLimitError) throw overLimit(err);
    throw fail('invalid_xlsx', { reason: err instanceof Error ? err.message : NOT_XLSX_MESSAGE });
  }
  const parsed = parseRosterSheet(sheet, { today });
  return { ...parsed, packed: packRecords(parsed.records) };
}

export const readRosterFileJob: ParseJob<[Date, FileLimits], RosterFileResult> = {
  url: import.meta.url,
  name: 'readRosterFile',
  fn: readRosterFile,
  advice: ROSTER_ADVICE,
};
