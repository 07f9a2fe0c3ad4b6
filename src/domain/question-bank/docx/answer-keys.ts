/**
 * Which answer table answers which question when a Word bank numbers its questions again from "Câu 1" in each part.
 * A table goes to the part it names ("ĐÁP ÁN PHẦN II"), else to the part it follows; a table after the last part that
 * names none, while an earlier part has no table of its own, could answer any part: each question whose number it
 * lists gets a problem, never a guess.
 */
import type { QuestionProblem } from '../types.ts';
import type { KeyPair, PartLabel } from './detect.ts';

/** Questions numbered in one run (a number not above the previous one starts the next run). */
export interface NumberingRun {
  /** The latest heading of each kind before the run's first question. */
  labels: PartLabel[];
  questions: { index: number; written: number; number: number; line: number }[];
}

export interface KeyBlock {
  line: number;
  /** The part the table names (its heading, or a heading between "ĐÁP ÁN" and it). */
  label: PartLabel | null;
  pairs: KeyPair[];
  /** How many numbering runs had begun when the table came. */
  after: number;
}

export interface KeyResolution {
  /** Question index → the letter its answer table gives. */
  letters: Map<number, string>;
  /** Question index → why no table answers it, reported when nothing else marks its answer. */
  missing: Map<number, string>;
  problems: QuestionProblem[];
}

const sameLabel = (a: PartLabel, b: PartLabel) => a.kind === b.kind && a.id === b.id;

function runName(run: NumberingRun, index: number): string {
  const label = run.labels.find((l) => l.kind === 'part') ?? run.labels[0];
  return label ? label.name : `phần thứ ${index + 1}`;
}

export function resolveAnswerKeys(runs: NumberingRun[], blocks: KeyBlock[]): KeyResolution {
  const resolution: KeyResolution = { letters: new Map(), missing: new Map(), problems: [] };
  if (blocks.length === 0) return resolution;
  if (runs.length <= 1) {
    applyToRun(resolution, runs[0] ?? { labels: [], questions: [] }, blocks, null);
    return resolution;
  }
  const assigned: KeyBlock[][] = runs.map(() => []);
  const loose: KeyBlock[] = [];
  const tail: KeyBlock[] = [];
  for (const block of blocks) {
    if (block.label) {
      const label = block.label;
      const matching = runs.flatMap((run, i) => (run.labels.some((l) => sameLabel(l, label)) ? [i] : []));
      if (matching.length === 1) assigned[matching[0]].push(block);
      else if (matching.length === 0) {
        resolution.problems.push({
          question: null,
          line: block.line,
          message: `Bảng đáp án ${label.name} không ứng với phần nào có câu hỏi trong tệp`,
        });
      } else loose.push(block);
    } else if (block.after >= 1 && block.after < runs.length) assigned[block.after - 1].push(block);
    else if (block.after === runs.length) tail.push(block);
    else loose.push(block);
  }
  if (tail.length > 0) {
    if (assigned.slice(0, -1).every((own) => own.length > 0)) assigned[runs.length - 1].push(...tail);
    else loose.push(...tail);
  }
  const settled = new Set<number>();
  for (const block of loose) answerLoosely(resolution, runs, block, settled);
  runs.forEach((run, i) => {
    if (assigned[i].length > 0) applyToRun(resolution, run, assigned[i], runName(run, i));
    else {
      for (const q of run.questions) {
        if (!settled.has(q.index)) resolution.missing.set(q.index, `Không có bảng đáp án cho ${runName(run, i)}`);
      }
    }
  });
  return resolution;
}

/** The letters of a run's tables by number; two different letters for one number answer nothing. */
function applyToRun(resolution: KeyResolution, run: NumberingRun, blocks: KeyBlock[], name: string | null): void {
  const letters = new Map<number, Set<string>>();
  const lineOf = new Map<number, number>();
  for (const block of blocks) {
    for (const [number, letter] of block.pairs) {
      if (!letters.has(number)) letters.set(number, new Set());
      letters.get(number)!.add(letter);
      if (!lineOf.has(number)) lineOf.set(number, block.line);
    }
  }
  const table = name ? `Bảng đáp án ${name}` : 'Bảng đáp án';
  const written = new Set(run.questions.map((q) => q.written));
  const twice = new Set(
    run.questions.filter((q, i) => run.questions.findIndex((o) => o.written === q.written) !== i).map((q) => q.written),
  );
  for (const q of run.questions) {
    const found = letters.get(q.written);
    if (found && twice.has(q.written)) {
      resolution.problems.push({
        question: q.number,
        line: q.line,
        message: `Có nhiều câu số ${q.written}${name ? ` trong ${name}` : ''}: không rõ đáp án câu ${q.written} của bảng đáp án là của câu nào`,
      });
    } else if (!found) resolution.missing.set(q.index, `${table} không có câu ${q.written}`);
    else if (found.size > 1) {
      resolution.problems.push({
        question: q.number,
        line: q.line,
        message: `${table} ghi nhiều đáp án khác nhau cho câu ${q.written} (${[...found].join(', ')})`,
      });
      resolution.missing.delete(q.index);
    } else resolution.letters.set(q.index, [...found][0]);
  }
  for (const [number, line] of lineOf) {
    if (!written.has(number)) {
      resolution.problems.push({
        question: null,
        line,
        message: `${table} có câu ${number} nhưng ${name ?? 'tệp'} không có câu ${number}`,
      });
    }
  }
}

/** A table that could answer any part: each question whose number it lists gets a problem, and no letter. */
function answerLoosely(resolution: KeyResolution, runs: NumberingRun[], block: KeyBlock, settled: Set<number>): void {
  for (const number of new Set(block.pairs.map(([n]) => n))) {
    const questions = runs.flatMap((run) => run.questions.filter((q) => q.written === number));
    if (questions.length === 0) {
      resolution.problems.push({
        question: null,
        line: block.line,
        message: `Bảng đáp án có câu ${number} nhưng tệp không có câu ${number}`,
      });
    }
    for (const q of questions) {
      settled.add(q.index);
      resolution.problems.push({
        question: q.number,
        line: q.line,
        message:
          `Không rõ đáp án của câu ${number}: số câu bắt đầu `
          + `lại ở mỗi phần mà bảng đáp án ở dòng ${block.line} không ghi là của phần nào (ghi "ĐÁP ÁN PHẦN I", "ĐÁP ÁN PHẦN II"… `
          + 'trên bảng của từng phần)',
      });
    }
  }
}
