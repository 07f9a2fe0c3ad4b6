/**
 * Moodle GIFT import: single-answer multiple-choice questions are kept; what Moodle writes around them (format prefixes,
 * HTML, markdown, weights, pictures, other question types) is read or reported on the question's line.
 */
import { normalizeText } from '../../text.ts';
import { blocksOfPlainText, richLines, stemOfBlocks } from '../rich-text.ts';
import type { ParsedOption, ParsedQuestion, QuestionParseResult, QuestionProblem } from '../types.ts';
import { htmlToBlocks, markdownToBlocks, type MarkupText } from './markup.ts';

export const MAX_OPTIONS = 8;
const FORMAT_PREFIX = /^\[(html|moodle|markdown|plain)\]/i;
const WEIGHT = /^%(-?\d+(?:[.,]\d+)?)%/;
const TRUE_FALSE = /^(t|f|true|false)$/i;
const CATEGORY = /^\$CATEGORY:/i;
/** Characters GIFT lets one escape with a backslash (besides \n, a line break). */
const ESCAPABLE = new Set(['=', '~', '#', '{', '}', ':', '\\']);

export type UnsupportedKind = 'đúng/sai' | 'trả lời ngắn' | 'ghép đôi' | 'số' | 'tự luận' | 'mô tả';

export function unsupportedMessage(kind: UnsupportedKind): string {
  return `Câu hỏi dạng ${kind} không được hỗ trợ, đã bỏ qua`;
}

interface SourceLine {
  no: number;
  text: string;
}

type Format = 'html' | 'moodle' | 'markdown' | 'plain';

/** Index of `target` in `s` from `from`, skipping backslash-escaped characters; -1 if absent. */
export function findUnescaped(s: string, target: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(target, i)) return i;
  }
  return -1;
}

function unescapeGift(s: string): string {
  return s.replace(/\\([\s\S])/g, (match, c: string) => (c === 'n' ? '\n' : ESCAPABLE.has(c) ? c : match));
}

/** Source line breaks are soft (spaces); `\n` (or <br> in HTML) is a real line break. */
function readText(raw: string, format: Format): MarkupText {
  const text = unescapeGift(raw.replace(/\r?\n/g, ' '));
  if (format === 'html') return htmlToBlocks(text, true);
  // Moodle's auto-format lets HTML through: its tags are read, a lone "<" stays text.
  if (format === 'moodle') return htmlToBlocks(text, false);
  if (format === 'markdown') return markdownToBlocks(text);
  return { blocks: blocksOfPlainText(text), images: 0 };
}

const oneLine = (markup: MarkupText) => normalizeText(richLines(markup.blocks).join(' '));

/** Groups lines into blank-line separated blocks; `//` comment lines are dropped. */
function splitBlocks(text: string): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let current: SourceLine[] = [];
  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((text, i) => {
      const trimmed = text.trim();
      if (trimmed.startsWith('//')) return;
      if (trimmed === '') {
        if (current.length) blocks.push(current);
        current = [];
        return;
      }
      current.push({ no: i + 1, text });
    });
  if (current.length) blocks.push(current);
  return blocks;
}

/** The last segment of a category path (`//` stands for a literal slash). */
export function categoryTopic(path: string): string | null {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] !== '/') current += path[i];
    else if (path[i + 1] === '/') {
      current += '/';
      i++;
    } else {
      segments.push(current);
      current = '';
    }
  }
  segments.push(current);
  const last = segments.map(normalizeText).filter(Boolean).pop();
  return !last || /^\$\w+\$$/.test(last) ? null : last;
}

interface Header {
  title: string;
  format: Format;
  text: string;
}

function splitHeader(raw: string): Header {
  let text = raw.trimStart();
  let title = '';
  if (text.startsWith('::')) {
    const end = findUnescaped(text, '::', 2);
    if (end >= 0) {
      title = text.slice(2, end);
      text = text.slice(end + 2).trimStart();
    }
  }
  const prefix = FORMAT_PREFIX.exec(text);
  const format = (prefix ? prefix[1].toLowerCase() : 'moodle') as Format;
  if (prefix) text = text.slice(prefix[0].length);
  return { title: oneLine(readText(title, format)), format, text };
}

interface Answer {
  marker: '=' | '~';
  raw: string;
}

function splitAnswers(body: string): Answer[] {
  const answers: Answer[] = [];
  let current: Answer | null = null;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      if (current) current.raw += body.slice(i, i + 2);
      i++;
    } else if (c === '=' || c === '~') {
      current = { marker: c, raw: '' };
      answers.push(current);
    } else if (current) current.raw += c;
  }
  return answers;
}

function unsupportedKind(body: string, answers: Answer[]): UnsupportedKind | null {
  const trimmed = body.trim();
  if (trimmed === '') return 'tự luận';
  if (trimmed.startsWith('#')) return 'số';
  const feedback = findUnescaped(trimmed, '#');
  const beforeFeedback = (feedback >= 0 ? trimmed.slice(0, feedback) : trimmed).trim();
  if (TRUE_FALSE.test(beforeFeedback)) return 'đúng/sai';
  const hasWrong = answers.some((a) => a.marker === '~');
  if (!hasWrong && findUnescaped(body, '->') >= 0) return 'ghép đôi';
  if (!hasWrong && answers.length > 0) return 'trả lời ngắn';
  return null;
}

interface GiftOption {
  option: ParsedOption;
  /** The weight as written ("%-50%"), when there is one. */
  weight: string | null;
  percent: number;
  images: number;
}

function toOption(answer: Answer, index: number, format: Format): GiftOption {
  let raw = answer.raw.trimStart();
  const weight = WEIGHT.exec(raw);
  if (weight) raw = raw.slice(weight[0].length);
  const feedback = findUnescaped(raw, '#');
  if (feedback >= 0) raw = raw.slice(0, feedback);
  const text = readText(raw, format);
  const percent = answer.marker === '=' ? 100 : weight ? Number(weight[1].replace(',', '.')) : 0;
  return {
    option: { letter: String.fromCharCode(0x41 + index), text: oneLine(text), correct: percent === 100, pinned: false, images: [] },
    weight: weight ? weight[0] : null,
    percent,
    images: text.images,
  };
}

/**
 * What the weights say, in Vietnamese: null when they give exactly one correct option and nothing else; `keep` when
 * that one correct option is read but other weights (partial credit, penalties) are left out.
 */
function weightProblem(options: GiftOption[]): { message: string; keep: boolean } | null {
  const full = options.filter((o) => o.percent === 100);
  const weighted = options.filter((o) => o.percent !== 100 && o.percent !== 0);
  const listed = (list: GiftOption[]) => list.map((o) => `${o.option.letter} ${o.weight}`).join(', ');
  if (full.length === 1) {
    if (weighted.length === 0) return null;
    return {
      keep: true,
      message:
        `Đọc phương án ${full[0].option.letter} là đáp án đúng; trọng số điểm của phương án khác `
        + `không được nhập (${listed(weighted)}), hệ thống chấm đúng/sai`,
    };
  }
  const partial = options.filter((o) => o.percent > 0 && o.percent < 100);
  if (full.length > 1 || partial.length > 1) {
    const why =
      full.length > 1 ? `${full.length} phương án trọn điểm` : `trọng số ${[...new Set(partial.map((o) => o.weight))].join(', ')}`;
    return { keep: false, message: `Câu hỏi có nhiều đáp án đúng (${why}); hệ thống chỉ hỗ trợ một đáp án đúng` };
  }
  if (partial.length === 1) {
    return {
      keep: false,
      message:
        `Câu hỏi không có đáp án trọn điểm (= hoặc %100%); phương án ${partial[0].option.letter} ` + `chỉ có trọng số ${partial[0].weight}`,
    };
  }
  return { keep: false, message: 'Câu hỏi không có đáp án đúng (đánh dấu bằng = hoặc %100%)' };
}

export const LINKED_IMAGE_MESSAGE = 'hình ảnh liên kết không được nhập';

interface BlockResult {
  question?: ParsedQuestion;
  problems: QuestionProblem[];
}

function parseQuestion(raw: string, number: number, line: number, topic: string | null): BlockResult {
  const problemsOf = (messages: string[]) => messages.map((message) => ({ question: number, line, message }));
  const fail = (...messages: string[]): BlockResult => ({ problems: problemsOf(messages) });
  const open = findUnescaped(raw, '{');
  if (open < 0) return fail(unsupportedMessage('mô tả'));
  const close = findUnescaped(raw, '}', open + 1);
  if (close < 0) return fail('Thiếu dấu } đóng phần đáp án');
  const after = raw.slice(close + 1);
  if (findUnescaped(after, '{') >= 0) {
    return fail('Có nhiều phần đáp án {…} trong một khối, có thể thiếu dòng trống giữa hai câu hỏi');
  }
  const body = raw.slice(open + 1, close);
  const answers = splitAnswers(body);
  const kind = unsupportedKind(body, answers);
  if (kind) return fail(unsupportedMessage(kind));
  if (answers.length === 0) return fail('Không tìm thấy phương án nào (bắt đầu bằng = hoặc ~)');

  const header = splitHeader(raw.slice(0, open));
  // "Missing word" questions keep the text after the answers, with a blank where they stood.
  const source = after.trim() ? `${header.text} _____ ${after}` : header.text;
  const text = readText(source, header.format);
  const stemParts = stemOfBlocks(text.blocks);
  const stem = stemParts.stem || header.title;
  const options = answers.map((a, i) => toOption(a, i, header.format));

  const messages: string[] = [];
  if (!stem) messages.push('Câu hỏi không có nội dung');
  for (const o of options) if (!o.option.text) messages.push(`Phương án ${o.option.letter} không có nội dung`);
  if (options.length < 2) messages.push(`Câu hỏi chỉ có ${options.length} phương án, cần ít nhất 2`);
  if (options.length > MAX_OPTIONS) {
    messages.push(`Câu hỏi có ${options.length} phương án, nhiều nhất ${MAX_OPTIONS}`);
  }
  const weights = weightProblem(options);
  if (weights && !weights.keep) messages.push(weights.message);
  if (messages.length) return fail(...messages);

  // The question is read; what it loses on the way is said on its line.
  const notes: string[] = [];
  if (weights) notes.push(weights.message);
  const images = text.images + options.reduce((n, o) => n + o.images, 0);
  if (images > 0) notes.push(`Câu hỏi có ${images} ${LINKED_IMAGE_MESSAGE} (ảnh nằm trên trang Moodle, không có trong tệp GIFT)`);
  return {
    question: {
      number,
      line,
      stem,
      ...(stemParts.stem && stemParts.stemRich ? { stemRich: stemParts.stemRich } : {}),
      topic,
      difficulty: null,
      images: [],
      options: options.map((o) => o.option),
    },
    problems: problemsOf(notes),
  };
}

export function parseGift(text: string): QuestionParseResult {
  const questions: ParsedQuestion[] = [];
  const problems: QuestionProblem[] = [];
  let topic: string | null = null;
  let number = 0;
  for (let lines of splitBlocks(text)) {
    const first = lines[0].text.trim();
    if (CATEGORY.test(first)) {
      topic = categoryTopic(first.slice(first.indexOf(':') + 1));
      lines = lines.slice(1);
      if (!lines.length) continue;
    }
    number++;
    const raw = lines.map((l) => l.text).join('\n');
    const result = parseQuestion(raw, number, lines[0].no, topic);
    if (result.question) questions.push(result.question);
    problems.push(...result.problems);
  }
  return { questions, problems };
}
