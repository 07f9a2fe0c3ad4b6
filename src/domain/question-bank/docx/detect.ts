/** Line classification for Vietnamese "trộn đề" Word files; works on the plain text of one paragraph. */
import type { Difficulty } from '../types.ts';

export interface QuestionStart {
  number: number;
  /** Offset where the stem text begins (after the number and an optional difficulty tag). */
  contentStart: number;
  difficulty: Difficulty | null;
}

const QUESTION_START = /^\s*(?:(?:c[âa]u|b[àa]i)\s*(\d{1,4})(?!\d)\s*[.:)\-–]?|(\d{1,4})\s*[.)](?!\d))\s*/iu;
const DIFFICULTY_TAG = /^[[(]\s*(NB|TH|VDC|VD|nhận biết|thông hiểu|vận dụng cao|vận dụng)\s*[\])]\s*[.:]?\s*/iu;

function difficultyOf(tag: string): Difficulty {
  const lower = tag.toLowerCase();
  if (lower === 'nb' || lower === 'nhận biết') return 'recognition';
  if (lower === 'th' || lower === 'thông hiểu') return 'comprehension';
  return 'application';
}

export function matchQuestionStart(text: string): QuestionStart | null {
  const match = QUESTION_START.exec(text.normalize('NFC'));
  if (!match) return null;
  let contentStart = match[0].length;
  let difficulty: Difficulty | null = null;
  const tag = DIFFICULTY_TAG.exec(text.slice(contentStart));
  if (tag) {
    difficulty = difficultyOf(tag[1]);
    contentStart += tag[0].length;
  }
  return { number: Number(match[1] ?? match[2]), contentStart, difficulty };
}

export interface OptionMarker {
  /** Upper-case letter. */
  letter: string;
  lowerCase: boolean;
  star: boolean;
  hash: boolean;
  /** Offset of the first character of the marker ('*', '#' or the letter). */
  start: number;
  letterIndex: number;
  /** Offset where the option's own text begins. */
  contentStart: number;
}

// [*#] letter [.):] at the start of the text or after a tab / 2+ spaces.
const MARKER = /(^|\t|[ \u00a0]{2,}|\n)([ \u00a0]*)([*#]?)([ \u00a0]*)([A-Ha-h])[ \u00a0]*[.):][ \u00a0]*/gu;

/** The option markers of a paragraph that starts with an option ("A. …", "*C) …", "#D: …"), else null. */
export function matchOptions(text: string): OptionMarker[] | null {
  const markers: OptionMarker[] = [];
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(text); match; match = MARKER.exec(text)) {
    const start = match.index + match[1].length + match[2].length;
    const letterIndex = start + match[3].length + match[4].length;
    const raw = match[5];
    const letter = raw.toUpperCase();
    const lowerCase = raw !== letter;
    if (markers.length === 0) {
      if (text.slice(0, start).trim() !== '') return null;
    } else {
      const previous = markers[markers.length - 1];
      // Only the next letters in the same case split a line; "x  B. y" inside a text is otherwise kept.
      if (lowerCase !== previous.lowerCase || letter <= previous.letter) continue;
    }
    markers.push({
      letter, lowerCase, star: match[3] === '*', hash: match[3] === '#', start, letterIndex,
      contentStart: match.index + match[0].length,
    });
  }
  return markers.length > 0 ? markers : null;
}

const ROMAN_HEADING = /^\s*[IVX]{1,6}\s*[.)\-–:]\s*\S/u;
const WORD_HEADING = /^\s*(?:phần\s+(?:[IVX]{1,6}|\d{1,3}|[A-Z])(?![\p{L}\d])|nhóm\s+(?:[IVX]{1,6}|\d{1,3})(?![\p{L}\d])|(?:chuyên|chủ)\s+đề(?![\p{L}]))/iu;

export function isHeading(text: string): boolean {
  const nfc = text.normalize('NFC');
  return ROMAN_HEADING.test(nfc) || WORD_HEADING.test(nfc);
}

const ANSWER_LINE = /^\s*(?:đáp\s*án(?:\s*đúng)?|ĐA)\s*[:.\-–]?\s*((?:[A-H](?![\p{L}\d])[\s,;và]*)+)\.?\s*$/iu;

/** Letters of an answer line under a question ("Đáp án: C", "ĐA: B"), else null. */
export function matchAnswerLine(text: string): string[] | null {
  const match = ANSWER_LINE.exec(text.normalize('NFC'));
  if (!match) return null;
  const letters = match[1].toUpperCase().match(/[A-H](?![\p{L}])/gu) ?? [];
  return letters.length > 0 ? letters : null;
}

const ANSWER_KEY_HEADING = /^\s*(?:bảng\s+)?(?:đáp\s*án|ĐA)(?:\s+(?:đề|phần|trắc nghiệm)[^:]*)?\s*[:.]?\s*$/iu;

/** "ĐÁP ÁN", "Bảng đáp án", "Đáp án:" alone on a line: an answer key follows. */
export function isAnswerKeyHeading(text: string): boolean {
  return ANSWER_KEY_HEADING.test(text.normalize('NFC'));
}

const PAIR = /(\d{1,4})\s*[-.:)–]?\s*([A-Ha-h])(?![\p{L}\d])/gu;

/** Number → letter pairs when the whole text is pairs like "1-A 2-C 3.B 4A", else null. */
export function matchAnswerPairs(text: string, minimum = 2): Map<number, string> | null {
  const pairs = new Map<number, string>();
  const rest = text.replace(PAIR, (_all, number: string, letter: string) => {
    pairs.set(Number(number), letter.toUpperCase());
    return ' ';
  });
  if (pairs.size < minimum || rest.replace(/[\s,;|]/g, '') !== '') return null;
  return pairs;
}

const HEADER_CELL = /^(?:câu|câu hỏi|số câu|stt|đáp án|đa|câu số)$/iu;

/** Number → letter pairs of a Word answer table (numbers above / beside letters, or "1-A" cells), else null. */
export function answerTablePairs(rows: string[][]): Map<number, string> | null {
  const cells = rows.map((row) => row.map((cell) => cell.normalize('NFC').trim()));
  const pairs = new Map<number, string>();
  const isNumber = (value: string | undefined): boolean => value !== undefined && /^\d{1,4}$/.test(value);
  const isLetter = (value: string | undefined): boolean => value !== undefined && /^[A-Ha-h]$/.test(value);
  for (let r = 0; r < cells.length; r++) {
    for (let c = 0; c < cells[r].length; c++) {
      const cell = cells[r][c];
      if (cell === '' || HEADER_CELL.test(cell) || isLetter(cell)) continue;
      if (isNumber(cell)) {
        const right = cells[r][c + 1];
        const below = cells[r + 1]?.[c];
        if (isLetter(right)) pairs.set(Number(cell), right.toUpperCase());
        else if (isLetter(below)) pairs.set(Number(cell), below.toUpperCase());
        continue;
      }
      const inCell = matchAnswerPairs(cell, 1);
      if (!inCell) return null;
      for (const [number, letter] of inCell) pairs.set(number, letter);
    }
  }
  return pairs.size > 0 ? pairs : null;
}
