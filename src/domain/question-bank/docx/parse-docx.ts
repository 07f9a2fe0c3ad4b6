/** Word (.docx) question files in the Vietnamese "trộn đề" conventions → ParsedQuestion[] + problems. */
import { normalizeText } from '../../text.ts';
import type { Difficulty, ParsedOption, ParsedQuestion, QuestionParseResult, QuestionProblem } from '../types.ts';
import {
  answerPairList,
  answerTablePairs,
  headingLabel,
  isAnswerKeyHeading,
  isHeading,
  keyHeadingLabel,
  matchAnswerLine,
  matchKeyLine,
  matchOptions,
  matchQuestionStart,
  partTablePairs,
  topicOfHeading,
  type KeyPair,
  type OptionMarker,
  type PartLabel,
} from './detect.ts';
import { resolveAnswerKeys, type KeyBlock, type NumberingRun } from './answer-keys.ts';
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
  /** Unique in the file: as written, or the order in the file when numbering starts again in a part. */
  number: number;
  written: number;
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
  readonly runs: NumberingRun[] = [];
  readonly keys: KeyBlock[] = [];
  private topic: string | null = null;
  private current: QuestionDraft | null = null;
  private inKey = false;
  /** The answer table being read (a table may continue over several tables or lines). */
  private key: KeyBlock | null = null;
  /** The part named by the last answer-key heading, for the table that follows it. */
  private keyLabel: PartLabel | null = null;
  /** The latest heading of each kind (part, topic, group). */
  private labels = new Map<PartLabel['kind'], PartLabel>();
  private headingSinceQuestion = false;

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
    const keyLine = matchKeyLine(text);
    if (keyLine) {
      this.addKey(line, keyLine.pairs, keyLine.label ?? undefined);
      return;
    }
    if (isAnswerKeyHeading(text)) {
      this.key = null;
      this.keyLabel = keyHeadingLabel(text);
      this.inKey = true;
      this.current = null;
      return;
    }
    const pairs = answerPairList(text, this.inKey ? 1 : 2);
    if (pairs) {
      this.addKey(line, pairs);
      return;
    }
    if (isHeading(text)) {
      const label = headingLabel(text);
      if (label) this.labels.set(label.kind, label);
      // Under "ĐÁP ÁN", a heading "Phần II" names the table that follows.
      this.keyLabel = this.inKey ? label : null;
      this.key = null;
      this.topic = normalizeText(topicOfHeading(text));
      this.current = null;
      this.headingSinceQuestion = true;
      return;
    }
    const start = matchQuestionStart(text);
    if (start) {
      this.startQuestion(start.number, line);
      const inline = INLINE_OPTIONS.exec(text.slice(start.contentStart));
      const stemEnd = inline ? start.contentStart + inline.index : text.length;
      this.current = {
        number: start.number,
        written: start.number,
        line,
        difficulty: start.difficulty,
        topic: this.topic,
        options: [],
        stem: [sliceRuns(runs, start.contentStart, stemEnd, !inline)],
        answerLetters: [],
      };
      this.questions.push(this.current);
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
    const byPart = partTablePairs(texts);
    if (byPart) {
      for (const { label, pairs } of byPart) this.addKey(line, pairs, label);
      return;
    }
    const pairs = answerTablePairs(texts);
    if (pairs && (pairs.length >= 2 || this.inKey)) {
      this.addKey(line, pairs);
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
    const cellRuns = rows.map((cells) =>
      cells.map((cell) => cell.flatMap((paragraph, j) => (j > 0 ? [plain(' '), ...paragraph.runs] : paragraph.runs))),
    );
    // A table in the stem stays a table; after the options it is text of the last option (options are plain text).
    if (this.current && this.current.options.length === 0) {
      this.current.stem.push({ table: cellRuns });
      return;
    }
    for (const cells of cellRuns) this.appendContent(cells.flatMap((cell, i) => (i > 0 ? [plain(' | '), ...cell] : cell)));
  }

  /** Pairs continue the table being read, or start one (named by its own label, else by the last key heading). */
  private addKey(line: number, pairs: KeyPair[], label?: PartLabel): void {
    if (!this.key || label) {
      this.key = { line, label: label ?? this.keyLabel, pairs: [], after: this.runs.length };
      this.keys.push(this.key);
    }
    this.key.pairs.push(...pairs);
    this.inKey = true;
    this.current = null;
  }

  /** Ends any answer table; a number not above the previous one, at "Câu 1" or after a heading, starts a new run. */
  private startQuestion(number: number, line: number): void {
    this.key = null;
    this.keyLabel = null;
    this.inKey = false;
    const run = this.runs[this.runs.length - 1];
    const previous = run?.questions[run.questions.length - 1]?.written;
    if (!run || (previous !== undefined && number <= previous && (number === 1 || this.headingSinceQuestion))) {
      this.runs.push({ labels: [...this.labels.values()], questions: [] });
    }
    this.runs[this.runs.length - 1].questions.push({ index: this.questions.length, written: number, number, line });
    this.headingSinceQuestion = false;
  }

  /** Numbers that restart in each part (or repeat) become the order in the file, so that each question keeps its own. */
  renumber(): void {
    if (this.runs.length <= 1 && new Set(this.questions.map((q) => q.written)).size === this.questions.length) return;
    this.questions.forEach((question, i) => {
      question.number = i + 1;
    });
    for (const run of this.runs) for (const q of run.questions) q.number = q.index + 1;
  }
}

/** Parses a .docx question file. Throws (Vietnamese message) for a non-docx, or a FileLimitError for a file over a budget (zip bomb, huge document). */
export async function parseQuestionDocx(file: Uint8Array, options: ParseQuestionDocxOptions = {}): Promise<QuestionParseResult> {
  const blocks = await readDocx(file, options);
  const assembler = new Assembler();
  for (const block of blocks) assembler.block(block);
  assembler.renumber();
  const keys = resolveAnswerKeys(assembler.runs, assembler.keys);
  const drafts = assembler.questions;
  drafts.forEach((draft, i) => {
    const letter = keys.letters.get(i);
    if (letter && !draft.answerLetters.includes(letter)) draft.answerLetters.push(letter);
  });
  drafts.forEach(giveListBackToStem);
  const marks: OptionMarks[][] = drafts.map((draft) =>
    draft.options.map((option) => optionMarks(option.marker, option.markerRuns, option.textRuns)),
  );
  const useBold = boldIsAnswerMark(marks);
  const problems: QuestionProblem[] = [...assembler.problems, ...keys.problems];
  const questions = drafts.map((draft, q) => {
    const letters = draft.options.map((option) => option.marker.letter);
    const { correct, pinned } = resolveMarks(marks[q], letters, draft.answerLetters, useBold);
    const parsedOptions: ParsedOption[] = draft.options.map((option, i) => {
      const parts = [option.textRuns, ...option.extra];
      return {
        letter: option.marker.letter,
        text: textOfParts(parts),
        correct: correct[i],
        pinned: pinned[i],
        images: parts.flatMap(imagesOf),
      };
    });
    const { stem, stemRich } = stemOfParts(draft.stem);
    const question: ParsedQuestion = {
      number: draft.number,
      line: draft.line,
      stem,
      ...(stemRich ? { stemRich } : {}),
      topic: draft.topic,
      difficulty: draft.difficulty,
      images: stemImages(draft.stem),
      options: parsedOptions,
    };
    for (const message of questionProblems(question, draft.answerLetters))
      problems.push({ question: draft.number, line: draft.line, message });
    const missing = keys.missing.get(q);
    if (missing && draft.options.length > 0 && !correct.some(Boolean))
      problems.push({ question: draft.number, line: draft.line, message: missing });
    return question;
  });
  if (questions.length === 0) problems.push({ question: null, line: 1, message: 'Không tìm thấy câu hỏi nào trong tệp' });
  problems.sort((a, b) => a.line - b.line);
  return { questions, problems };
}
