/** Aiken import and export: stem line(s), options "A. …" / "A) …", then "ANSWER: B". */
import { normalizeText } from '../../text.ts';
import type { ParsedOption, ParsedQuestion, QuestionParseResult, QuestionProblem } from '../types.ts';

export const MAX_OPTIONS = 8;
const OPTION = /^([A-Z])[.)](?:\s+(.*))?$/;
/** "A)Đáp án", "B.2013": Moodle reads an option without the space too; only the expected next letter counts then. */
const OPTION_NO_SPACE = /^([A-Z])[.)](\S.*)$/;
const ANSWER_LINE = /^(?:answer|đáp án)\s*:\s*(.*)$/iu;

interface Draft {
  line: number;
  stem: string[];
  options: ParsedOption[];
  problems: string[];
}

export function letter(index: number): string {
  return String.fromCharCode(0x41 + index);
}

function finish(draft: Draft, number: number, answer: string | null): { question?: ParsedQuestion; problems: QuestionProblem[] } {
  const messages = [...draft.problems];
  const { options } = draft;
  if (draft.stem.length === 0) messages.push('Câu hỏi không có nội dung');
  for (const o of options) if (!o.text) messages.push(`Phương án ${o.letter} không có nội dung`);
  if (options.length < 2) messages.push(`Câu hỏi chỉ có ${options.length} phương án, cần ít nhất 2`);
  if (options.length > MAX_OPTIONS) messages.push(`Câu hỏi có ${options.length} phương án, nhiều nhất ${MAX_OPTIONS}`);
  if (answer === null) messages.push('Thiếu dòng ANSWER: <chữ cái của đáp án đúng>');
  else if (!/^[A-Z]$/.test(answer)) messages.push(`Dòng ANSWER không hợp lệ: "${answer}", cần một chữ cái`);
  else if (!options.some((o) => o.letter === answer)) messages.push(`Đáp án ${answer} không có trong các phương án`);
  const problems = messages.map((message) => ({ question: number, line: draft.line, message }));
  if (problems.length) return { problems };
  return {
    question: {
      number,
      line: draft.line,
      stem: draft.stem.join('\n'),
      topic: null,
      difficulty: null,
      images: [],
      options: options.map((o) => ({ ...o, correct: o.letter === answer })),
    },
    problems: [],
  };
}

export function parseAiken(text: string): QuestionParseResult {
  const questions: ParsedQuestion[] = [];
  const problems: QuestionProblem[] = [];
  let draft: Draft | null = null;
  let number = 0;

  const close = (answer: string | null) => {
    if (!draft) return;
    number++;
    const result = finish(draft, number, answer);
    if (result.question) questions.push(result.question);
    problems.push(...result.problems);
    draft = null;
  };

  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = normalizeText(raw);
      if (line === '') {
        close(null);
        return;
      }
      const current: Draft = draft ?? { line: i + 1, stem: [], options: [], problems: [] };
      draft = current;
      const answer = ANSWER_LINE.exec(line);
      if (answer) {
        close(answer[1].trim().toUpperCase());
        return;
      }
      const tight = OPTION.exec(line) ? null : OPTION_NO_SPACE.exec(line);
      const option = OPTION.exec(line) ?? (tight && tight[1] === letter(current.options.length) ? tight : null);
      if (option) {
        const expected = letter(current.options.length);
        if (option[1] !== expected) {
          current.problems.push(`Phương án ${option[1]} (dòng ${i + 1}) sai thứ tự, cần ${expected}`);
        }
        current.options.push({ letter: option[1], text: option[2] ?? '', correct: false, pinned: false, images: [] });
      } else if (current.options.length > 0) {
        // A line after the options that is neither an option nor ANSWER continues the last option.
        const last = current.options[current.options.length - 1];
        last.text = `${last.text} ${line}`;
      } else current.stem.push(line);
    });
  close(null);
  return { questions, problems };
}
