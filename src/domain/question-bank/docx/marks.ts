/** Which options are marked correct / pinned, from formatting, '*' / '#' and answer lines or tables. */
import type { DocxRun, RunFormat } from './read-docx.ts';
import type { OptionMarker } from './detect.ts';
import { formatAt, shareOf } from './runs.ts';

export interface OptionMarks {
  underline: boolean;
  color: boolean;
  highlight: boolean;
  /** Bold on the letter or most of the text. */
  bold: boolean;
  /** Any bold character at all in the option (letter, punctuation or text). */
  anyBold: boolean;
  italicLetter: boolean;
  star: boolean;
  hash: boolean;
}

/** marker runs: the option's runs from its marker ('*', '#' or letter) on; text runs: its own text. */
export function optionMarks(marker: OptionMarker, markerRuns: DocxRun[], textRuns: DocxRun[]): OptionMarks {
  const letter = formatAt(markerRuns, marker.letterIndex - marker.start);
  const on = (flag: keyof RunFormat): boolean => Boolean(letter?.[flag]) || shareOf(textRuns, flag) > 0.5;
  return {
    underline: on('underline'),
    color: on('color'),
    highlight: on('highlight'),
    bold: on('bold'),
    anyBold: shareOf(markerRuns, 'bold') > 0 || shareOf(textRuns, 'bold') > 0,
    italicLetter: Boolean(letter?.italic),
    star: marker.star,
    hash: marker.hash,
  };
}

type Flag = 'underline' | 'color' | 'highlight' | 'italicLetter';

/** The flag per option, dropped when every option of a question (2+) has it: then it is the style, not a mark. */
function distinctive(marks: OptionMarks[], flag: Flag): boolean[] {
  const values = marks.map((mark) => mark[flag]);
  if (values.length > 1 && values.every(Boolean)) return values.map(() => false);
  return values;
}

/**
 * Bold marks the answer only when, over the whole file, bold in options is used for nothing else:
 * every option with bold is bold on its letter or most of its text, and no question has two bold options.
 */
export function boldIsAnswerMark(questions: OptionMarks[][]): boolean {
  let used = false;
  for (const marks of questions) {
    if (marks.some((mark) => mark.anyBold && !mark.bold)) return false;
    const count = marks.filter((mark) => mark.bold).length;
    if (count > 1) return false;
    if (count === 1) used = true;
  }
  return used;
}

export interface QuestionMarks {
  correct: boolean[];
  pinned: boolean[];
}

/**
 * Correct = '*' ∪ underline ∪ colour ∪ highlight ∪ answer-line/answer-table letters; bold only when that is empty
 * and bold is the file's answer mark. Pinned = '#' or an italic letter.
 */
export function resolveMarks(marks: OptionMarks[], letters: string[], answerLetters: string[], useBold: boolean): QuestionMarks {
  const underline = distinctive(marks, 'underline');
  const color = distinctive(marks, 'color');
  const highlight = distinctive(marks, 'highlight');
  const italic = distinctive(marks, 'italicLetter');
  let correct = marks.map((mark, i) => mark.star || underline[i] || color[i] || highlight[i] || answerLetters.includes(letters[i]));
  if (useBold && !correct.some(Boolean)) correct = marks.map((mark) => mark.bold);
  return { correct, pinned: marks.map((mark, i) => mark.hash || italic[i]) };
}
