/** The question bank's Excel layout: Câu hỏi | A | B | C | D | (E…H) | Đáp án | Chuyên đề | Mức độ | Cố định. */
import { cellText } from '../../roster-import/header.ts';
import type { SheetRow } from '../../roster-import/types.ts';
import { fold, normalizeText } from '../../text.ts';
import type { Difficulty, ParsedOption, ParsedQuestion, QuestionParseResult, QuestionProblem } from '../types.ts';

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export const QUESTION_SHEET_HEADER = ['STT', 'Câu hỏi', ...OPTION_LETTERS, 'Đáp án', 'Chuyên đề', 'Mức độ', 'Cố định'];

type Column = 'stem' | 'answer' | 'topic' | 'difficulty' | 'pinned' | (typeof OPTION_LETTERS)[number];

const ALIASES: Record<string, Column> = {
  'cau hoi': 'stem',
  'noi dung cau hoi': 'stem',
  'noi dung': 'stem',
  'dap an': 'answer',
  'dap an dung': 'answer',
  'chuyen de': 'topic',
  'chu de': 'topic',
  'muc do': 'difficulty',
  'muc do nhan thuc': 'difficulty',
  'co dinh': 'pinned',
  'phuong an co dinh': 'pinned',
};
for (const letter of OPTION_LETTERS) {
  ALIASES[letter.toLowerCase()] = letter;
  ALIASES[`phuong an ${letter.toLowerCase()}`] = letter;
}

const DIFFICULTIES: Record<string, Difficulty> = {
  'nhan biet': 'recognition',
  nb: 'recognition',
  biet: 'recognition',
  '1': 'recognition',
  'thong hieu': 'comprehension',
  th: 'comprehension',
  hieu: 'comprehension',
  '2': 'comprehension',
  'van dung': 'application',
  vd: 'application',
  'van dung cao': 'application',
  vdc: 'application',
  '3': 'application',
};

const key = (text: string) =>
  fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function findHeader(rows: SheetRow[]): { excelRow: number; columns: Map<Column, number> } | null {
  for (const row of rows.slice(0, 20)) {
    const columns = new Map<Column, number>();
    row.cells.forEach((cell, i) => {
      const column = ALIASES[key(cellText(cell))];
      if (column && !columns.has(column)) columns.set(column, i);
    });
    if (columns.has('stem') && columns.has('A') && columns.has('B')) return { excelRow: row.excelRow, columns };
  }
  return null;
}

/** "C", "c", "Phương án C", "3" → the letter; null when unreadable. */
function answerLetter(raw: string): string | null {
  const text = key(raw)
    .replace(/^(phuong an|dap an)\s*/, '')
    .toUpperCase();
  if (/^[A-H]$/.test(text)) return text;
  if (/^[1-8]$/.test(text)) return OPTION_LETTERS[Number(text) - 1];
  return null;
}

/** Reads the sheet: one question per row; every problem names the question number and the Excel row. */
export function parseQuestionSheet(rows: SheetRow[]): QuestionParseResult {
  const header = findHeader(rows);
  if (!header) {
    return {
      questions: [],
      problems: [{ question: null, line: 1, message: 'Không tìm thấy dòng tiêu đề (cần các cột "Câu hỏi", "A", "B", …, "Đáp án")' }],
    };
  }
  const { columns } = header;
  const text = (row: SheetRow, column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : cellText(row.cells[index]);
  };
  /** Line breaks typed in the cell (Alt+Enter) are kept: the Excel export writes a stem's lines that way. */
  const lines = (row: SheetRow, column: Column) => {
    const index = columns.get(column);
    const value = index === undefined ? null : row.cells[index];
    if (typeof value !== 'string') return text(row, column);
    return value
      .split(/\r\n|\r|\n/)
      .map(normalizeText)
      .filter(Boolean)
      .join('\n');
  };
  const questions: ParsedQuestion[] = [];
  const problems: QuestionProblem[] = [];
  let number = 0;
  for (const row of rows.filter((r) => r.excelRow > header.excelRow)) {
    const letters = OPTION_LETTERS.filter((l) => columns.has(l));
    if (!text(row, 'stem') && letters.every((l) => !text(row, l))) continue;
    number += 1;
    const problem = (message: string) => problems.push({ question: number, line: row.excelRow, message });
    const stem = lines(row, 'stem');
    const filled: string[] = letters.filter((l) => text(row, l));
    const lastFilled = filled.at(-1);
    const gap = lastFilled
      ? letters.slice(0, letters.indexOf(lastFilled as (typeof OPTION_LETTERS)[number])).find((l) => !text(row, l))
      : undefined;
    const answer = text(row, 'answer');
    const correct = answerLetter(answer);
    const pinned = new Set(
      text(row, 'pinned')
        .toUpperCase()
        .split(/[^A-H]+/)
        .filter(Boolean),
    );
    const difficultyText = key(text(row, 'difficulty'));
    const difficulty = difficultyText ? (DIFFICULTIES[difficultyText] ?? null) : null;

    if (!stem) problem('Câu hỏi không có nội dung');
    if (filled.length < 2) problem(`Câu hỏi chỉ có ${filled.length} phương án`);
    if (gap) problem(`Thiếu phương án ${gap}`);
    if (!answer) problem('Không tìm thấy đáp án đúng (cột "Đáp án" trống)');
    else if (!correct || !filled.includes(correct)) problem(`Đáp án "${answer}" không khớp phương án nào`);
    if (difficultyText && !difficulty) problem(`Mức độ "${text(row, 'difficulty')}" không hợp lệ (Nhận biết, Thông hiểu, Vận dụng)`);
    for (const letter of pinned) if (!filled.includes(letter)) problem(`Phương án cố định ${letter} không có nội dung`);
    if (problems.some((p) => p.question === number)) continue;

    const options: ParsedOption[] = filled.map((letter) => ({
      letter,
      text: lines(row, letter as Column),
      correct: letter === correct,
      pinned: pinned.has(letter),
      images: [],
    }));
    questions.push({ number, line: row.excelRow, stem, topic: text(row, 'topic') || null, difficulty, images: [], options });
  }
  return { questions, problems };
}
