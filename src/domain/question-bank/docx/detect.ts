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
      letter,
      lowerCase,
      star: match[3] === '*',
      hash: match[3] === '#',
      start,
      letterIndex,
      contentStart: match.index + match[0].length,
    });
  }
  return markers.length > 0 ? markers : null;
}

const ROMAN_HEADING = /^\s*[IVX]{1,6}\s*[.)\-–:]\s*\S/u;
const WORD_HEADING =
  /^\s*(?:phần\s+(?:[IVX]{1,6}|\d{1,3}|[A-Z])(?![\p{L}\d])|nhóm\s+(?:[IVX]{1,6}|\d{1,3})(?![\p{L}\d])|(?:chuyên|chủ)\s+đề(?![\p{L}]))/iu;

export function isHeading(text: string): boolean {
  const nfc = text.normalize('NFC');
  return ROMAN_HEADING.test(nfc) || WORD_HEADING.test(nfc);
}

/** What a heading or an answer table names: a part ("Phần II", "II."), a topic ("Chuyên đề 3") or a group ("Nhóm 2"). */
export interface PartLabel {
  kind: 'part' | 'topic' | 'group';
  /** Roman and arabic numbers as arabic ("II" → "2"), letters upper-case. */
  id: string;
  /** As written, for messages: "phần II", "chuyên đề 3". */
  name: string;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanValue(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i]];
    total += value < (ROMAN_VALUES[roman[i + 1]] ?? 0) ? -value : value;
  }
  return total;
}

const LABEL_ID = String.raw`([IVX]{1,6}|\d{1,3}|[A-Z])(?![\p{L}\d])`;
const LABEL_WORD = String.raw`(phần|nhóm|chuyên\s+đề|chủ\s+đề)`;
const HEADING_LABEL = new RegExp(String.raw`^\s*(?:${LABEL_WORD}\s+${LABEL_ID}|([IVX]{1,6})(?=\s*[.)\-–:]))`, 'iu');

function labelOf(word: string | undefined, raw: string): PartLabel {
  const written = word ? word.toLowerCase().replace(/\s+/g, ' ') : 'phần';
  const upper = raw.toUpperCase();
  const id = /^\d+$/.test(raw) ? String(Number(raw)) : /^[IVX]+$/.test(upper) ? String(romanValue(upper)) : upper;
  const kind = written === 'phần' ? 'part' : written === 'nhóm' ? 'group' : 'topic';
  return { kind, id, name: `${written} ${word ? raw : upper}` };
}

/** The part, topic or group a heading starts ("PHẦN II. …", "II. …", "Chuyên đề 3: …"), else null. */
export function headingLabel(text: string): PartLabel | null {
  const match = HEADING_LABEL.exec(text.normalize('NFC'));
  if (!match) return null;
  return match[3] ? labelOf(undefined, match[3]) : labelOf(match[1], match[2]);
}

const TOPIC_PREFIX = new RegExp(
  String.raw`^\s*(?:(?:phần|nhóm)\s+[IVX\dA-Z]{1,6}(?![\p{L}\d])|(?:chuyên|chủ)\s+đề(?:\s+(?:[IVX]{1,6}|\d{1,3}|[A-Z])(?![\p{L}\d]))?|[IVX]{1,6}(?=\s*[.)\-–:]))\s*[.:)\-–]?\s*`,
  'iu',
);
const TRAILING_PUNCTUATION = /[\s.:;,\-–]+$/u;
const EXPORTED_TOPIC = /^Chuyên đề: (\S.*)$/su;

/**
 * The topic a heading names, without its prefix ("PHẦN I. LỊCH SỬ ĐẢNG" → "LỊCH SỬ ĐẢNG", "Chuyên đề: Đạo đức nhà
 * giáo" → "Đạo đức nhà giáo"), the words kept as written, trailing punctuation dropped. A heading that is only a prefix
 * ("Phần 5") stays as written. "Chuyên đề: " exactly as our export writes it loses only that prefix, so that
 * "Chuyên đề: Phần II. Luật." → "Phần II. Luật.".
 */
export function topicOfHeading(text: string): string {
  const nfc = text.normalize('NFC').trim();
  // Our Word export writes "Chuyên đề: <topic>": the topic comes back exactly, whatever it ends with.
  const exported = EXPORTED_TOPIC.exec(nfc);
  if (exported) return exported[1];
  const rest = nfc.replace(TOPIC_PREFIX, '').replace(TRAILING_PUNCTUATION, '');
  return rest !== '' ? rest : nfc.replace(TRAILING_PUNCTUATION, '');
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
const KEY_WORDS = String.raw`(?:bảng\s+)?(?:đáp\s*án|ĐA)\s*(?:của\s+)?`;
/** "ĐÁP ÁN PHẦN II", "Đáp án chuyên đề 3: Pháp luật" (a title, not numbers, may follow). */
const KEY_PART_HEADING = new RegExp(String.raw`^\s*${KEY_WORDS}${LABEL_WORD}\s+${LABEL_ID}\s*(?:[.:\-–]\s*(?!\d)[^\n]{0,120})?$`, 'iu');

/** "ĐÁP ÁN", "Bảng đáp án", "Đáp án:", "ĐÁP ÁN PHẦN II" alone on a line: an answer key follows. */
export function isAnswerKeyHeading(text: string): boolean {
  const nfc = text.normalize('NFC');
  return ANSWER_KEY_HEADING.test(nfc) || KEY_PART_HEADING.test(nfc);
}

/** The part an answer-key heading names ("ĐÁP ÁN PHẦN II" → part 2), else null. */
export function keyHeadingLabel(text: string): PartLabel | null {
  const match = KEY_PART_HEADING.exec(text.normalize('NFC'));
  return match ? labelOf(match[1], match[2]) : null;
}

/** A question number and the letter the answer key gives it. */
export type KeyPair = [number, string];

const PAIR = /(\d{1,4})\s*[-.:)–]?\s*([A-Ha-h])(?![\p{L}\d])/gu;

/** Number → letter pairs in order (repeats kept) when the whole text is pairs like "1-A 2-C 3.B 4A", else null. */
export function answerPairList(text: string, minimum = 2): KeyPair[] | null {
  const pairs: KeyPair[] = [];
  const rest = text.replace(PAIR, (_all, number: string, letter: string) => {
    pairs.push([Number(number), letter.toUpperCase()]);
    return ' ';
  });
  if (pairs.length < minimum || rest.replace(/[\s,;|]/g, '') !== '') return null;
  return pairs;
}

/** Number → letter pairs when the whole text is pairs like "1-A 2-C 3.B 4A", else null. */
export function matchAnswerPairs(text: string, minimum = 2): Map<number, string> | null {
  const pairs = answerPairList(text, minimum);
  return pairs ? new Map(pairs) : null;
}

const KEY_LINE = new RegExp(
  String.raw`^\s*(?:(${KEY_WORDS})(?:${LABEL_WORD}\s+${LABEL_ID})?|${LABEL_WORD}\s+${LABEL_ID})\s*[:.\-–]\s*(\d.*)$`,
  'iu',
);

/** A line giving an answer key after a label: "Đáp án: 1-A 2-B", "ĐÁP ÁN PHẦN II: 1.C 2.D", "Phần I: 1A 2B", else null. */
export function matchKeyLine(text: string): { label: PartLabel | null; pairs: KeyPair[] } | null {
  const match = KEY_LINE.exec(text.normalize('NFC'));
  if (!match) return null;
  const pairs = answerPairList(match[6], 1);
  if (!pairs) return null;
  const word = match[2] ?? match[4];
  const id = match[3] ?? match[5];
  return { label: word && id ? labelOf(word, id) : null, pairs };
}

const HEADER_CELL = /^(?:câu|câu hỏi|số câu|stt|đáp án|đa|câu số)$/iu;

/** Number → letter pairs of a Word answer table (numbers above / beside letters, or "1-A" cells), in order, else null. */
export function answerTablePairs(rows: string[][]): KeyPair[] | null {
  const cells = rows.map((row) => row.map((cell) => cell.normalize('NFC').trim()));
  const pairs: KeyPair[] = [];
  const isNumber = (value: string | undefined): boolean => value !== undefined && /^\d{1,4}$/.test(value);
  const isLetter = (value: string | undefined): boolean => value !== undefined && /^[A-Ha-h]$/.test(value);
  for (let r = 0; r < cells.length; r++) {
    for (let c = 0; c < cells[r].length; c++) {
      const cell = cells[r][c];
      if (cell === '' || HEADER_CELL.test(cell) || isLetter(cell)) continue;
      if (isNumber(cell)) {
        const right = cells[r][c + 1];
        const below = cells[r + 1]?.[c];
        if (isLetter(right)) pairs.push([Number(cell), right.toUpperCase()]);
        else if (isLetter(below)) pairs.push([Number(cell), below.toUpperCase()]);
        continue;
      }
      const inCell = answerPairList(cell, 1);
      if (!inCell) return null;
      pairs.push(...inCell);
    }
  }
  return pairs.length > 0 ? pairs : null;
}

const ROW_LABEL = new RegExp(String.raw`^(?:${LABEL_WORD}\s+${LABEL_ID}|([IVX]{1,6}))\s*[.:]?$`, 'iu');

/**
 * One answer table for all parts, a row per part: the first cell names it ("Phần I", "II", "Phần 2") and the letters sit
 * under a row of question numbers, or the row holds "1-B" cells. Each part's pairs, else null.
 */
export function partTablePairs(rows: string[][]): { label: PartLabel; pairs: KeyPair[] }[] | null {
  const cells = rows.map((row) => row.map((cell) => cell.normalize('NFC').trim()));
  const numbers = cells.find(
    (row) =>
      row.length > 1 && row.slice(1).every((cell) => cell === '' || /^\d{1,4}$/.test(cell)) && row.slice(1).some((cell) => cell !== ''),
  );
  const parts: { label: PartLabel; pairs: KeyPair[] }[] = [];
  for (const row of cells) {
    if (row === numbers || row.every((cell) => cell === '')) continue;
    const match = ROW_LABEL.exec(row[0] ?? '');
    if (!match) return null;
    const label = match[3] ? labelOf(undefined, match[3]) : labelOf(match[1], match[2]);
    const pairs: KeyPair[] = [];
    if (numbers) {
      row.slice(1).forEach((cell, i) => {
        const number = numbers[i + 1];
        if (/^[A-Ha-h]$/.test(cell) && number) pairs.push([Number(number), cell.toUpperCase()]);
      });
    } else pairs.push(...(answerTablePairs([row.slice(1)]) ?? []));
    if (pairs.length === 0) return null;
    parts.push({ label, pairs });
  }
  return parts.length > 0 ? parts : null;
}
