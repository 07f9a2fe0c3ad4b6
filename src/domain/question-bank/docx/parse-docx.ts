/** Word (.docx) question files in the Vietnamese "trộn đề" conventions → ParsedQuestion[] + problems. */
import { normalizeText } from '../../text.ts';
import type { Difficulty, ParsedOption, ParsedQuestion, QuestionParseResult, QuestionProblem } from '../types.ts';
import {
  answerTablePairs, isAnswerKeyHeading, isHeading, matchAnswerLine, matchAnswerPairs, matchOptions,
  matchQuestionStart, type OptionMarker,
} from './detect.ts';
import { boldIsAnswerMark, optionMarks, resolveMarks, type OptionMarks } from './marks.ts';
import { readDocx, type DocxBlock, type DocxParagraph, type DocxRun, type ReadDocxOptions } from './read-docx.ts';
import { questionProblems } from './problems.ts';
import { imagesOf, plainText, sliceRuns } from './runs.ts';
import { stemImages, stemOfParts, type StemPart } from './stem.ts';

/** Budgets of the reading (files/limits.ts): uncompressed bytes, paragraphs, XML elements, images. */
export type ParseQuestionDocxOptions = ReadDocxOptions;

interface OptionDraft {
  marker: OptionMarker;
  markerRuns: DocxRun[];
  textRuns: DocxRun[];
  /** Following paragraphs that continue the option. */
  extra: DocxRun[][];
  /** The whole paragraph the option came from (to give it back to the stem). */
  source: DocxRun[];
}

interface QuestionDraft {
  number: number;
  line: number;
  difficulty: Difficulty | null;
  topic: string | null;
  stem: StemPart[];
  options: OptionDraft[];
  answerLetters: string[];
}

const plain = (text: string): DocxRun => ({ text, underline: false, color: false, highlight: false, bold: false, italic: false });

/** Paragraph texts: each line normalised, empty lines dropped, joined with '\n'. */
function textOfParts(parts: DocxRun[][]): string {
  return parts
    .flatMap((runs) => plainText(runs).split('\n'))
    .map(normalizeText)
    .filter(Boolean)
    .join('\n');
}

const INLINE_OPTIONS = /(?:\t|[ \u00a0]{2,})[ \u00a0]*[*#]?[ \u00a0]*A[ \u00a0]*[.):]/u;

/** Lower-case "a) …" lines before the "A. …" options were a list inside the stem. */
function giveListBackToStem(question: QuestionDraft): void {
  const firstUpper = question.options.findIndex((option) => !option.marker.lowerCase);
  if (firstUpper <= 0) return;
  const moved = question.options.splice(0, firstUpper);
  const seen = new Set<DocxRun[]>();
  for (const option of moved) {
    if (!seen.has(option.source)) question.stem.push(option.source);
    seen.add(option.source);
    question.stem.push(...option.extra);
  }
}

class Assembler {
  readonly questions: QuestionDraft[] = [];
  readonly problems: QuestionProblem[] = [];
  private topic: string | null = null;
  private current: QuestionDraft | null = null;
  private inKey = false;
  private key = new Map<number, string>();
  private pending: QuestionDraft[] = [];

  block(block: DocxBlock): void {
    if (block.kind === 'paragraph') this.paragraph(block);
    else this.table(block.line, block.rows);
  }

  private paragraph(paragraph: DocxParagraph): void {
    const { runs, line } = paragraph;
    const text = plainText(runs).normalize('NFC');
    if (text.trim() === '') {
      if (imagesOf(runs).length > 0) this.appendContent(runs);
      return;
    }
    const answer = matchAnswerLine(text);
    if (answer) {
      if (this.current) this.current.answerLetters.push(...answer);
      else this.problems.push({ question: null, line, message: 'Dòng đáp án nằm ngoài câu hỏi' });
      return;
    }
    if (isAnswerKeyHeading(text)) {
      this.inKey = true;
      this.current = null;
      return;
    }
    const pairs = matchAnswerPairs(text, this.inKey ? 1 : 2);
    if (pairs) {
      this.addKey(pairs);
      return;
    }
    if (isHeading(text)) {
      this.applyKey();
      this.topic = normalizeText(text);
      this.current = null;
      return;
    }
    const start = matchQuestionStart(text);
    if (start) {
      this.applyKey();
      const inline = INLINE_OPTIONS.exec(text.slice(start.contentStart));
      const stemEnd = inline ? start.contentStart + inline.index : text.length;
      this.current = {
        number: start.number, line, difficulty: start.difficulty, topic: this.topic, options: [],
        stem: [sliceRuns(runs, start.contentStart, stemEnd, !inline)], answerLetters: [],
      };
      this.questions.push(this.current);
      this.pending.push(this.current);
      if (inline) this.options(runs.length ? sliceRuns(runs, stemEnd, text.length, true) : [], line);
      return;
    }
    if (this.options(runs, line)) return;
    this.appendContent(runs);
  }

  /** Adds the options of a paragraph that starts with one; false when it does not. */
  private options(runs: DocxRun[], line: number): boolean {
    const text = plainText(runs);
    const markers = matchOptions(text);
    if (!markers) return false;
    if (!this.current) {
      this.problems.push({ question: null, line, message: 'Phương án nằm ngoài câu hỏi' });
      return true;
    }
    markers.forEach((marker, i) => {
      const last = i === markers.length - 1;
      const end = last ? text.length : markers[i + 1].start;
      this.current!.options.push({
        marker,
        markerRuns: sliceRuns(runs, marker.start, end, last),
        textRuns: sliceRuns(runs, marker.contentStart, end, last),
        extra: [],
        source: runs,
      });
    });
    return true;
  }

  private appendContent(runs: DocxRun[]): void {
    if (!this.current) return;
    const options = this.current.options;
    if (options.length > 0) options[options.length - 1].extra.push(runs);
    else this.current.stem.push(runs);
  }

  private table(line: number, rows: DocxParagraph[][][]): void {
    const texts = rows.map((cells) => cells.map((paragraphs) => paragraphs.map((p) => plainText(p.runs)).join(' ')));
    const pairs = answerTablePairs(texts);
    if (pairs && (pairs.size >= 2 || this.inKey)) {
      this.addKey(pairs);
      return;
    }
    const paragraphs = rows.flat(2);
    const structured = paragraphs.some((p) => {
      const text = plainText(p.runs);
      return matchQuestionStart(text) !== null || matchOptions(text) !== null;
    });
    if (structured) {
      for (const paragraph of paragraphs) this.paragraph({ ...paragraph, line });
      return;
    }
    const cellRuns = rows.map((cells) => cells.map((cell) => cell.flatMap((paragraph, j) => (j > 0 ? [plain(' '), ...paragraph.runs] : paragraph.runs))));
    // A table in the stem stays a table; after the options it is text of the last option (options are plain text).
    if (this.current && this.current.options.length === 0) {
      this.current.stem.push({ table: cellRuns });
      return;
    }
    for (const cells of cellRuns) this.appendContent(cells.flatMap((cell, i) => (i > 0 ? [plain(' | '), ...cell] : cell)));
  }

  private addKey(pairs: Map<number, string>): void {
    for (const [number, letter] of pairs) this.key.set(number, letter);
    this.inKey = true;
    this.current = null;
  }

  /** Gives the answer key read so far to the questions before it (by number), then starts afresh. */
  applyKey(): void {
    if (this.key.size > 0) {
      for (const question of this.pending) {
        const letter = this.key.get(question.number);
        if (letter && !question.answerLetters.includes(letter)) question.answerLetters.push(letter);
      }
      this.pending = [];
    }
    this.key = new Map();
    this.inKey = false;
  }
}

/** Parses a .docx question file. Throws (Vietnamese message) for a non-docx, or a FileLimitError for a file over a budget (zip bomb, huge document). */
export async function parseQuestionDocx(file: Uint8Array, options: ParseQuestionDocxOptions = {}): Promise<QuestionParseResult> {
  const blocks = await readDocx(file, options);
  const assembler = new Assembler();
  for (const block of blocks) assembler.block(block);
  assembler.applyKey();
  const drafts = assembler.questions;
  drafts.forEach(giveListBackToStem);
  const marks: OptionMarks[][] = drafts.map((draft) => draft.options.map((option) => optionMarks(option.marker, option.markerRuns, option.textRuns)));
  const useBold = boldIsAnswerMark(marks);
  const problems: QuestionProblem[] = [...assembler.problems];
  const questions = drafts.map((draft, q) => {
    const letters = draft.options.map((option) => option.marker.letter);
    const { correct, pinned } = resolveMarks(marks[q], letters, draft.answerLetters, useBold);
    const parsedOptions: ParsedOption[] = draft.options.map((option, i) => {
      const parts = [option.textRuns, ...option.extra];
      return {
        letter: option.marker.letter, text: textOfParts(parts), correct: correct[i], pinned: pinned[i],
        images: parts.flatMap(imagesOf),
      };
    });
    const { stem, stemRich } = stemOfParts(draft.stem);
    const question: ParsedQuestion = {
      number: draft.number, line: draft.line, stem, ...(stemRich ? { stemRich } : {}), topic: draft.topic,
      difficulty: draft.difficulty, images: stemImages(draft.stem), options: parsedOptions,
    };
    for (const message of questionProblems(question, draft.answerLetters)) problems.push({ question: draft.number, line: draft.line, message });
    return question;
  });
  if (questions.length === 0) problems.push({ question: null, line: 1, message: 'Không tìm thấy câu hỏi nào trong tệp' });
  problems.sort((a, b) => a.line - b.line);
  return { questions, problems };
}
