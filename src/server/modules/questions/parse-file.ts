import { parseAiken } from '../../../domain/question-bank/aiken/parse-aiken.ts';
import { parseQuestionDocx } from '../../../domain/question-bank/docx/index.ts';
import { decodeQuestionText, foreignFileRefusal } from '../../../domain/question-bank/file-bytes.ts';
import { parseQuestionSheet } from '../../../domain/question-bank/excel/parse-question-sheet.ts';
import { parseGift } from '../../../domain/question-bank/gift/parse-gift.ts';
import type { QuestionParseResult } from '../../../domain/question-bank/types.ts';
import { BANK_ADVICE, DEFAULT_FILE_LIMITS, FileLimitError, limitError, type FileLimits } from '../../../domain/files/limits.ts';
import { fail } from '../../errors.ts';
import { overLimit, type ParseJob } from '../../files/parse-upload.ts';
import { readRosterWorkbook } from '../roster-import/xlsx-read.ts';

export type QuestionFileFormat = 'docx' | 'xlsx' | 'gift' | 'aiken';

export function formatOf(fileName: string): QuestionFileFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'docx') return 'docx';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'gift') return 'gift';
  if (ext === 'txt') return 'aiken';
  throw fail('unsupported_question_file');
}

/** UTF-8, or UTF-16 with its BOM; anything else is refused with how to save it (domain/question-bank/file-bytes.ts). */
function decodeText(bytes: Uint8Array, fileName: string): string {
  const decoded = decodeQuestionText(bytes, fileName);
  if ('code' in decoded) throw fail(decoded.code, { name: decoded.name });
  return decoded.text;
}

/**
 * Parses an uploaded question file by its extension under the budgets (domain/files/limits.ts); unreadable files
 * become a Vietnamese 400, files over a budget a 413 naming it. The file comes first, as files/parse-upload.ts calls a
 * job (in the parsing child on the server and the CLI).
 */
export async function parseQuestionFile(
  bytes: Uint8Array,
  fileName: string,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<QuestionParseResult> {
  const format = formatOf(fileName);
  const foreign = foreignFileRefusal(bytes, fileName, format === 'gift' || format === 'aiken' ? 'text' : format);
  if (foreign) throw fail(foreign.code, { name: foreign.name });
  try {
    let result: QuestionParseResult;
    if (format === 'docx') result = await parseQuestionDocx(bytes, { limits, advice: BANK_ADVICE });
    else if (format === 'xlsx') result = parseQuestionSheet(await readRosterWorkbook(bytes, { limits, advice: BANK_ADVICE }));
    else {
      if (bytes.byteLength > limits.textBytes) throw limitError('textBytes', limits, BANK_ADVICE);
      result = format === 'gift' ? parseGift(decodeText(bytes, fileName)) : parseAiken(decodeText(bytes, fileName));
    }
    if (result.questions.length > limits.questions) throw limitError('questions', limits, BANK_ADVICE);
    return result;
  } catch (err) {
    if (err instanceof FileLimitError) throw overLimit(err);
    if (err instanceof Error && !('statusCode' in err)) throw fail('unreadable_question_file', { reason: err.message });
    throw err;
  }
}

export const parseQuestionFileJob: ParseJob<[string, FileLimits], QuestionParseResult> = {
  url: import.meta.url,
  name: 'parseQuestionFile',
  fn: parseQuestionFile,
  advice: BANK_ADVICE,
};
